package org.pathosynth.extraction.student;

/**
 * The student's features, as 64-bit hashes: for a clause, its words and word pairs, the first letters of long words,
 * the words of its sentence, of the clauses before and after it in that sentence, of its heading and of its line's
 * label; for a number, the same around it plus the words at each position from three before to three after it, its
 * shape and the order of magnitude of its value. Nothing here knows an attribute: what matters is learnt.
 */
final class Features {
    private static final long BIAS = 0x5851F42D4C957F2DL;
    private static final long UNI = 1, BI = 2, PREFIX = 3, SENTENCE = 4, PREV = 5, NEXT = 6, HEADING = 7, LABEL = 8;
    private static final long CLAUSE = 9, LEFT = 10, RIGHT = 20, SHAPE = 30, MAGNITUDE = 31, MAGNITUDE_NEXT = 32;
    private static final long ANCHOR = 33, ANCHOR_PREFIX = 34;
    private static final long END_OF_LINE = 0x454F4CL;
    private static final long DOT = TextTokens.punctHash('.');
    private static final long COMMA = TextTokens.punctHash(',');
    private static final long SEMICOLON = TextTokens.punctHash(';');
    static final int PREFIX_LETTERS = 5;

    private Features() {
    }

    static long mix(long tag, long h) {
        long z = h ^ (tag * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Features of clause {@code c}, appended to {@code out}. */
    static void clause(Clauses cl, int c, LongBuffer out) {
        TextTokens t = cl.tokens;
        out.add(BIAS);
        int f = cl.first[c];
        int l = cl.last[c];
        while (l > f + 1 && isSeparator(t.hash[l - 1])) {
            l--; // the mark that ends a clause is layout, not content
        }
        long prev = 0;
        for (int k = f; k < l; k++) {
            long h = t.hash[k];
            out.add(mix(UNI, h));
            if (k > f) {
                out.add(mix(BI, prev * 31 + h));
            }
            if (t.type[k] == TextTokens.WORD && t.length(k) > PREFIX_LETTERS) {
                out.add(mix(PREFIX, t.prefixHash(k, PREFIX_LETTERS)));
            }
            if (t.type[k] == TextTokens.NUMBER) {
                // how large a number is, and what follows it ("90 %" and "0 %" say different things)
                long m = magnitude(t.number[k]);
                out.add(mix(MAGNITUDE, m));
                if (k + 1 < l) {
                    out.add(mix(MAGNITUDE_NEXT, m * 31 + t.hash[k + 1]));
                }
            }
            prev = h;
        }
        context(cl, c, out);
    }

    private static boolean isSeparator(long h) {
        return h == DOT || h == COMMA || h == SEMICOLON;
    }

    /** The clause's surroundings: sentence, neighbouring clauses of the sentence, heading, line label. */
    private static void context(Clauses cl, int c, LongBuffer out) {
        TextTokens t = cl.tokens;
        range(t, cl.sentenceFirst[c], cl.sentenceLast[c], SENTENCE, out);
        if (c > 0 && cl.sentence[c - 1] == cl.sentence[c]) {
            range(t, cl.first[c - 1], cl.last[c - 1], PREV, out);
        }
        if (c + 1 < cl.size && cl.sentence[c + 1] == cl.sentence[c]) {
            range(t, cl.first[c + 1], cl.last[c + 1], NEXT, out);
        }
        range(t, cl.headingFirst[c], cl.headingLast[c], HEADING, out);
        range(t, cl.labelFirst[c], cl.labelLast[c], LABEL, out);
    }

    private static void range(TextTokens t, int from, int to, long tag, LongBuffer out) {
        for (int k = from; k < to; k++) {
            if (t.type[k] == TextTokens.WORD) { // a number in the surroundings says which, not what: the "1" of "HER2 1+" is no reason to doubt "RE 90 %"
                out.add(mix(tag, t.hash[k]));
            }
        }
    }

    /**
     * Features of the number at token {@code k} (or the number word there), appended to {@code out}. Neighbours are
     * read on the number's line only, and a run of leader dots counts as one token.
     */
    static void number(Clauses cl, int k, double value, LongBuffer out) {
        TextTokens t = cl.tokens;
        around(cl, k, out);
        out.add(mix(SHAPE, t.hash[k]));
        out.add(mix(MAGNITUDE, magnitude(value)));
    }

    /**
     * Features of the word at token {@code k} as a candidate statement of a coded value: the word, its first letters,
     * and what surrounds it as for a number.
     */
    static void anchor(Clauses cl, int k, LongBuffer out) {
        TextTokens t = cl.tokens;
        around(cl, k, out);
        out.add(mix(ANCHOR, t.hash[k]));
        if (t.length(k) > PREFIX_LETTERS) {
            out.add(mix(ANCHOR_PREFIX, t.prefixHash(k, PREFIX_LETTERS)));
        }
    }

    /** A token's surroundings: the tokens three either side on its line, its clause's words, the clause's context. */
    private static void around(Clauses cl, int k, LongBuffer out) {
        TextTokens t = cl.tokens;
        out.add(BIAS);
        int c = cl.clauseOf[k];
        int left = k;
        for (int d = 1; d <= 3; d++) {
            left = neighbour(t, left, -1);
            out.add(mix(LEFT + d, left < 0 ? END_OF_LINE : t.hash[left]));
            if (left < 0) {
                break;
            }
        }
        int right = k;
        for (int d = 1; d <= 3; d++) {
            right = neighbour(t, right, +1);
            out.add(mix(RIGHT + d, right < 0 ? END_OF_LINE : t.hash[right]));
            if (right < 0) {
                break;
            }
        }
        range(t, cl.first[c], cl.last[c], CLAUSE, out);
        context(cl, c, out);
    }

    /** The next token from {@code k} in direction {@code step} on the same line, skipping repeated dots; -1 at the line's end. */
    private static int neighbour(TextTokens t, int k, int step) {
        int j = k + step;
        if (j < 0 || j >= t.size || (step > 0 ? t.newLineBefore[j] : t.newLineBefore[k])) {
            return -1;
        }
        while (j + step >= 0 && j + step < t.size && t.hash[j] == DOT && t.hash[j + step] == DOT
                && !(step > 0 ? t.newLineBefore[j + step] : t.newLineBefore[j])) {
            j += step;
        }
        return j;
    }

    /** Order of magnitude, with the thresholds reports use (1 and 10 %: receptor positivity; 100: percentages). */
    private static long magnitude(double v) {
        if (Double.isNaN(v)) {
            return 7;
        }
        if (v == 0) {
            return 0;
        }
        if (v < 1) {
            return 1;
        }
        if (v <= 3) {
            return 2;
        }
        if (v < 10) {
            return 3;
        }
        if (v <= 30) {
            return 4;
        }
        if (v <= 100) {
            return 5;
        }
        return 6;
    }
}
