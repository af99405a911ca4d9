package org.pathosynth.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.extraction.AttributeScore;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.report.QualityReport;
import org.pathosynth.eval.report.QualityReportHtml;
import org.pathosynth.eval.report.QualityReportJson;
import org.pathosynth.eval.text.TextDiversity;

/**
 * A run's {@code summary.json} and {@code report.html}: the synthetic table's quality (fidelity, privacy, charts), the
 * corpus (reports per teacher, what each filter removed and why, diversity, example reports beside their records) and
 * each extractor's scores per attribute. One self-contained page: no script, style or image is fetched.
 */
final class RunReport {
    private static final int EXAMPLES = 3;
    private final RunConfig config;
    private final Schema schema;
    private final RunFolder folder;
    private final PrintStream log;
    private final ObjectMapper json = new ObjectMapper();

    RunReport(RunConfig config, Schema schema, RunFolder folder, PrintStream log) {
        this.config = config;
        this.schema = schema;
        this.folder = folder;
        this.log = log;
    }

    ObjectNode write(Table train, Table holdout, Table synthetic, Set<String> missing, List<ReportPair> pairs, List<ReportPair> corpus,
                     Map<String, ExtractionScores> scores, Map<String, ExtractionScores> heldOut) throws IOException {
        JsonNode split = read("split.json");
        QualityReport quality = FullRun.quality(schema, train, holdout, synthetic, config.seed(), missing);
        TextDiversity diversity = FullRun.diversity(corpus, config.seed());
        JsonNode generation = read("generation.json");
        JsonNode filters = read("filters.json");

        ObjectNode s = json.createObjectNode();
        s.put("command", "run");
        s.put("config_fingerprint", config.fingerprint());
        s.put("seed", config.seed());
        s.set("input", split);
        s.set("synthesizer", read("synthesizer.json"));
        ObjectNode tableQuality = QualityReportJson.toJson(quality);
        s.set("timings_ms", json.createObjectNode().set("table_quality", tableQuality.remove("timings_ms"))); // all else is reproducible
        s.set("table_quality", tableQuality);
        s.set("generation", generation);
        s.set("filters", filters);
        ObjectNode c = s.putObject("corpus");
        c.put("pairs", pairs.size());
        c.put("kept", corpus.size());
        if (diversity != null) {
            c.put("distinct_1", diversity.distinct1()).put("distinct_2", diversity.distinct2()).put("self_bleu", diversity.selfBleu())
                    .put("mean_tokens", diversity.meanLength()).put("sd_tokens", diversity.stdLength());
        }
        config.exports().forEach(s.putArray("exports")::add);
        ObjectNode provenance = s.putObject("provenance"); // what made the run's outputs, as their provenance files say
        for (String output : java.util.List.of("synthetic.csv", "corpus.jsonl")) {
            var p = org.pathosynth.core.provenance.ProvenanceJson.readSideFile(folder.file(output));
            if (p != null) {
                provenance.set(output, org.pathosynth.core.provenance.ProvenanceJson.toJson(p));
            }
        }
        if (java.nio.file.Files.exists(folder.file("student.json"))) {
            ObjectNode student = (ObjectNode) read("student.json"); // how the run's student was trained, how it scored on its validation pairs
            JsonNode seconds = ((ObjectNode) student.path("training")).remove("seconds");
            ((ObjectNode) s.get("timings_ms")).put("student_training", Math.round(seconds.asDouble() * 1000)); // all else is reproducible
            s.set("student", student);
        }
        putScores(s.putObject("extraction"), scores);
        if (!heldOut.isEmpty()) {
            putScores(s.putObject("extraction_held_out"), heldOut);
        }
        LocalModelFigures.addTo(s); // generation and extraction speed of in-process models, when used
        folder.writeString("summary.json", s.toPrettyString());

        List<String> sections = new ArrayList<>();
        sections.add(synthesizerSection(read("synthesizer.json"), split));
        sections.add(corpusSection(generation, filters, corpus));
        sections.add(extractorsSection("Extractors on the labelled reports (accuracy per attribute)", labelledSetInWords(scores), scores));
        if (!heldOut.isEmpty()) {
            sections.add(extractorsSection("Extractors on held-out reports (accuracy per attribute)", "Measured on PathoSynth's 70 "
                    + "bundled held-out reports (45 French, 25 English), written outside the project after the rules, and never used "
                    + "to develop the rules or tune the student: the fair estimate of the two.", heldOut));
        }
        ExtractionScores first = scores.values().iterator().next();
        String html = QualityReportHtml.render(quality.with(first, diversity),
                "PathoSynth run: " + config.synthesizer().name() + ", " + config.records() + " records, " + config.language(), sections);
        folder.writeString("report.html", html);
        log.printf(Locale.ROOT, "run: wrote %s and %s%n", folder.file("summary.json"), folder.file("report.html"));
        return s;
    }

    /** Each extractor's scores per attribute, with its mean accuracy. */
    private static void putScores(ObjectNode into, Map<String, ExtractionScores> scores) {
        scores.forEach((name, sc) -> {
            ObjectNode e = QualityReportJson.extractionJson(sc);
            e.put("mean_accuracy", sc.meanAccuracy());
            into.set(name, e);
        });
    }

    private JsonNode read(String name) throws IOException {
        return json.readTree(folder.file(name).toFile());
    }

    private static String synthesizerSection(JsonNode synthesizer, JsonNode split) {
        JsonNode p = synthesizer.path("privacy");
        String epsilon = p.path("epsilon").asText();
        return "<h2>Synthesizer and privacy guarantee</h2><table>"
                + row("synthesizer", synthesizer.path("synthesizer").asText())
                + row("training rows / holdout rows", split.path("real_rows").asInt() - split.path("holdout_rows").asInt() + " / "
                        + split.path("holdout_rows").asInt())
                + row("synthetic records", synthesizer.path("rows").asText())
                + row("differential privacy", epsilon.equals("Infinity") ? "none (ε = ∞)" : "ε = " + epsilon + ", δ = " + p.path("delta").asText())
                + row("mechanism", p.path("mechanism").asText())
                + row("note", p.path("note").asText())
                + row("fit time", String.format(Locale.ROOT, "%.2f s", synthesizer.path("fit_seconds").asDouble()))
                + "</table>";
    }

    private static String row(String name, String value) {
        return "<tr><td>" + esc(name) + "</td><td style='text-align:left'>" + esc(value) + "</td></tr>";
    }

    private String corpusSection(JsonNode generation, JsonNode filters, List<ReportPair> corpus) {
        StringBuilder h = new StringBuilder("<h2>Corpus</h2><table><tr><th>teacher</th><th>reports</th></tr>");
        generation.path("per_teacher").properties().forEach(e -> h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
                .append(e.getValue().asInt()).append("</td></tr>"));
        h.append("<tr><td>failed</td><td>").append(generation.path("failed").asInt()).append("</td></tr></table>");
        h.append("<p>Filters (").append(esc(String.join(", ", config.filters()))).append(") kept ").append(filters.path("kept").asInt())
                .append(" of ").append(filters.path("input").asInt()).append(" pairs");
        if (filters.path("rejected_by_filter").isEmpty()) {
            h.append("; none was removed.</p>");
        } else {
            h.append(".</p><table><tr><th>removed by</th><th>pairs</th></tr>");
            filters.path("rejected_by_filter").properties().forEach(e -> h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
                    .append(e.getValue().asInt()).append("</td></tr>"));
            filters.path("reasons").properties().forEach(e -> h.append("<tr><td>&nbsp;&nbsp;").append(esc(e.getKey())).append("</td><td>")
                    .append(e.getValue().asInt()).append("</td></tr>"));
            h.append("</table>");
        }
        // the kept reports' diversity is the page's "Text diversity" section, not repeated here
        h.append("<h3>Example reports beside their records</h3><table>");
        for (ReportPair p : corpus.subList(0, Math.min(EXAMPLES, corpus.size()))) {
            h.append("<tr><td style='vertical-align:top;white-space:nowrap'>").append(esc(p.id())).append("<br>");
            ClinicalRecord r = p.record();
            for (Attribute a : r.schema().attributes()) { // what reports state: table-only columns are not in the pairs
                if (r.get(a.name()) != null) {
                    h.append(esc(a.name())).append(": ").append(esc(r.format(a.name()))).append("<br>");
                }
            }
            h.append("</td><td style='text-align:left;white-space:pre-wrap;vertical-align:top'>").append(esc(p.report().text()))
                    .append("<br><small>").append(esc(p.report().provenance().producer())).append("</small></td></tr>");
        }
        return h.append("</table>").toString();
    }

    private String extractorsSection(String title, String what, Map<String, ExtractionScores> scores) {
        StringBuilder h = new StringBuilder("<h2>").append(esc(title)).append("</h2><p>")
                .append(esc(what)).append("</p><table><tr><th>attribute</th>");
        scores.keySet().forEach(k -> h.append("<th>").append(esc(k)).append("</th>"));
        h.append("</tr>");
        for (Attribute a : schema.reportable().attributes()) {
            h.append("<tr><td>").append(esc(a.name())).append("</td>");
            for (ExtractionScores sc : scores.values()) {
                AttributeScore as = sc.perAttribute().get(a.name());
                h.append("<td>").append(as == null ? "–" : String.format(Locale.ROOT, "%.3f", as.accuracy())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("<tr><td><b>mean</b></td>");
        scores.values().forEach(sc -> h.append(String.format(Locale.ROOT, "<td><b>%.3f</b></td>", sc.meanAccuracy())));
        return h.append("</tr></table>").toString();
    }

    /** Which reports were scored, and whether the rules were developed on them (then their score is a training score). */
    private String labelledSetInWords(Map<String, ExtractionScores> scores) {
        if (config.labelled() != null) {
            // every extractor scored every labelled report: the count is any attribute's row count
            int n = scores.values().iterator().next().perAttribute().values().iterator().next().n();
            return "Measured on the " + n + " labelled reports of " + config.labelled() + " (config key 'labelled').";
        }
        return "Measured on PathoSynth's 80 bundled labelled reports (60 French, 20 English). The rules were developed on "
                + "these reports, so their score here is a training score, not an estimate for your reports; give your own "
                + "labelled reports with the config key 'labelled'. The held-out reports below were never tuned on.";
    }

    private static String esc(String s) {
        return QualityReportHtml.escape(s);
    }
}
