package org.pathosynth.extraction.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.data.ClinicalRecord;
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

    public static List<LabelledReport> breastCancer() {
        Schema schema = Schema.breastCancer();
        ObjectMapper json = new ObjectMapper();
        List<LabelledReport> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(LabelledCorpus.class.getResourceAsStream(RESOURCE),
                StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                Report report = Report.of(node.path("id").asText(), node.path("text").asText(), node.path("lang").asText());
                ClinicalRecord gold = RecordJson.fromJson(node.path("gold"), schema, RESOURCE, n);
                out.add(new LabelledReport(report, node.path("style").asText(), gold));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
