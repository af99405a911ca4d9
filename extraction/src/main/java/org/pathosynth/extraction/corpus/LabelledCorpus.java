package org.pathosynth.extraction.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.io.DataFormatException;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.io.RecordJson;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/**
 * The project's labelled benchmark: 60 French and 20 English fictitious breast-pathology reports written by hand
 * (not by the template writer) in the styles met in practice: prose conclusions, "compte rendu fixe" forms, synoptic
 * checklists, capitals without accents, OCR-like spacing and hyphenation, short biopsies, long resections with
 * macroscopy, multifocal tumours, HER2 with pending or resolved ISH, restated biopsy results, and identifiers and
 * dates that look like values. Gold values follow the schema; a value the report does not give is missing.
 * Conventions: the largest invasive focus is the size; a percentage without a status word is positive from 10 %
 * in French reports and 1 % in English ones; HER2 2+ with ISH pending is not stated.
 */
public final class LabelledCorpus {
    private static final String RESOURCE = "/org/pathosynth/extraction/corpus/labelled-reports.jsonl";

    private LabelledCorpus() {
    }

    /** The bundled benchmark (80 reports, breast-cancer schema). */
    public static List<LabelledReport> breastCancer() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(LabelledCorpus.class.getResourceAsStream(RESOURCE),
                StandardCharsets.UTF_8))) {
            return read(in, RESOURCE, Schema.breastCancer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Six page-long reports (four French, two English; 1,900 to 2,800 characters) as laboratories print them: header
     * with identifiers and dates, clinical history restating the biopsy, detailed macroscopy with specimen and slice
     * measurements, microscopy, immunohistochemistry, conclusion and signature. Written after the rules were tuned on
     * {@link #breastCancer()}; they are the extractor's one-page speed benchmark.
     */
    public static List<LabelledReport> pageLong() {
        String resource = "/org/pathosynth/extraction/corpus/page-reports.jsonl";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(LabelledCorpus.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
            return read(in, resource, Schema.breastCancer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Your own labelled reports, one JSON line each: {"id", "lang", "style", "text", "gold": {...}}. */
    public static List<LabelledReport> fromJsonl(java.nio.file.Path file, Schema schema) {
        try (BufferedReader in = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<LabelledReport> read(BufferedReader in, String source, Schema schema) throws IOException {
        return Jsonl.readLines(in, source, (node, n) -> {
            String id = node.path("id").asText("");
            String text = node.path("text").asText("");
            if (id.isEmpty() || text.isEmpty()) {
                throw new DataFormatException(source, n, id.isEmpty() ? "id" : "text", null, "a non-empty string");
            }
            Report report = Report.of(id, text, node.path("lang").asText("fr"));
            ClinicalRecord gold = RecordJson.fromJson(node.path("gold"), schema, source, n);
            return new LabelledReport(report, node.path("style").asText(""), gold);
        });
    }
}
