package org.pathosynth.eval.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical diversity of a report corpus: distinct-1 and distinct-2 (distinct n-grams over all
 * n-grams), self-BLEU-4 on a sample (each sampled report scored against all the others; lower
 * means more varied), and length statistics in tokens. Tokens are lower-cased words, numbers and punctuation marks;
 * dot leaders ("Taille ........ 14 mm") are layout and not counted.
 */
public record TextDiversity(int reports, double distinct1, double distinct2, double selfBleu, int selfBleuSample,
                            double meanLength, double stdLength, int minLength, int medianLength, int maxLength) {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");
    private static final int MAX_ORDER = 4;
    private static final Pattern DOT_LEADER = Pattern.compile("\\.{2,}|\u2026"); // layout, not words

    /** Measures a corpus; self-BLEU uses up to {@code sampleSize} reports drawn with {@code seed}. */
    public static TextDiversity of(List<String> texts, int sampleSize, long seed) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("text diversity needs at least one report");
        }
        List<List<String>> tokens = texts.stream().map(TextDiversity::tokens).toList();
        int[] lengths = tokens.stream().mapToInt(List::size).toArray();
        double mean = Arrays.stream(lengths).average().orElse(0);
        double var = Arrays.stream(lengths).mapToDouble(l -> (l - mean) * (l - mean)).sum() / lengths.length;
        int[] sorted = lengths.clone();
        Arrays.sort(sorted);
        double selfBleu = Double.NaN;
        int sample = Math.min(sampleSize, texts.size());
        if (texts.size() >= 2) {
            selfBleu = selfBleu(tokens, sample, seed);
        }
        return new TextDiversity(texts.size(), distinct(tokens, 1), distinct(tokens, 2), selfBleu, sample,
                mean, Math.sqrt(var), sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(DOT_LEADER.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" "));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static double distinct(List<List<String>> corpus, int n) {
        Set<List<String>> seen = new HashSet<>();
        long total = 0;
        for (List<String> t : corpus) {
            for (int i = 0; i + n <= t.size(); i++) {
                seen.add(t.subList(i, i + n));
                total++;
            }
        }
        return total == 0 ? 0 : (double) seen.size() / total;
    }

    /** Mean sentence-BLEU-4 (uniform weights, brevity penalty, +1 smoothing from order 2) of sampled reports against the rest. */
    static double selfBleu(List<List<String>> corpus, int sample, long seed) {
        int[] order = new int[corpus.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < sample; i++) {
            int j = i + rng.nextInt(order.length - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        // Per n-gram: the highest count in any report, which report has it, and the second highest,
        // so the best count among "all the others" is one lookup.
        List<List<Map<List<String>, Integer>>> counts = new ArrayList<>();
        List<Map<List<String>, int[]>> top = new ArrayList<>();
        for (int n = 1; n <= MAX_ORDER; n++) {
            top.add(new HashMap<>());
        }
        for (int r = 0; r < corpus.size(); r++) {
            List<Map<List<String>, Integer>> perOrder = new ArrayList<>();
            for (int n = 1; n <= MAX_ORDER; n++) {
                Map<List<String>, Integer> c = ngramCounts(corpus.get(r), n);
                perOrder.add(c);
                for (Map.Entry<List<String>, Integer> e : c.entrySet()) {
                    int[] t = top.get(n - 1).computeIfAbsent(e.getKey(), k -> new int[] {0, -1, 0});
                    if (e.getValue() > t[0]) {
                        t[2] = t[0];
                        t[0] = e.getValue();
                        t[1] = r;
                    } else if (e.getValue() > t[2]) {
                        t[2] = e.getValue();
                    }
                }
            }
            counts.add(perOrder);
        }
        double sum = 0;
        for (int s = 0; s < sample; s++) {
            int h = order[s];
            List<String> hyp = corpus.get(h);
            if (hyp.isEmpty()) {
                continue;
            }
            double logPrecision = 0;
            for (int n = 1; n <= MAX_ORDER; n++) {
                long matched = 0;
                long total = 0;
                for (Map.Entry<List<String>, Integer> e : counts.get(h).get(n - 1).entrySet()) {
                    int[] t = top.get(n - 1).get(e.getKey());
                    int bestOther = t[1] == h ? t[2] : t[0];
                    matched += Math.min(bestOther, e.getValue());
                    total += e.getValue();
                }
                double p = n == 1 ? (total == 0 ? 0 : (double) matched / total) : (matched + 1.0) / (total + 1.0);
                logPrecision += p == 0 ? Double.NEGATIVE_INFINITY : Math.log(p) / MAX_ORDER;
            }
            int closest = Integer.MAX_VALUE;
            for (int r = 0; r < corpus.size(); r++) {
                if (r != h && Math.abs(corpus.get(r).size() - hyp.size()) < Math.abs(closest - hyp.size())) {
                    closest = corpus.get(r).size();
                }
            }
            double brevity = hyp.size() >= closest ? 1 : Math.exp(1 - (double) closest / hyp.size());
            sum += Double.isInfinite(logPrecision) ? 0 : brevity * Math.exp(logPrecision);
        }
        return sum / sample;
    }

    private static Map<List<String>, Integer> ngramCounts(List<String> tokens, int n) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return out;
    }
}
