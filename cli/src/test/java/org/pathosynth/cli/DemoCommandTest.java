package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.schema.Schema;

class DemoCommandTest {

    private static int run(String... args) {
        return PathoSynthCli.run(args);
    }

    @Test
    void writesSyntheticTableCorpusAndSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        assertThat(run("demo", "--out", out.toString(), "--n", "300", "--seed", "5")).isZero();

        List<String> csv = Files.readAllLines(out.resolve("synthetic.csv"));
        assertThat(csv).hasSize(301);
        assertThat(csv.get(0)).isEqualTo(String.join(",", Schema.breastCancer().names()) + ",tumor_size_category"); // every column of the table
        assertThat(CsvTables.read(out.resolve("synthetic.csv"), Schema.breastCancer()).table().rowCount()).isEqualTo(300);

        Corpus corpus = Jsonl.readCorpus(out.resolve("corpus.jsonl"), Schema.breastCancer());
        JsonNode firstLine = new ObjectMapper().readTree(Files.readAllLines(out.resolve("corpus.jsonl")).get(0));
        assertThat(firstLine.fieldNames()).toIterable().containsExactly("id", "record", "report");
        assertThat(firstLine.get("report").fieldNames()).toIterable().containsExactly("text", "lang", "provenance", "spans");
        assertThat(corpus.pairs()).allSatisfy(p -> assertThat(p.report().language()).isEqualTo("fr"));

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode counts = summary.get("counts");
        assertThat(counts.get("records").asInt()).isEqualTo(300);
        assertThat(counts.get("reports_generated").asInt() + counts.get("generation_failures").asInt()).isEqualTo(300);
        assertThat(counts.get("accepted").asInt()).isEqualTo(corpus.size());
        assertThat(counts.get("accepted").asInt() + counts.get("rejected").asInt()).isEqualTo(counts.get("reports_generated").asInt());
        assertThat(summary.get("filter").get("acceptance_rate").asDouble()).isGreaterThanOrEqualTo(0.96);
        assertThat(summary.get("input").get("rows").asInt()).isEqualTo(1099);
        assertThat(summary.get("input").get("ignored_columns").toString()).isEqualTo("[\"source_id\"]");
        assertThat(summary.get("input").get("inferred_columns").toString()).isEqualTo("[\"tumor_size_category\"]");
        assertThat(summary.get("synthesizer").get("name").asText()).as("the default synthesizer, not the baseline").isEqualTo("gaussian-copula");
        assertThat(summary.get("synthesizer").get("privacy").get("epsilon").asText()).isEqualTo("Infinity");
        assertThat(summary.get("timings_ms").get("total").asLong()).isPositive();
        JsonNode perAttribute = summary.get("round_trip").get("per_attribute");
        assertThat(perAttribute.size()).isEqualTo(13);
        perAttribute.properties().forEach(e ->
                assertThat(e.getValue().get("accuracy").asDouble()).as(e.getKey()).isGreaterThanOrEqualTo(0.98));
        // TCGA has no tumour size: recall over gold values is undefined, not zero.
        assertThat(perAttribute.get("tumor_size_mm").get("accuracy_gold_nonnull").isNull()).isTrue();
        assertThat(perAttribute.get("tumor_size_mm").get("gold_present").asInt()).isZero();
    }

    @Test
    void sameSeedGivesByteIdenticalOutputs(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertThat(run("demo", "--out", a.toString(), "--n", "120", "--seed", "9", "--lang", "en")).isZero();
        assertThat(run("demo", "--out", b.toString(), "--n", "120", "--seed", "9", "--lang", "en")).isZero();
        assertThat(run("demo", "--out", c.toString(), "--n", "120", "--seed", "10", "--lang", "en")).isZero();
        for (String file : List.of("synthetic.csv", "corpus.jsonl")) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
        assertThat(Files.readAllBytes(c.resolve("corpus.jsonl"))).isNotEqualTo(Files.readAllBytes(a.resolve("corpus.jsonl")));
    }

    @Test
    void theDemoWritesOnlyIntoItsOwnFolder(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("demo");
        assertThat(PathoSynthCli.run("demo", "--out", own.toString(), "--n", "50")).isZero();
        assertThat(PathoSynthCli.run("demo", "--out", own.toString(), "--n", "50")).as("its own folder, again").isZero();
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("notes.txt"), "mine");
        Files.writeString(shared.resolve("summary.json"), "{\"mine\": true}");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("demo", "--out", shared.toString(), "--n", "50")).isEqualTo(1);
            assertThat(err.text()).contains("--out " + shared + " holds files the demo did not write").contains("--force");
        }
        assertThat(Files.readString(shared.resolve("summary.json"))).isEqualTo("{\"mine\": true}");
        assertThat(PathoSynthCli.run("demo", "--out", shared.toString(), "--n", "50", "--force")).isZero();
        assertThat(Files.readString(shared.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void badArgumentsGiveAClearErrorAndExitCode() {
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(run("demo")).isEqualTo(2);
            assertThat(err.text()).contains("Missing required option: '--out=<out>'");
            assertThat(run("demo", "--out", "x", "--n", "0")).isEqualTo(1);
            assertThat(err.text()).contains("pathosynth: --n must be positive, got 0");
            assertThat(run("demo", "--out", "x", "--lang", "de")).isEqualTo(1);
            assertThat(err.text()).contains("no report templates for language 'de'");
        }
    }
}
