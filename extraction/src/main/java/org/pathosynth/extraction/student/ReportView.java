package org.pathosynth.extraction.student;

import java.util.Arrays;

/**
 * One report as the student sees it: tokens, clauses, number candidates, and the feature ids of every clause and
 * every candidate (ids of features the index knows; the others are dropped).
 */
final class ReportView {
    final TextTokens tokens;
    final Clauses clauses;
    final NumberCandidates numbers;
    /** Feature ids of clause c: {@code clauseIds[clauseFrom[c] .. clauseFrom[c + 1])}. */
    final int[] clauseFrom;
    int[] clauseIds;
    final int[] numberFrom;
    int[] numberIds;
    /** Tokens holding an anchor word of some coded attribute ({@link AnchorWords}), and their feature ids. */
    final int[] anchorToken;
    final int[] anchorFrom;
    int[] anchorIds;

    private ReportView(TextTokens tokens, Clauses clauses, NumberCandidates numbers, AnchorWords anchors) {
        this.tokens = tokens;
        this.clauses = clauses;
        this.numbers = numbers;
        this.clauseFrom = new int[clauses.size + 1];
        this.numberFrom = new int[numbers.size + 1];
        this.anchorToken = anchorTokens(tokens, anchors);
        this.anchorFrom = new int[anchorToken.length + 1];
    }

    private static int[] anchorTokens(TextTokens t, AnchorWords anchors) {
        if (anchors.isEmpty()) {
            return new int[0];
        }
        int[] out = new int[16];
        int n = 0;
        for (int k = 0; k < t.size; k++) {
            if (t.type[k] == TextTokens.WORD && anchors.contains(t.hash[k])) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = k;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The report's features as hashes, each passed to {@code sink} (for counting while building the index). */
    static ReportView hashes(String text, String language, AnchorWords anchors, HashSink sink) {
        TextTokens t = TextTokens.of(text);
        Clauses cl = Clauses.of(t);
        NumberCandidates nc = NumberCandidates.of(t, language);
        ReportView v = new ReportView(t, cl, nc, anchors);
        LongBuffer buf = new LongBuffer();
        for (int c = 0; c < cl.size; c++) {
            buf.clear();
            Features.clause(cl, c, buf);
            sink.accept(buf);
        }
        for (int i = 0; i < nc.size; i++) {
            buf.clear();
            Features.number(cl, nc.token[i], nc.value[i], buf);
            sink.accept(buf);
        }
        for (int k : v.anchorToken) {
            buf.clear();
            Features.anchor(cl, k, buf);
            sink.accept(buf);
        }
        return v;
    }

    /** The report with the feature ids {@code index} knows, without anchor candidates. */
    static ReportView of(String text, String language, FeatureIndex index) {
        return of(text, language, index, AnchorWords.none());
    }

    /** The report with the feature ids {@code index} knows, the occurrences of {@code anchors} as candidates. */
    static ReportView of(String text, String language, FeatureIndex index, AnchorWords anchors) {
        TextTokens t = TextTokens.of(text);
        Clauses cl = Clauses.of(t);
        NumberCandidates nc = NumberCandidates.of(t, language);
        ReportView v = new ReportView(t, cl, nc, anchors);
        Ids clauses = new Ids(index, cl.size * 48);
        for (int c = 0; c < cl.size; c++) {
            Features.clause(cl, c, clauses.hashes());
            v.clauseFrom[c + 1] = clauses.keep();
        }
        v.clauseIds = clauses.ids;
        Ids numbers = new Ids(index, nc.size * 64);
        for (int i = 0; i < nc.size; i++) {
            Features.number(cl, nc.token[i], nc.value[i], numbers.hashes());
            v.numberFrom[i + 1] = numbers.keep();
        }
        v.numberIds = numbers.ids;
        Ids anchorIds = new Ids(index, v.anchorToken.length * 64);
        for (int i = 0; i < v.anchorToken.length; i++) {
            Features.anchor(cl, v.anchorToken[i], anchorIds.hashes());
            v.anchorFrom[i + 1] = anchorIds.keep();
        }
        v.anchorIds = anchorIds.ids;
        return v;
    }

    /** Feature ids of successive examples in one array: hash an example's features, then keep the known ids. */
    private static final class Ids {
        private final FeatureIndex index;
        private final LongBuffer buffer = new LongBuffer();
        private int[] scratch = new int[256];
        int[] ids;
        private int size;

        Ids(FeatureIndex index, int expected) {
            this.index = index;
            this.ids = new int[Math.max(64, expected)];
        }

        LongBuffer hashes() {
            buffer.clear();
            return buffer;
        }

        /** Appends the ids of the hashes just written; returns the end of the example's ids. */
        int keep() {
            if (scratch.length < buffer.size) {
                scratch = new int[buffer.size * 2];
            }
            int n = index.lookup(buffer, scratch);
            if (size + n > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + n));
            }
            System.arraycopy(scratch, 0, ids, size, n);
            size += n;
            return size;
        }
    }

    /** Receives one example's feature hashes. */
    @FunctionalInterface
    interface HashSink {
        void accept(LongBuffer hashes);
    }

    /** Whether clause {@code c} overlaps the character span [start, end). */
    boolean clauseOverlaps(int c, int start, int end) {
        return clauses.startChar(c) < end && start < clauses.endChar(c);
    }
}
