package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.cli.run.RunConfig;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.io.CsvReadOptions;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.schema.Schema;

/** What a hospital team sees when it hands the tool its own exports: read right, or one line saying what to do. */
class InputReadingCliTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String CANARY = "DUPONT Marie née le 03/03/1962";

    /** A French Excel export: semicolons, decimal commas, accents in Windows-1252, CRLF. */
    private static Path frenchExport(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("sbr_grade;tumor_size_mm;ki67_percent;er_status;lymph_nodes_taken;commentaire\r\n");
        for (int i = 0; i < 120; i++) {
            csv.append(i % 3 + 1).append(';').append(10 + i % 40).append(',').append(i % 10).append(';')
                    .append(5 + i % 60).append(",5;").append(i % 4 == 0 ? "negative" : "positive").append(';').append(8 + i % 12)
                    .append(";reçu à l'hôpital\r\n");
        }
        Path file = dir.resolve("export.csv");
        Files.write(file, csv.toString().getBytes(WINDOWS_1252));
        return file;
    }

    @Test
    void rowsBreakingACoherenceRuleAreCountedWithWhatItCostsAndHowToKeepThem(@TempDir Path dir) throws Exception {
        // a registry that records the later surgery's margins for a patient diagnosed on biopsy (as TCGA-BRCA does)
        StringBuilder csv = new StringBuilder("test_used_for_diagnosis,clear_margins,sbr_grade\n");
        for (int i = 0; i < 120; i++) {
            csv.append(i % 4 == 0 ? "biopsy" : "mastectomy").append(',').append(i % 5 == 0 ? "no" : "yes").append(',')
                    .append(i % 3 + 1).append('\n');
        }
        Path real = dir.resolve("registry.csv");
        Files.writeString(real, csv);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--schema", "breast-cancer", "--synthesizer",
                    "independent", "--n", "120", "--seed", "1", "--out", dir.resolve("syn.csv").toString())).isZero();
            assertThat(err.text()).contains("registry.csv: 30 of 120 rows break a coherence rule of the schema (clear_margins, "
                    + "tumor_size_mm absent when test_used_for_diagnosis is biopsy")
                    .contains("synthetic rows keep the rules, so they will differ from this table there (to let them break a rule "
                            + "too, remove it from a schema file written by 'schema --out' and pass that file with --schema)");
        }
        try (CapturedStderr err = new CapturedStderr()) { // a table read to be scored, not fitted: counted, no advice
            assertThat(PathoSynthCli.run("evaluate", "--train", real.toString(), "--synthetic", dir.resolve("syn.csv").toString(),
                    "--schema", "breast-cancer", "--json", dir.resolve("eval.json").toString())).isZero();
            assertThat(err.text()).contains("registry.csv: 30 of 120 rows break a coherence rule of the schema")
                    .doesNotContain("synthetic rows keep the rules");
        }
    }

    @Test
    void aFrenchExcelExportIsSynthesizedFromItsRealValuesNotFromEmptyColumns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("syn.csv");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", frenchExport(dir).toString(), "--synthesizer", "independent",
                    "--n", "100", "--seed", "1", "--out", out.toString())).isZero();
            assertThat(err.text()).contains("export.csv: read as semicolon-separated, decimal comma, windows-1252")
                    // sizes such as 12,3 mm: the preset keeps whole millimetres, and says how many it rounded
                    .contains("export.csv: 108 values of tumor_size_mm rounded to whole numbers (the schema keeps 0 decimals)");
        }
        Table synthetic = CsvTables.read(out, SCHEMA).table();
        assertThat(synthetic.column("tumor_size_mm").missingCount()).isZero();
        assertThat(synthetic.column("ki67_percent").missingCount()).isZero();
        assertThat(synthetic.records().stream().filter(r -> r.getDouble("ki67_percent") % 1 != 0)).isNotEmpty(); // decimals stay decimals
        assertThat(synthetic.records()).allSatisfy(r -> assertThat(r.getDouble("tumor_size_mm") % 1).isZero());
    }

    @Test
    void sayingTheWrongDialectGetsOneLineNamingTheRightOne(@TempDir Path dir) throws Exception {
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", frenchExport(dir).toString(), "--csv-separator", ",",
                    "--n", "10", "--out", dir.resolve("syn.csv").toString())).isEqualTo(1);
            assertThat(err.text().strip().lines()).hasSize(1);
            assertThat(err.text()).startsWith("pathosynth: ");
            assertThat(err.text()).contains("this looks like a semicolon-separated file: read it with --csv-separator ';'");
            assertThat(PathoSynthCli.run("synthesize", "--real", frenchExport(dir).toString(), "--csv-separator", "|",
                    "--n", "10", "--out", dir.resolve("syn.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth: --csv-separator: separator must be comma, semicolon or tab (or ',', ';'), got '|'");
            assertThat(PathoSynthCli.run("synthesize", "--real", frenchExport(dir).toString(), "--no-decimal-comma",
                    "--n", "10", "--out", dir.resolve("syn.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("the file seems to write decimals with a comma: read it with --decimal-comma");
            assertThat(PathoSynthCli.run("synthesize", "--real", frenchExport(dir).toString(), "--encoding", "klingon",
                    "--n", "10", "--out", dir.resolve("syn.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth: --encoding: unknown encoding 'klingon' (e.g. UTF-8, windows-1252, ISO-8859-1, UTF-16)");
        }
        assertThat(dir.resolve("syn.csv")).doesNotExist();
    }

    @Test
    void aHeaderSpelledLikeTheSchemaStopsGenerateWithTheSuggestion(@TempDir Path dir) throws Exception {
        Path records = dir.resolve("records.csv");
        Files.writeString(records, "ER_status,sbr grade\npositive,2\nnegative,3\n");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--out", dir.resolve("pairs.jsonl").toString()))
                    .isEqualTo(1);
            assertThat(err.text()).contains(records + ":1: column 'ER_status': did you mean 'er_status'? Column 'sbr grade': did you "
                    + "mean 'sbr_grade'?");
        }
        assertThat(dir.resolve("pairs.jsonl")).doesNotExist();
    }

    @Test
    void aMisspeltPresetColumnIsNotInferredAsANewOne(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.csv");
        StringBuilder csv = new StringBuilder("ER_Status,age\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i % 2 == 0 ? "positive" : "negative").append(',').append(40 + i % 10).append('\n');
        }
        Files.writeString(real, csv);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--n", "10", "--out", dir.resolve("s.csv").toString()))
                    .isEqualTo(1);
            assertThat(err.text()).contains("column 'ER_Status': did you mean 'er_status'?", "or pass --schema infer");
        }
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--schema", "infer", "--n", "10", "--out",
                dir.resolve("s.csv").toString())).isZero();
    }

    @Test
    void aTableOfAnotherKindIsRefusedByEvaluateWithThePresetAloneListingTheExpectedColumns(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "patient,age\nA,54\n");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("evaluate", "--train", other.toString(), "--synthetic", other.toString(), "--schema", "breast-cancer"))
                    .isEqualTo(1);
            assertThat(err.text()).contains("no column of the header (2 columns, comma-separated) is a column of schema 'breast-cancer'; "
                    + "expected some of test_used_for_diagnosis, morphology_icdo, sbr_grade");
        }
    }

    @Test
    void aPatientNameInANumberColumnIsNotEchoedUnlessAsked(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "sbr_grade,lymph_nodes_taken\n2,12\n3," + CANARY + "\n");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--n", "10", "--out", dir.resolve("s.csv").toString()))
                    .isEqualTo(1);
            assertThat(err.text()).doesNotContain("DUPONT").contains(real + ":3: column 'lymph_nodes_taken': invalid value "
                    + "(hidden; --show-values shows it); expected an integer in [0, 100]");
        }
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("synthesize", "--show-values", "--real", real.toString(), "--n", "10",
                    "--out", dir.resolve("s.csv").toString())).isEqualTo(1);
            assertThat(err.text()).contains("invalid value '" + CANARY + "'");
        }
    }

    @Test
    void aBrokenJsonLineIsLocatedWithoutRepeatingIt(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports.jsonl");
        Files.writeString(reports, "{\"id\":\"r1\",\"text\":\"ok\"}\nPatiente " + CANARY + ", dossier 4711\n");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("extract", "--reports", reports.toString(), "--out", dir.resolve("p.jsonl").toString()))
                    .isEqualTo(1);
            assertThat(err.text()).doesNotContain("DUPONT").doesNotContain("Patiente")
                    .contains(reports + ":2: expected one JSON object per line (not readable at character");
        }
    }

    @Test
    void unexpectedErrorsDoNotPrintTheirMessageUnlessAsked() {
        assertThat(PathoSynthCli.message(new NumberFormatException("For input string: \"" + CANARY + "\""), false))
                .isEqualTo("unexpected error: java.lang.NumberFormatException (its message may quote the input: --show-values shows it)");
        assertThat(PathoSynthCli.message(new NumberFormatException("For input string: \"x\""), true))
                .isEqualTo("unexpected error: java.lang.NumberFormatException: For input string: \"x\"");
    }

    @Test
    void aFullDiskIsSaidInOneLineWhereverItHappens() {
        var full = new java.nio.file.FileSystemException("/data/out/synthetic.csv.tmp", null, "No space left on device");
        String expected = "the disk is full while writing /data/out/synthetic.csv.tmp: free some space and run the same command again";
        assertThat(PathoSynthCli.message(new java.io.UncheckedIOException(full), false)).startsWith(expected);
        // deep inside a report-writing task, where it used to read only "task crashed"
        assertThat(PathoSynthCli.message(new IllegalStateException("task crashed", new java.io.UncheckedIOException(full)), false))
                .startsWith(expected);
        assertThat(PathoSynthCli.message(new IllegalStateException("x", new java.io.IOException("No space left on device")), false))
                .startsWith("the disk is full: free some space");
        // as an atomic write reports it: the output's own name, not its temporary file's
        var atomic = new java.io.UncheckedIOException("cannot write /data/out/corpus.jsonl: No space left on device",
                new java.nio.file.FileSystemException("/data/out/.corpus.jsonl.1a2b.tmp", null, "No space left on device"));
        assertThat(PathoSynthCli.message(atomic, false)).startsWith("the disk is full while writing /data/out/corpus.jsonl: free some space");
    }

    @Test
    void runAndGenerateAskTeachersForTheSameReportLengthByDefault() {
        GenerateCommand generate = new picocli.CommandLine(new GenerateCommand()).parseArgs("--records", "r.csv", "--out", "o.jsonl")
                .commandSpec().commandLine().getCommand();
        assertThat(generate.words).isEqualTo(250);
        assertThat(RunConfig.defaults("x.csv").llm().words()).isEqualTo(generate.words);
    }

    @Test
    void aRunConfigSaysHowTheRealTableIsWritten(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "real: export.csv\nreal_csv:\n  separator: tab\n  encoding: latin1\n  decimal_comma: true\n");
        RunConfig c = RunConfig.read(config);
        CsvReadOptions options = c.csvReadOptions();
        assertThat(options.separator()).isEqualTo('\t');
        assertThat(options.encoding()).isEqualTo(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(options.decimalComma()).isTrue();
        // Without the key, the config (and its fingerprint, which resumes runs) is what it was.
        assertThat(RunConfig.defaults("x.csv").toJson()).doesNotContain("real_csv");
        Files.writeString(config, "real: export.csv\nreal_csv: {separator: '|'}\n");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", config.toString())).isEqualTo(1);
            assertThat(err.text()).contains(config + ": key 'real_csv': separator must be comma, semicolon or tab");
        }
    }

    @Test
    void runReadsAFrenchExportAndRecordsHowItWasRead(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Path config = dir.resolve("run.json");
        Files.writeString(config, "{\"real\": \"" + frenchExport(dir).toString().replace("\\", "/") + "\", \"records\": 100, "
                + "\"synthesizer\": {\"name\": \"independent\"}, \"filters\": [], \"student\": {\"train\": false}, \"out\": \""
                + out.toString().replace("\\", "/") + "\"}");
        assertThat(PathoSynthCli.run("run", "--config", config.toString())).isZero();
        JsonNode split = new ObjectMapper().readTree(out.resolve("split.json").toFile());
        assertThat(split.path("dialect").asText()).isEqualTo("semicolon-separated, decimal comma, windows-1252");
        assertThat(split.path("real_rows").asInt()).isEqualTo(120);
        Table train = CsvTables.read(out.resolve("train.csv"), SCHEMA).table();
        assertThat(train.column("tumor_size_mm").missingCount()).isZero();
    }
}
