package org.pathosynth.synth.mst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.synth.internal.dp.AttributeBins;
import org.pathosynth.synth.internal.dp.CompressedDomain;
import org.pathosynth.synth.internal.dp.HeapedSizes;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

class MstSynthesizerTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final List<String> COLUMNS = List.of("er_status", "pr_status", "her2_status", "sbr_grade", "lymph_nodes_affected");

    @Test
    void zcdpConversionMatchesTheReferenceValues() {
        assertThat(org.pathosynth.synth.internal.dp.Zcdp.rho(1, 1e-9)).isCloseTo(0.0149731, within(1e-7));
        assertThat(org.pathosynth.synth.internal.dp.Zcdp.rho(1, 1e-5)).isCloseTo(0.0305566, within(1e-7));
        ZcdpBudget b = ZcdpBudget.of(1, 1e-9, 8);
        assertThat(b.sigma()).isCloseTo(10.009, within(1e-3));
        assertThat(b.sigma()).isCloseTo(Math.sqrt(3 / (2 * b.rho())), within(1e-12));
        assertThat(b.oneWayNoise()).isCloseTo(b.sigma() * Math.sqrt(8), within(1e-12));
        assertThat(b.twoWayNoise()).isCloseTo(b.sigma() * Math.sqrt(7), within(1e-12));
        assertThat(b.selectionEpsilon()).isCloseTo(Math.sqrt(8 * (b.rho() / 3) / 7), within(1e-12));
        // the three parts add back to the budget: two Gaussian rounds of ρ/3 and d−1 EM draws of ε²/8 each
        assertThat(2 * (1 / (2 * b.sigma() * b.sigma())) + 7 * b.selectionEpsilon() * b.selectionEpsilon() / 8)
                .isCloseTo(b.rho(), within(1e-12));
    }

    @Test
    void anySplitComposesToTheWholeBudget() {
        ZcdpBudget b = ZcdpBudget.of(1, 1e-9, 9, new double[] {0.45, 0.10, 0.45});
        double oneWay = 9 / (2 * b.oneWayNoise() * b.oneWayNoise());
        double twoWay = 8 / (2 * b.twoWayNoise() * b.twoWayNoise());
        double selection = 8 * b.selectionEpsilon() * b.selectionEpsilon() / 8;
        assertThat(oneWay + selection + twoWay).isCloseTo(b.rho(), within(1e-12));
        assertThat(oneWay).isCloseTo(0.45 * b.rho(), within(1e-12));
        assertThatThrownBy(() -> ZcdpBudget.of(1, 1e-9, 9, new double[] {0.5, 0.5, 0.5}))
                .hasMessageContaining("three positive fractions summing to 1");
    }

    @Test
    void histogramsOfExactValuesArePaidForByTheTwoWayRound() {
        ZcdpBudget b = ZcdpBudget.of(1, 1e-9, 8);
        ZcdpBudget two = b.withHistogram().withHistogram();
        assertThat(two.histograms()).isEqualTo(2);
        assertThat(two.oneWayNoise()).isEqualTo(b.oneWayNoise());
        // two histograms at the 1-way noise, and the 2-way round's smaller share: the parts still add up to ρ
        double oneWays = 8 / (2 * two.oneWayNoise() * two.oneWayNoise());
        double histograms = 2 / (2 * two.oneWayNoise() * two.oneWayNoise());
        double twoWays = 7 / (2 * two.twoWayNoise() * two.twoWayNoise());
        assertThat(oneWays + histograms + twoWays + 7 * two.selectionEpsilon() * two.selectionEpsilon() / 8)
                .isCloseTo(two.rho(), within(1e-12));
        assertThat(twoWays).isCloseTo(b.rho() / 3 - histograms, within(1e-12));
        // the 2-way round keeps at least half its share: four histograms of ρ/24 each, not five
        ZcdpBudget four = two.withHistogram().withHistogram();
        assertThat(four.canMeasureHistogram()).isFalse();
        assertThatThrownBy(four::withHistogram).hasMessageContaining("cannot pay");
    }

    @Test
    void binsAreDecodedToTheValuesTheDataHeapsAt() throws Exception {
        Table real = HeapedSizes.table(2000, 1);
        List<String> columns = List.of("er_status", "tumor_size_mm");
        MstModel measured = MstSynthesizer.builder().epsilon(10).seed(1).attributes(columns).build().fit(real);
        MstModel uniform = MstSynthesizer.builder().epsilon(10).seed(1).attributes(columns).valueHistograms(false).build()
                .fit(real);
        HeapedSizes.assertDecodesTheHeap(measured, uniform);
        assertThat(measured.valueHistograms()).containsExactly("tumor_size_mm");
        assertThat(uniform.valueHistograms()).isEmpty();
        assertThat(measured.privacyGuarantee().epsilon()).isLessThanOrEqualTo(10.0);
        MstModel loaded = MstModel.fromJson(measured.toJson());
        assertThat(loaded.sample(500, 3)).isEqualTo(measured.sample(500, 3));
        assertThat(loaded.privacyGuarantee().note()).isEqualTo(measured.privacyGuarantee().note()); // the 2-way noise too
        java.util.regex.Matcher oneWay = java.util.regex.Pattern.compile("noise std ([0-9.]+) \\(1-way")
                .matcher(measured.privacyGuarantee().note());
        assertThat(oneWay.find()).isTrue();
        assertThat(HeapedSizes.emptyValueNoise(measured.toJson()))
                .as("the histogram is measured at the 1-way noise").isCloseTo(Double.parseDouble(oneWay.group(1)), withinPercentage(15));
        assertThat(measured.toJson()).contains("\"value_histograms\"");
    }

    @Test
    void budgetIsValidated() {
        assertThatThrownBy(() -> MstSynthesizer.builder().epsilon(0).build()).hasMessageContaining("epsilon must be a positive");
        assertThatThrownBy(() -> MstSynthesizer.builder().epsilon(-1).build()).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> MstSynthesizer.builder().delta(0).build()).hasMessageContaining("delta must be in (0, 1)");
        assertThatThrownBy(() -> MstSynthesizer.builder().numericBins(1)).hasMessageContaining("at least 2");
    }

    /** ER and PR identical, HER2 and grade independent of everything; nodes with a spike at 0. */
    static Table linked(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String er = rng.nextDouble() < 0.7 ? "positive" : "negative";
            rows.add(ClinicalRecord.builder(SCHEMA).set("er_status", er).set("pr_status", er)
                    .set("her2_status", rng.nextDouble() < 0.2 ? "positive" : "negative")
                    .set("sbr_grade", String.valueOf(1 + rng.nextInt(3)))
                    .set("lymph_nodes_affected", rng.nextDouble() < 0.5 ? 0 : rng.nextInt(1, 8)).build());
        }
        return Table.of(SCHEMA, rows);
    }

    @Test
    void spanningTreePicksTheObviousDependencyAndReproducesIt() {
        MstModel model = MstSynthesizer.builder().epsilon(5).seed(1).attributes(COLUMNS).build().fit(linked(3000, 2));
        assertThat(model.edges()).hasSize(COLUMNS.size() - 1)
                .anySatisfy(e -> assertThat(e).containsExactlyInAnyOrder("er_status", "pr_status"));
        Table syn = model.sample(3000, 3);
        long agree = syn.records().stream().filter(r -> java.util.Objects.equals(r.get("er_status"), r.get("pr_status"))).count();
        assertThat(agree / 3000.0).isGreaterThan(0.95);
        long zeros = syn.records().stream().filter(r -> java.util.Objects.equals(r.get("lymph_nodes_affected"), 0)).count();
        assertThat(zeros / 3000.0).isCloseTo(0.5, within(0.05));
        assertThat(syn.records()).allSatisfy(r -> assertThat(r.get("ki67_percent")).isNull()); // not modelled
    }

    @Test
    void reproduciblePerSeedAndSavedModelsSampleIdentically() {
        Table real = linked(1500, 4);
        MstModel a = MstSynthesizer.builder().seed(7).attributes(COLUMNS).iterations(300).build().fit(real);
        MstModel b = MstSynthesizer.builder().seed(7).attributes(COLUMNS).iterations(300).build().fit(real);
        MstModel c = MstSynthesizer.builder().seed(8).attributes(COLUMNS).iterations(300).build().fit(real);
        assertThat(b.sample(500, 1)).isEqualTo(a.sample(500, 1));
        assertThat(c.sample(500, 1)).isNotEqualTo(a.sample(500, 1));
        String json = a.toJson();
        assertThat(json).contains("\"epsilon\" : 1.0", "\"rho\"");
        MstModel loaded = MstModel.fromJson(json);
        assertThat(loaded.sample(500, 1)).isEqualTo(a.sample(500, 1));
        assertThat(loaded.edges()).isEqualTo(a.edges());
        assertThatThrownBy(() -> MstModel.fromJson("{\"synthesizer\":\"gaussian-copula\"}")).hasMessageContaining("not an MST model");
    }

    @Test
    void reportsItsGuarantee() {
        MstModel model = MstSynthesizer.builder().epsilon(1).delta(1e-9).seed(1).attributes(COLUMNS).iterations(100).build()
                .fit(linked(500, 5));
        var g = model.privacyGuarantee();
        assertThat(g.isDifferentiallyPrivate()).isTrue();
        assertThat(g.epsilon()).isEqualTo(1.0);
        assertThat(g.delta()).isEqualTo(1e-9);
        assertThat(g.mechanism()).contains("MST");
        assertThat(g.note()).contains("zCDP");
        assertThat(model.rho()).isCloseTo(0.0149731, within(1e-7));
    }

    @Test
    void binsComeFromTheSchemaNotTheData() {
        AttributeBins size = AttributeBins.of(SCHEMA.attribute("tumor_size_mm"), 20, "MST");
        AttributeBins nodes = AttributeBins.of(SCHEMA.attribute("lymph_nodes_taken"), 20, "MST");
        assertThat(size.size()).isEqualTo(21); // 20 bins + missing
        assertThat(nodes.encode(0)).isZero();
        assertThat(nodes.encode(9)).isEqualTo(9);
        assertThat(nodes.encode(12)).isEqualTo(10); // [10, 15)
        assertThat(nodes.encode(100)).isEqualTo(nodes.size() - 2);
        assertThat(nodes.encode(Double.NaN)).isEqualTo(nodes.missingCell());
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            double v = size.decode(size.encode(22.5), rng);
            assertThat(size.encode(v)).isEqualTo(size.encode(22.5));
        }
        Schema unbounded = Schema.fromJson("{\"name\":\"u\",\"attributes\":[{\"name\":\"x\",\"kind\":\"numeric\"}]}");
        assertThatThrownBy(() -> AttributeBins.of(unbounded.attribute("x"), 10, "MST")).hasMessageContaining("public bounds");
    }

    @Test
    void compressionMergesSparseCellsByKind() {
        CompressedDomain categorical = CompressedDomain.categorical(new double[] {500, 3, 200, -4, 1}, 90);
        assertThat(categorical.groups()).isDeepEqualTo(new int[][] {{0}, {2}, {1, 3, 4}});
        CompressedDomain ordered = CompressedDomain.ordered(new double[] {500, 40, 60, 10, 5, 30}, 90);
        // 40 + 60 clears the threshold; the sparse tail 10 + 5 joins that range; the missing cell stays apart.
        assertThat(ordered.groups()).isDeepEqualTo(new int[][] {{0}, {1, 2, 3, 4}, {5}});
        assertThat(ordered.compress(new double[] {500, 40, 60, 10, 5, 30})[1]).isCloseTo(115 / 2.0, within(1e-12));
        assertThat(ordered.forward()).containsExactly(0, 1, 1, 1, 1, 2);
    }

    @Test
    void edgeCases() {
        assertThatThrownBy(() -> MstSynthesizer.builder().seed(1).build().fit(Table.of(SCHEMA, List.of())))
                .hasMessageContaining("empty table");
        assertThatThrownBy(() -> MstSynthesizer.builder().seed(1).attributes(List.of("site")).build().fit(linked(10, 1)))
                .hasMessageContaining("no attribute 'site'");
        MstModel single = MstSynthesizer.builder().seed(1).attributes(List.of("er_status")).build().fit(linked(400, 1));
        assertThat(single.edges()).isEmpty();
        assertThat(single.sample(100, 1).rowCount()).isEqualTo(100);
        assertThatThrownBy(() -> single.sample(-1, 1)).hasMessageContaining(">= 0");
    }

    @Test
    void pairQualityChargesTheNoiseThatMeasuringTheCellsWouldAdd() {
        // σ·√(2/π) is the expected |noise| of one cell; half of it is charged per cell.
        assertThat(MstSynthesizer.pairQuality(100, 9, 10)).isCloseTo(100 - 0.5 * 9 * 10 * Math.sqrt(2 / Math.PI), within(1e-12));
        // the same gap is worth more on a 3 × 3 table than on a 15 × 15 one
        assertThat(MstSynthesizer.pairQuality(300, 9, 27)).isGreaterThan(MstSynthesizer.pairQuality(300, 225, 27));
    }

    @Test
    void forestModelsKeepSeparateComponentsIndependent() {
        // attributes 0–1 linked (a perfect copy), attribute 2 alone with its own 1-way measurement
        int[] sizes = {2, 2, 3};
        int[][] edges = TreeModel.orient(3, List.of(new int[] {0, 1}));
        assertThat(edges).isDeepEqualTo(new int[][] {{1, 0}});
        List<Measurement> measurements = List.of(
                new Measurement(0, -1, new double[] {60, 0, 0, 40}, null, 1),
                new Measurement(-1, 2, new double[] {20, 30, 50}, new double[] {1, 1, 1}, 1));
        TreeModel model = TreeModel.estimate(sizes, edges, measurements, 100, 500);
        assertThat(model.attributeMarginal(2)).containsExactly(new double[] {20, 30, 50}, within(1e-9));
        assertThat(model.attributeMarginal(0)[0]).isCloseTo(60, within(0.5));
        int[][] rows = model.sample(1000, new SplittableRandom(1));
        for (int r = 0; r < 1000; r++) {
            assertThat(rows[1][r]).isEqualTo(rows[0][r]);
        }
        assertThat(java.util.Arrays.stream(rows[2]).filter(c -> c == 2).count()).isEqualTo(500);
        assertThatThrownBy(() -> TreeModel.orient(3, List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 0})))
                .hasMessageContaining("cycle");
    }
}
