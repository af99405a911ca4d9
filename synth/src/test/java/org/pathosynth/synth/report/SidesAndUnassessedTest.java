package org.pathosynth.synth.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.contract.UserSchemas;
import org.pathosynth.core.schema.Schema;

/**
 * What a reader learns from: a value a flavour slot writes (the side in "tumorectomie droite", in the history too) is
 * spanned beside the attribute's own phrase, which stays first; a missing finding can be named as not assessable or not
 * applicable, with no span.
 */
class SidesAndUnassessedTest {
    private static final Pattern SIDE = Pattern.compile("(?i)(gauche|droit|left|right)");
    private static final Pattern UNASSESSED = Pattern.compile("(?i)(non évaluable|sans objet|non précisé|not assessable|cannot be assessed"
            + "|not applicable|not stated)");

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void theSideIsSpannedWhereverTheRecordsSlotsWriteIt(String language) {
        Schema schema = UserSchemas.breastCancerWithLaterality();
        List<ClinicalRecord> records = ClassicWordingTest.records(schema, 400, 17);
        TemplateReportWriter writer = TemplateReportWriter.builder().schema(schema).language(language).vocabulary(Vocabulary.EXTENDED)
                .spans(true).distractors(0.5).build();
        int several = 0;
        int stated = 0;
        for (int i = 0; i < records.size(); i++) {
            ClinicalRecord r = records.get(i);
            Report report = writer.generate(new GenerationRequest("r" + i, r, 31L * i));
            List<Evidence> spans = report.spans().get("laterality");
            if (r.get("laterality") == null) {
                assertThat(spans).isNull();
                continue;
            }
            stated++;
            assertThat(spans).as(report.text()).isNotEmpty();
            for (Evidence e : spans) {
                String said = report.text().substring(e.start(), e.end());
                assertThat(SIDE.matcher(said).find()).as("'%s' in%n%s", said, report.text()).isTrue();
                assertThat(said.toLowerCase()).as(said).containsAnyOf(r.getString("laterality").equals("left") ? new String[] {"gauche", "left"}
                        : new String[] {"droit", "right"});
            }
            several += spans.size() > 1 ? 1 : 0;
        }
        // the generic line states it once; the specimen, the history and the headers often say it again
        assertThat(several).isGreaterThan(stated / 5); // 91 and 82 of 294 (fr, en); none before flavour was spanned
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void aMissingFindingIsSometimesSaidNotAssessableAndNeverSpanned(String language) {
        Schema schema = Schema.breastCancer();
        List<ClinicalRecord> records = ClassicWordingTest.records(schema, 400, 23);
        TemplateReportWriter writer = TemplateReportWriter.builder().language(language).vocabulary(Vocabulary.EXTENDED).spans(true)
                .distractors(1.0).build();
        int said = 0;
        for (int i = 0; i < records.size(); i++) {
            Report report = writer.generate(new GenerationRequest("r" + i, records.get(i), 13L * i));
            var m = UNASSESSED.matcher(report.text());
            while (m.find()) {
                said++;
                for (List<Evidence> spans : report.spans().values()) {
                    for (Evidence e : spans) {
                        assertThat(m.start() >= e.start() && m.start() < e.end()).as("'%s' spanned in%n%s", m.group(), report.text()).isFalse();
                    }
                }
            }
        }
        assertThat(said).isGreaterThan(20);
    }
}
