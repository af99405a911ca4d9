package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

class CtganSynthesizerTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    /** PR copies ER (70 % positive); tumour size is bimodal and tied to ER. */
    static Table linked(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean positive = rng.nextDouble() < 0.7;
            String er = positive ? "positive" : "negative";
            double size = positive ? 15 + 3 * rng.nextGaussian() : 45 + 5 * rng.nextGaussian();
            rows.add(ClinicalRecord.builder(SCHEMA).set("er_status", er).set("pr_status", er)
                    .set("tumor_size_mm", Math.round(Math.max(1, size) * 10) / 10.0).build());
        }
        return Table.of(SCHEMA, rows);
    }

    private static CtganSynthesizer.Builder small() {
        return CtganSynthesizer.builder().embedding(32).generatorDims(64, 64).criticDims(64, 64).batchSize(100).learningRate(1e-3);
    }

    @Test
    void learnsATwoColumnDependency() {
        Table real = linked(1000, 1);
        GanModel model = small().epochs(60).seed(3).build().fit(real);
        Table syn = model.sample(1000, 4);
        long agree = syn.records().stream().filter(r -> Objects.equals(r.get("er_status"), r.get("pr_status"))).count();
        long positive = syn.records().stream().filter(r -> "positive".equals(r.get("er_status"))).count();
        // independent columns would agree 0.7² + 0.3² = 58 % of the time
        assertThat(agree / 1000.0).isGreaterThan(0.85);
        // sampling conditions are drawn by frequency (by default), so the 70/30 split stays
        assertThat(positive / 1000.0).isCloseTo(0.70, org.assertj.core.data.Offset.offset(0.05));
        double smallWhenPositive = syn.records().stream().filter(r -> "positive".equals(r.get("er_status")))
                .mapToDouble(r -> (Double) r.get("tumor_size_mm")).filter(s -> s < 30).count() / (double) positive;
        assertThat(smallWhenPositive).isGreaterThan(0.75);
        assertThat(syn.records()).allSatisfy(r -> assertThat(r.get("ki67_percent")).isNull()); // never observed
        assertThat(model.privacyGuarantee().isDifferentiallyPrivate()).isFalse();
    }

    @Test
    void samplingByFrequencyKeepsTheCategoriesSharesThatLogFrequencyPullsTowardsEven() {
        Table real = linked(1000, 1);
        GanModel byLog = small().epochs(60).seed(3).sampleByFrequency(false).build().fit(real);
        GanModel byFrequency = small().epochs(60).seed(3).build().fit(real);
        var trained = byFrequency.generator.net.parameters();
        for (int i = 0; i < trained.size(); i++) { // the same training: only the sampling differs
            assertThat(trained.get(i).value).containsExactly(byLog.generator.net.parameters().get(i).value);
        }
        double logShare = positiveShare(byLog.sample(2000, 4));
        double frequencyShare = positiveShare(byFrequency.sample(2000, 4));
        // as in the reference, log-frequency conditions pull the 70/30 split towards log(701) / (log(701) + log(301)) = 0.534
        assertThat(logShare).isCloseTo(0.534, org.assertj.core.data.Offset.offset(0.05));
        assertThat(frequencyShare).isCloseTo(0.70, org.assertj.core.data.Offset.offset(0.04));
        GanModel loaded = GanModel.fromJson(byFrequency.toJson());
        assertThat(loaded.sample(500, 9).records()).isEqualTo(byFrequency.sample(500, 9).records());
        assertThat(byFrequency.provenance().parameters()).containsEntry("sample_by_frequency", true);
    }

    private static double positiveShare(Table syn) {
        return syn.records().stream().filter(r -> "positive".equals(r.get("er_status"))).count() / (double) syn.rowCount();
    }

    @Test
    void reproduciblePerSeedStoppableAndReportsLosses() {
        Table real = linked(300, 2);
        GanModel a = small().epochs(3).seed(5).build().fit(real);
        GanModel b = small().epochs(3).seed(5).build().fit(real);
        GanModel c = small().epochs(3).seed(6).build().fit(real);
        assertThat(a.sample(200, 1)).isEqualTo(b.sample(200, 1));
        assertThat(a.sample(200, 1)).isEqualTo(a.sample(200, 1));
        assertThat(c.sample(200, 1)).isNotEqualTo(a.sample(200, 1));
        assertThat(a.losses()).hasSize(3).allSatisfy(l -> assertThat(l).hasSize(2));
        AtomicInteger epochs = new AtomicInteger();
        GanModel stopped = small().epochs(50).seed(5).stopWhen(() -> epochs.get() >= 2).build()
                .fit(real, (stage, done, total) -> epochs.set((int) done));
        assertThat(stopped.epochsTrained()).isEqualTo(2);
        assertThat(stopped.sample(10, 1).rowCount()).isEqualTo(10);
    }

    /** The epochs a default fit plans with these fewest steps and steps per epoch. */
    private static int plannedEpochs(int minSteps, int stepsPerEpoch) {
        return new CtganSynthesizer.Settings(null, minSteps, 500, 10, CtganArchitecture.reference(), true).epochsFor(stepsPerEpoch);
    }

    @Test
    void aSmallTableTrainsEnoughStepsUnlessTheEpochsAreSet() {
        CtganSynthesizer.Builder tiny = CtganSynthesizer.builder().embedding(4).generatorDims(4).criticDims(4).batchSize(40).seed(1);
        Table real = linked(100, 3); // batches of 40: 2 steps an epoch
        GanModel floored = tiny.minSteps(700).build().fit(real);
        assertThat(floored.epochsTrained()).isEqualTo(350); // 700 steps, above the reference's 300 epochs
        assertThat(floored.provenance().parameters()).containsEntry("epochs", 350).doesNotContainKey("min_steps");
        assertThat(tiny.minSteps(100).build().fit(real).epochsTrained()).isEqualTo(300); // never under the reference's epochs
        GanModel exact = tiny.epochs(4).build().fit(real);
        assertThat(exact.epochsTrained()).isEqualTo(4); // epochs set: exactly those
        assertThat(exact.provenance().parameters()).containsEntry("epochs", 4).doesNotContainKey("min_steps");
        assertThat(plannedEpochs(1200, 1)).isEqualTo(1200);
        assertThat(plannedEpochs(1200, 4)).isEqualTo(300);
        assertThat(plannedEpochs(1200, 3)).isEqualTo(400);
        assertThat(plannedEpochs(0, 1)).isEqualTo(300);
        assertThat(plannedEpochs(701, 2)).isEqualTo(351); // rounded up
        assertThat(plannedEpochs(Integer.MAX_VALUE, 3)).isEqualTo(715_827_883); // no overflow
        // the planned epochs, given again as options, train the same way
        GanModel again = CtganSynthesizer.builder().embedding(4).generatorDims(4).criticDims(4).batchSize(40).seed(1)
                .epochs((Integer) floored.provenance().parameters().get("epochs")).build().fit(real);
        assertThat(again.sample(50, 2).records()).isEqualTo(floored.sample(50, 2).records());
        assertThatThrownBy(() -> CtganSynthesizer.builder().minSteps(-1)).hasMessageContaining("option 'min_steps' must be at least 0");
    }

    @Test
    void modelsSharingAGeneratorSampleConcurrentlyAsOneAfterTheOther() throws Exception {
        GanModel model = small().epochs(2).seed(4).build().fit(linked(300, 5));
        GanModel twin = model.withPrivacy(model.privacyGuarantee()); // the same generator, another model
        List<GanModel> models = List.of(model, twin);
        List<Table> expected = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            expected.add(models.get(k % 2).sample(1500, k));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<java.util.concurrent.Future<Table>> drawn = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    int seed = k;
                    drawn.add(pool.submit(() -> models.get(seed % 2).sample(1500, seed)));
                }
                for (int k = 0; k < 8; k++) {
                    assertThat(drawn.get(k).get().records()).as("seed %d, round %d", k, round).isEqualTo(expected.get(k).records());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> CtganSynthesizer.builder().epochs(0)).hasMessageContaining("epochs must be at least 1");
        assertThatThrownBy(() -> CtganSynthesizer.builder().batchSize(55).build()).hasMessageContaining("multiple of pac (10)");
        assertThat(CtganSynthesizer.builder().batchSize(55).pac(5).build()).isNotNull(); // order of the setters does not matter
        assertThatThrownBy(() -> small().build().fit(linked(5, 1))).hasMessageContaining("at least 10 rows");
        assertThatThrownBy(() -> small().build().fit(Table.of(SCHEMA, List.of()))).hasMessageContaining("at least 10 rows");
    }

    @Test
    void sampledRowsKeepTheSchemaConstraints() {
        // affected is often equal to taken: an untrained generator breaks "affected <= taken" on many rows
        SplittableRandom rng = new SplittableRandom(8);
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int taken = 1 + rng.nextInt(20);
            rows.add(ClinicalRecord.builder(SCHEMA).set("lymph_nodes_taken", taken)
                    .set("lymph_nodes_affected", Math.max(0, taken - rng.nextInt(3))).build());
        }
        Table syn = small().epochs(1).seed(1).build().fit(Table.of(SCHEMA, rows)).sample(500, 2);
        assertThat(syn.rowCount()).isEqualTo(500);
        assertThat(syn.records()).allSatisfy(r -> {
            Integer affected = (Integer) r.get("lymph_nodes_affected");
            Integer taken = (Integer) r.get("lymph_nodes_taken");
            if (affected != null && taken != null) {
                assertThat(affected).isLessThanOrEqualTo(taken);
            }
        });
    }
}
