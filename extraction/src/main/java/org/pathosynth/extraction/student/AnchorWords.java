package org.pathosynth.extraction.student;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.extraction.Evidence;

/**
 * The words that may anchor a statement of one categorical attribute: words found inside its recorded spans in training at
 * least {@link #MIN_INSIDE} times, of which at least {@link #MIN_PRECISION} of all occurrences lie inside such a span
 * ("tumorectomie", "microbiopsies", "curage" for the procedure; not "sein" or "de"). Each occurrence of an anchor word in
 * a report is a candidate that the anchor model scores on the words around it, as the number model scores numbers: a
 * short specimen line is then judged on its word, not drowned by the rest of its clause. Learnt from the spans, so
 * any schema gets its own.
 */
final class AnchorWords {
    static final int MIN_INSIDE = 3;
    static final double MIN_PRECISION = 0.5; // 0.2 let in "avec", "sous", "micro": words that state nothing alone
    private static final AnchorWords NONE = new AnchorWords(new long[0]);

    /** Sorted word hashes. */
    private final long[] words;
    /** The same hashes, for one probe per token (the feature index's open addressing, used as a set). */
    private final FeatureIndex lookup;

    AnchorWords(long[] sortedWords) {
        this.words = sortedWords;
        this.lookup = new FeatureIndex(sortedWords.length);
        for (long w : sortedWords) {
            lookup.add(w, 1);
        }
    }

    static AnchorWords none() {
        return NONE;
    }

    boolean contains(long wordHash) {
        return lookup.get(wordHash) >= 0;
    }

    boolean isEmpty() {
        return words.length == 0;
    }

    int size() {
        return words.length;
    }

    /** The union of several attributes' anchors: the tokens a report view must score. */
    static AnchorWords union(List<AnchorWords> all) {
        long[] merged = all.stream().flatMapToLong(a -> Arrays.stream(a.words)).distinct().sorted().toArray();
        return new AnchorWords(merged);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(words.length);
        for (long w : words) {
            out.writeLong(w);
        }
    }

    static AnchorWords read(DataInputStream in) throws IOException {
        long[] w = new long[in.readInt()];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readLong();
        }
        return new AnchorWords(w);
    }

    /** Counts words of training reports: in all, and inside each attribute's spans. */
    static final class Counter {
        private final Map<Long, Integer> total = new HashMap<>();
        private final List<Map<Long, Integer>> inside;

        Counter(int attributes) {
            inside = new java.util.ArrayList<>();
            for (int i = 0; i < attributes; i++) {
                inside.add(new HashMap<>());
            }
        }

        /** Counts the report's words; {@code spans.get(i)} (null when none) are attribute i's spans in it. */
        void add(TextTokens t, List<List<Evidence>> spans) {
            for (int k = 0; k < t.size; k++) {
                if (t.type[k] != TextTokens.WORD) {
                    continue;
                }
                total.merge(t.hash[k], 1, Integer::sum);
                for (int i = 0; i < spans.size(); i++) {
                    if (spans.get(i) != null && within(spans.get(i), t.start[k])) {
                        inside.get(i).merge(t.hash[k], 1, Integer::sum);
                    }
                }
            }
        }

        private static boolean within(List<Evidence> spans, int offset) {
            for (Evidence e : spans) {
                if (offset >= e.start() && offset < e.end()) {
                    return true;
                }
            }
            return false;
        }

        AnchorWords build(int attribute) {
            long[] kept = inside.get(attribute).entrySet().stream()
                    .filter(e -> e.getValue() >= MIN_INSIDE && e.getValue() >= MIN_PRECISION * total.get(e.getKey()))
                    .mapToLong(Map.Entry::getKey).sorted().toArray();
            return new AnchorWords(kept);
        }
    }
}
