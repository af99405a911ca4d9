package org.pathosynth.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/**
 * JSON Lines reading and writing of reports ({@code {"id","text","lang","provenance"}}) and of
 * (record, report) pairs ({@code {"id","record":{...},"report":{"text","lang","provenance"}}}).
 * Errors name the file, the line and the field.
 */
public final class Jsonl {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Jsonl() {
    }

    public static void writePairs(Iterable<ReportPair> pairs, Path file) {
        writeLines(file, pairs, Jsonl::pairToJson);
    }

    public static void writeReports(Iterable<Report> reports, Path file) {
        writeLines(file, reports, r -> {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("id", r.id());
            putReport(n, r);
            return n;
        });
    }

    public static ObjectNode pairToJson(ReportPair pair) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", pair.id());
        n.set("record", RecordJson.toJson(pair.record()));
        putReport(n.putObject("report"), pair.report());
        return n;
    }

    private static void putReport(ObjectNode n, Report r) {
        n.put("text", r.text());
        n.put("lang", r.language());
        ObjectNode p = n.putObject("provenance");
        p.put("producer", r.provenance().producer());
        r.provenance().details().forEach(p::put);
        if (!r.spans().isEmpty()) {
            ObjectNode spans = n.putObject("spans");
            r.spans().forEach((name, list) -> {
                var all = spans.putArray(name);
                list.forEach(span -> all.addArray().add(span.start()).add(span.end()));
            });
        }
    }

    /** Reads pairs; errors name the file, line and field (values hidden); two lines with one id are refused. */
    public static Corpus readCorpus(Path file, Schema schema) {
        return readCorpus(file, schema, false);
    }

    /** As {@link #readCorpus(Path, Schema)}; messages quote bad values when {@code showValues}. */
    public static Corpus readCorpus(Path file, Schema schema, boolean showValues) {
        UniqueIds ids = new UniqueIds(file.toString(), showValues);
        return new Corpus(schema, readLines(file, (node, line) -> {
            ReportPair pair = pairFromJson(node, schema, file.toString(), line, showValues);
            ids.add(pair.id(), line);
            return pair;
        }, showValues));
    }

    /** The inverse of {@link #pairToJson}; errors name the source and line. */
    public static ReportPair pairFromJson(JsonNode node, Schema schema, String source, long line) {
        return pairFromJson(node, schema, source, line, false);
    }

    /** As {@link #pairFromJson(JsonNode, Schema, String, long)}; messages quote bad values when {@code showValues}. */
    public static ReportPair pairFromJson(JsonNode node, Schema schema, String source, long line, boolean showValues) {
        String id = requiredText(node, "id", source, line, showValues);
        JsonNode reportNode = node.get("report");
        if (reportNode == null || !reportNode.isObject()) {
            throw new DataFormatException(source, line, "report", null, "an object with text, lang and provenance");
        }
        Report report = readReport(reportNode, id, source, line, showValues);
        return new ReportPair(id, RecordJson.fromJson(node.get("record"), schema, source, line, showValues), report);
    }

    /**
     * Reads report lines {@code {"id","text"[,"lang"][,"provenance"]}}; missing lang defaults to {@code defaultLanguage}.
     * Two lines with one id are refused.
     */
    public static List<Report> readReports(Path file, String defaultLanguage) {
        return readReports(file, defaultLanguage, false);
    }

    /** As {@link #readReports(Path, String)}; messages quote bad values when {@code showValues}. */
    public static List<Report> readReports(Path file, String defaultLanguage, boolean showValues) {
        UniqueIds ids = new UniqueIds(file.toString(), showValues);
        return readLines(file, (node, line) -> {
            String id = requiredText(node, "id", file.toString(), line, showValues);
            ids.add(id, line);
            ObjectNode copy = node.deepCopy();
            if (!copy.has("lang")) {
                copy.put("lang", defaultLanguage);
            }
            return readReport(copy, id, file.toString(), line, showValues);
        }, showValues);
    }

    private static Report readReport(JsonNode node, String id, String source, long line, boolean showValues) {
        String text = requiredText(node, "text", source, line, showValues);
        String lang = requiredText(node, "lang", source, line, showValues);
        Provenance provenance = Provenance.of("external");
        JsonNode p = node.get("provenance");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new DataFormatException(source, line, "provenance", null, "an object of text entries");
            }
            Map<String, String> details = new LinkedHashMap<>();
            String producer = "external";
            for (Map.Entry<String, JsonNode> e : p.properties()) {
                if (e.getKey().equals("producer")) {
                    producer = e.getValue().asText();
                } else {
                    details.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
                }
            }
            provenance = new Provenance(producer, details);
        }
        Map<String, List<Evidence>> spans = new LinkedHashMap<>();
        JsonNode s = node.get("spans");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                throw new DataFormatException(source, line, "spans", null, "an object of lists of [start, end] character spans by attribute");
            }
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                JsonNode all = e.getValue();
                List<Evidence> list = new ArrayList<>();
                for (JsonNode span : all.isArray() ? all : MAPPER.createArrayNode()) {
                    if (!span.isArray() || span.size() != 2 || !span.get(0).canConvertToInt() || !span.get(1).canConvertToInt()
                            || span.get(0).asInt() < 0 || span.get(1).asInt() < span.get(0).asInt() || span.get(1).asInt() > text.length()) {
                        throw new DataFormatException(source, line, "spans." + e.getKey(), null,
                                "a list of [start, end] with 0 <= start <= end <= the text's length");
                    }
                    list.add(new Evidence(span.get(0).asInt(), span.get(1).asInt(), 1.0));
                }
                if (!all.isArray() || list.isEmpty()) {
                    throw new DataFormatException(source, line, "spans." + e.getKey(), null, "a non-empty list of [start, end] spans");
                }
                spans.put(e.getKey(), list);
            }
        }
        return new Report(id, text, lang, provenance, spans);
    }

    private static String requiredText(JsonNode node, String field, String source, long line, boolean showValues) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new DataFormatException(source, line, field, v == null ? null : v.toString(), "a string field '" + field + "'", showValues);
        }
        return v.asText();
    }

    /** Parses a line into a value; receives the JSON object and the 1-based line number. */
    @FunctionalInterface
    public interface LineParser<T> {
        T parse(JsonNode node, long line);
    }

    /**
     * Reads every non-blank line as a JSON object; malformed JSON is an error naming the line (the parser's message, which
     * quotes the line, hidden).
     */
    public static <T> List<T> readLines(Path file, LineParser<T> parser) {
        return readLines(file, parser, false);
    }

    /** As {@link #readLines(Path, LineParser)}; messages quote the parser's words when {@code showValues}. */
    public static <T> List<T> readLines(Path file, LineParser<T> parser, boolean showValues) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                TextEncoding.strictDecoder(StandardCharsets.UTF_8)))) {
            return readAll(reader, file.toString(), parser, showValues);
        } catch (CharacterCodingException e) {
            long line = 0;
            try {
                line = TextEncoding.lineOfFirstUndecodable(file, StandardCharsets.UTF_8, 0);
            } catch (IOException ignored) {
                // the line is a courtesy; the refusal stands without it
            }
            throw notUtf8(file.toString(), Math.max(line, 0));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every non-blank line of {@code reader} as a JSON object (a bundled resource, say); malformed JSON is an error
     * naming {@code source} and the line.
     */
    public static <T> List<T> readLines(BufferedReader reader, String source, LineParser<T> parser) throws IOException {
        return readLines(reader, source, parser, false);
    }

    /** As {@link #readLines(BufferedReader, String, LineParser)}; messages quote the parser's words when {@code showValues}. */
    public static <T> List<T> readLines(BufferedReader reader, String source, LineParser<T> parser, boolean showValues)
            throws IOException {
        try {
            return readAll(reader, source, parser, showValues);
        } catch (CharacterCodingException e) {
            throw notUtf8(source, 0);
        }
    }

    private static DataFormatException notUtf8(String source, long line) {
        return DataFormatException.problem(source, line, null, "the bytes are not valid UTF-8 text (JSON Lines files are UTF-8): save the file as UTF-8");
    }

    private static <T> List<T> readAll(BufferedReader reader, String source, LineParser<T> parser, boolean showValues) throws IOException {
        List<T> out = new ArrayList<>();
        String text;
        long line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // byte-order mark
            }
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                String position = e.getLocation() == null ? "" : "at character " + e.getLocation().getColumnNr();
                throw DataFormatException.syntax(source, line, "one JSON object per line", e.getOriginalMessage(), position, showValues);
            }
            if (node == null || !node.isObject()) {
                throw new DataFormatException(source, line, null, null, "one JSON object per line");
            }
            out.add(parser.parse(node, line));
        }
        return out;
    }

    /** Writes one JSON object per item, atomically (all lines or none). */
    public static <T> void writeLines(Path file, Iterable<T> items, Function<T, JsonNode> toJson) {
        AtomicFiles.write(file, tmp -> {
            try (BufferedWriter writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (T item : items) {
                    writer.write(MAPPER.writeValueAsString(toJson.apply(item)));
                    writer.write('\n');
                }
            }
        });
    }

    /**
     * Writes predictions, one line {@code {"id","record"[,"evidence"]}} per extraction. With {@code texts} (report
     * text by id), each value's evidence is written too: {@code {"start","end","confidence","quote"}}.
     */
    public static void writePredictions(Iterable<Extraction> extractions, Map<String, String> texts, Path file) {
        writeLines(file, extractions, e -> predictionToJson(e, texts == null ? null : texts.get(e.reportId())));
    }

    /** One prediction line; evidence only when {@code text} is given. */
    public static ObjectNode predictionToJson(Extraction e, String text) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("id", e.reportId());
        line.set("record", RecordJson.toJson(e.values()));
        if (text != null) {
            ObjectNode ev = line.putObject("evidence");
            for (String name : e.values().schema().names()) {
                Evidence span = e.evidence().get(name);
                if (span != null) {
                    ev.putObject(name).put("start", span.start()).put("end", span.end()).put("confidence", span.confidence())
                            .put("quote", span.quote(text));
                }
            }
        }
        return line;
    }

    /**
     * Reads prediction lines {@code {"id","record"[,"evidence"]}}; values under {@code "gold"} are read too. Two lines with
     * one id are refused.
     */
    public static List<Extraction> readPredictions(Path file, Schema schema) {
        return readPredictions(file, schema, false);
    }

    /** As {@link #readPredictions(Path, Schema)}; messages quote bad values when {@code showValues}. */
    public static List<Extraction> readPredictions(Path file, Schema schema, boolean showValues) {
        UniqueIds ids = new UniqueIds(file.toString(), showValues);
        return readLines(file, (node, line) -> {
            String id = requiredText(node, "id", file.toString(), line, showValues);
            ids.add(id, line);
            JsonNode record = node.has("record") ? node.get("record") : node.get("gold");
            Map<String, Evidence> evidence = new LinkedHashMap<>();
            JsonNode ev = node.path("evidence");
            for (Map.Entry<String, JsonNode> e : ev.properties()) {
                JsonNode span = e.getValue();
                if (span.has("start") && span.has("end")) {
                    evidence.put(e.getKey(), new Evidence(span.get("start").asInt(), span.get("end").asInt(),
                            span.path("confidence").asDouble(1.0)));
                }
            }
            return new Extraction(id, RecordJson.fromJson(record, schema, file.toString(), line, showValues), evidence);
        }, showValues);
    }
}
