package org.pathosynth.llm.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {
    private static final String K1 = "a".repeat(64);
    private static final String K2 = "b".repeat(64);

    @Test
    void answersSurviveReopeningAndTheLastWriteWins(@TempDir Path dir) {
        try (ResponseCache c = new ResponseCache(dir)) {
            c.put(K1, new LlmAnswer("Carcinome « é » 2,8 cm", false, 10, 20, 1, false));
            c.put(K2, new LlmAnswer("second", true, 1, 2, 3, false));
            c.put(K1, new LlmAnswer("Carcinome, version 2", false, 11, 21, 1, false));
        }
        try (ResponseCache c = new ResponseCache(dir)) {
            assertThat(c.size()).isEqualTo(2);
            assertThat(c.get(K1)).get().satisfies(a -> {
                assertThat(a.text()).isEqualTo("Carcinome, version 2");
                assertThat(a.outputTokens()).isEqualTo(21);
            });
            assertThat(c.get(K2).get().truncated()).isTrue();
            assertThat(c.get("c".repeat(64))).isEmpty();
        }
    }

    @Test
    void aLineCutShortByACrashIsDropped(@TempDir Path dir) throws Exception {
        try (ResponseCache c = new ResponseCache(dir)) {
            c.put(K1, new LlmAnswer("kept", false, 1, 1, 1, false));
        }
        Files.writeString(dir.resolve("answers.jsonl"), "{\"key\":\"" + K2 + "\",\"te", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (ResponseCache c = new ResponseCache(dir)) {
            assertThat(c.size()).isEqualTo(1);
            assertThat(c.get(K2)).isEmpty();
            c.put(K2, new LlmAnswer("after the crash", false, 1, 1, 1, false));
        }
        try (ResponseCache c = new ResponseCache(dir)) {
            assertThat(c.get(K2).get().text()).isEqualTo("after the crash");
            assertThat(c.get(K1).get().text()).isEqualTo("kept");
        }
        assertThatThrownBy(() -> new ResponseCache(dir).put("../etc", new LlmAnswer("x", false, 0, 0, 0, false)))
                .hasMessageContaining("not a cache key");
    }
}
