package org.pathosynth.extraction.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.pathosynth.core.filter.CorpusFilter;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.report.ReportPair;

/**
 * Drops reports that nearly repeat one kept before them in the corpus: MinHash signatures over word 3-shingles
 * estimate the Jaccard similarity, and locality-sensitive hashing (bands of rows) finds candidates without comparing
 * every pair. A corpus filter: each {@link #judgeAll} call starts afresh and sees only the pairs it is given (in a
 * {@link org.pathosynth.core.filter.FilterChain}, those the pair filters kept), so a report dropped for another reason
 * never blocks its near-duplicates. Deterministic in corpus order; thread-safe.
 */
public final class NearDuplicateFilter implements CorpusFilter {
    public static final String NAME = "near-duplicate";
    /** The reason of every rejection: one category (no id, no percentage), so a filter chain counts them together. */
    public static final String REASON = "similar to a kept report";
    private static final int SHINGLE = 3;

    private final double threshold;
    private final int bands;
    private final int rows;
    private final long[] a;
    private final long[] b;

    private NearDuplicateFilter(double threshold, int bands, int rows, long seed) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("similarity threshold must be in (0, 1], got " + threshold);
        }
        this.threshold = threshold;
        this.bands = bands;
        this.rows = rows;
        int k = bands * rows;
        a = new long[k];
        b = new long[k];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            a[i] = rng.nextLong() | 1;
            b[i] = rng.nextLong();
        }
    }

    /** Rejects a report whose estimated Jaccard similarity to a kept one is at least {@code threshold} (e.g. 0.8). */
    public static NearDuplicateFilter atSimilarity(double threshold) {
        return new NearDuplicateFilter(threshold, 32, 4, 0x5EEDL);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<FilterDecision> judgeAll(List<ReportPair> pairs) {
        List<int[]> kept = new ArrayList<>();
        List<Map<Long, List<Integer>>> buckets = new ArrayList<>();
        for (int i = 0; i < bands; i++) {
            buckets.add(new HashMap<>());
        }
        List<FilterDecision> out = new ArrayList<>(pairs.size());
        for (ReportPair pair : pairs) {
            int[] sig = signature(pair.report().text());
            double best = 0;
            Set<Integer> seen = new HashSet<>();
            for (int band = 0; band < bands; band++) {
                List<Integer> candidates = buckets.get(band).get(bandKey(sig, band));
                if (candidates == null) {
                    continue;
                }
                for (int c : candidates) {
                    if (seen.add(c)) {
                        best = Math.max(best, similarity(sig, kept.get(c)));
                    }
                }
            }
            if (best >= threshold) {
                out.add(FilterDecision.reject(NAME, 1 - best, List.of(REASON)));
                continue;
            }
            int index = kept.size();
            kept.add(sig);
            for (int band = 0; band < bands; band++) {
                buckets.get(band).computeIfAbsent(bandKey(sig, band), k -> new ArrayList<>()).add(index);
            }
            out.add(FilterDecision.accept(NAME, 1 - best));
        }
        return out;
    }

    /** Estimated Jaccard similarity of two reports' shingle sets. */
    public double similarity(String x, String y) {
        return similarity(signature(x), signature(y));
    }

    private static double similarity(int[] s, int[] t) {
        int same = 0;
        for (int i = 0; i < s.length; i++) {
            same += s[i] == t[i] ? 1 : 0;
        }
        return (double) same / s.length;
    }

    private long bandKey(int[] sig, int band) {
        long h = 1125899906842597L;
        for (int r = 0; r < rows; r++) {
            h = 31 * h + sig[band * rows + r];
        }
        return h;
    }

    private int[] signature(String text) {
        String[] words = FoldedText.of(text).split("[^\\p{L}\\p{N}]+");
        int[] sig = new int[a.length];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        int count = Math.max(1, words.length - SHINGLE + 1);
        for (int i = 0; i < count; i++) {
            long h = 0;
            for (int w = i; w < Math.min(words.length, i + SHINGLE); w++) {
                h = h * 0x9E3779B97F4A7C15L + words[w].hashCode();
            }
            for (int k = 0; k < a.length; k++) {
                int v = (int) ((a[k] * h + b[k]) >>> 33);
                if (v < sig[k]) {
                    sig[k] = v;
                }
            }
        }
        return sig;
    }
}
