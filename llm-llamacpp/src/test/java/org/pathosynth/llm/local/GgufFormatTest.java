package org.pathosynth.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufFormatTest {
    @TempDir
    Path dir;

    @Test
    void theTinyModelReadsBackWithItsMetadata() throws IOException {
        Path file = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), 7, TinyLlamaGguf.CHATML_TEMPLATE);
        GgufMetadata m = GgufMetadata.read(file);
        assertThat(m.version()).isEqualTo(3);
        assertThat(m.tensorCount()).isEqualTo(3 + 2 * 9);
        assertThat(m.architecture()).isEqualTo("llama");
        assertThat(m.contextLength()).isEqualTo(16_384L);
        assertThat(m.integer("llama.block_count")).isEqualTo(2L);
        assertThat(m.integer("tokenizer.ggml.eos_token_id")).isEqualTo(2L);
        assertThat(m.chatTemplate()).isEqualTo(TinyLlamaGguf.CHATML_TEMPLATE);
        assertThat(m.values()).doesNotContainKey("tokenizer.ggml.tokens"); // arrays are skipped
        // header, then 32-byte aligned F32 data: the file is as long as its tensors say
        assertThat(Files.size(file) % GgufWriter.ALIGNMENT).isZero();
    }

    @Test
    void aModelWithoutTemplateHasNone() throws IOException {
        assertThat(GgufMetadata.read(TinyLlamaGguf.write(dir.resolve("plain.gguf"), 7, null)).chatTemplate()).isNull();
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws Exception {
        String a = sha(TinyLlamaGguf.write(dir.resolve("a.gguf"), 11, null));
        String b = sha(TinyLlamaGguf.write(dir.resolve("b.gguf"), 11, null));
        String c = sha(TinyLlamaGguf.write(dir.resolve("c.gguf"), 12, null));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void aFileThatIsNotGgufOrIsCutShortIsNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.gguf"), "hello, not a model");
        assertThatThrownBy(() -> GgufMetadata.read(text)).isInstanceOf(IOException.class).hasMessageContaining("notes.gguf")
                .hasMessageContaining("not a GGUF model file");
        Path full = TinyLlamaGguf.write(dir.resolve("full.gguf"), 1, null);
        Path cut = dir.resolve("cut.gguf");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(full), 200));
        assertThatThrownBy(() -> GgufMetadata.read(cut)).isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
