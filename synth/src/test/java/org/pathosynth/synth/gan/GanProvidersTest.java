package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.synthesis.Synthesizers;

/** The GANs by name have the builders' settings, every one of which their provenance lists (compared without a fit). */
class GanProvidersTest {
    @Test
    void defaultsAreTheBuildersSettings() {
        assertThat(ctgan(Map.of()).parameters(2007)).isEqualTo(CtganSynthesizer.builder().build().parameters(2007))
                .containsEntry("epochs", 300).containsEntry("batch_size", 500).containsEntry("pac", 10).containsEntry("train_seed", 0L);
        assertThat(pateGan(Map.of()).parameters(400)).isEqualTo(PateGanSynthesizer.builder().build().parameters(400))
                .containsEntry("epsilon", 1.0).containsEntry("delta", 1 / (400 * Math.sqrt(400))).containsEntry("epochs", 10);
        assertThat(pateCtgan(Map.of()).parameters(400)).isEqualTo(PateCtganSynthesizer.builder().build().parameters(400))
                .containsEntry("max_iterations", 1000).containsEntry("rows_per_teacher", 1000).containsEntry("marginal_model", "mst")
                .containsEntry("marginal_share", 0.9);
        assertThat(pateCtgan(Map.of("epsilon", 0.3)).parameters(400)).containsEntry("marginal_share", 0.7);
        assertThat(pateCtgan(Map.of("epsilon", 0.3, "marginal_share", 0.9)).parameters(400)).containsEntry("marginal_share", 0.9);
        assertThat(pateGan(Map.of()).parameters(400)).containsEntry("max_iterations", 40).containsEntry("marginal_model", "mst")
                .containsEntry("marginal_share", 0.8);
        // at ε 0.15 on 300 rows the default falls back to half; a share given is kept
        assertThat(pateGan(Map.of("epsilon", 0.15)).parameters(300)).containsEntry("marginal_share", 0.5);
        assertThat(pateGan(Map.of("epsilon", 0.15, "marginal_share", 0.8)).parameters(300)).containsEntry("marginal_share", 0.8);
        assertThat(pateGan(Map.of("marginal_model", "one_way")).parameters(400))
                .isEqualTo(PateGanSynthesizer.builder().marginalModel(MarginalModel.ONE_WAY).build().parameters(400));
        assertThat(pateCtgan(Map.of("marginal_model", "AIM")).parameters(400))
                .isEqualTo(PateCtganSynthesizer.builder().marginalModel(MarginalModel.AIM).build().parameters(400))
                .containsEntry("marginal_model", "aim");
        // a table of 879 rows takes one batch of 500 an epoch: 1,200 epochs for 1,200 steps
        assertThat(ctgan(Map.of()).parameters(879)).containsEntry("epochs", 1200);
        assertThat(ctgan(Map.of("min_steps", 0)).parameters(879)).containsEntry("epochs", 300).doesNotContainKey("min_steps");
    }

    @Test
    void optionsSetTheBuildersSettings() {
        assertThat(ctgan(Map.of("epochs", 3, "train_seed", 5, "batch_size", 50, "pac", 5, "embedding", 8, "generator_dims", List.of(16),
                "critic_dims", List.of(16, 8), "learning_rate", 1e-3)).parameters(400))
                .isEqualTo(CtganSynthesizer.builder().epochs(3).seed(5).batchSize(50).pac(5).embedding(8).generatorDims(16).criticDims(16, 8)
                        .learningRate(1e-3).build().parameters(400));
        assertThat(pateGan(Map.of("epsilon", 2, "delta", 1e-6, "epochs", 3, "train_seed", 4, "lambda", 0.01, "teachers", 5,
                "max_iterations", 7, "batch_size", 64, "width", 32)).parameters(400))
                .isEqualTo(PateGanSynthesizer.builder().epsilon(2).delta(1e-6).epochs(3).seed(4).lambda(0.01).teachers(5).maxIterations(7)
                        .batchSize(64).width(32).build().parameters(400));
        assertThat(pateCtgan(Map.of("epsilon", 3, "delta", 1e-7, "train_seed", 2, "lambda", 0.1, "rows_per_teacher", 50,
                "max_iterations", 9, "batch_size", 40)).parameters(400))
                .isEqualTo(PateCtganSynthesizer.builder().epsilon(3).delta(1e-7).seed(2).lambda(0.1).rowsPerTeacher(50).maxIterations(9)
                        .batchSize(40).build().parameters(400));
    }

    private static CtganSynthesizer ctgan(Map<String, ?> options) {
        return (CtganSynthesizer) Synthesizers.create("ctgan", options);
    }

    private static PateGanSynthesizer pateGan(Map<String, ?> options) {
        return (PateGanSynthesizer) Synthesizers.create("pategan", options);
    }

    private static PateCtganSynthesizer pateCtgan(Map<String, ?> options) {
        return (PateCtganSynthesizer) Synthesizers.create("patectgan", options);
    }
}
