package dev.attest.ownership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.attest.ownership.OwnershipStructure.Holding;
import dev.attest.ownership.OwnershipStructure.Kind;
import dev.attest.ownership.OwnershipStructure.Party;

/**
 * Effective ownership of the subject company by every individual: the sum over all chains of the product
 * of the shares. The organizations that (indirectly) own the subject are split into strongly connected
 * components; components are solved from the subject outwards, each as a small linear system
 * {@code (I − W) g = b}, so circular structures get the exact limit of all chains without walking them.
 * Plain logic, no engine or UI types; the same input always gives the same output.
 */
public final class OwnershipAnalysis {

    /** The finding codes of RULES.md, in the order they are reported. */
    public enum FindingCode {
        CORPORATE_OWNER_UNRESOLVED, FOREIGN_PARENT_UNDOCUMENTED, CIRCULAR_OWNERSHIP, OWNERSHIP_EXCEEDS_100,
        OWNERSHIP_INCOMPLETE, NO_OWNER_ABOVE_THRESHOLD, CONTROL_PERSON_MISSING
    }

    /**
     * One chain from an individual to the subject.
     *
     * @param parties the party ids from the individual to the subject
     * @param percent the product of the shares along it, rounded to two decimals
     */
    public record Chain(List<String> parties, double percent) {
    }

    /**
     * An individual at or above the threshold.
     *
     * @param party the party id
     * @param name the name
     * @param effectivePercent the effective share of the subject, rounded to two decimals
     * @param chains the chains that make up the share, largest first (at most 50; in circular structures
     *        the share also includes the limit of the cycles, so the chains add up to less)
     */
    public record BeneficialOwner(String party, String name, double effectivePercent, List<Chain> chains) {
    }

    /**
     * A finding.
     *
     * @param code what kind
     * @param parties the parties it concerns
     * @param message what to do about it
     */
    public record Finding(FindingCode code, List<String> parties, String message) {
    }

    /**
     * The analysis.
     *
     * @param threshold the threshold in percent (inclusive)
     * @param beneficialOwners individuals at or above it, largest share first
     * @param findings what needs attention
     */
    public record Result(double threshold, List<BeneficialOwner> beneficialOwners, List<Finding> findings) {

        public boolean has(FindingCode code) {
            return findings.stream().anyMatch(f -> f.code() == code);
        }
    }

    private static final int MAX_CHAINS = 50;
    private static final int MAX_CHAIN_STEPS = 200_000;
    private static final double EPSILON = 1e-9;

    private OwnershipAnalysis() {
    }

    public static Result analyse(OwnershipStructure structure, double thresholdPercent) {
        return new Run(structure, thresholdPercent).result();
    }

    /** One analysis: indices, graphs and the solution. */
    private static final class Run {
        final OwnershipStructure structure;
        final double threshold;
        final List<Party> parties;
        final Map<String, Integer> index = new HashMap<>();
        final int subject;
        /** owned → list of {owner, weight} (weights as fractions). */
        final List<List<double[]>> ownersOf;
        /** owner → list of {owned, weight} for owned organizations. */
        final List<List<double[]>> owns;
        final double[] effect;
        final boolean[] reachesSubject;
        final List<List<Integer>> cycles = new ArrayList<>();
        boolean singular;

        Run(OwnershipStructure structure, double threshold) {
            this.structure = structure;
            this.threshold = threshold;
            this.parties = new ArrayList<>(structure.parties().values());
            for (int i = 0; i < parties.size(); i++) {
                index.put(parties.get(i).id(), i);
            }
            int n = parties.size();
            ownersOf = new ArrayList<>(n);
            owns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ownersOf.add(new ArrayList<>());
                owns.add(new ArrayList<>());
            }
            for (Holding h : structure.holdings()) {
                int owner = index.get(h.owner());
                int owned = index.get(h.owned());
                ownersOf.get(owned).add(new double[] {owner, h.percent() / 100.0});
                owns.get(owner).add(new double[] {owned, h.percent() / 100.0});
            }
            subject = index.get(structure.subject());
            reachesSubject = reach();
            effect = solve();
        }

        boolean isPerson(int i) {
            return parties.get(i).kind() == Kind.PERSON;
        }

        /** Parties with a chain of holdings to the subject (the subject included). */
        boolean[] reach() {
            boolean[] seen = new boolean[parties.size()];
            Deque<Integer> todo = new ArrayDeque<>();
            seen[subject] = true;
            todo.add(subject);
            while (!todo.isEmpty()) {
                int owned = todo.poll();
                for (double[] h : ownersOf.get(owned)) {
                    int owner = (int) h[0];
                    if (!seen[owner]) {
                        seen[owner] = true;
                        todo.add(owner);
                    }
                }
            }
            return seen;
        }

        /**
         * g(o) = [o = subject] + Σ w(o→o')·g(o') over organizations that reach the subject, solved per strongly
         * connected component in Tarjan's order (every component after those it owns into); then each
         * party's effect on the subject.
         */
        double[] solve() {
            int n = parties.size();
            double[] g = new double[n];
            for (List<Integer> component : components()) {
                if (component.size() == 1) {
                    int o = component.get(0);
                    double value = o == subject ? 1.0 : 0.0;
                    for (double[] h : owns.get(o)) {
                        int owned = (int) h[0];
                        if (reachesSubject[owned]) {
                            value += h[1] * g[owned];
                        }
                    }
                    g[o] = value;
                } else {
                    cycles.add(component);
                    solveComponent(component, g);
                }
            }
            double[] effectOnSubject = new double[n];
            for (int i = 0; i < n; i++) {
                if (isPerson(i)) {
                    double sum = 0;
                    for (double[] h : owns.get(i)) {
                        int owned = (int) h[0];
                        if (reachesSubject[owned]) {
                            sum += h[1] * g[owned];
                        }
                    }
                    effectOnSubject[i] = sum;
                } else {
                    effectOnSubject[i] = g[i];
                }
            }
            return effectOnSubject;
        }

        void solveComponent(List<Integer> component, double[] g) {
            int k = component.size();
            Map<Integer, Integer> local = new HashMap<>();
            for (int i = 0; i < k; i++) {
                local.put(component.get(i), i);
            }
            double[][] a = new double[k][k + 1];
            for (int i = 0; i < k; i++) {
                int o = component.get(i);
                a[i][i] = 1.0;
                double b = o == subject ? 1.0 : 0.0;
                for (double[] h : owns.get(o)) {
                    int owned = (int) h[0];
                    Integer j = local.get(owned);
                    if (j != null) {
                        a[i][j] -= h[1];
                    } else if (reachesSubject[owned]) {
                        b += h[1] * g[owned];
                    }
                }
                a[i][k] = b;
            }
            for (int col = 0; col < k; col++) {
                int pivot = col;
                for (int r = col + 1; r < k; r++) {
                    if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                        pivot = r;
                    }
                }
                if (Math.abs(a[pivot][col]) < 1e-12) {
                    singular = true;
                    component.forEach(o -> g[o] = 0);
                    return;
                }
                double[] t = a[col];
                a[col] = a[pivot];
                a[pivot] = t;
                for (int r = 0; r < k; r++) {
                    if (r != col && a[r][col] != 0) {
                        double f = a[r][col] / a[col][col];
                        for (int c = col; c <= k; c++) {
                            a[r][c] -= f * a[col][c];
                        }
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                g[component.get(i)] = a[i][k] / a[i][i];
            }
        }

        /** Strongly connected components of the organizations that reach the subject (iterative Tarjan). */
        List<List<Integer>> components() {
            int n = parties.size();
            int[] order = new int[n];
            int[] low = new int[n];
            Arrays.fill(order, -1);
            boolean[] onStack = new boolean[n];
            Deque<Integer> stack = new ArrayDeque<>();
            List<List<Integer>> result = new ArrayList<>();
            int counter = 0;
            for (int start = 0; start < n; start++) {
                if (!reachesSubject[start] || isPerson(start) || order[start] >= 0) {
                    continue;
                }
                Deque<int[]> work = new ArrayDeque<>();
                work.push(new int[] {start, 0});
                order[start] = low[start] = counter++;
                stack.push(start);
                onStack[start] = true;
                while (!work.isEmpty()) {
                    int[] frame = work.peek();
                    int v = frame[0];
                    List<double[]> edges = owns.get(v);
                    if (frame[1] < edges.size()) {
                        int w = (int) edges.get(frame[1]++)[0];
                        if (!reachesSubject[w]) {
                            continue;
                        }
                        if (order[w] < 0) {
                            order[w] = low[w] = counter++;
                            stack.push(w);
                            onStack[w] = true;
                            work.push(new int[] {w, 0});
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], order[w]);
                        }
                    } else {
                        work.pop();
                        if (!work.isEmpty()) {
                            int parent = work.peek()[0];
                            low[parent] = Math.min(low[parent], low[v]);
                        }
                        if (low[v] == order[v]) {
                            List<Integer> component = new ArrayList<>();
                            int w;
                            do {
                                w = stack.pop();
                                onStack[w] = false;
                                component.add(w);
                            } while (w != v);
                            component.sort(Comparator.naturalOrder());
                            result.add(component);
                        }
                    }
                }
            }
            return result;
        }

        Result result() {
            List<BeneficialOwner> owners = new ArrayList<>();
            for (int i = 0; i < parties.size(); i++) {
                double percent = effect[i] * 100;
                if (isPerson(i) && percent >= threshold - EPSILON) {
                    owners.add(new BeneficialOwner(parties.get(i).id(), parties.get(i).name(), round(percent), chains(i)));
                }
            }
            owners.sort(Comparator.comparingDouble(BeneficialOwner::effectivePercent).reversed()
                    .thenComparing(BeneficialOwner::party));
            return new Result(threshold, List.copyOf(owners), findings(owners));
        }

        List<Chain> chains(int person) {
            List<Chain> chains = new ArrayList<>();
            int[] steps = {0};
            Deque<Integer> path = new ArrayDeque<>();
            boolean[] onPath = new boolean[parties.size()];
            path.addLast(person);
            onPath[person] = true;
            walk(person, 1.0, path, onPath, chains, steps);
            chains.sort(Comparator.comparingDouble(Chain::percent).reversed()
                    .thenComparing(c -> String.join(">", c.parties())));
            return chains.size() > MAX_CHAINS ? List.copyOf(chains.subList(0, MAX_CHAINS)) : List.copyOf(chains);
        }

        void walk(int from, double share, Deque<Integer> path, boolean[] onPath, List<Chain> chains, int[] steps) {
            for (double[] h : owns.get(from)) {
                if (++steps[0] > MAX_CHAIN_STEPS || chains.size() >= MAX_CHAINS * 4) {
                    return;
                }
                int owned = (int) h[0];
                if (!reachesSubject[owned] || onPath[owned]) {
                    continue;
                }
                path.addLast(owned);
                onPath[owned] = true;
                if (owned == subject) {
                    chains.add(new Chain(path.stream().map(i -> parties.get(i).id()).toList(), round(share * h[1] * 100)));
                } else {
                    walk(owned, share * h[1], path, onPath, chains, steps);
                }
                onPath[owned] = false;
                path.removeLast();
            }
        }

        List<Finding> findings(List<BeneficialOwner> owners) {
            List<Finding> findings = new ArrayList<>();
            String subjectCountry = parties.get(subject).country().value();
            for (int i = 0; i < parties.size(); i++) {
                Party p = parties.get(i);
                if (isPerson(i) || !reachesSubject[i] || i == subject) {
                    continue;
                }
                if (ownersOf.get(i).isEmpty()) {
                    findings.add(new Finding(FindingCode.CORPORATE_OWNER_UNRESOLVED, List.of(p.id()),
                            p.name() + " has no recorded owners: trace it to the individuals behind it"));
                }
            }
            for (int i = 0; i < parties.size(); i++) {
                Party p = parties.get(i);
                if (!isPerson(i) && reachesSubject[i] && i != subject && !p.country().value().equals(subjectCountry)
                        && !p.documented()) {
                    findings.add(new Finding(FindingCode.FOREIGN_PARENT_UNDOCUMENTED, List.of(p.id()),
                            p.name() + " is registered in " + p.country().displayName()
                                    + " and has no documentation on file"));
                }
            }
            for (List<Integer> cycle : cycles) {
                findings.add(new Finding(FindingCode.CIRCULAR_OWNERSHIP, cycle.stream().map(i -> parties.get(i).id()).toList(),
                        singular ? "These organizations own each other with no owner outside the cycle: no "
                                + "individual can be traced through them"
                                : "These organizations own each other; effective shares include the limit of the cycle"));
            }
            for (int i = 0; i < parties.size(); i++) {
                if (isPerson(i) || ownersOf.get(i).isEmpty()) {
                    continue;
                }
                double total = ownersOf.get(i).stream().mapToDouble(h -> h[1]).sum() * 100;
                Party p = parties.get(i);
                if (total > 100 + 1e-6) {
                    findings.add(new Finding(FindingCode.OWNERSHIP_EXCEEDS_100, List.of(p.id()),
                            "The recorded owners of " + p.name() + " add up to " + round(total) + " %"));
                } else if (total < 100 - 1e-6 && reachesSubject[i]) {
                    findings.add(new Finding(FindingCode.OWNERSHIP_INCOMPLETE, List.of(p.id()),
                            "The recorded owners of " + p.name() + " add up to " + round(total) + " % (informational)"));
                }
            }
            if (owners.isEmpty()) {
                findings.add(new Finding(FindingCode.NO_OWNER_ABOVE_THRESHOLD, List.of(),
                        "No individual owns " + round(threshold) + " % or more: identify a senior managing official "
                                + "or control person instead"));
            }
            if (structure.controlPerson() == null) {
                findings.add(new Finding(FindingCode.CONTROL_PERSON_MISSING, List.of(),
                        "Name a control person (the US rule always asks for one)"));
            }
            findings.sort(Comparator.comparing(Finding::code));
            return List.copyOf(findings);
        }
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
