package dev.attest.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import dev.attest.screening.NameNormalisation.NormalisedName;

/**
 * How alike two normalised names are, token by token: every token of one name is paired with the token of the other
 * it is most like (Jaro–Winkler; for a name written in Arabic or Hebrew script, or spellings such as Mohammed and
 * Muhammad, also their consonant skeletons), the best pairs first, whatever their order. The score is the pairs'
 * similarity weighted by token length; tokens left without a partner lower it a little, and a single name compared
 * with a full one (a first name alone) cannot score above 0.8.
 */
final class NameSimilarity {

    /** The most a single token can score against a name of several tokens. */
    static final double SINGLE_TOKEN_FACTOR = 0.8;
    /** What each token without a partner (e.g. a middle name or patronymic on one side only) takes off. */
    static final double UNPAIRED_TOKEN_PENALTY = 0.03;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameSimilarity() {
    }

    /**
     * The comparison of two names.
     *
     * @param score 0 to 1
     * @param reordered the paired tokens stand in another order in the two names
     * @param skeletons some pair matched by its consonant skeleton rather than its spelling
     * @param identical every pair of tokens is spelt the same (after normalisation)
     * @param singleToken one name was a single token compared with several
     */
    record Result(double score, boolean reordered, boolean skeletons, boolean identical, boolean singleToken) {
    }

    static Result compare(NormalisedName a, NormalisedName b) {
        String[] at = a.tokens();
        String[] bt = b.tokens();
        int n = at.length;
        int m = bt.length;
        if (n == 0 || m == 0) {
            return new Result(0, false, false, false, false);
        }
        double[][] sim = new double[n][m];
        boolean[][] bySkeleton = new boolean[n][m];
        boolean abjad = a.abjad() || b.abjad();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                String x = at[i];
                String y = bt[j];
                double s = x.equals(y) ? 1.0 : JARO_WINKLER.apply(x, y);
                double k = skeletonScore(a.skeletons()[i], b.skeletons()[j], x, y, abjad);
                if (k > s) {
                    s = k;
                    bySkeleton[i][j] = true;
                }
                sim[i][j] = s;
            }
        }
        // greedy best assignment: names have few tokens, and the best pair first is what a reviewer would do
        int pairs = Math.min(n, m);
        boolean[] usedA = new boolean[n];
        boolean[] usedB = new boolean[m];
        int[] partner = new int[n];
        Arrays.fill(partner, -1);
        double weighted = 0;
        double weights = 0;
        boolean skeletons = false;
        boolean identical = true;
        for (int p = 0; p < pairs; p++) {
            int bi = -1;
            int bj = -1;
            double best = -1;
            for (int i = 0; i < n; i++) {
                if (usedA[i]) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    if (!usedB[j] && sim[i][j] > best) {
                        best = sim[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            usedA[bi] = true;
            usedB[bj] = true;
            partner[bi] = bj;
            double w = (at[bi].length() + bt[bj].length()) / 2.0;
            weighted += w * best;
            weights += w;
            skeletons |= bySkeleton[bi][bj];
            identical &= at[bi].equals(bt[bj]);
        }
        double score = weighted / weights;
        boolean single = pairs == 1 && Math.max(n, m) > 1;
        if (single) {
            score *= SINGLE_TOKEN_FACTOR;
        } else {
            score -= UNPAIRED_TOKEN_PENALTY * Math.min(Math.max(n, m) - pairs, 3);
        }
        boolean reordered = false;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (partner[i] >= 0) {
                reordered |= partner[i] < last;
                last = partner[i];
            }
        }
        return new Result(Math.max(0, Math.min(1, score)), reordered, skeletons, identical, single);
    }

    /**
     * The similarity of two tokens by their consonants: for a token from Arabic or Hebrew script (no short vowels)
     * nearly as good as the same spelling; for two Latin spellings (Mohammed, Muhammad) only when they begin alike
     * and have at least three consonants, and somewhat lower.
     */
    static double skeletonScore(String skA, String skB, String a, String b, boolean abjad) {
        if (skA.isEmpty() || skB.isEmpty()) {
            return 0;
        }
        if (abjad) {
            if (skA.equals(skB)) {
                return skA.length() >= 2 ? 0.97 : 0.9;
            }
            return skA.length() >= 3 && skB.length() >= 3 ? 0.95 * JARO_WINKLER.apply(skA, skB) : 0;
        }
        if (skA.length() >= 3 && skB.length() >= 3 && a.charAt(0) == b.charAt(0)) {
            return 0.9 * JARO_WINKLER.apply(skA, skB);
        }
        return 0;
    }

    /** The notes a reviewer reads after a name comparison's score. */
    static List<String> notes(Result result, NormalisedName subject, NormalisedName entry) {
        List<String> notes = new ArrayList<>();
        if (result.identical() && !result.reordered() && subject.tokens().length == entry.tokens().length) {
            notes.add("same name");
        }
        if (result.reordered()) {
            notes.add("tokens reordered");
        }
        if (subject.transliterated() || entry.transliterated()) {
            notes.add("transliterated");
        }
        if (result.skeletons()) {
            notes.add("compared by consonants");
        }
        if (!result.identical() && !result.skeletons()) {
            notes.add("spelling differs");
        }
        if (subject.honorificsRemoved() || entry.honorificsRemoved()) {
            notes.add("titles set aside");
        }
        if (subject.legalFormRemoved() || entry.legalFormRemoved()) {
            notes.add("legal form set aside");
        }
        if (result.singleToken()) {
            notes.add("a single name against several: ×" + SINGLE_TOKEN_FACTOR);
        } else if (subject.tokens().length != entry.tokens().length) {
            notes.add("unpaired names: −" + UNPAIRED_TOKEN_PENALTY + " each");
        }
        return notes;
    }
}
