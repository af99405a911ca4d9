package org.pathosynth.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.component.ComponentOptions;
import org.pathosynth.core.contract.SynthesizerContractTest;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.Synthesizers;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.pathosynth.synth.copula.GaussianCopulaModel;
import org.pathosynth.synth.copula.GaussianCopulaProvider;
import org.pathosynth.synth.copula.GaussianCopulaSynthesizer;
import org.pathosynth.synth.gan.CtganProvider;
import org.pathosynth.synth.gan.GanModel;
import org.pathosynth.synth.gan.PateCtganProvider;
import org.pathosynth.synth.gan.PateGanProvider;
import org.pathosynth.synth.independent.IndependentMarginalsProvider;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;
import org.pathosynth.synth.mst.MstModel;
import org.pathosynth.synth.mst.MstProvider;
import org.pathosynth.synth.mst.MstSynthesizer;

/** The six synthesizers by name: options bound and checked, defaults equal to the builders', saved models loaded by type. */
class SynthesizerProvidersTest {
    private static final Table REAL = SynthesizerContractTest.defaultTrainingTable();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, FittedSynthesizer> FITTED = new HashMap<>();

    @Test
    void theSevenAreFoundByName() {
        assertThat(Synthesizers.names()).contains("independent", "gaussian-copula", "mst", "aim", "ctgan", "pategan", "patectgan");
        assertThat(Synthesizers.provider("aim")).isInstanceOf(org.pathosynth.synth.aim.AimProvider.class);
        assertThat(Synthesizers.provider("aim").description()).contains("differentially private");
        assertThat(Synthesizers.provider("independent")).isInstanceOf(IndependentMarginalsProvider.class);
        assertThat(Synthesizers.provider("gaussian-copula")).isInstanceOf(GaussianCopulaProvider.class);
        assertThat(Synthesizers.provider("mst")).isInstanceOf(MstProvider.class);
        assertThat(Synthesizers.provider("ctgan")).isInstanceOf(CtganProvider.class);
        assertThat(Synthesizers.provider("pategan")).isInstanceOf(PateGanProvider.class);
        assertThat(Synthesizers.provider("patectgan")).isInstanceOf(PateCtganProvider.class);
        assertThat(Synthesizers.create()).isInstanceOf(GaussianCopulaSynthesizer.class);
        assertThat(Synthesizers.provider("mst").description()).contains("differentially private");
    }

    @Test
    void anUnknownOptionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Synthesizers.create("mst", Map.of("epsilom", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synthesizer 'mst': unknown option 'epsilom'")
                .hasMessageContaining("known options: epsilon, delta, attributes, noise_seed, numeric_bins, iterations, budget_split, "
                        + "enforce_constraints");
        assertThatThrownBy(() -> Synthesizers.create("patectgan", Map.of("epochs", 3)))
                .hasMessageContaining("unknown option 'epochs'")
                .hasMessageContaining("epsilon, delta, train_seed, lambda, rows_per_teacher, max_iterations, batch_size");
    }

    @Test
    void aValueOfTheWrongTypeOrOutOfRangeIsNamed() {
        assertThatThrownBy(() -> Synthesizers.create("ctgan", Map.of("epochs", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option 'epochs' must be an integer");
        assertThatThrownBy(() -> Synthesizers.create("ctgan", Map.of("epochs", 2.5))).hasMessageContaining("option 'epochs' must be an integer");
        assertThatThrownBy(() -> Synthesizers.create("mst", Map.of("attributes", 3))).hasMessageContaining("option 'attributes' must be a");
        assertThatThrownBy(() -> Synthesizers.create("gaussian-copula", Map.of("marginals", "gamma")))
                .hasMessageContaining("marginals must be empirical, beta or normal, got 'gamma'");
        assertThatThrownBy(() -> Synthesizers.create("mst", Map.of("epsilon", -1))).hasMessageContaining("epsilon").hasMessageContaining("-1");
        assertThatThrownBy(() -> Synthesizers.create("mst", Map.of("delta", 1))).hasMessageContaining("delta must be in (0, 1)");
        assertThatThrownBy(() -> Synthesizers.create("mst", Map.of("budget_split", List.of(0.5, 0.5))))
                .hasMessageContaining("budget_split must be three fractions");
        assertThatThrownBy(() -> Synthesizers.create("ctgan", Map.of("epochs", 0))).hasMessageContaining("epochs must be at least 1");
        assertThatThrownBy(() -> Synthesizers.create("ctgan", Map.of("epochs", 10, "min_steps", 100))).hasMessageContaining("option 'min_steps' cannot be set with epochs");
        assertThatThrownBy(() -> Synthesizers.create("ctgan", Map.of("batch_size", 55))).hasMessageContaining("multiple of pac (10)");
        assertThatThrownBy(() -> Synthesizers.create("pategan", Map.of("epsilon", 0))).hasMessageContaining("epsilon must be a positive number");
        assertThatThrownBy(() -> Synthesizers.create("patectgan", Map.of("delta", 2.0))).hasMessageContaining("delta must be in (0, 1)");
        assertThatThrownBy(() -> Synthesizers.create("patectgan", Map.of("marginal_share", 1.0))).hasMessageContaining("marginal share must be in (0, 1)");
        assertThatThrownBy(() -> Synthesizers.create("pategan", Map.of("marginal_share", 0))).hasMessageContaining("marginal share must be in (0, 1)");
        assertThatThrownBy(() -> Synthesizers.create("mst:fast")).hasMessageContaining("synthesizer 'mst' takes no argument");
    }

    @Test
    void optionsDefaultAsTheCommandLineAlwaysHas() {
        assertThat(ComponentOptions.bind("t", IndependentMarginalsProvider.Options.class, Map.of()))
                .isEqualTo(new IndependentMarginalsProvider.Options(true));
        assertThat(ComponentOptions.bind("t", GaussianCopulaProvider.Options.class, Map.of()))
                .isEqualTo(new GaussianCopulaProvider.Options("empirical", true, 0L));
        assertThat(ComponentOptions.bind("t", MstProvider.Options.class, Map.of()))
                .isEqualTo(new MstProvider.Options(1.0, 1e-9, null, null, 20, 3000, List.of(0.45, 0.10, 0.45), true, true, false));
        assertThat(ComponentOptions.bind("t", CtganProvider.Options.class, Map.of()))
                .isEqualTo(new CtganProvider.Options(null, 1200, 0L, 500, 10, 128, List.of(256, 256), List.of(256, 256), 2e-4, true));
        assertThat(ComponentOptions.bind("t", PateGanProvider.Options.class, Map.of()))
                .isEqualTo(new PateGanProvider.Options(1.0, null, 10, 0L, 1e-3, 10, 40, 200, 256, null, false, false, null, null, true, true, "mst"));
        assertThat(ComponentOptions.bind("t", PateCtganProvider.Options.class, Map.of()))
                .isEqualTo(new PateCtganProvider.Options(1.0, null, 0L, 1e-3, 1000, 1000, 500, null, false, false, null, null, true, true, "mst"));
        assertThat(ComponentOptions.bind("t", GaussianCopulaProvider.Options.class, Map.of("marginals", "BETA")).marginals()).isEqualTo("beta");
    }

    @Test
    void defaultsAreTheBuildersSettings() {
        // the provenance lists every setting of a fitted model, so equal parameters mean equal settings
        sameModel(Synthesizers.create("independent"), IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build());
        sameModel(Synthesizers.create("gaussian-copula"), GaussianCopulaSynthesizer.create());
        sameModel(Synthesizers.create("gaussian-copula", Map.of("marginals", "beta", "fit_seed", 4)),
                GaussianCopulaSynthesizer.builder().marginals(org.pathosynth.synth.copula.MarginalFamily.BETA).fitSeed(4).build());
        sameModel(Synthesizers.create("mst", Map.of("noise_seed", 5)), MstSynthesizer.builder().seed(5).build());
        sameModel(Synthesizers.create("aim", Map.of("noise_seed", 5)), org.pathosynth.synth.aim.AimSynthesizer.builder().seed(5).build());
        sameModel(Synthesizers.create("aim", Map.of("noise_seed", 5, "measured_degree", 3, "free_penalty", false)),
                org.pathosynth.synth.aim.AimSynthesizer.builder().seed(5).measuredDegree(3).freePenalty(false).build());
        assertThat(Synthesizers.create("aim", Map.of("noise_seed", 5, "structural_zeros", false)).fit(REAL).provenance()
                .parameters()).containsEntry("structural_zeros", false);
        assertThat(Synthesizers.create("aim", Map.of("noise_seed", 5, "coarse_pairs", 6)).fit(REAL).provenance()
                .parameters()).containsEntry("coarse_pairs", 6.0);
        for (String dp : List.of("mst", "aim")) {
            assertThat(Synthesizers.create(dp, Map.of("noise_seed", 5, "value_histograms", false)).fit(REAL).provenance()
                    .parameters()).as(dp).containsEntry("value_histograms", false);
        }
        // the GANs' defaults, which take minutes to fit, are compared without fitting in GanProvidersTest
        for (String pate : List.of("pategan", "patectgan")) {
            FittedSynthesizer raw = Synthesizers.create(pate, Map.of("calibrate_marginals", false, "max_iterations", 1,
                    "batch_size", 50, "noise_seed", 1)).fit(REAL);
            assertThat(raw.provenance().parameters()).as(pate).containsEntry("calibrate_marginals", false);
            assertThat(raw.toJson()).as(pate).doesNotContain("marginal_calibration");
        }
    }

    private static void sameModel(TabularSynthesizer byName, TabularSynthesizer built) {
        FittedSynthesizer a = byName.fit(REAL);
        FittedSynthesizer b = built.fit(REAL);
        assertThat(a.provenance()).isEqualTo(b.provenance());
        assertThat(a.sample(100, 3)).isEqualTo(b.sample(100, 3));
    }

    @Test
    void theOptionsGiveTheProvenanceItsParameters() {
        FittedSynthesizer mst = Synthesizers.create("mst", Map.of("epsilon", 2, "attributes", List.of("er_status", "pr_status"),
                "noise_seed", 9)).fit(REAL);
        Map<String, Object> p = mst.provenance().parameters();
        assertThat(p).containsEntry("epsilon", 2.0).containsEntry("delta", 1e-9).containsEntry("attributes", List.of("er_status", "pr_status"))
                .containsEntry("noise_seeded", true).doesNotContainKey("noise_seed"); // with the seed, the noise could be removed
        assertThat(mst.sample(50, 1).records()).allSatisfy(r -> assertThat(r.get("ki67_percent")).isNull());
        FittedSynthesizer unseeded = Synthesizers.create("mst").fit(REAL);
        assertThat(unseeded.provenance().parameters()).containsEntry("noise_seeded", false)
                .containsEntry("attributes", REAL.schema().names());
        assertThat(Synthesizers.create("independent").fit(REAL).provenance().parameters()).containsEntry("enforce_constraints", true);
        assertThat(Synthesizers.create("pategan", Map.of("max_iterations", 1, "epochs", 1, "width", 16, "train_seed", 7)).fit(REAL)
                .provenance().parameters())
                .containsEntry("train_seed", 7).containsEntry("delta", 1 / (200 * Math.sqrt(200))).containsEntry("width", 16);
    }

    @Test
    void everySaveableModelLoadsByTheTypeWrittenInIt(@TempDir Path dir) {
        Map<String, Class<?>> types = Map.of("gaussian-copula", GaussianCopulaModel.class, "mst", MstModel.class,
                "ctgan", GanModel.class, "pategan", GanModel.class, "patectgan", GanModel.class);
        for (Map.Entry<String, Class<?>> e : types.entrySet()) {
            FittedSynthesizer model = fitted(e.getKey());
            Path file = dir.resolve(e.getKey() + ".json");
            Synthesizers.save(model, file);
            FittedSynthesizer loaded = Synthesizers.load(file);
            assertThat(loaded).as(e.getKey()).isInstanceOf(e.getValue());
            assertThat(loaded.synthesizerName()).isEqualTo(e.getKey());
            assertThat(loaded.provenance()).isEqualTo(model.provenance());
            assertThat(loaded.sample(80, 2)).as(e.getKey()).isEqualTo(model.sample(80, 2));
        }
        FittedSynthesizer independent = Synthesizers.create("independent").fit(REAL);
        assertThatThrownBy(() -> Synthesizers.save(independent, dir.resolve("independent.json")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("stores real values");
        assertThat(dir.resolve("independent.json")).doesNotExist();
        assertThatThrownBy(() -> Synthesizers.provider("independent").load(JSON.createObjectNode()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Synthesizers.provider("ctgan").load(JSON.createObjectNode().put("synthesizer", "pategan")))
                .hasMessageContaining("not a CTGAN model");
    }

    @Test
    void modelsSavedBeforeProvenanceStillLoadAndSayTheirParametersAreUnknown() throws Exception {
        for (String name : List.of("gaussian-copula", "mst", "ctgan", "pategan")) {
            FittedSynthesizer model = fitted(name);
            ObjectNode old = (ObjectNode) JSON.readTree(model.toJson());
            old.remove("provenance");
            old.put("format_version", 1);
            if (old.has("budget")) { // MST's accounting was called "privacy"
                old.set("privacy", old.remove("budget"));
            }
            if (name.endsWith("gan")) { // the GANs' guarantee had a field of its own
                old.set("privacy", ProvenanceJson.privacy(model.privacyGuarantee()));
            }
            FittedSynthesizer loaded = Synthesizers.load(old.toString());
            assertThat(loaded.sample(80, 4)).as(name).isEqualTo(model.sample(80, 4));
            assertThat(loaded.privacyGuarantee()).isEqualTo(model.privacyGuarantee());
            ArtifactProvenance p = loaded.provenance();
            assertThat(p.producer()).isEqualTo(name);
            assertThat(p.parameters()).isEqualTo(Map.of("unknown", true));
            assertThat(p.input()).isNull();
            assertThat(p.libraryVersion()).isEqualTo("unknown");
            assertThat(p.privacy()).isEqualTo(model.privacyGuarantee());
        }
    }

    @Test
    void aPrivateModelSavedWithItsTablesFingerprintLoadsWithout() throws Exception {
        // saved before 2026-12-06, a DP model carried the training table's row count and SHA-256: not passed on to samples
        var old = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(fitted("mst").toJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.get("provenance")).putObject("input").put("row_count", 200)
                .put("sha256", "ab".repeat(32));
        assertThat(Synthesizers.load(old.toString()).provenance().input()).isNull();
        var copula = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(fitted("gaussian-copula").toJson());
        assertThat(Synthesizers.load(copula.toString()).provenance().input().rows()).isEqualTo(200); // no guarantee: kept
    }

    @Test
    void theSavedProvenanceIsReadable() throws Exception {
        FittedSynthesizer model = fitted("mst");
        var saved = JSON.readTree(model.toJson()).get("provenance");
        assertThat(saved.get("kind").asText()).isEqualTo("model");
        assertThat(saved.get("producer").asText()).isEqualTo("mst");
        assertThat(saved.has("input")).isFalse(); // a private model names no training data
        assertThat(JSON.readTree(fitted("gaussian-copula").toJson()).get("provenance").get("input").get("row_count").asInt()).isEqualTo(200);
        assertThat(saved.get("privacy").get("epsilon").asText()).isEqualTo("1.0");
        assertThat(saved.get("parameters").get("noise_seeded").asBoolean()).isTrue();
    }

    /** Each synthesizer fitted once with fast settings, for the tests that save and load. */
    private static synchronized FittedSynthesizer fitted(String name) {
        return FITTED.computeIfAbsent(name, n -> fast(n).fit(REAL));
    }

    private static TabularSynthesizer fast(String name) {
        return switch (name) {
            case "mst" -> Synthesizers.create(name, Map.of("noise_seed", 1));
            case "ctgan" -> Synthesizers.create(name, Map.of("epochs", 1, "embedding", 16, "generator_dims", List.of(32),
                    "critic_dims", List.of(32), "batch_size", 100));
            case "pategan" -> Synthesizers.create(name, Map.of("max_iterations", 1, "epochs", 1, "width", 16, "batch_size", 50));
            case "patectgan" -> Synthesizers.create(name, Map.of("max_iterations", 1, "batch_size", 50));
            default -> Synthesizers.create(name);
        };
    }
}
