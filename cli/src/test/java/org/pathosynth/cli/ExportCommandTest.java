package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @Test
    void demoPairsExportFilteredAndSplit(@TempDir Path dir) throws Exception {
        Path demo = dir.resolve("demo");
        assertThat(PathoSynthCli.run("demo", "--out", demo.toString(), "--n", "60")).isZero();
        Path out = dir.resolve("ft");
        assertThat(PathoSynthCli.run("export", "--pairs", demo.resolve("corpus.jsonl").toString(), "--format", "openai",
                "--filters", "length,language,near-duplicate,round-trip", "--validation", "0.25", "--out", out.toString())).isZero();
        long train = Files.readAllLines(out.resolve("train.jsonl")).size();
        long valid = Files.readAllLines(out.resolve("validation.jsonl")).size();
        assertThat(train + valid).isBetween(1L, 60L);
        assertThat(valid).isEqualTo(Math.round((train + valid) * 0.25));
        assertThat(Files.readAllLines(out.resolve("train.jsonl")).get(0)).startsWith("{\"messages\":[{\"role\":\"system\"");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("export", "--pairs", demo.resolve("corpus.jsonl").toString(), "--format", "csv",
                    "--out", out.toString())).isEqualTo(1);
            assertThat(PathoSynthCli.run("export", "--pairs", demo.resolve("corpus.jsonl").toString(), "--format", "alpaca",
                    "--filters", "magic", "--out", out.toString())).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth: export format must be one of [openai, mistral, hf-messages, alpaca], got 'csv'")
                    .contains("pathosynth: --filters: unknown filter 'magic'");
        }
    }
}
