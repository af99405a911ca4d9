package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private static Path resource(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        try (var in = EvaluateCommandTest.class.getResourceAsStream("/cli/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void inferSchemaEvaluatesTheConformanceTablesWithReferenceNames(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("q.json");
        Path html = dir.resolve("q.html");
        try (CapturedStderr err = new CapturedStderr()) {
            int code = PathoSynthCli.run("evaluate", "--infer-schema", "--train", resource(dir, "train.csv").toString(),
                    "--holdout", resource(dir, "holdout.csv").toString(), "--synthetic", resource(dir, "synthetic.csv").toString(),
                    "--json", json.toString(), "--html", html.toString());
            assertThat(code).isZero();
            // each stage says when it starts: on 200,000-row tables the distances take minutes
            assertThat(err.text()).contains("evaluate: accuracy", "evaluate: encoding", "evaluate: distances", "evaluate: dcr overfitting");
        }
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        // ds2_leaky reference values (expected.json)
        assertThat(j.get("accuracy").get("overall").asDouble()).isEqualTo(0.7397917);
        assertThat(j.get("distances").get("dcr_share").asDouble()).isEqualTo(0.68);
        assertThat(j.get("distances").get("ims_training").asDouble()).isEqualTo(0.305);
        assertThat(j.get("dcr_overfitting_protection").get("score").asDouble()).isBetween(0.65, 0.67);
        assertThat(j.get("similarity").get("cosine_similarity_training_synthetic").isNumber()).isTrue();
        assertThat(Files.readString(html)).contains("<svg").doesNotContain("<script");
    }

    @Test
    void minilmLabelEmbedderRunsInProcess(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("q.json");
        assertThat(PathoSynthCli.run("evaluate", "--infer-schema", "--label-embedder", "minilm",
                "--train", resource(dir, "train.csv").toString(), "--holdout", resource(dir, "holdout.csv").toString(),
                "--synthetic", resource(dir, "synthetic.csv").toString(), "--json", json.toString())).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("similarity").get("label_embedder").asText()).isEqualTo("minilm");
        // Accuracy does not depend on the embedder; similarity does, but stays a cosine.
        assertThat(j.get("accuracy").get("overall").asDouble()).isEqualTo(0.7397917);
        assertThat(j.get("similarity").get("cosine_similarity_training_synthetic").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void schemaReadingRejectsBadCellsWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path trn = dir.resolve("t.csv");
        Files.writeString(trn, "sbr_grade,er_status\n2,positive\n4,negative\n");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("evaluate", "--train", trn.toString(), "--synthetic", trn.toString())).isEqualTo(1);
            assertThat(err.text()).contains(trn + ":3: column 'sbr_grade': invalid value (hidden; --show-values shows it); expected one of [1, 2, 3]");
            assertThat(PathoSynthCli.run("evaluate", "--train", trn.toString(), "--synthetic", trn.toString(), "--show-values")).isEqualTo(1);
            assertThat(err.text()).contains(trn + ":3: column 'sbr_grade': invalid value '4'");
            Files.writeString(trn, "sbr_grade,er_status\n2,positive\n");
            assertThat(PathoSynthCli.run("evaluate", "--train", trn.toString(), "--synthetic", trn.toString())).isEqualTo(1);
            assertThat(err.text()).contains("has 1 rows; the reference metrics need at least 100");
            assertThat(PathoSynthCli.run("evaluate", "--infer-schema", "--train", trn.toString(), "--synthetic", trn.toString(),
                    "--label-embedder", "bert")).isEqualTo(1);
        }
    }

    @Test
    void invalidSyntheticRowsStopTheScoreOrAreSkippedCountedAndSaid(@TempDir Path dir) throws Exception {
        StringBuilder real = new StringBuilder("sbr_grade,lymph_nodes_taken,lymph_nodes_affected\n");
        for (int i = 0; i < 120; i++) {
            real.append(1 + i % 3).append(',').append(10 + i % 7).append(',').append(i % 4).append('\n');
        }
        Path trn = Files.writeString(dir.resolve("t.csv"), real);
        // Another tool's synthetic rows: two break the node constraint, one has a grade the schema does not have.
        String synthetic = real.toString().replaceFirst("\n2,11,1\n", "\n2,3,9\n").replaceFirst("\n3,12,2\n", "\n3,1,2\n")
                .replaceFirst("\n1,13,3\n", "\n7,13,3\n");
        Path syn = Files.writeString(dir.resolve("s.csv"), synthetic);
        Path json = dir.resolve("q.json");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("evaluate", "--train", trn.toString(), "--synthetic", syn.toString())).isEqualTo(1);
            assertThat(err.text()).contains(syn + ":3: column 'lymph_nodes_affected'").contains("expected lymph_nodes_affected <= lymph_nodes_taken");
            assertThat(PathoSynthCli.run("evaluate", "--train", trn.toString(), "--synthetic", syn.toString(), "--skip-invalid-rows",
                    "--json", json.toString())).isZero();
            assertThat(PathoSynthCli.run("evaluate", "--infer-schema", "--train", trn.toString(), "--synthetic", syn.toString(),
                    "--skip-invalid-rows")).isEqualTo(1);
            assertThat(err.text()).contains("--skip-invalid-rows needs a schema");
        }
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("rows").get("synthetic").asInt()).isEqualTo(117);
        assertThat(j.get("warnings").toString()).contains("synthetic: 3 of 120 rows skipped as invalid (lymph_nodes_affected: "
                + "lymph_nodes_affected <= lymph_nodes_taken, 2; sbr_grade: one of [1, 2, 3], 1); the scores cover the other 117");
    }

    @Test
    void scoreExtractionMatchesByIdAndCountsGaps(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Path pred = dir.resolve("pred.jsonl");
        Path json = dir.resolve("scores.json");
        Files.writeString(gold, """
                {"id":"a","record":{"sbr_grade":"2","er_status":"positive"}}
                {"id":"b","gold":{"sbr_grade":"3","er_status":"negative"}}
                {"id":"c","record":{"sbr_grade":"1"}}
                """);
        Files.writeString(pred, """
                {"id":"b","record":{"sbr_grade":"3","er_status":"positive"}}
                {"id":"a","record":{"sbr_grade":"2","er_status":"positive"}}
                {"id":"z","record":{"sbr_grade":"1"}}
                """);
        assertThat(PathoSynthCli.run("score-extraction", "--gold", gold.toString(), "--pred", pred.toString(),
                "--json", json.toString())).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("counts").get("gold").asInt()).isEqualTo(3);
        assertThat(j.get("counts").get("missing_predictions").asInt()).isEqualTo(1);
        assertThat(j.get("counts").get("predictions_without_gold").asInt()).isEqualTo(1);
        JsonNode grade = j.get("per_attribute").get("sbr_grade");
        assertThat(grade.get("accuracy").asDouble()).isEqualTo(2 / 3.0);
        assertThat(grade.get("presence_recall").asDouble()).isEqualTo(2 / 3.0);
        JsonNode er = j.get("per_attribute").get("er_status");
        assertThat(er.get("accuracy").asDouble()).isEqualTo(2 / 3.0); // a right, b wrong, c both null
        assertThat(er.get("presence_f1").asDouble()).isEqualTo(0.5);
        assertThat(j.get("per_attribute").get("ki67_percent").get("accuracy_gold_nonnull").isNull()).isTrue();
    }

    @Test
    void scoreExtractionRejectsDuplicateIds(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, "{\"id\":\"a\",\"record\":{}}\n{\"id\":\"a\",\"record\":{}}\n");
        try (CapturedStderr err = new CapturedStderr()) {
            assertThat(PathoSynthCli.run("score-extraction", "--gold", gold.toString(), "--pred", gold.toString())).isEqualTo(1);
            assertThat(err.text()).contains(gold + ":2: column 'id': invalid value (hidden; --show-values shows it); expected unique ids");
            assertThat(PathoSynthCli.run("score-extraction", "--show-values", "--gold", gold.toString(), "--pred", gold.toString())).isEqualTo(1);
            assertThat(err.text()).contains(gold + ":2: column 'id': invalid value 'a'; expected unique ids");
        }
    }

    @Test
    void anInferredColumnIsTypedFromEveryTableSoAHoldoutValueOutsideTheTrainingRangeReads(@TempDir Path dir) throws Exception {
        StringBuilder train = new StringBuilder("sbr_grade,age,centre\n");
        StringBuilder holdout = new StringBuilder("sbr_grade,age,centre\n");
        for (int i = 0; i < 150; i++) {
            train.append(1 + i % 3).append(',').append(40 + i % 21).append(',').append(i % 2 == 0 ? "Nancy" : "Metz").append('\n');
            holdout.append(1 + i % 3).append(',').append(45 + i % 30).append(',').append(i % 3 == 0 ? "Reims" : "Metz").append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("holdout.csv"), holdout);
        Path json = dir.resolve("q.json");
        assertThat(PathoSynthCli.run("evaluate", "--train", dir.resolve("train.csv").toString(), "--holdout", dir.resolve("holdout.csv").toString(),
                "--synthetic", dir.resolve("holdout.csv").toString(), "--json", json.toString())).isZero();
        JsonNode q = new ObjectMapper().readTree(json.toFile());
        assertThat(q.path("rows").path("holdout").asInt()).isEqualTo(150); // ages up to 74 and a centre training never had
        assertThat(q.path("accuracy").path("per_column").toString()).contains("\"age\"", "\"centre\"");
    }
}
