package dev.attest.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.attest.ownership.OwnershipAnalysis;
import dev.attest.ownership.OwnershipInput;
import dev.attest.ownership.OwnershipInput.HoldingInput;
import dev.attest.ownership.OwnershipInput.PartyInput;
import dev.attest.ownership.OwnershipStructure;

/**
 * Analysis of a generated structure with 10,000 parties and 20,000 holdings (layers of companies, people at
 * every level, cross-holdings and 200 two-company cycles). Prints a table; asserts nothing about time.
 * Run with {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
class OwnershipAnalysisBenchmark {

    static final int ORGANIZATIONS = 7_000;
    static final int PERSONS = 3_000;
    static final int HOLDINGS = 20_000;

    @Test
    void analyseTenThousandParties() throws IOException {
        OwnershipInput input = generate(new Random(7));
        List<Double> validate = new ArrayList<>();
        List<Double> analyse = new ArrayList<>();
        OwnershipAnalysis.Result last = null;
        for (int run = 0; run < 25; run++) {
            long t0 = System.nanoTime();
            OwnershipStructure structure = OwnershipStructure.from(input);
            long t1 = System.nanoTime();
            last = OwnershipAnalysis.analyse(structure, 25.0);
            long t2 = System.nanoTime();
            if (run >= 5) {
                validate.add((t1 - t0) / 1e6);
                analyse.add((t2 - t1) / 1e6);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Ownership analysis benchmark: %d parties, %d holdings, 20 runs after "
                + "5 warm-up", input.parties().size(), input.holdings().size()));
        lines.add(String.format(Locale.ROOT, "%-66s %8s %8s %8s", "step", "p50 ms", "p95 ms", "max ms"));
        lines.add(DocumentStorageBenchmark.row("validate the structure", sorted(validate)));
        lines.add(DocumentStorageBenchmark.row("analyse (components, solve, chains)", sorted(analyse)));
        lines.add(String.format(Locale.ROOT, "beneficial owners: %d, findings: %d", last.beneficialOwners().size(),
                last.findings().size()));
        System.out.println();
        lines.forEach(System.out::println);
        DocumentStorageBenchmark.write("ownership", lines);
    }

    static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    static OwnershipInput generate(Random random) {
        List<PartyInput> parties = new ArrayList<>();
        List<HoldingInput> holdings = new ArrayList<>();
        for (int i = 0; i < ORGANIZATIONS; i++) {
            parties.add(new PartyInput("O" + i, "ORGANIZATION", "Company " + i, i % 10 == 0 ? "DE" : "US", i % 3 == 0));
        }
        for (int i = 0; i < PERSONS; i++) {
            parties.add(new PartyInput("P" + i, "PERSON", "Person " + i, "US", true));
        }
        // every company below the subject holds part of a company nearer to it: a tree of 6,999 holdings
        for (int i = 1; i < ORGANIZATIONS; i++) {
            holdings.add(new HoldingInput("O" + i, "O" + random.nextInt(i), 5.0 + random.nextInt(40)));
        }
        // 200 two-company cycles: a parent holds a little of its child
        for (int c = 0; c < 200; c++) {
            HoldingInput h = holdings.get(random.nextInt(holdings.size()));
            if (!h.owner().equals(h.owned())) {
                holdings.add(new HoldingInput(h.owned(), h.owner(), 1.0 + random.nextInt(5)));
            }
        }
        // three people with large stakes near the top, so that chains are enumerated
        holdings.add(new HoldingInput("P1", "O0", 30.0));
        holdings.add(new HoldingInput("P2", "O1", 90.0));
        holdings.add(new HoldingInput("P3", "O2", 95.0));
        // people at every level, then cross-holdings towards the subject
        while (holdings.size() < HOLDINGS) {
            if (random.nextBoolean()) {
                holdings.add(new HoldingInput("P" + random.nextInt(PERSONS), "O" + random.nextInt(ORGANIZATIONS),
                        1.0 + random.nextInt(30)));
            } else {
                int owner = 1 + random.nextInt(ORGANIZATIONS - 1);
                int owned = random.nextInt(Math.max(1, owner / 4));
                holdings.add(new HoldingInput("O" + owner, "O" + owned, 1.0 + random.nextInt(10)));
            }
        }
        return new OwnershipInput("O0", "P0", parties, holdings);
    }
}
