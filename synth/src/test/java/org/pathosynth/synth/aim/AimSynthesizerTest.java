package org.pathosynth.synth.aim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.dp.HeapedSizes;
import org.pathosynth.synth.internal.dp.Zcdp;
import org.pathosynth.synth.internal.pgm.Factor;

class AimSynthesizerTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final List<String> COLUMNS = List.of("er_status", "pr_status", "her2_status", "sbr_grade", "lymph_nodes_affected");

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
    void theBudgetIsSpentToTheEndAndNeverBeyondIt() {
        Table real = linked(400, 1);
        for (double epsilon : new double[] {0.1, 0.3, 1, 3}) {
            for (double delta : new double[] {1e-9, 1e-5}) {
                for (long seed = 1; seed <= 2; seed++) {
                    AimModel m = AimSynthesizer.builder().epsilon(epsilon).delta(delta).seed(seed).attributes(COLUMNS)
                            .iterations(50).roundIterations(10).build().fit(real);
                    String at = "ε " + epsilon + ", δ " + delta + ", seed " + seed;
                    assertThat(m.rho()).isEqualTo(Zcdp.rho(epsilon, delta));
                    assertThat(m.rhoUsed()).as(at).isLessThanOrEqualTo(m.rho()).isGreaterThan(0.999_999 * m.rho());
                    assertThat(m.privacyGuarantee().epsilon()).as(at).isLessThanOrEqualTo(epsilon).isGreaterThan(0.999 * epsilon);
                    assertThat(m.privacyGuarantee().delta()).isEqualTo(delta);
                    assertThat(m.measured()).as(at).isNotEmpty();
                }
            }
        }
    }

    /** 30 % biopsies, which state no tumour size; every surgery states one. */
    static Table biopsies(int n, long seed) {
        return biopsies(n, seed, false);
    }

    /** As {@link #biopsies(int, long)}; with {@code sized}, the biopsies break the rule and state a size too. */
    static Table biopsies(int n, long seed, boolean sized) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean biopsy = rng.nextDouble() < 0.3;
            ClinicalRecord.Builder r = ClinicalRecord.builder(SCHEMA)
                    .set("test_used_for_diagnosis", biopsy ? "biopsy" : "mastectomy")
                    .set("er_status", rng.nextDouble() < 0.7 ? "positive" : "negative");
            if (!biopsy || sized) {
                r.set("tumor_size_mm", 5 + rng.nextInt(56));
            }
            rows.add(r.build());
        }
        return Table.of(SCHEMA, rows);
    }

    @Test
    void theSchemasRulesAreStructuralZerosSoTheModelHoldsThemWithoutMeasuringThem() {
        // Only 1-ways may be measured: without the zeros, size is independent of the test, and the biopsies' sizes,
        // blanked when the table is built, add to the surgeries' missing ones (0.3 + 0.7 × 0.3 missing).
        Table real = biopsies(2000, 4);
        List<String> columns = List.of("test_used_for_diagnosis", "tumor_size_mm", "er_status");
        for (long seed = 1; seed <= 3; seed++) {
            AimSynthesizer.Builder b = AimSynthesizer.builder().epsilon(1).seed(seed).attributes(columns).measuredDegree(1)
                    .iterations(300);
            AimModel zeros = b.build().fit(real);
            AimModel none = b.structuralZeros(false).build().fit(real);
            assertThat(zeros.measured()).allSatisfy(set -> assertThat(set).hasSize(1));
            assertThat(missingSizeShare(zeros.sample(2000, seed))).as("seed " + seed).isCloseTo(0.3, within(0.04));
            assertThat(missingSizeShare(none.sample(2000, seed))).as("seed " + seed).isGreaterThan(0.45);
            AimModel loaded = AimModel.fromJson(zeros.toJson());
            assertThat(loaded.sample(300, 5).records()).isEqualTo(zeros.sample(300, 5).records());
            assertThat(zeros.toJson()).contains("\"structural_zeros\" : true");
            assertThat(none.toJson()).contains("\"structural_zeros\" : false");
        }
    }

    @Test
    void rowsThatBreakARuleDoNotDrawTheSelectionToAMarginalTheModelCannotFit() {
        // Every biopsy states a size: 600 rows in cells the zeros forbid. Counted in the selection's error, they would
        // make (test, size) the worst-answered marginal in every round, however often it is measured.
        Table real = biopsies(2000, 6, true);
        List<String> columns = List.of("test_used_for_diagnosis", "tumor_size_mm", "er_status");
        for (long seed = 1; seed <= 3; seed++) {
            AimModel model = AimSynthesizer.builder().epsilon(3).seed(seed).attributes(columns).rounds(12)
                    .iterations(300).build().fit(real);
            long testAndSize = model.measured().stream()
                    .filter(m -> m.equals(List.of("test_used_for_diagnosis", "tumor_size_mm"))).count();
            assertThat(testAndSize).as("seed " + seed + ": " + model.measured()).isLessThanOrEqualTo(1);
            assertThat(model.measured().size()).as("seed " + seed).isGreaterThanOrEqualTo(4);
        }
    }

    private static double missingSizeShare(Table t) {
        return t.records().stream().filter(r -> r.get("tumor_size_mm") == null).count() / (double) t.rowCount();
    }

    @Test
    void aClearDependencyIsMeasuredAndReproduced() {
        AimModel model = AimSynthesizer.builder().epsilon(5).seed(1).attributes(COLUMNS).build().fit(linked(3000, 2));
        assertThat(model.measured()).anySatisfy(s -> assertThat(s).contains("er_status", "pr_status"));
        Table syn = model.sample(3000, 3);
        long agree = syn.records().stream().filter(r -> Objects.equals(r.get("er_status"), r.get("pr_status"))).count();
        assertThat(agree / 3000.0).isGreaterThan(0.95);
        long zeros = syn.records().stream().filter(r -> Objects.equals(r.get("lymph_nodes_affected"), 0)).count();
        assertThat(zeros / 3000.0).isCloseTo(0.5, within(0.05));
        long her2 = syn.records().stream().filter(r -> "positive".equals(r.get("her2_status"))).count();
        assertThat(her2 / 3000.0).isCloseTo(0.2, within(0.04));
        assertThat(syn.records()).allSatisfy(r -> assertThat(r.get("ki67_percent")).isNull()); // not modelled
    }

    @Test
    void unseededNoiseDiffersBetweenFitsAndASeedReproducesIt() {
        Table real = linked(300, 4);
        AimSynthesizer.Builder b = AimSynthesizer.builder().attributes(COLUMNS).iterations(30).roundIterations(10);
        String first = b.build().fit(real).toJson();
        String second = b.build().fit(real).toJson();
        assertThat(first).isNotEqualTo(second);
        assertThat(first).contains("\"noise_seeded\" : false");
        AimSynthesizer seeded = AimSynthesizer.builder().attributes(COLUMNS).iterations(30).roundIterations(10).seed(9).build();
        AimModel one = seeded.fit(real);
        assertThat(one.toJson()).isEqualTo(seeded.fit(real).toJson()).contains("\"noise_seeded\" : true").doesNotContain("\"seed\" : 9");
    }

    @Test
    void aSavedModelSamplesTheSameRowsAndHoldsOnlyNoisyCounts() throws Exception {
        AimModel model = AimSynthesizer.builder().epsilon(1).seed(2).attributes(COLUMNS).build().fit(linked(1000, 5));
        AimModel loaded = AimModel.fromJson(model.toJson());
        assertThat(loaded.sample(500, 8).records()).isEqualTo(model.sample(500, 8).records());
        assertThat(loaded.privacyGuarantee()).isEqualTo(model.privacyGuarantee());
        JsonNode json = new ObjectMapper().readTree(model.toJson());
        assertThat(json.get("total").asDouble()).isNotEqualTo(1000.0);
        int weights = 0;
        int whole = 0;
        for (JsonNode domain : json.get("domains")) {
            for (JsonNode w : domain.get("weights")) {
                weights++;
                whole += w.asDouble() == Math.rint(w.asDouble()) ? 1 : 0;
            }
        }
        assertThat(whole).as("exact counts among %d saved 1-way weights", weights).isZero();
        assertThat(json.toString()).doesNotContain("\"min\" : 0,").contains("\"epsilon_spent\"");
    }

    @Test
    void theWorkloadWeighsEachCandidateByItsOverlapWithEveryThreeWayMarginal() {
        Workload w = Workload.allMarginals(4, 3);
        assertThat(w.size()).isEqualTo(4 + 6 + 4);
        assertThat(w.candidate(0)).containsExactly(0);
        assertThat(w.weight(0)).isEqualTo(3); // {0} lies in three of the four triples
        assertThat(w.candidate(4)).containsExactly(0, 1);
        assertThat(w.weight(4)).isEqualTo(2 + 2 + 1 + 1);
        assertThat(w.candidate(10)).containsExactly(0, 1, 2);
        assertThat(w.weight(10)).isEqualTo(3 + 2 + 2 + 2);
        Workload pairs = Workload.allMarginals(4, 3, 2); // the same weights, the triples left out
        assertThat(pairs.size()).isEqualTo(4 + 6);
        assertThat(pairs.weight(0)).isEqualTo(3);
        assertThat(pairs.weight(4)).isEqualTo(6);
        assertThat(Workload.allMarginals(4, 2, 3).size()).as("never beyond the workload's degree").isEqualTo(4 + 6);
        Workload fiveWay = Workload.allMarginals(5, 3, 2); // weights from the triples: each attribute lies in 6 of 10
        assertThat(fiveWay.weight(0)).isEqualTo(6);
        assertThat(fiveWay.weight(5)).isEqualTo(12);
    }

    /** ER and PR independent and even, HER2 positive exactly when they differ: no pair shows the dependence, the triple does. */
    static Table exclusiveOr(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean er = rng.nextBoolean();
            boolean pr = rng.nextBoolean();
            rows.add(ClinicalRecord.builder(SCHEMA).set("er_status", er ? "positive" : "negative")
                    .set("pr_status", pr ? "positive" : "negative").set("her2_status", er != pr ? "positive" : "negative").build());
        }
        return Table.of(SCHEMA, rows);
    }

    @Test
    void roundsMeasurePairsByDefaultAndTriplesOnlyWhenAllowed() {
        Table real = exclusiveOr(3000, 6);
        List<String> three = List.of("er_status", "pr_status", "her2_status");
        AimModel pairs = AimSynthesizer.builder().epsilon(20).seed(1).attributes(three).build().fit(real);
        AimModel triples = AimSynthesizer.builder().epsilon(20).seed(1).attributes(three).measuredDegree(3).build().fit(real);
        assertThat(pairs.measured()).allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(2));
        assertThat(triples.measured()).anySatisfy(s -> assertThat(s).containsExactlyInAnyOrderElementsOf(three));
        assertThat(exclusiveOrShare(triples.sample(3000, 2))).isGreaterThan(0.95);
        assertThat(exclusiveOrShare(pairs.sample(3000, 2))).isCloseTo(0.5, within(0.05)); // pairs cannot see it
        assertThat(pairs.provenance().parameters()).containsEntry("measured_degree", 2).containsEntry("degree", 3)
                .containsEntry("free_penalty", true);
        assertThat(triples.provenance().parameters()).containsEntry("measured_degree", 3);
    }

    private static double exclusiveOrShare(Table syn) {
        return syn.records().stream().filter(r -> ("positive".equals(r.get("her2_status")))
                == !Objects.equals(r.get("er_status"), r.get("pr_status"))).count() / (double) syn.rowCount();
    }

    @Test
    void theSelectionSubtractsTheNoiseAMeasurementLeavesInTheModel() {
        int[] domain = {4, 2, 2, 3, 5};
        double perCell = Math.sqrt(2 / Math.PI) * 10;
        // The reference: every cell's noise.
        assertThat(AimSynthesizer.measurementError(Factor.dimsOf(new int[] {3, 4}, domain), 10, false)).isCloseTo(perCell * 15, within(1e-9));
        // Free directions only: a 1-way keeps n − 1 of its n, a pair (a − 1)(b − 1), a triple n − 1 − Σ(k − 1).
        assertThat(AimSynthesizer.measurementError(Factor.dimsOf(new int[] {0}, domain), 10, true)).isCloseTo(perCell * Math.sqrt(4 * 3), within(1e-9));
        assertThat(AimSynthesizer.measurementError(Factor.dimsOf(new int[] {1, 2}, domain), 10, true)).isCloseTo(perCell * 2, within(1e-9));
        assertThat(AimSynthesizer.measurementError(Factor.dimsOf(new int[] {3, 4}, domain), 10, true)).isCloseTo(perCell * Math.sqrt(15 * 8), within(1e-9));
        assertThat(AimSynthesizer.measurementError(Factor.dimsOf(new int[] {0, 1, 3}, domain), 10, true))
                .isCloseTo(perCell * Math.sqrt(24 * (23 - 3 - 1 - 2)), within(1e-9));
        // A single cell has no free direction but is charged one, so it is never free to measure.
        assertThat(AimSynthesizer.measurementError(Factor.dimsOf(new int[] {0}, new int[] {1}), 10, true)).isCloseTo(perCell, within(1e-9));
        // The fit uses it by default, and it makes pairs cheaper than the reference's: over the same seeds, the default
        // chooses other marginals and measures fewer 1-ways again.
        Table real = linked(600, 7);
        int differ = 0;
        int oneWaysByDefault = 0;
        int oneWaysByReference = 0;
        for (long seed = 1; seed <= 10; seed++) {
            AimSynthesizer.Builder b = AimSynthesizer.builder().epsilon(0.3).seed(seed).attributes(COLUMNS).iterations(30)
                    .roundIterations(10);
            AimModel byDefault = b.build().fit(real);
            assertThat(byDefault.toJson()).isEqualTo(b.freePenalty(true).build().fit(real).toJson());
            AimModel byReference = b.freePenalty(false).build().fit(real);
            assertThat(byReference.provenance().parameters()).containsEntry("free_penalty", false);
            differ += byDefault.measured().equals(byReference.measured()) ? 0 : 1;
            oneWaysByDefault += (int) byDefault.measured().stream().filter(m -> m.size() == 1).count();
            oneWaysByReference += (int) byReference.measured().stream().filter(m -> m.size() == 1).count();
        }
        assertThat(differ).as("seeds of 10 choosing otherwise").isGreaterThanOrEqualTo(5);
        assertThat(oneWaysByDefault).isLessThan(oneWaysByReference);
    }

    @Test
    void binsAreDecodedToTheValuesTheDataHeapsAt() throws Exception {
        Table real = HeapedSizes.table(2000, 1);
        List<String> columns = List.of("er_status", "tumor_size_mm");
        AimModel measured = AimSynthesizer.builder().epsilon(10).seed(1).attributes(columns).build().fit(real);
        AimModel uniform = AimSynthesizer.builder().epsilon(10).seed(1).attributes(columns).valueHistograms(false).build()
                .fit(real);
        HeapedSizes.assertDecodesTheHeap(measured, uniform);
        assertThat(measured.valueHistograms()).containsExactly("tumor_size_mm");
        assertThat(measured.details()).containsEntry("value_histograms", List.of("tumor_size_mm"));
        assertThat(AimSynthesizer.builder().epsilon(0.01).seed(1).attributes(columns).build().fit(real).valueHistograms())
                .as("at ε = 0.01 the noise (σ ≈ 1,400 per value) would hide the heaps: the budget stays with the marginals")
                .isEmpty();
        assertThat(measured.rhoUsed()).isLessThanOrEqualTo(measured.rho());
        AimModel loaded = AimModel.fromJson(measured.toJson());
        assertThat(loaded.sample(500, 3)).isEqualTo(measured.sample(500, 3));
        double sigma = Math.sqrt(4 / (2 * 0.9 * Zcdp.rho(10, 1e-9))); // four planned rounds: two 1-ways and two adaptive
        assertThat(HeapedSizes.emptyValueNoise(measured.toJson())).as("measured at the 1-way noise")
                .isCloseTo(sigma, withinPercentage(15));
        // the histogram costs a round: one adaptive round is left instead of two
        assertThat(measured.details()).containsEntry("rounds", 1);
        assertThat(uniform.details()).containsEntry("rounds", 2);
        // with two planned rounds the 1-ways leave a tenth of ρ, too little to pay for a histogram: none, no overspending
        AimModel tight = AimSynthesizer.builder().epsilon(10).seed(1).attributes(columns).rounds(2).build().fit(real);
        assertThat(tight.valueHistograms()).isEmpty();
        assertThat(tight.rhoUsed()).isLessThanOrEqualTo(tight.rho());
        assertThatThrownBy(() -> AimSynthesizer.builder().seed(1).attributes(columns).rounds(1).build().fit(real))
                .hasMessageContaining("at least one planned round per modelled attribute (2)");
    }

    /** Nodes 0 to 19 at random; grade 1 under 7 nodes, 2 under 14, else 3 (a tenth of grades at random); ER at random. */
    static Table staged(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int nodes = rng.nextInt(20);
            int grade = rng.nextDouble() < 0.1 ? 1 + rng.nextInt(3) : nodes < 7 ? 1 : nodes < 14 ? 2 : 3;
            rows.add(ClinicalRecord.builder(SCHEMA).set("lymph_nodes_affected", nodes).set("sbr_grade", String.valueOf(grade))
                    .set("er_status", rng.nextDouble() < 0.7 ? "positive" : "negative").build());
        }
        return Table.of(SCHEMA, rows);
    }

    @Test
    void coarserCellsKeepAtLeastThreeGroupsOrNone() {
        // Ordered: six cells of 100 and a missing cell of 50 (kept apart).
        double[] ordered = {100, 100, 100, 100, 100, 100, 50};
        assertThat(AimSynthesizer.coarserCells(ordered, false, 200)).containsExactly(0, 0, 1, 1, 2, 2, 3);
        assertThat(AimSynthesizer.coarserCells(ordered, false, 300)).as("low and high only: too coarse").isNull();
        assertThat(AimSynthesizer.coarserCells(ordered, false, 100)).as("no coarser than the cells").isNull();
        // Categories: those under the threshold join one other group.
        double[] coded = {500, 400, 300, 20, 10};
        assertThat(AimSynthesizer.coarserCells(coded, true, 200)).containsExactly(0, 1, 2, 3, 3);
        assertThat(AimSynthesizer.coarserCells(coded, true, 350)).containsExactly(0, 1, 2, 2, 2);
        assertThat(AimSynthesizer.coarserCells(coded, true, 450)).isNull();
        // A group's answer sums its cells; its cells are unreachable only if every one of them is.
        assertThat(AimSynthesizer.Candidate.sum(new double[] {1, 2, 3, 4}, new int[] {0, 0, 1, 1}, new int[] {2}))
                .containsExactly(3, 7);
        assertThat(AimSynthesizer.Candidate.allOf(new boolean[] {true, true, false, true}, new int[] {0, 0, 1, 1}, new int[] {2}))
                .containsExactly(true, false);
        assertThat(AimSynthesizer.Candidate.allOf(null, new int[] {0, 0, 1, 1}, new int[] {2})).isNull();
    }

    @Test
    void aPairIsMeasuredOnCoarserGroupsWhereTheSelectionPrefersThem() throws Exception {
        Table real = staged(2000, 1);
        List<String> columns = List.of("er_status", "sbr_grade", "lymph_nodes_affected");
        List<String> pair = List.of("sbr_grade", "lymph_nodes_affected");
        int onGroups = 0;
        for (long seed = 1; seed <= 4; seed++) {
            AimModel model = AimSynthesizer.builder().epsilon(1).seed(seed).attributes(columns).build().fit(real);
            onGroups += model.measuredOnGroups().contains(pair) ? 1 : 0;
            assertThat(model.measured()).containsAll(model.measuredOnGroups());
            assertThat(model.measuredOnGroups()).allSatisfy(m -> assertThat(m).as("a 1-way is never measured coarser").hasSizeGreaterThan(1));
            assertThat(model.rhoUsed()).isLessThanOrEqualTo(model.rho()).isGreaterThan(0.999_999 * model.rho());
            AimModel off = AimSynthesizer.builder().epsilon(1).seed(seed).attributes(columns).coarsePairs(0).build().fit(real);
            assertThat(off.measuredOnGroups()).isEmpty();
            assertThat(off.provenance().parameters()).containsEntry("coarse_pairs", 0.0);
        }
        assertThat(onGroups).as("seeds of 4 measuring grade by nodes on groups").isGreaterThanOrEqualTo(3);

        AimModel model = AimSynthesizer.builder().epsilon(1).seed(1).attributes(columns).build().fit(real);
        assertThat(model.measuredOnGroups()).containsExactly(pair);
        assertThat(model.details()).containsEntry("measured_on_groups", List.of(pair));
        assertThat(model.provenance().parameters()).containsEntry("coarse_pairs", 12.0);
        // The model fits the pair through its cells: the grades follow the nodes in the samples.
        Table syn = model.sample(4000, 3);
        long high = syn.records().stream().filter(r -> r.get("lymph_nodes_affected") instanceof Number x && x.intValue() >= 15).count();
        long highGrade3 = syn.records().stream().filter(r -> r.get("lymph_nodes_affected") instanceof Number x && x.intValue() >= 15
                && "3".equals(r.get("sbr_grade"))).count();
        long low = syn.records().stream().filter(r -> r.get("lymph_nodes_affected") instanceof Number x && x.intValue() < 5).count();
        long lowGrade1 = syn.records().stream().filter(r -> r.get("lymph_nodes_affected") instanceof Number x && x.intValue() < 5
                && "1".equals(r.get("sbr_grade"))).count();
        assertThat((double) highGrade3 / high).as("grade 3 among 15 nodes or more (0.93 in the data)").isGreaterThan(0.8);
        assertThat((double) lowGrade1 / low).as("grade 1 under 5 nodes (0.93 in the data)").isGreaterThan(0.8);

        // Saved and loaded, it says the same and samples the same; a model saved before coarser pairs still loads.
        AimModel loaded = AimModel.fromJson(model.toJson());
        assertThat(loaded.measuredOnGroups()).isEqualTo(model.measuredOnGroups());
        assertThat(loaded.sample(500, 4)).isEqualTo(model.sample(500, 4));
        com.fasterxml.jackson.databind.node.ObjectNode old = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(model.toJson());
        old.remove("selected_on_groups");
        AimModel before = AimModel.fromJson(old.toString());
        assertThat(before.measuredOnGroups()).isEmpty();
        assertThat(before.sample(500, 4)).isEqualTo(model.sample(500, 4));
        // Where the noise is high (ε = 0.05) no attribute keeps three coarser groups: nothing changes.
        AimSynthesizer.Builder low5 = AimSynthesizer.builder().epsilon(0.05).seed(1).attributes(columns);
        assertThat(low5.build().fit(real).sample(500, 5)).isEqualTo(low5.coarsePairs(0).build().fit(real).sample(500, 5));
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> AimSynthesizer.builder().epsilon(0).build()).hasMessageContaining("epsilon must be a positive");
        assertThatThrownBy(() -> AimSynthesizer.builder().delta(1).build()).hasMessageContaining("delta must be in (0, 1)");
        assertThatThrownBy(() -> AimSynthesizer.builder().degree(0)).hasMessageContaining("degree must be at least 1");
        assertThatThrownBy(() -> AimSynthesizer.builder().measuredDegree(0)).hasMessageContaining("measured degree must be at least 1");
        assertThatThrownBy(() -> AimSynthesizer.builder().rounds(0)).hasMessageContaining("rounds must be at least 1");
        assertThatThrownBy(() -> AimSynthesizer.builder().coarsePairs(-1)).hasMessageContaining("coarse pairs must be");
        assertThatThrownBy(() -> AimSynthesizer.builder().coarsePairs(Double.NaN)).hasMessageContaining("coarse pairs must be");
        assertThatThrownBy(() -> AimSynthesizer.builder().build().fit(Table.of(SCHEMA, List.of())))
                .hasMessageContaining("empty table");
        assertThatThrownBy(() -> AimSynthesizer.builder().attributes(List.of("laterality")).build().fit(linked(10, 1)))
                .hasMessageContaining("laterality");
    }
}
