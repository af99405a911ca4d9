package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.fake.FakeRequest;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;

class GenerateCommandTest {
    static final Schema SCHEMA = Schema.breastCancer();
    static final String REPORT = "Compte rendu anatomopathologique. Microbiopsie : carcinome infiltrant de type non spécifique, "
            + "grade SBR 2, récepteurs hormonaux positifs.";

    static Path records(Path dir, int n) throws Exception {
        Path real = dir.resolve("real.csv");
        try (var in = GenerateCommandTest.class.getResourceAsStream("/org/pathosynth/examples/demo/tcga-brca.csv")) {
            Files.copy(in, real);
        }
        var table = IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build().fit(CsvTables.read(real, SCHEMA).table()).sample(n, 3);
        Path out = dir.resolve("records.csv");
        CsvTables.write(table, out);
        return out;
    }

    static String fakeSpec(FakeLlmServer server) {
        return "openai-compatible:" + server.openAiBaseUrl() + "#fake-teacher";
    }

    @Test
    void styleMeansTheSameForTheTemplateWriterAsForLlmTeachers(@TempDir Path dir) throws Exception {
        Path records = records(dir, 40);
        Path synoptic = dir.resolve("synoptic.jsonl");
        assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--style", "synoptic", "--out", synoptic.toString())).isZero();
        assertThat(Jsonl.readCorpus(synoptic, SCHEMA).pairs()).allSatisfy(p ->
                assertThat(p.report().provenance().details().get("style")).isEqualTo("synoptic"));
        Path drawn = dir.resolve("drawn.jsonl");
        assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--out", drawn.toString())).isZero();
        assertThat(Jsonl.readCorpus(drawn, SCHEMA).pairs().stream().map(p -> p.report().provenance().details().get("style")).distinct())
                .as("without --style the writer draws from every style").hasSize(4);
    }

    @Test
    void twoTeachersWriteOneReportPerRecordWithProvenanceAndASummary(@TempDir Path dir) throws Exception {
        Path records = records(dir, 12);
        Path out = dir.resolve("pairs.jsonl");
        Path summary = dir.resolve("summary.json");
        try (FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of(REPORT))) {
            int code = PathoSynthCli.run("generate", "--records", records.toString(), "--generator", "template," + fakeSpec(server),
                    "--concurrency", "4", "--out", out.toString(), "--summary", summary.toString());
            assertThat(code).isZero();
            assertThat(server.answered()).isEqualTo(6);
        }
        List<ReportPair> pairs = Jsonl.readCorpus(out, SCHEMA).pairs();
        assertThat(pairs).extracting(ReportPair::id).containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10",
                "r11", "r12");
        assertThat(pairs.get(0).report().provenance().producer()).isEqualTo("template");
        assertThat(pairs.get(1).report().text()).isEqualTo(REPORT);
        assertThat(pairs.get(1).report().provenance().get("model")).startsWith("openai-compatible:").endsWith("#fake-teacher");
        JsonNode s = new ObjectMapper().readTree(summary.toFile());
        assertThat(s.path("written").asInt()).isEqualTo(12);
        assertThat(s.path("failed").asInt()).isZero();
        assertThat(s.path("per_teacher").path("template").asInt()).isEqualTo(6);
        JsonNode model = s.path("models").elements().next();
        assertThat(model.path("calls").asInt()).isEqualTo(6);
        assertThat(model.path("output_tokens").asInt()).isEqualTo(6 * (REPORT.length() / 4));
        assertThat(s.path("estimated_cost_usd").asDouble()).isZero(); // a local server costs nothing
    }

    @Test
    void aSecondRunOfTheSameCommandRepeatsNoCall(@TempDir Path dir) throws Exception {
        Path records = records(dir, 8);
        Path out = dir.resolve("pairs.jsonl");
        try (FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of(REPORT))) {
            String[] args = {"generate", "--records", records.toString(), "--generator", fakeSpec(server), "--out", out.toString()};
            assertThat(PathoSynthCli.run(args)).isZero();
            assertThat(PathoSynthCli.run(args)).isZero();
            assertThat(server.requests()).hasSize(8);
        }
        assertThat(Jsonl.readCorpus(out, SCHEMA).pairs()).hasSize(8);
    }

    @Test
    void badSpecsAndPoliciesAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path records = records(dir, 2);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--generator", "cohere:command",
                    "--out", dir.resolve("o.jsonl").toString())).isEqualTo(1);
            assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--policy", "random",
                    "--out", dir.resolve("o.jsonl").toString())).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth: unknown LLM provider 'cohere'")
                    .contains("pathosynth: --policy must be round-robin, weighted or every, got 'random'");
        }
    }

    @Test
    void recordsAreRealUntilTheirProvenanceSaysOtherwiseAndRealRecordsStayOnPremise(@TempDir Path dir) throws Exception {
        String remote = "openai-compatible:http://203.0.113.5/v1#hosted"; // an address on the internet: a remote model
        Path real = records(dir, 40); // a CSV with no provenance: as real as an export from the hospital's system
        Path out = dir.resolve("pairs.jsonl");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("generate", "--records", real.toString(), "--generator", "template," + remote, "--out",
                    out.toString())).isEqualTo(1);
            assertThat(err.text()).contains("refusing to send the records of " + real).contains("--allow-remote-real-text");
        }
        assertThat(out).doesNotExist();

        // written by synthesize, with its provenance file: synthetic, so the gate lets it through (the bad policy given
        // here is what stops the command, before any call)
        Path synthetic = dir.resolve("synthetic.csv");
        assertThat(PathoSynthCli.run("synthesize", "--real", real.toString(), "--n", "20", "--out", synthetic.toString())).isZero();
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("generate", "--records", synthetic.toString(), "--generator", remote, "--policy", "random",
                    "--out", out.toString())).isEqualTo(1);
            assertThat(err.text()).contains("--policy must be").doesNotContain("refusing to send");
        }

        // a synthetic table that kept a column outside the preset (typed from the data) is as synthetic
        Path demo = dir.resolve("real.csv");
        Path withCategory = dir.resolve("synthetic-with-category.csv");
        assertThat(PathoSynthCli.run("synthesize", "--real", demo.toString(), "--n", "20", "--out", withCategory.toString())).isZero();
        assertThat(Files.readAllLines(withCategory).get(0)).contains("tumor_size_category");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("generate", "--records", withCategory.toString(), "--generator", remote, "--policy", "random",
                    "--out", out.toString())).isEqualTo(1);
            assertThat(err.text()).contains("--policy must be").doesNotContain("refusing to send");
        }

        // the same file edited afterwards (real rows pasted in): its provenance no longer matches, it is real again
        List<String> lines = Files.readAllLines(synthetic);
        lines.add(Files.readAllLines(real).get(1));
        Files.write(synthetic, lines);
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("generate", "--records", synthetic.toString(), "--generator", remote, "--policy", "random",
                    "--out", out.toString())).isEqualTo(1);
            assertThat(err.text()).contains("refusing to send the records of " + synthetic);
        }
    }

    @Test
    void aJournalResumesOnlyTheGenerationItWasStartedFor(@TempDir Path dir) throws Exception {
        Path records = records(dir, 12);
        Path out = dir.resolve("pairs.jsonl");
        assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--out", out.toString())).isZero();
        String first = Files.readString(out);
        assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--out", out.toString())).as("same inputs: resumes").isZero();
        assertThat(Files.readString(out)).isEqualTo(first);

        // the records file was replaced by other records under the same name (one record fewer)
        List<String> lines = Files.readAllLines(records);
        Files.write(records, lines.subList(0, lines.size() - 1));
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--out", out.toString())).isEqualTo(1);
            assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--writer-option", "noise=0.5", "--out",
                    out.toString())).isEqualTo(1);
            assertThat(err.text()).contains("the journal " + out + ".journal holds reports of other records or options")
                    .contains("delete it to start again, or give another --journal");
        }
        assertThat(Files.readString(out)).as("the earlier output is kept").isEqualTo(first);
    }

    @Test
    void theOfflineWritersOptionsArePassedByName(@TempDir Path dir) throws Exception {
        Path records = records(dir, 20);
        Path plain = dir.resolve("plain.jsonl");
        Path distracted = dir.resolve("distracted.jsonl");
        assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--out", plain.toString())).isZero();
        assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--writer-option", "distractors=1.0",
                "--writer-option", "one_page=0.5", "--out", distracted.toString())).isZero();
        List<ReportPair> without = Jsonl.readCorpus(plain, SCHEMA).pairs();
        List<ReportPair> with = Jsonl.readCorpus(distracted, SCHEMA).pairs();
        assertThat(without).allSatisfy(p -> assertThat(p.report().provenance().get("distractors")).isNull());
        assertThat(with).allSatisfy(p -> assertThat(p.report().provenance().get("distractors")).startsWith("1.0 "));
        assertThat(with).extracting(ReportPair::record).isEqualTo(without.stream().map(ReportPair::record).toList()); // gold unchanged
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--writer-option", "distracters=0.5",
                    "--out", dir.resolve("o.jsonl").toString())).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth:").contains("distracters");
        }
    }

    /** The crash test: kill -9 halfway, start again, one report per record and no paid call repeated. */
    @Test
    void aRunKilledHalfwayResumesWithoutDuplicatesOrRepeatedPaidCalls(@TempDir Path dir) throws Exception {
        int n = 60;
        int concurrency = 4;
        Path records = records(dir, n);
        Path out = dir.resolve("pairs.jsonl");
        try (FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of(REPORT + " " + r.prompt().hashCode()))) {
            server.latency(java.time.Duration.ofMillis(80)); // leaves ~0.6 s between the kill point and the end of the run
            List<String> args = List.of("generate", "--records", records.toString(), "--generator", fakeSpec(server),
                    "--concurrency", Integer.toString(concurrency), "--out", out.toString());
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PathoSynthCli.class.getName()));
            command.addAll(args);
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.answered() < n / 2 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(out).doesNotExist(); // it died before the end
            int beforeRestart = server.requests().size();
            int answeredAtKill = server.answered();
            assertThat(beforeRestart).isBetween(n / 2, n - 1);

            assertThat(PathoSynthCli.run(args.toArray(String[]::new))).isZero();

            List<ReportPair> pairs = Jsonl.readCorpus(out, SCHEMA).pairs();
            assertThat(pairs).hasSize(n);
            assertThat(pairs.stream().map(ReportPair::id).distinct().count()).isEqualTo(n);
            Map<String, Integer> asked = new HashMap<>();
            for (FakeRequest r : server.requests()) {
                asked.merge(r.prompt(), 1, Integer::sum);
            }
            long sameValues = n - pairs.stream().map(p -> p.record().values()).distinct().count(); // records sharing a prompt
            long repeated = asked.values().stream().mapToLong(c -> c - 1).sum();
            // only calls in flight at the kill (answer never stored) may be asked again
            assertThat(repeated).isLessThanOrEqualTo(concurrency + sameValues);
            assertThat(server.requests().size() - beforeRestart).isLessThanOrEqualTo(n - answeredAtKill + concurrency);
        }
    }
}
