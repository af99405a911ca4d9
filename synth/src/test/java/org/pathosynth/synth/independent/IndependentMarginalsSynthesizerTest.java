package org.pathosynth.synth.independent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;

class IndependentMarginalsSynthesizerTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    /** Grade 1/2/3 at 20/50/30 % with 10 % missing; ER positive at 75 %; nodes 0..9 with a spike at 0; size ~ U(5, 50). */
    private static Table knownTable(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClinicalRecord.Builder b = ClinicalRecord.builder(SCHEMA);
            double u = rng.nextDouble();
            b.set("sbr_grade", u < 0.1 ? null : u < 0.3 ? "1" : u < 0.8 ? "2" : "3");
            b.set("er_status", rng.nextDouble() < 0.75 ? "positive" : "negative");
            b.set("lymph_nodes_affected", rng.nextDouble() < 0.5 ? 0 : rng.nextInt(1, 10));
            b.set("tumor_size_mm", Math.round(rng.nextDouble(5, 50) * 10) / 10.0);
            rows.add(b.build());
        }
        return Table.of(SCHEMA, rows);
    }

    private static double share(Table t, String attribute, Object value) {
        return t.records().stream().filter(r -> java.util.Objects.equals(r.get(attribute), value)).count() / (double) t.rowCount();
    }

    @Test
    void keepsEveryMarginalWithinSamplingError() {
        Table real = knownTable(2000, 1);
        Table syn = IndependentMarginalsSynthesizer.create().fit(real).sample(20_000, 5);
        assertThat(syn.rowCount()).isEqualTo(20_000);
        for (Object[] check : new Object[][] {
                {"sbr_grade", null}, {"sbr_grade", "1"}, {"sbr_grade", "2"}, {"sbr_grade", "3"},
                {"er_status", "positive"}, {"lymph_nodes_affected", 0}, {"lymph_nodes_affected", 5},
                {"ki67_percent", null}}) {
            double p = share(real, (String) check[0], check[1]);
            double q = share(syn, (String) check[0], check[1]);
            double se = Math.sqrt(p * (1 - p) / 20_000);
            assertThat(Math.abs(p - q)).as("%s = %s: real %.4f synthetic %.4f", check[0], check[1], p, q)
                    .isLessThanOrEqualTo(4 * se + 1e-12);
        }
        double realMean = real.records().stream().mapToDouble(r -> r.getDouble("tumor_size_mm")).average().orElseThrow();
        double synMean = syn.records().stream().mapToDouble(r -> r.getDouble("tumor_size_mm")).average().orElseThrow();
        assertThat(synMean).isCloseTo(realMean, org.assertj.core.data.Offset.offset(0.5));
        // Only real values are resampled.
        java.util.Set<Double> realSizes = new java.util.HashSet<>();
        real.records().forEach(r -> realSizes.add(r.getDouble("tumor_size_mm")));
        assertThat(syn.records()).allSatisfy(r -> assertThat(realSizes).contains(r.getDouble("tumor_size_mm")));
    }

    @Test
    void breaksDependenceBetweenColumns() {
        // In the real table ER is negative exactly when grade is 3.
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            boolean high = i % 4 == 0;
            rows.add(ClinicalRecord.builder(SCHEMA).set("sbr_grade", high ? "3" : "1")
                    .set("er_status", high ? "negative" : "positive").build());
        }
        Table syn = IndependentMarginalsSynthesizer.create().fit(Table.of(SCHEMA, rows)).sample(10_000, 3);
        long crossed = syn.records().stream()
                .filter(r -> r.getString("sbr_grade").equals("3") && r.getString("er_status").equals("positive")).count();
        assertThat(crossed / 10_000.0).isCloseTo(0.25 * 0.75, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void reproduciblePerSeed() {
        FittedSynthesizer model = IndependentMarginalsSynthesizer.create().fit(knownTable(500, 2));
        assertThat(model.sample(300, 9)).isEqualTo(model.sample(300, 9));
        assertThat(model.sample(300, 9)).isNotEqualTo(model.sample(300, 10));
        FittedSynthesizer refit = IndependentMarginalsSynthesizer.create().fit(knownTable(500, 2));
        assertThat(refit.sample(300, 9)).isEqualTo(model.sample(300, 9));
    }

    @Test
    void enforcesSchemaConstraintsOnlyWhenAsked() {
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int taken = i % 10;
            rows.add(ClinicalRecord.builder(SCHEMA).set("lymph_nodes_taken", taken).set("lymph_nodes_affected", taken).build());
        }
        Table real = Table.of(SCHEMA, rows);
        Table pure = IndependentMarginalsSynthesizer.create().fit(real).sample(2000, 1);
        Table coherent = IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build().fit(real).sample(2000, 1);
        assertThat(pure.records().stream().filter(r -> !r.violations().isEmpty()).count()).isGreaterThan(500);
        assertThat(coherent.records()).allSatisfy(r -> assertThat(r.violations()).isEmpty());
    }

    @Test
    void edgeCases() {
        assertThatThrownBy(() -> IndependentMarginalsSynthesizer.create().fit(Table.of(SCHEMA, List.of())))
                .hasMessageContaining("empty table");
        FittedSynthesizer model = IndependentMarginalsSynthesizer.create().fit(knownTable(50, 4));
        assertThat(model.sample(0, 1).rowCount()).isZero();
        assertThatThrownBy(() -> model.sample(-1, 1)).hasMessageContaining(">= 0");
        // ki67 is missing in every real row: it stays missing.
        assertThat(model.sample(100, 1).column("ki67_percent").missingCount()).isEqualTo(100);
        assertThat(model.privacyGuarantee().isDifferentiallyPrivate()).isFalse();
        assertThat(model.privacyGuarantee().epsilon()).isInfinite();
    }
}
