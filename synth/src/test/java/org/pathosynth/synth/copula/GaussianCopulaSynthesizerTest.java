package org.pathosynth.synth.copula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

class GaussianCopulaSynthesizerTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    /**
     * Known structure: ER positive 75 %; PR follows ER 85 % of the time; grade 3 mostly with ER negative;
     * size grows with grade; half the tumours have 0 nodes affected; HER2 and PR missing together in 20 % of rows.
     */
    static Table structured(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean er = rng.nextDouble() < 0.75;
            boolean pr = rng.nextDouble() < 0.85 ? er : !er;
            String grade = er ? (rng.nextDouble() < 0.5 ? "1" : "2") : (rng.nextDouble() < 0.8 ? "3" : "2");
            double size = Math.round((10 + 10 * Integer.parseInt(grade) + 5 * rng.nextGaussian()) * 10) / 10.0;
            boolean laterRelease = rng.nextDouble() < 0.2;
            ClinicalRecord.Builder b = ClinicalRecord.builder(SCHEMA)
                    .set("er_status", er ? "positive" : "negative")
                    .set("pr_status", laterRelease ? null : pr ? "positive" : "negative")
                    .set("her2_status", laterRelease ? null : rng.nextDouble() < 0.15 ? "positive" : "negative")
                    .set("sbr_grade", grade)
                    .set("tumor_size_mm", Math.max(1, size))
                    .set("lymph_nodes_affected", rng.nextDouble() < 0.5 ? 0 : rng.nextInt(1, 12));
            rows.add(b.build());
        }
        return Table.of(SCHEMA, rows);
    }

    static double share(Table t, Predicate<ClinicalRecord> p) {
        return t.records().stream().filter(p).count() / (double) t.rowCount();
    }

    static double conditional(Table t, Predicate<ClinicalRecord> given, Predicate<ClinicalRecord> event) {
        return share(t, given.and(event)) / share(t, given);
    }

    @Test
    void recoversMarginalsAndPairwiseDependence() {
        Table real = structured(4000, 1);
        Table syn = GaussianCopulaSynthesizer.create().fit(real).sample(20_000, 2);
        Predicate<ClinicalRecord> erPos = r -> "positive".equals(r.getString("er_status"));
        Predicate<ClinicalRecord> prPos = r -> "positive".equals(r.getString("pr_status"));
        Predicate<ClinicalRecord> grade3 = r -> "3".equals(r.getString("sbr_grade"));
        Predicate<ClinicalRecord> zeroNodes = r -> Objects.equals(r.getInteger("lymph_nodes_affected"), 0);
        // marginals, including the spike at zero nodes
        assertThat(share(syn, erPos)).isCloseTo(share(real, erPos), within(0.02));
        assertThat(share(syn, grade3)).isCloseTo(share(real, grade3), within(0.02));
        assertThat(share(syn, zeroNodes)).isCloseTo(share(real, zeroNodes), within(0.02));
        // dependence: PR given ER, grade 3 given ER negative (the independent baseline would give the marginal)
        // A Gaussian copula on binary pairs recovers the phi correlation, below the latent (tetrachoric)
        // one: demand a clear move from independence towards the real value, never past it.
        double independent = share(real, prPos);
        double truth = conditional(real, erPos, prPos);
        double synthetic = conditional(syn, erPos, prPos);
        assertThat(synthetic).isGreaterThan(independent + 0.4 * (truth - independent)).isLessThan(truth + 0.03);
        double grade3Alone = share(real, grade3);
        double grade3Truth = conditional(real, erPos.negate(), grade3);
        assertThat(conditional(syn, erPos.negate(), grade3))
                .isGreaterThan(grade3Alone + 0.4 * (grade3Truth - grade3Alone)).isLessThan(grade3Truth + 0.03);
        // size grows with grade
        double small = syn.records().stream().filter(r -> "1".equals(r.getString("sbr_grade")))
                .mapToDouble(r -> r.getDouble("tumor_size_mm")).average().orElseThrow();
        double large = syn.records().stream().filter(grade3).mapToDouble(r -> r.getDouble("tumor_size_mm")).average().orElseThrow();
        assertThat(large - small).isGreaterThan(12);
    }

    @Test
    void sharedMissingnessIsKept() {
        Table real = structured(4000, 3);
        Table syn = GaussianCopulaSynthesizer.create().fit(real).sample(20_000, 4);
        Predicate<ClinicalRecord> prMissing = r -> r.get("pr_status") == null;
        Predicate<ClinicalRecord> her2Missing = r -> r.get("her2_status") == null;
        assertThat(share(syn, prMissing)).isCloseTo(0.2, within(0.02));
        // Independently drawn gaps would give 0.2 × 0.2 = 0.04; the copula keeps them together.
        assertThat(share(syn, prMissing.and(her2Missing))).isGreaterThan(0.15);
    }

    @Test
    void reproduciblePerSeedAndThreadSafe() {
        GaussianCopulaModel model = GaussianCopulaSynthesizer.create().fit(structured(1000, 5));
        Table first = model.sample(500, 9);
        assertThat(model.sample(500, 9)).isEqualTo(first);
        assertThat(model.sample(500, 10)).isNotEqualTo(first);
        List<Table> parallel = IntStream.range(0, 8).parallel().mapToObj(i -> model.sample(500, 9)).toList();
        assertThat(parallel).allSatisfy(t -> assertThat(t).isEqualTo(first));
        GaussianCopulaModel refit = GaussianCopulaSynthesizer.create().fit(structured(1000, 5));
        assertThat(refit.sample(500, 9)).isEqualTo(first);
    }

    @Test
    void savedModelSamplesIdentically() {
        for (MarginalFamily family : MarginalFamily.values()) {
            GaussianCopulaModel model = GaussianCopulaSynthesizer.builder().marginals(family).build().fit(structured(800, 6));
            String json = model.toJson();
            assertThat(json).doesNotContain("\"rows\"");
            assertThat(json).contains("\"row_count\" : 800"); // the provenance's fingerprint of the training table
            GaussianCopulaModel loaded = GaussianCopulaModel.fromJson(json);
            assertThat(loaded.sample(300, 1)).as(family.name()).isEqualTo(model.sample(300, 1));
            assertThat(loaded.describe()).isEqualTo(model.describe());
        }
        assertThatThrownBy(() -> GaussianCopulaModel.fromJson("{\"synthesizer\":\"mst\"}")).hasMessageContaining("not a Gaussian copula model");
    }

    @Test
    void valuesKeepTheDecimalsTheyWereRecordedWith() {
        // sizes in whole millimetres and Ki-67 in whole percent, as real tables record them
        SplittableRandom rng = new SplittableRandom(11);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rows.add(ClinicalRecord.builder(SCHEMA)
                    .set("tumor_size_mm", (double) (5 + rng.nextInt(40)))
                    .set("ki67_percent", (double) (1 + rng.nextInt(60)))
                    .set("er_status", rng.nextBoolean() ? "positive" : "negative").build());
        }
        GaussianCopulaModel whole = GaussianCopulaSynthesizer.create().fit(Table.of(SCHEMA, rows));
        Table sampled = whole.sample(2000, 3);
        assertThat(sampled.records()).allSatisfy(r -> {
            assertThat(r.getDouble("tumor_size_mm") % 1).isZero();
            assertThat(r.getDouble("ki67_percent") % 1).isZero();
        });
        String json = whole.toJson();
        assertThat(json).contains("\"digits\" : 0");
        assertThat(GaussianCopulaModel.fromJson(json).sample(300, 4)).isEqualTo(whole.sample(300, 4));

        // a model saved before digits were learnt loads and samples at the schema's precision only
        String old = json.replace("\"digits\" : 0,", "").replace("\"digits\" : 0", "");
        assertThat(old).doesNotContain("digits");
        Table legacy = GaussianCopulaModel.fromJson(old).sample(2000, 3);
        assertThat(legacy.records()).anySatisfy(r -> assertThat(r.getDouble("ki67_percent") % 1).isNotZero());

        // Ki-67 recorded to the tenth stays at the tenth (never rounded coarser than the data)
        SplittableRandom tenthRng = new SplittableRandom(6);
        List<ClinicalRecord> tenthRows = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            tenthRows.add(ClinicalRecord.builder(SCHEMA).set("ki67_percent", Math.round(tenthRng.nextDouble() * 600) / 10.0).build());
        }
        Table tenths = GaussianCopulaSynthesizer.create().fit(Table.of(SCHEMA, tenthRows)).sample(2000, 5);
        assertThat(tenths.records()).anySatisfy(r -> assertThat(r.getDouble("ki67_percent") % 1).isNotZero());
    }

    @Test
    void aShareableModelHoldsNoValueFewerThanKPatientsShare() {
        SplittableRandom rng = new SplittableRandom(21);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(ClinicalRecord.builder(SCHEMA)
                    .set("tumor_size_mm", i == 0 ? 182.0 : (double) (10 + rng.nextInt(30)))       // one patient's 182 mm tumour
                    .set("lymph_nodes_affected", i == 1 ? 45 : rng.nextInt(4))                  // one patient's 45 nodes
                    .set("morphology_icdo", i == 2 ? "8575/3" : rng.nextBoolean() ? "8500/3" : "8520/3") // one metaplastic carcinoma
                    .set("er_status", rng.nextBoolean() ? "positive" : "negative").build());
        }
        GaussianCopulaModel model = GaussianCopulaSynthesizer.create().fit(Table.of(SCHEMA, rows));
        assertThat(model.toJson()).contains("182.0", "45.0").contains("a value may be a single patient's");
        GaussianCopulaModel shared = model.shareable(5);
        String json = shared.toJson();
        assertThat(json).doesNotContain("182.0").doesNotContain("45.0").contains("\"shareable_k\" : 5")
                .contains("values shared by at least 5 patients").contains("not differential privacy");
        Table sampled = shared.sample(5000, 3);
        assertThat(sampled.records()).noneMatch(r -> "8575/3".equals(r.getString("morphology_icdo")));
        assertThat(sampled.records().stream().mapToDouble(r -> r.getDouble("tumor_size_mm")).max().orElseThrow()).isLessThan(182);
        GaussianCopulaModel reloaded = GaussianCopulaModel.fromJson(json);
        assertThat(reloaded.sample(300, 4)).isEqualTo(shared.sample(300, 4));
        assertThat(reloaded.provenance().parameters()).containsEntry("shareable_k", 5);
        assertThat(model.provenance().input()).isNotNull(); // the in-hospital model names its table; the shareable one does not
        assertThat(json).doesNotContain(model.provenance().input().sha256()).doesNotContain("row_count");
        assertThat(reloaded.provenance().input()).isNull();
        // the common values stay: ER status and the frequent codes keep their shares
        assertThat(share(sampled, r -> "8500/3".equals(r.getString("morphology_icdo")))).isCloseTo(0.5, within(0.05));
        assertThatThrownBy(() -> model.shareable(1)).hasMessageContaining("k must be at least 2");
    }

    @Test
    void digitsAreTheFewestThatWriteEveryValue() {
        assertThat(CopulaVariable.digitsOf(new double[] {1, 20, 300}, 6)).isZero();
        assertThat(CopulaVariable.digitsOf(new double[] {1.5, 20, 3.25}, 6)).isEqualTo(2);
        assertThat(CopulaVariable.digitsOf(new double[] {Math.PI}, 6)).isNull();
        assertThat(CopulaVariable.digitsOf(new double[] {0.1 + 0.2}, 6)).isEqualTo(1); // float noise is not a decimal
    }

    @Test
    void betaMarginalsAreFittedOrFallBackToNormalAndSaySo() {
        GaussianCopulaModel model = GaussianCopulaSynthesizer.builder().marginals(MarginalFamily.BETA).build().fit(structured(1000, 7));
        assertThat(model.describe()).contains("tumor_size_mm:VALUE=beta", "er_status:CODE=empirical");
        List<ClinicalRecord> constant = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            constant.add(ClinicalRecord.builder(SCHEMA).set("ki67_percent", 20.0).build());
        }
        GaussianCopulaModel fallback = GaussianCopulaSynthesizer.builder().marginals(MarginalFamily.BETA).build()
                .fit(Table.of(SCHEMA, constant));
        assertThat(fallback.describe()).contains("ki67_percent:VALUE=normal");
        assertThat(fallback.sample(20, 1).records()).allSatisfy(r -> assertThat(r.getDouble("ki67_percent")).isEqualTo(20.0));
    }

    @Test
    void edgeCases() {
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(ClinicalRecord.builder(SCHEMA)
                    .set("sbr_grade", "2") // one value
                    .set("morphology_icdo", i == 0 ? "9120/3" : "8500/3") // a category seen once
                    .set("lymph_nodes_taken", 10).set("lymph_nodes_affected", i % 12) // constraint pressure
                    .build()); // everything else all missing
        }
        Table real = Table.of(SCHEMA, rows);
        GaussianCopulaModel model = GaussianCopulaSynthesizer.create().fit(real);
        Table syn = model.sample(2000, 3);
        assertThat(syn.records()).allSatisfy(r -> {
            assertThat(r.getString("sbr_grade")).isEqualTo("2");
            assertThat(r.get("ki67_percent")).isNull();
            assertThat(r.violations()).isEmpty();
        });
        assertThat(share(syn, r -> "9120/3".equals(r.getString("morphology_icdo")))).isLessThan(0.02);
        assertThat(model.sample(0, 1).rowCount()).isZero();
        assertThatThrownBy(() -> model.sample(-1, 1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> GaussianCopulaSynthesizer.create().fit(Table.of(SCHEMA, rows.subList(0, 1))))
                .hasMessageContaining("at least 2 rows");
        assertThat(model.privacyGuarantee().isDifferentiallyPrivate()).isFalse();
    }

    @Test
    void standardNormalInverseIsAccurate() {
        for (double p : new double[] {1e-10, 0.001, 0.02425, 0.3, 0.5, 0.9, 0.999999}) {
            assertThat(StandardNormal.cdf(StandardNormal.inverse(p))).isCloseTo(p, within(1e-12 * Math.max(1, p)));
        }
        assertThat(StandardNormal.inverse(0.975)).isCloseTo(1.959963984540054, within(1e-12));
    }
}
