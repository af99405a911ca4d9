package org.pathosynth.cli;

import org.pathosynth.cli.run.SchemaOption;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.io.DataFormatException;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.io.RecordJson;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.extraction.IdMatchedScores;
import org.pathosynth.eval.report.QualityReportConsole;
import org.pathosynth.eval.report.QualityReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth score-extraction}: per-attribute accuracy and F1 of predictions against gold records. */
@Command(name = "score-extraction", mixinStandardHelpOptions = true,
        description = "Score extracted records against gold ones, matched by id. Lines: {\"id\", \"record\": {...}} "
                + "(gold lines may carry the values under \"gold\" instead).")
final class ScoreExtractionCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, description = "Gold JSONL.")
    Path gold;

    @Option(names = "--pred", required = true, description = "Predictions JSONL.")
    Path pred;

    @Mixin
    SchemaOptions schemaOptions;

    @Option(names = "--json", description = "Write the scores as JSON here.")
    Path json;

    @Override
    public Integer call() throws IOException {
        new OutputFiles().input("--gold", gold).input("--pred", pred).output("--json", json).check();
        Schema s = schemaOptions.resolve();
        Map<String, ClinicalRecord> goldRecords = read(gold, s, true);
        Map<String, ClinicalRecord> predRecords = read(pred, s, false);
        if (goldRecords.isEmpty()) {
            throw new IllegalArgumentException("--gold " + gold + " holds no records: nothing to score against");
        }
        if (predRecords.isEmpty()) {
            throw new IllegalArgumentException("--pred " + pred + " holds no records: nothing to score");
        }
        if (predRecords.keySet().stream().noneMatch(goldRecords::containsKey)) {
            throw new IllegalArgumentException("no id of --pred " + pred + " (" + predRecords.size() + " records) is in --gold " + gold + " ("
                    + goldRecords.size() + " records): predictions are matched to gold by id; are these files of the same reports?");
        }
        IdMatchedScores matched = ExtractionScorer.scoreById(s, goldRecords, predRecords);
        ExtractionScores scores = matched.scores();
        System.out.print(QualityReportConsole.extraction(scores));
        System.out.printf("%d gold records, %d without a prediction (scored as empty), %d predictions without gold (ignored)%n",
                matched.gold(), matched.missingPredictions(), matched.predictionsWithoutGold());
        if (json != null) {
            ObjectNode out = QualityReportJson.extractionJson(scores);
            ObjectNode counts = out.putObject("counts");
            counts.put("gold", matched.gold());
            counts.put("missing_predictions", matched.missingPredictions());
            counts.put("predictions_without_gold", matched.predictionsWithoutGold());
            org.pathosynth.core.io.AtomicFiles.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        }
        return 0;
    }

    private static Map<String, ClinicalRecord> read(Path file, Schema schema, boolean allowGoldKey) {
        Map<String, ClinicalRecord> out = new LinkedHashMap<>();
        Jsonl.readLines(file, (JsonNode node, long line) -> {
            JsonNode id = node.get("id");
            if (id == null || !(id.isTextual() || id.isNumber())) {
                throw new DataFormatException(file.toString(), line, "id", null, "a string or number field 'id'");
            }
            JsonNode values = node.has("record") ? node.get("record") : allowGoldKey ? node.get("gold") : null;
            if (values == null) {
                throw new DataFormatException(file.toString(), line, "record", null,
                        "an object of values under \"record\"" + (allowGoldKey ? " or \"gold\"" : ""));
            }
            ClinicalRecord r = RecordJson.fromJson(values, schema, file.toString(), line);
            if (out.put(id.asText(), r) != null) {
                throw new DataFormatException(file.toString(), line, "id", id.asText(), "unique ids (this id appears twice)");
            }
            return r;
        });
        return out;
    }
}
