package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;

class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DETERMINISTIC = List.of("train.csv", "holdout.csv", "synthetic.csv", "pairs.jsonl", "corpus.jsonl",
            "exports/openai/train.jsonl", "exports/openai/validation.jsonl", "exports/alpaca/train.jsonl", "predictions-rules.jsonl");

    @TempDir
    static Path shared;
    static Path real;

    @BeforeAll
    static void realTable() throws Exception {
        real = shared.resolve("real.csv");
        try (var in = RunCommandTest.class.getResourceAsStream(DemoCommand.DEMO_DATA)) {
            Files.copy(in, real);
        }
    }

    private static Path config(Path dir, String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, body.replace("REAL", real.toString().replace("\\", "/")).replace("OUT", dir.resolve("out").toString().replace("\\", "/")));
        return file;
    }

    private static final String SMALL = "{\"real\": \"REAL\", \"records\": 150, \"noise\": 0.3, \"exports\": [\"openai\", \"alpaca\"],"
            + " \"synthesizer\": {\"name\": \"independent\"}, \"out\": \"OUT\"}";

    @Test
    void onlyTheRealTableIsNeededAndEveryOutputIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        assertThat(PathoSynthCli.run("run", "--real", real.toString(), "--out", out.toString())).isZero();
        for (String f : List.of("config.json", "train.csv", "holdout.csv", "synthetic.csv", "synthesizer.json", "pairs.jsonl", "generation.json",
                "corpus.jsonl", "filters.json", "exports/hf-messages/train.jsonl", "exports/hf-messages/validation.jsonl",
                "predictions-rules.jsonl", "summary.json", "report.html")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("synthesizer").path("synthesizer").asText()).isEqualTo("gaussian-copula");
        assertThat(summary.path("synthesizer").path("rows").asInt()).isEqualTo(500);
        assertThat(summary.path("input").path("real_rows").asInt()).isEqualTo(1099);
        assertThat(summary.path("input").path("holdout_rows").asInt()).isEqualTo(220);
        assertThat(summary.path("generation").path("per_teacher").path("template").asInt()).isEqualTo(500);
        assertThat(summary.path("filters").path("kept").asInt()).isBetween(450, 500);
        assertThat(summary.path("corpus").path("distinct_2").asDouble()).isGreaterThan(0.01);
        assertThat(summary.path("table_quality").path("accuracy").isObject()).isTrue();
        // the table's own columns are scored, its extra column included; schema columns it lacks are not
        String perColumn = summary.path("table_quality").path("accuracy").path("per_column").toString();
        assertThat(perColumn).contains("\"tumor_size_category\"", "\"sbr_grade\"", "\"her2_status\"")
                .doesNotContain("tumor_size_mm", "ki67_percent", "lymphovascular_invasion", "source_id");
        assertThat(Files.readAllLines(out.resolve("synthetic.csv")).get(0)).contains("tumor_size_category").doesNotContain("source_id");
        assertThat(summary.path("extraction").path("rules").path("mean_accuracy").asDouble()).isGreaterThanOrEqualTo(0.97);
        assertThat(Files.readAllLines(out.resolve("predictions-rules.jsonl"))).hasSize(80);
        // the held-out reports, never tuned on, are scored apart from the labelled ones the rules were developed on
        assertThat(Files.readAllLines(out.resolve("predictions-rules-held-out.jsonl"))).hasSize(70);
        double heldOut = summary.path("extraction_held_out").path("rules").path("mean_accuracy").asDouble();
        assertThat(heldOut).isBetween(0.90, 0.99).isLessThan(summary.path("extraction").path("rules").path("mean_accuracy").asDouble());
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Synthesizer and privacy guarantee", "none (ε = ∞)", "<h2>Corpus</h2>", "Example reports beside their records", "Extractors on the labelled reports",
                "Bivariate accuracy", "<svg");
        assertThat(html).doesNotContain("src=\"http", "src='http", "href=\"http", "<script", "<link"); // opens offline
        assertThat(html.split("distinct-2", -1)).as("the diversity figures once").hasSize(2);
        assertThat(html).contains("Measured on PathoSynth's 80 bundled labelled reports", "their score here is a training score");
        assertThat(html).contains("Extractors on held-out reports", "never used to develop the rules or tune the student");
        assertThat(html).doesNotContain("{training=", "Timings (ms)");
        int removed = summary.path("filters").path("input").asInt() - summary.path("filters").path("kept").asInt();
        assertThat(html.contains("<th>removed by</th>")).as("a table of removals only when something was removed").isEqualTo(removed > 0);
    }

    @Test
    void aRunNeverWritesIntoAFolderItDidNotMakeNorOverItsInputs(@TempDir Path dir) throws Exception {
        // the reported loss: the real table copied into a folder as train.csv, then that folder given as --out
        Path hosp = Files.createDirectories(dir.resolve("hosp"));
        Path table = hosp.resolve("train.csv");
        Files.copy(real, table);
        byte[] before = Files.readAllBytes(table);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--real", table.toString(), "--out", hosp.toString())).isEqualTo(1);
            assertThat(PathoSynthCli.run("run", "--real", table.toString(), "--out", hosp.toString(), "--force")).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth: the input " + table + " lies in the output folder " + hosp);
        }
        assertThat(Files.readAllBytes(table)).isEqualTo(before);
        assertThat(hosp.resolve("run-state.json")).doesNotExist();

        // a folder of someone else's files: refused, or written into with --force (other files kept)
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("notes.txt"), "mine");
        Path cfg = config(dir, "small.json", SMALL.replace("\"OUT\"", "\"" + shared.toString().replace("\\", "/") + "\""));
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", cfg.toString())).isEqualTo(1);
            assertThat(err.text()).contains("output folder " + shared + " exists, is not empty and holds no run").contains("--force");
        }
        assertThat(PathoSynthCli.run("run", "--config", cfg.toString(), "--force")).isZero();
        assertThat(Files.readString(shared.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(shared.resolve("summary.json")).isRegularFile();
        assertThat(PathoSynthCli.run("run", "--config", cfg.toString())).as("its own run folder now: resumes").isZero();

        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--real", real.toString(), "--out", "/", "--force")).isEqualTo(1);
            assertThat(err.text()).contains("output folder / is the file system's root");
        }
    }

    @Test
    void publicBoundsFromTheConfigOrTheCommandLineLetMstModelAnInferredColumn(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(real);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int category = header.indexOf("tumor_size_category");
        Path table = dir.resolve("with-age.csv");
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new java.util.ArrayList<>(List.of(lines.get(i).split(",", -1)));
            cells.remove(category);
            cells.add(i == 0 ? "age" : Integer.toString(30 + (i * 7) % 55));
            rows.add(String.join(",", cells));
        }
        Files.write(table, rows);
        String body = "real: " + table.toString().replace("\\", "/") + "\nrecords: 100\nsynthesizer: {name: mst}\nstudent: {train: false}\nout: OUT\n";
        Path refused = config(dir, "no-bounds.yaml", body);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", refused.toString())).isEqualTo(1);
            assertThat(err.text()).contains("config key 'synthesizer': mst is differentially private, but the domain of age was read "
                    + "from the private data").contains("--bounds");
        }
        assertThat(dir.resolve("out")).as("refused before anything is written").doesNotExist();
        Path out = dir.resolve("bounded");
        Path bounded = config(dir, "bounds.yaml", body.replace("out: OUT", "out: " + out.toString().replace("\\", "/")) + "bounds: {age: 18:100}\n");
        assertThat(PathoSynthCli.run("run", "--config", bounded.toString())).isZero();
        assertThat(JSON.readTree(out.resolve("config.json").toFile()).path("bounds").path("age").asText()).isEqualTo("18:100");
        assertThat(JSON.readTree(out.resolve("synthesizer.json").toFile()).toString()).doesNotContain("does not cover");
        // the command line's --bounds serves the refused config, as its message says
        assertThat(PathoSynthCli.run("run", "--config", refused.toString(), "--bounds", "age=0:120")).isZero();
        assertThat(JSON.readTree(dir.resolve("out").resolve("config.json").toFile()).path("bounds").path("age").asText()).isEqualTo("0:120");
    }

    @Test
    void aReadyMadeHoldoutIsUsedAsItIsAndTheWholeRealTableTrains(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(real);
        Path training = dir.resolve("hospital-train.csv");
        Path holdout = dir.resolve("hospital-holdout.csv");
        Files.write(training, lines.subList(0, 900));
        List<String> held = new java.util.ArrayList<>(List.of(lines.get(0)));
        held.addAll(lines.subList(900, lines.size()));
        Files.write(holdout, held);
        Path out = dir.resolve("run");
        Path labelled = dir.resolve("our-labelled.jsonl");
        try (var in = RunCommandTest.class.getResourceAsStream("/org/pathosynth/extraction/corpus/labelled-reports.jsonl")) {
            Files.write(labelled, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().limit(12).toList());
        }
        Path cfg = config(dir, "own-holdout.json", SMALL.replace("\"REAL\"", "\"REAL\", \"labelled\": \"" + labelled.toString().replace("\\", "/") + "\"")
                .replace("REAL", training.toString().replace("\\", "/"))
                .replace("\"OUT\"", "\"" + out.toString().replace("\\", "/") + "\""));
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", cfg.toString(), "--holdout", holdout.toString())).isZero();
            assertThat(err.text()).contains("run: 200 holdout rows from " + holdout + ", 899 training rows (899 real)");
        }
        assertThat(Files.readAllLines(out.resolve("train.csv"))).hasSize(900);
        assertThat(Files.readString(out.resolve("report.html"))).contains("Measured on the 12 labelled reports of " + labelled);
        assertThat(Files.readAllLines(out.resolve("holdout.csv"))).hasSize(201);
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("input").path("holdout_rows").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(out.resolve("config.json").toFile()).path("holdout").asText()).isEqualTo(holdout.toString());

        // the holdout is an input like the real table: a changed one is noticed by content and every step runs again
        Files.write(holdout, held.subList(0, 151));
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", cfg.toString(), "--holdout", holdout.toString())).isZero();
            assertThat(err.text()).contains("changed since the last run").contains("run: 150 holdout rows from");
        }
        // too small a holdout is refused before anything runs, naming the key
        Files.write(holdout, held.subList(0, 3));
        Path other = dir.resolve("run2");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--real", training.toString(), "--holdout", holdout.toString(), "--out", other.toString()))
                    .isEqualTo(1);
            assertThat(err.text()).contains("config key 'holdout': 899 rows of " + training + " would train the synthesizer and 2 of " + holdout
                    + " be held out");
        }
        Files.write(holdout, held.subList(0, 1)); // a header alone: an empty holdout is a mistake, not "no holdout"
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--real", training.toString(), "--holdout", holdout.toString(), "--out", other.toString()))
                    .isEqualTo(1);
            assertThat(err.text()).contains("and 0 of " + holdout + " be held out");
        }
    }

    @Test
    void aChangedTableIsNoticedByContentAndEveryStepRunsAgain(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("table.csv");
        Files.copy(real, table);
        Path out = dir.resolve("run");
        Path cfg = config(dir, "small.json", SMALL.replace("REAL", table.toString().replace("\\", "/"))
                .replace("\"OUT\"", "\"" + out.toString().replace("\\", "/") + "\""));
        assertThat(PathoSynthCli.run("run", "--config", cfg.toString())).isZero();
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).path("input").path("real_rows").asInt()).isEqualTo(1099);

        // the same name, the same config, other content (the export was refreshed with 99 rows fewer)
        List<String> lines = Files.readAllLines(table);
        Files.write(table, lines.subList(0, lines.size() - 99));
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", cfg.toString())).isZero();
            assertThat(err.text()).contains("run: the content of " + table + " changed since the last run").doesNotContain("already done, kept")
                    .doesNotContain("resuming report writing");
        }
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).path("input").path("real_rows").asInt()).isEqualTo(1000);

        // unchanged content (even rewritten, with a new time): every step kept
        Files.write(table, Files.readAllLines(table));
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", cfg.toString())).isZero();
            assertThat(err.text()).contains("already done, kept").doesNotContain("changed since the last run");
        }
    }

    @Test
    void helpSaysThatMstIsNotReproducible() throws Exception {
        var buffer = new java.io.ByteArrayOutputStream();
        var before = System.out;
        System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(PathoSynthCli.run("run", "--help")).isZero();
            assertThat(PathoSynthCli.run("synthesize", "--help")).isZero();
        } finally {
            System.setOut(before);
        }
        String help = buffer.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(help).contains("(mst, aim, pategan, patectgan): their privacy noise comes from SecureRandom")
                .contains("their noise comes from SecureRandom, so their output differs from run to run");
    }

    @Test
    void mistakesFoundOnlyAtTheEndBeforeAreFoundBeforeTheFirstStep(@TempDir Path dir) throws Exception {
        // a remote LLM extractor would get the labelled (real) reports: refused before anything runs
        Path remote = config(dir, "remote.json", "{\"real\": \"REAL\", \"extractors\": [\"rules\", \"openai-compatible:http://203.0.113.5/v1#m\"],"
                + " \"out\": \"" + dir.resolve("remote-out").toString().replace("\\", "/") + "\"}");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", remote.toString())).isEqualTo(1);
            assertThat(err.text()).contains("refusing to send the labelled reports").doesNotContain("run: split");
        }
        assertThat(dir.resolve("remote-out")).doesNotExist();

        // a table too small for the metrics at the end: refused at the split, before synthesis
        Path tiny = dir.resolve("tiny.csv");
        Files.write(tiny, Files.readAllLines(real).subList(0, 6));
        Path out = dir.resolve("tiny-out");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--real", tiny.toString(), "--out", out.toString())).isEqualTo(1);
            assertThat(err.text()).contains("has 5 data rows; with holdout_share 0.2, 4 would train the synthesizer and 1 be held out")
                    .contains("at least 90 training and 10 holdout rows");
        }
        assertThat(out.resolve("synthesizer.json")).doesNotExist();
        assertThat(out.resolve("train.csv")).doesNotExist();
    }

    /** "Billion laughs": each level nine aliases of the one before (9^9 strings if expanded). */
    private static String bomb(String levels) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < levels.length(); i++) {
            String prev = "*" + levels.charAt(i - 1);
            out.append(levels.charAt(i)).append(": &").append(levels.charAt(i)).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        return out.toString();
    }

    @Test
    void yamlAnchorsAndAliasesOfMappingsAreRead(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, "anchors.yaml", "real: REAL\ngenerators:\n  - &teacher {spec: template, weight: 1}\n  - *teacher\n"
                + "synthesizer: &copula {name: gaussian-copula}\n");
        var c = org.pathosynth.cli.run.RunConfig.read(cfg);
        assertThat(c.generators()).hasSize(2).allSatisfy(g -> assertThat(g.spec()).isEqualTo("template"));
        assertThat(c.synthesizer().name()).isEqualTo("gaussian-copula");
    }

    @Test
    void theWritersOptionsComeFromTheWriterKey(@TempDir Path dir) throws Exception {
        Path cfg = config(dir, "writer.json", "{\"real\": \"REAL\", \"records\": 100, \"synthesizer\": {\"name\": \"independent\"},"
                + " \"writer\": {\"distractors\": 1.0}, \"student\": {\"train\": false}, \"out\": \"OUT\"}");
        assertThat(PathoSynthCli.run("run", "--config", cfg.toString())).isZero();
        List<String> pairs = Files.readAllLines(dir.resolve("out").resolve("pairs.jsonl"));
        assertThat(pairs).hasSize(100).allSatisfy(line -> assertThat(line).contains("\"distractors\":\"1.0 "));
        assertThat(Files.readString(dir.resolve("out").resolve("config.json"))).contains("\"writer\"");

        Path bad = config(dir, "bad-writer.json", "{\"real\": \"REAL\", \"records\": 100, \"writer\": {\"distractors\": 2},"
                + " \"out\": \"" + dir.resolve("out2").toString().replace("\\", "/") + "\"}");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", bad.toString())).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth:").contains("distractors");
        }
    }

    @Test
    void sameConfigSameOutputsAndAResumedRunRedoesOnlyWhatIsMissing(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        Path configA = config(a, "run.json", SMALL);
        Path configB = config(b, "run.yaml", "real: REAL\nrecords: 150\nnoise: 0.3\nexports: [openai, alpaca]\nsynthesizer:\n  name: independent\nout: OUT\n");
        assertThat(PathoSynthCli.run("run", "--config", configA.toString())).isZero();
        assertThat(PathoSynthCli.run("run", "--config", configB.toString())).isZero(); // YAML, same settings
        for (String f : DETERMINISTIC) {
            assertThat(Files.readString(b.resolve("out").resolve(f))).as(f).isEqualTo(Files.readString(a.resolve("out").resolve(f)));
        }
        assertThat(withoutTimings(b.resolve("out/summary.json"))).isEqualTo(withoutTimings(a.resolve("out/summary.json")));

        // A crash after report writing: the filtered corpus and later outputs are gone, the state says three steps.
        Path out = a.resolve("out");
        FileTime synthesized = Files.getLastModifiedTime(out.resolve("synthetic.csv"));
        String corpus = Files.readString(out.resolve("corpus.jsonl"));
        Files.delete(out.resolve("corpus.jsonl"));
        Files.delete(out.resolve("report.html"));
        ObjectNode state = (ObjectNode) JSON.readTree(out.resolve("run-state.json").toFile());
        state.putArray("done").add("split").add("synthesize").add("generate");
        Files.writeString(out.resolve("run-state.json"), state.toString());
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", configA.toString())).isZero();
            assertThat(err.text()).contains("run: synthesize already done, kept", "run: generate already done, kept", "run: filters kept");
        }
        assertThat(Files.getLastModifiedTime(out.resolve("synthetic.csv"))).isEqualTo(synthesized);
        assertThat(Files.readString(out.resolve("corpus.jsonl"))).isEqualTo(corpus);
        assertThat(out.resolve("report.html")).isRegularFile();

        // The folder belongs to its config.
        Path other = config(a, "other.json", SMALL.replace("150", "151"));
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("run", "--config", other.toString())).isEqualTo(1);
            assertThat(err.text()).contains("holds a run of another config");
        }
    }

    private static JsonNode withoutTimings(Path summary) throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree(summary.toFile());
        s.remove("timings_ms");
        ((ObjectNode) s.path("synthesizer")).remove(List.of("fit_seconds", "sample_seconds"));
        ((ObjectNode) s.path("generation")).remove("seconds");
        return s;
    }

    @Test
    void aBadConfigFailsWithOneLineNamingTheKey(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"unknown.json", "{\"real\": \"REAL\", \"synthesiser\": {}}", "unknown key 'synthesiser' (known keys: bounds, exports,"},
            {"type.json", "{\"real\": \"REAL\", \"records\": \"many\"}", "key 'records' must be a whole number"},
            {"fraction.yaml", "real: REAL\nrecords: 100.7\n", "key 'records' must be a whole number"},
            {"empty.yaml", "# nothing yet\n", "the config is empty"},
            {"empty.json", "  \n", "the config is empty"},
            {"bomb.yaml", "real: REAL\na: &a [x, x, x, x, x, x, x, x, x]\n" + bomb("abcdefghi"), "not valid YAML"},
            {"twice.yaml", "real: REAL\nrecords: 200\nrecords: 300\n", "key 'records' is given twice"},
            {"twice.json", "{\"real\": \"REAL\", \"seed\": 1, \"seed\": 2}", "key 'seed' is given twice"},
            {"nested.yaml", "real: REAL\nsynthesizer:\n  epsilon: high\n", "key 'synthesizer.epsilon' must be a number"},
            {"missing.json", "{\"real\": \"/no/such/table.csv\"}", "config key 'real': file /no/such/table.csv does not exist"},
            {"relative.json", "{\"real\": \"no/such/table.csv\"}", "config key 'real': file no/such/table.csv does not exist (a relative "
                    + "path is read from the working directory, " + Path.of("").toAbsolutePath() + ", not from the config's folder)"},
            {"norea.json", "{\"records\": 10}", "config key 'real' is missing"},
            {"range.json", "{\"real\": \"REAL\", \"holdout_share\": 2}", "config key 'holdout_share' must be between 0 and 0.9, got 2.0"},
            {"few.json", "{\"real\": \"REAL\", \"records\": 20}", "config key 'records' must be at least 100"},
            {"filter.json", "{\"real\": \"REAL\", \"filters\": [\"length\", \"magic\"]}", "config key 'filters': unknown filter 'magic'"},
            {"synth.json", "{\"real\": \"REAL\", \"synthesizer\": {\"name\": \"vae\"}}", "config key 'synthesizer': synthesizer must be"},
            {"broken.json", "{\"real\": ", "not valid JSON"},
        };
        for (String[] c : cases) {
            Path file = config(dir, c[0], c[1]);
            try (CapturedStderr err = new CapturedStderr()) {
                assertThat(PathoSynthCli.run("run", "--config", file.toString())).as(c[0]).isEqualTo(1);
                assertThat(err.text().strip().lines().toList()).as(c[0]).hasSize(1);
                assertThat(err.text()).as(c[0]).contains(c[2]);
            }
        }
        assertThat(dir.resolve("out")).doesNotExist(); // nothing ran
    }

    /** kill -9 while an LLM teacher writes reports; the same command again finishes without redoing finished work. */
    @Test
    void aRunKilledWhileWritingReportsResumes(@TempDir Path dir) throws Exception {
        int n = 100;
        int concurrency = 4;
        try (FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of(
                "Tumorectomie droite : carcinome infiltrant de type non spécifique, grade II, 12 mm. " + r.prompt().hashCode()))) {
            server.latency(java.time.Duration.ofMillis(80));
            Path config = config(dir, "run.json", "{\"real\": \"REAL\", \"records\": " + n + ", \"filters\": [],"
                    + " \"generators\": [{\"spec\": \"" + GenerateCommandTest.fakeSpec(server) + "\"}],"
                    + " \"llm\": {\"concurrency\": " + concurrency + "}, \"out\": \"OUT\"}");
            Path out = dir.resolve("out");
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PathoSynthCli.class.getName(), "run", "--config", config.toString()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (server.answered() < n / 2 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(out.resolve("pairs.jsonl")).doesNotExist();
            FileTime synthesized = Files.getLastModifiedTime(out.resolve("synthetic.csv"));
            int answeredAtKill = server.answered();
            int requestsAtKill = server.requests().size();
            assertThat(answeredAtKill).isBetween(n / 2, n - 1);

            try (CapturedStderr err = new CapturedStderr()) {
                int exit = PathoSynthCli.run("run", "--config", config.toString());
                assertThat(exit).as(err.text()).isZero();
                assertThat(err.text()).contains("run: synthesize already done, kept", "resuming report writing");
            }
            assertThat(Files.getLastModifiedTime(out.resolve("synthetic.csv"))).isEqualTo(synthesized);
            List<String> ids = Files.readAllLines(out.resolve("pairs.jsonl")).stream()
                    .map(l -> l.substring(0, l.indexOf(',')))
                    .toList();
            assertThat(ids).hasSize(n).doesNotHaveDuplicates();
            // only the calls in flight at the kill (answers never stored) are asked again
            assertThat(server.requests().size() - requestsAtKill).isLessThanOrEqualTo(n - answeredAtKill + concurrency);
        }
    }
}
