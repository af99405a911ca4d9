package org.pathosynth.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.DataFingerprint;
import org.pathosynth.core.provenance.LibraryVersion;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.core.synthesis.Synthesizers;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/**
 * What every {@link TabularSynthesizer} promises, PathoSynth's and yours: samples reproducible per seed, thread-safe
 * sampling, a stated privacy guarantee, provenance that names it and fingerprints its training table (unless
 * differentially private), a save/load round trip (or a clear refusal), bad input named, and a provider that finds it
 * by name.
 *
 * <p>Extend it and give {@link #synthesizer()} with fast settings (a few epochs) and seeded training, so that two fits
 * are the same model; the synthesizer is fitted once per test class, on {@link #trainingTable()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SynthesizerContractTest {
    private static final int ROWS = 150;

    private FittedSynthesizer fitted;

    /** The synthesizer under test: fast settings, seeded training (two fits must give the same model). */
    protected abstract TabularSynthesizer synthesizer();

    /** The table it is fitted to; by default {@link #defaultTrainingTable()}. */
    protected Table trainingTable() {
        return defaultTrainingTable();
    }

    /** The model fitted to {@link #trainingTable()}, once per test class. */
    protected final synchronized FittedSynthesizer fitted() {
        if (fitted == null) {
            fitted = synthesizer().fit(trainingTable());
        }
        return fitted;
    }

    @Test
    void theSameSeedGivesTheSameSample() {
        Table a = fitted().sample(ROWS, 11);
        assertThat(a.rowCount()).isEqualTo(ROWS);
        assertThat(a.schema()).isEqualTo(trainingTable().schema());
        assertThat(fitted().sample(ROWS, 11)).isEqualTo(a);
        assertThat(fitted().sample(0, 11).rowCount()).isZero();
    }

    @Test
    void sampledRowsKeepTheSchemasCoherenceRulesThatTheTrainingRowsBreak() {
        Table training = trainingTable();
        if (training.schema().rules().isEmpty()) {
            return; // a table of another schema, without rules
        }
        assertThat(training.records().stream().filter(r -> !r.incoherences().isEmpty()).count()).as("the premise").isPositive();
        Table sample = fitted().sample(ROWS, 15);
        assertThat(sample.records().stream().filter(r -> !r.incoherences().isEmpty()).toList()).isEmpty();
        assertThat(!training.schema().has("test_used_for_diagnosis")
                || sample.records().stream().anyMatch(r -> "biopsy".equals(r.get("test_used_for_diagnosis"))))
                .as("biopsies are sampled, so the rule was tried").isTrue();
    }

    @Test
    void differentSeedsGiveDifferentSamples() {
        assertThat(fitted().sample(ROWS, 12)).isNotEqualTo(fitted().sample(ROWS, 13));
    }

    @Test
    void fittingAgainWithTheSameSettingsGivesTheSameSamples() {
        assertThat(synthesizer().fit(trainingTable()).sample(ROWS, 14)).isEqualTo(fitted().sample(ROWS, 14));
    }

    @Test
    void samplingFromFourThreadsAtOnceEqualsSamplingInTurn() throws Exception {
        FittedSynthesizer model = fitted();
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Table>> concurrent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 100 + t;
                concurrent.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return model.sample(ROWS, seed);
                }));
            }
            for (int t = 0; t < threads; t++) {
                assertThat(concurrent.get(t).get(120, TimeUnit.SECONDS)).as("thread %d", t).isEqualTo(model.sample(ROWS, 100 + t));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePrivacyGuaranteeIsStated() {
        PrivacyGuarantee g = fitted().privacyGuarantee();
        assertThat(g).isNotNull();
        assertThat(g.mechanism()).isNotBlank();
        assertThat(g.note()).isNotBlank();
        // a finite epsilon comes with a mechanism; no guarantee is said as "none" with an infinite epsilon
        assertThat(g.isDifferentiallyPrivate()).isEqualTo(!g.mechanism().equals("none"));
        if (g.isDifferentiallyPrivate()) {
            assertThat(g.epsilon()).isPositive().isFinite();
        } else {
            assertThat(g.epsilon()).isInfinite();
        }
    }

    @Test
    void theProvenanceNamesTheSynthesizerAndFingerprintsTheTrainingTableUnlessPrivate() {
        ArtifactProvenance p = fitted().provenance();
        assertThat(p.kind()).isEqualTo("model");
        assertThat(p.producer()).isEqualTo(synthesizer().name()).isEqualTo(fitted().synthesizerName());
        assertThat(p.parameters()).isNotEmpty();
        if (fitted().privacyGuarantee().isDifferentiallyPrivate()) {
            // a hash of the table is no noisy statistic: with all rows but one, candidates for the last could be tested
            assertThat(p.input()).isNull();
            String sha = DataFingerprint.of(trainingTable()).sha256();
            try {
                assertThat(fitted().toJson()).doesNotContain(sha);
            } catch (UnsupportedOperationException notSaved) {
                // nothing saved, nothing to leak
            }
        } else {
            assertThat(p.input()).isEqualTo(DataFingerprint.of(trainingTable()));
            assertThat(p.input().rows()).isEqualTo(trainingTable().rowCount());
        }
        assertThat(p.privacy()).isEqualTo(fitted().privacyGuarantee());
        assertThat(p.libraryVersion()).isNotBlank().isEqualTo(LibraryVersion.current());
    }

    @Test
    void aSavedModelLoadsAndSamplesTheSame(@TempDir Path dir) {
        FittedSynthesizer model = fitted();
        String json;
        try {
            json = model.toJson();
        } catch (UnsupportedOperationException refused) {
            assertThat(refused.getMessage()).as("why the model cannot be saved").isNotBlank();
            assertThatThrownBy(() -> Synthesizers.save(model, dir.resolve("model.json"))).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        assertThat(json).contains("\"provenance\"");
        Path file = dir.resolve("model.json");
        Synthesizers.save(model, file);
        FittedSynthesizer loaded = Synthesizers.load(file);
        assertThat(loaded.synthesizerName()).isEqualTo(model.synthesizerName());
        assertThat(loaded.schema()).isEqualTo(model.schema());
        assertThat(loaded.privacyGuarantee()).isEqualTo(model.privacyGuarantee());
        assertThat(loaded.provenance()).isEqualTo(model.provenance());
        assertThat(loaded.sample(ROWS, 15)).isEqualTo(model.sample(ROWS, 15));
    }

    @Test
    void anEmptyTableIsRefusedSayingItHasNoRows() {
        Table empty = Table.of(trainingTable().schema(), List.of());
        assertThatThrownBy(() -> synthesizer().fit(empty)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rows");
    }

    @Test
    void aNegativeRowCountIsRefused() {
        assertThatThrownBy(() -> fitted().sample(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSynthesizerIsFoundByItsName() {
        String name = synthesizer().name();
        assertThat(Synthesizers.names()).contains(name);
        TabularSynthesizer found = Synthesizers.create(name);
        assertThat(found.name()).isEqualTo(name);
        assertThat(found.getClass()).isEqualTo(synthesizer().getClass());
    }

    /**
     * 200 breast-cancer records made in code: receptors, grade, size, nodes and Ki-67 depend on each other; Ki-67, the
     * extracapsular spread and (together) PR and HER2 are sometimes missing. Nodes affected never exceed nodes taken.
     */
    public static Table defaultTrainingTable() {
        Schema schema = Schema.breastCancer();
        SplittableRandom rng = new SplittableRandom(2024);
        List<ClinicalRecord> rows = new ArrayList<>();
        String[] tests = {"lumpectomy", "mastectomy", "biopsy", "surgical_excision"};
        String[] morphologies = {"8500/3", "8500/3", "8500/3", "8520/3", "8480/3"};
        for (int i = 0; i < 200; i++) {
            boolean er = rng.nextDouble() < 0.75;
            int grade = er ? 1 + rng.nextInt(3) : (rng.nextDouble() < 0.7 ? 3 : 2);
            double size = Math.round(Math.min(150, Math.exp(2.6 + 0.25 * grade + 0.5 * rng.nextGaussian())) * 10) / 10.0;
            int taken = 1 + rng.nextInt(20);
            int affected = size > 25 ? rng.nextInt(taken + 1) : (rng.nextDouble() < 0.8 ? 0 : rng.nextInt(Math.min(3, taken) + 1));
            ClinicalRecord.Builder r = ClinicalRecord.builder(schema)
                    .set("test_used_for_diagnosis", tests[rng.nextInt(tests.length)])
                    .set("morphology_icdo", morphologies[rng.nextInt(morphologies.length)])
                    .set("sbr_grade", Integer.toString(grade))
                    .set("tumor_size_mm", size)
                    .set("clear_margins", rng.nextDouble() < 0.9)
                    .set("lymph_nodes_taken", taken)
                    .set("lymph_nodes_affected", affected)
                    .set("lymphovascular_invasion", affected > 0 && rng.nextDouble() < 0.7)
                    .set("er_status", er ? "positive" : "negative");
            if (rng.nextDouble() < 0.9) { // PR and HER2 go missing together
                r.set("pr_status", (er ? rng.nextDouble() < 0.85 : rng.nextDouble() < 0.1) ? "positive" : "negative");
                r.set("her2_status", rng.nextDouble() < (er ? 0.1 : 0.3) ? "positive" : "negative");
            }
            if (affected > 0 && rng.nextDouble() < 0.8) {
                r.set("extracapsular_spread", rng.nextDouble() < 0.3);
            }
            if (rng.nextDouble() < 0.8) {
                r.set("ki67_percent", (double) Math.min(100, Math.max(1, Math.round(8 * grade + 6 * rng.nextGaussian()))));
            }
            rows.add(r.build());
        }
        return Table.of(schema, rows);
    }
}
