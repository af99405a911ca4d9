package org.pathosynth.synth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/**
 * Distractors add what a reader must not extract and leave the rest alone: the report without them is still there,
 * sentence by sentence; a pending test is said only of a marker the record leaves missing; a second focus is smaller
 * than the tumour; identifiers head the report. One-page reports have a letterhead, sections, a conclusion and a
 * signature.
 */
class DistractorsTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    /** A HER2 test still to be done or to be completed: pending, or an equivocal 2+ without its in situ result. */
    private static final Pattern HER2_PENDING = Pattern.compile("(?i)HER2[^.\\n]{0,80}(en cours|pending|demand|attente|à suivre|to follow)"
            + "|HER2( IHC)? ?:? (score )?2\\+( \\((équivoque|equivocal)\\))?(?=[.;|\\n]|$)");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void distractorsLeaveTheReportAndAddOnlyWhatIsNotItsValues(String language) {
        List<ClinicalRecord> records = ClassicWordingTest.records(SCHEMA, 600, 8);
        TemplateReportWriter plain = TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED)
                .styles(ReportStyle.PROSE).build();
        TemplateReportWriter distracted = TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED)
                .styles(ReportStyle.PROSE).distractors(1.0).build();
        int focus = 0;
        int pending = 0;
        for (int i = 0; i < records.size(); i++) {
            ClinicalRecord r = records.get(i);
            GenerationRequest request = new GenerationRequest("r" + i, r, 131L * i);
            String base = plain.generate(request).text();
            Report report = distracted.generate(request);
            String text = report.text();
            for (String sentence : base.split("(?<=\\.) |\\n")) {
                assertThat(text).contains(sentence.strip());
            }
            assertThat(text.lines().findFirst().orElseThrow()).matches("(Examen n°|Accession).*");
            assertThat(HER2_PENDING.matcher(text).find()).as("HER2 pending in\n%s", text).isEqualTo(r.get("her2_status") == null);
            pending += r.get("her2_status") == null ? 1 : 0;
            var m = Pattern.compile("(?i)(second foyer|second, separate focus)[^.]*?(\\d+) mm").matcher(text);
            if (m.find()) {
                assertThat(Double.parseDouble(m.group(2))).isLessThan(r.getDouble("tumor_size_mm"));
                focus++;
            }
            assertThat(report.provenance().get("distractors")).startsWith("1.0 history,imaging,identifiers,second_focus,pending_test");
        }
        assertThat(focus).isGreaterThan(200);
        assertThat(pending).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void onePageReportsHaveLetterheadSectionsConclusionAndSignature(String language) {
        List<ClinicalRecord> records = ClassicWordingTest.records(SCHEMA, 200, 9);
        TemplateReportWriter writer = TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED).onePage(1.0)
                .distractors(0.5, EnumSet.of(Distractor.HISTORY, Distractor.IMAGING)).build();
        for (int i = 0; i < records.size(); i++) {
            Report report = writer.generate(new GenerationRequest("r" + i, records.get(i), 7L * i));
            String text = report.text().toLowerCase();
            assertThat(report.provenance().get("layout")).isEqualTo("one_page");
            assertThat(text).containsAnyOf("anatomie et de cytologie", "laboratoire de pathologie", "department of pathology", "surgical pathology")
                    .containsAnyOf("examen n°", "accession")
                    .containsAnyOf("examen macroscopique", "macroscopie", "gross description", "gross examination")
                    .containsAnyOf("dr ", ", md");
            assertThat(text.lines().count()).isGreaterThan(8);
        }
    }
}
