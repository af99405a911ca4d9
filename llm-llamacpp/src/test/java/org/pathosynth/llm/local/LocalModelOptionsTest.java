package org.pathosynth.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalModelOptionsTest {
    @Test
    void aBarePathTakesTheDefaults() {
        LocalModelOptions o = LocalModelOptions.parse("/models/mistral.gguf");
        assertThat(o).isEqualTo(new LocalModelOptions(Path.of("/models/mistral.gguf"), 0, 0, 0, 42, 0.7));
        assertThat(o.threadCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void optionsAfterTheQuestionMarkAreRead() {
        LocalModelOptions o = LocalModelOptions.parse("/m/x.gguf?ctx=2048&threads=2&gpu_layers=10&seed=7&temperature=0.1");
        assertThat(o).isEqualTo(new LocalModelOptions(Path.of("/m/x.gguf"), 2048, 2, 10, 7, 0.1));
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> LocalModelOptions.parse("/m/x.gguf?context=2048")).hasMessageContaining("unknown local model option 'context'")
                .hasMessageContaining("ctx, threads");
        assertThatThrownBy(() -> LocalModelOptions.parse("/m/x.gguf?threads=many")).hasMessageContaining("threads must be a number");
        assertThatThrownBy(() -> LocalModelOptions.parse("/m/x.gguf?temperature=3")).hasMessageContaining("between 0 and 2");
        assertThatThrownBy(() -> LocalModelOptions.parse("?ctx=1")).hasMessageContaining("path of a GGUF file");
        assertThatThrownBy(() -> LocalModelOptions.parse("/m/x.gguf?ctx")).hasMessageContaining("key=value");
    }
}
