package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user who names an input as an output (a slip of the shell's history) loses nothing: every command refuses before
 * reading, with one line naming both options, and the input keeps every byte. So does a user who names one file for two
 * outputs.
 */
class OutputsAreNeverInputsTest {
    private static void refused(Path input, String expected, String... args) throws Exception {
        byte[] before = Files.readAllBytes(input);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run(args)).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.text()).as(String.join(" ", args)).contains("pathosynth: ").contains(expected);
        }
        assertThat(Files.readAllBytes(input)).as("%s is unchanged", input).isEqualTo(before);
    }

    @Test
    void everyCommandRefusesToWriteOverItsInput(@TempDir Path dir) throws Exception {
        Path csv = GenerateCommandTest.records(dir, 30);
        String c = csv.toString();
        refused(csv, "--out " + c + " is the input --real", "synthesize", "--real", c, "--synthesizer", "independent", "--n", "10", "--out", c);
        refused(csv, "--json " + c + " is the input --real", "synthesize", "--real", c, "--n", "10", "--out", dir.resolve("s.csv").toString(),
                "--json", c);
        refused(csv, "--out " + c + " is the input --records", "generate", "--records", c, "--out", c);
        refused(csv, "--json " + c + " is the input --train", "evaluate", "--train", c, "--holdout", c, "--synthetic", c, "--json", c);
        // another name of the same file
        Path alias = dir.resolve("sub/../" + csv.getFileName());
        Files.createDirectories(dir.resolve("sub"));
        refused(csv, "is the input --records", "generate", "--records", c, "--out", alias.toString());

        Path model = dir.resolve("model.json");
        assertThat(PathoSynthCli.run("synthesize", "--real", c, "--n", "5", "--out", dir.resolve("s.csv").toString(), "--model",
                model.toString())).isZero();
        refused(model, "--out " + model + " is the input --model", "sample", "--model", model.toString(), "--n", "5", "--out", model.toString());
        refused(csv, "--model " + c + " is the input --real", "synthesize", "--real", c, "--n", "5", "--out", dir.resolve("t.csv").toString(),
                "--model", c);

        Path reports = dir.resolve("reports.jsonl");
        Files.writeString(reports, "{\"id\": \"a\", \"text\": \"Tumorectomie : carcinome infiltrant de type non spécifique, grade 2.\"}\n");
        refused(reports, "--out " + reports + " is the input --reports", "extract", "--reports", reports.toString(), "--out", reports.toString());
        refused(reports, "--json " + reports + " is the input --gold", "score-extraction", "--gold", reports.toString(), "--pred",
                reports.toString(), "--json", reports.toString());

        Path pairs = dir.resolve("pairs.jsonl");
        assertThat(PathoSynthCli.run("generate", "--records", c, "--out", pairs.toString())).isZero();
        refused(pairs, "--out " + pairs + " is the input --pairs", "train-extractor", "--pairs", pairs.toString(), "--out", pairs.toString());
        Path exportDir = dir.resolve("export");
        Files.createDirectories(exportDir);
        Path inside = exportDir.resolve("train.jsonl");
        Files.copy(pairs, inside);
        refused(inside, "is the input --pairs", "export", "--pairs", inside.toString(), "--format", "openai", "--out", exportDir.toString());
    }

    @Test
    void twoOutputsNeverShareAFile(@TempDir Path dir) throws Exception {
        Path csv = GenerateCommandTest.records(dir, 10);
        Path same = dir.resolve("same.csv");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", csv.toString(), "--n", "5", "--out", same.toString(), "--json",
                    same.toString())).isEqualTo(1);
            assertThat(err.text()).contains("--out and --json name the same file");
        }
        assertThat(same).doesNotExist();
    }

    @Test
    void scoringRefusesEmptyOrUnrelatedFiles(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Path pred = dir.resolve("pred.jsonl");
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(gold, "{\"id\": \"r1\", \"record\": {\"sbr_grade\": \"2\"}}\n{\"id\": \"r2\", \"record\": {\"sbr_grade\": \"3\"}}\n");
        Files.writeString(pred, "{\"id\": \"x1\", \"record\": {\"sbr_grade\": \"2\"}}\n");
        Files.writeString(empty, "");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("score-extraction", "--gold", gold.toString(), "--pred", pred.toString())).isEqualTo(1);
            assertThat(PathoSynthCli.run("score-extraction", "--gold", empty.toString(), "--pred", pred.toString())).isEqualTo(1);
            assertThat(PathoSynthCli.run("score-extraction", "--gold", gold.toString(), "--pred", empty.toString())).isEqualTo(1);
            assertThat(err.text()).contains("no id of --pred " + pred + " (1 records) is in --gold " + gold + " (2 records)")
                    .contains("--gold " + empty + " holds no records").contains("--pred " + empty + " holds no records")
                    .doesNotContain("x1").doesNotContain("mean accuracy");
        }
    }
}
