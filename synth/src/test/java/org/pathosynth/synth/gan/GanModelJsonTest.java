package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.Table;

class GanModelJsonTest {
    @Test
    void savedModelsSampleExactlyLikeTheOriginals() {
        Table real = CtganSynthesizerTest.linked(300, 2);
        GanModel ctgan = CtganSynthesizer.builder().embedding(16).generatorDims(32).criticDims(32).batchSize(100).epochs(2).seed(1)
                .build().fit(real);
        GanModel pate = PateGanSynthesizer.builder().width(16).batchSize(50).epochs(1).maxIterations(1).seed(1).build().fit(real);
        for (GanModel m : new GanModel[] {ctgan, pate}) {
            String json = m.toJson();
            GanModel loaded = GanModel.fromJson(json);
            assertThat(loaded.synthesizerName()).isEqualTo(m.synthesizerName());
            assertThat(loaded.privacyGuarantee()).isEqualTo(m.privacyGuarantee());
            assertThat(loaded.losses()).containsExactlyElementsOf(m.losses());
            // before sampling: training-mode batch norm updates its running statistics while sampling, as in PyTorch
            assertThat(loaded.toJson()).isEqualTo(json);
            assertThat(loaded.sample(250, 9)).isEqualTo(m.sample(250, 9));
        }
    }

    @Test
    void badFilesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> GanModel.fromJson("{not json")).hasMessageContaining("malformed GAN model JSON");
        assertThatThrownBy(() -> GanModel.fromJson("{\"synthesizer\": \"mst\"}")).hasMessageContaining("synthesizer is 'mst'");
        Table real = CtganSynthesizerTest.linked(100, 2);
        String json = CtganSynthesizer.builder().embedding(8).generatorDims(8).criticDims(8).batchSize(50).epochs(1).build().fit(real)
                .toJson();
        assertThatThrownBy(() -> GanModel.fromJson(json.replace("\"latent\" : 8", "\"latent\" : 9")))
                .hasMessageContaining("generator parameter 0 has");
        assertThatThrownBy(() -> GanModel.fromJson(json.replaceFirst("\"generator\"", "\"generator_x\"")))
                .hasMessageContaining("incomplete ctgan model JSON");
    }
}
