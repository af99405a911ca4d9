package org.pathosynth.synth.internal.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

/** A table whose tumour sizes heap as pathologists write them, for the synthesizers' decoding tests. */
public final class HeapedSizes {
    private static final Schema SCHEMA = Schema.breastCancer();

    private HeapedSizes() {
    }

    /**
     * What every synthesizer with histograms of exact values owes on {@link #table}: its samples heap at 20 mm as the
     * data does (0.75 of the bin) where uniform decoding gives a sixth, and its provenance and guarantee say so.
     */
    public static void assertDecodesTheHeap(org.pathosynth.core.synthesis.FittedSynthesizer measured,
                                            org.pathosynth.core.synthesis.FittedSynthesizer uniform) {
        org.assertj.core.api.Assertions.assertThat(shareAtTwenty(measured.sample(3000, 2)))
                .isCloseTo(0.75, org.assertj.core.api.Assertions.within(0.05));
        org.assertj.core.api.Assertions.assertThat(shareAtTwenty(uniform.sample(3000, 2))).isLessThan(0.3);
        org.assertj.core.api.Assertions.assertThat(measured.provenance().parameters()).containsEntry("value_histograms", true);
        org.assertj.core.api.Assertions.assertThat(measured.privacyGuarantee().note()).contains("1 histogram(s) of exact values");
        org.assertj.core.api.Assertions.assertThat(uniform.privacyGuarantee().note()).doesNotContain("histogram");
    }

    /** 60 % at 20 mm, 20 % at 18 mm, 20 % at 25 mm; ER at random. */
    public static Table table(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            rows.add(ClinicalRecord.builder(SCHEMA).set("er_status", rng.nextBoolean() ? "positive" : "negative")
                    .set("tumor_size_mm", u < 0.6 ? 20 : u < 0.8 ? 18 : 25).build());
        }
        return Table.of(SCHEMA, rows);
    }

    /**
     * The standard deviation of a saved model's histogram counts at sizes no row has (31 mm and above): its noise, to
     * compare with the 1-way noise it must equal.
     */
    public static double emptyValueNoise(String modelJson) throws Exception {
        com.fasterxml.jackson.databind.JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(modelJson)
                .get("value_histograms");
        for (com.fasterxml.jackson.databind.JsonNode h : saved) {
            if (!h.isNull()) {
                double[] counts = new double[h.get("counts").size()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = h.get("counts").get(i).asDouble();
                }
                double[] empty = java.util.Arrays.copyOfRange(counts, 30, counts.length); // 31 to 300 mm
                double mean = java.util.Arrays.stream(empty).average().orElseThrow();
                return Math.sqrt(java.util.Arrays.stream(empty).map(c -> (c - mean) * (c - mean)).sum() / (empty.length - 1));
            }
        }
        throw new IllegalArgumentException("the model has no histogram of exact values");
    }

    /** The share of sizes in 20 mm's public bin (17.3 to 23.04 mm: 18 to 23) that are exactly 20 mm: 0.75 in {@link #table}. */
    public static double shareAtTwenty(Table syn) {
        long inBin = syn.records().stream().map(r -> (Number) r.get("tumor_size_mm"))
                .filter(v -> v != null && v.doubleValue() >= 17.3 && v.doubleValue() < 23).count();
        long twenty = syn.records().stream().map(r -> (Number) r.get("tumor_size_mm"))
                .filter(v -> v != null && v.doubleValue() == 20).count();
        return (double) twenty / inBin;
    }
}
