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
    private static final Pattern HER2_PENDING = Pattern.compile("(?i)HER2[^.\\n]{0,130}(en cours|pending|demand|attente|à suivre|to follow|ordered)"
            + "|HER2( IHC)? ?:? (score )?2\\+( \\((équivoque|equivocal)\\))?(?=[.;|\\n]|$)|HER2 \\(IHC\\): equivocal \\(2\\+\\)\\. Reflex");

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

    /**
     * Findings outside the schema follow the record: an in situ carcinoma may be said not to invade and never gets an
     * "associated DCIS"; Paget disease never a nipple "uninvolved"; "no residual carcinoma" only without tumour.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void otherFindingsNeverContradictTheRecord(String language) {
        boolean fr = language.equals("fr");
        Pattern associated = Pattern.compile(fr ? "(?i)(CCIS associé|composante intracanalaire|in situ associé)" : "Associated DCIS|DCIS component|Ductal carcinoma in situ \\(\\d+ mm\\)|Ductal carcinoma in situ, nuclear grade");
        Pattern noInvasion = Pattern.compile(fr ? "Absence de carcinome infiltrant|Pas de composante infiltrante|Absence de foyer infiltrant|Pas d'infiltration du stroma|pas observé de carcinome infiltrant"
                : "No invasive carcinoma identified|No invasive component|Negative for invasive|no stromal invasion|No evidence of invasive");
        Pattern nipple = Pattern.compile(fr ? "Absence d'atteinte du mamelon|Mamelon indemne|Paget du mamelon : absente|Absence de maladie de Paget|pas de maladie de Paget"
                : "Nipple: uninvolved|No nipple involvement|Paget disease of nipple: absent|No Paget disease|no Paget disease identified");
        Pattern noResidual = Pattern.compile(fr ? "carcinome résiduel|reliquat tumoral|lésion tumorale résiduelle|lésion carcinomateuse résiduelle|Absence de tumeur maligne"
                + "|Pas de carcinome in situ ni infiltrant"
                : "No residual|no residual carcinoma|Negative for malignancy|Negative for DCIS and invasive");
        TemplateReportWriter writer = TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED)
                .styles(ReportStyle.PROSE).distractors(1.0, EnumSet.of(Distractor.OTHER_FINDINGS)).build();
        int[] seen = new int[3];
        for (int i = 0; i < 900; i++) {
            ClinicalRecord base = ClassicWordingTest.records(SCHEMA, 1, 40 + i).get(0);
            ClinicalRecord r = switch (i % 3) {
                case 0 -> base.with("morphology_icdo", "8500/2").with("sbr_grade", null).with("tumor_size_mm", null)
                        .with("lymphovascular_invasion", null);
                case 1 -> base.with("morphology_icdo", i % 2 == 0 ? "8540/3" : "8541/3");
                default -> base.with("morphology_icdo", null).with("sbr_grade", null).with("tumor_size_mm", null);
            };
            String text = writer.generate(new GenerationRequest("r" + i, r, 17L * i)).text();
            switch (i % 3) {
                case 0 -> {
                    assertThat(associated.matcher(text).find()).as("associated DCIS beside a DCIS in\n%s", text).isFalse();
                    seen[0] += noInvasion.matcher(text).find() ? 1 : 0;
                }
                case 1 -> assertThat(nipple.matcher(text).find()).as("nipple uninvolved beside Paget in\n%s", text).isFalse();
                default -> seen[2] += noResidual.matcher(text).find() ? 1 : 0;
            }
            if (i % 3 != 2) {
                assertThat(noResidual.matcher(text).find()).as("no residual carcinoma beside a tumour in\n%s", text).isFalse();
            }
            if (i % 3 != 0) {
                assertThat(noInvasion.matcher(text).find()).as("no invasion beside an invasive tumour in\n%s", text).isFalse();
            }
        }
        // said first whenever findings are drawn: every such record (300 of each)
        assertThat(seen[0]).as("in situ records said not to invade").isEqualTo(300);
        assertThat(seen[2]).as("records without tumour said to have none left").isEqualTo(300);
    }

    /**
     * A specimen without carcinoma (a re-excision, a complete response) recalls the carcinoma of the biopsy that led to
     * it: the words of a value where the record states none, which only the recall's context tells apart.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void aSpecimenWithoutCarcinomaRecallsTheCarcinomaThatLedToIt(String language) {
        Pattern carcinoma = Pattern.compile(language.equals("fr") ? "(?i)(carcinome (infiltrant|canalaire|lobulaire)|\\bCCI\\b|\\bCLI\\b)"
                : "(?i)(invasive (carcinoma|ductal|lobular)|\\bIDC\\b|\\bILC\\b)");
        TemplateReportWriter writer = TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED)
                .styles(ReportStyle.PROSE).distractors(1.0, EnumSet.of(Distractor.HISTORY)).build();
        TemplateReportWriter plain = TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED)
                .styles(ReportStyle.PROSE).build();
        int recalled = 0;
        for (int i = 0; i < 200; i++) {
            ClinicalRecord r = ClassicWordingTest.records(SCHEMA, 1, 70 + i).get(0).with("test_used_for_diagnosis", "surgical_excision");
            for (String tumour : List.of("morphology_icdo", "sbr_grade", "tumor_size_mm", "clear_margins", "lymphovascular_invasion",
                    "er_status", "pr_status", "her2_status", "ki67_percent")) {
                r = r.with(tumour, null);
            }
            GenerationRequest request = new GenerationRequest("r" + i, r, 23L * i);
            String base = plain.generate(request).text();
            assertThat(carcinoma.matcher(base).find()).as("a carcinoma named without the recall in\n%s", base).isFalse();
            recalled += carcinoma.matcher(writer.generate(request).text()).find() ? 1 : 0;
        }
        assertThat(recalled).as("records without tumour whose report recalls a carcinoma").isGreaterThan(150);
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
