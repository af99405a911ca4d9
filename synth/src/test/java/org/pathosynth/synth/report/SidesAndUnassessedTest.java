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
    /** The side in words, or as the writer's abbreviations ("G", "SD" aside: "sein G", "R breast", "Lt"). */
    private static final Pattern SIDE = Pattern.compile("(?i)(gauche|droit|left|right)|^[GDLR]$|^(Lt|Rt)$");
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
                assertThat(said.toLowerCase()).as(said).matches(r.getString("laterality").equals("left") ? "(?s).*(gauche|left).*|g|l|lt"
                        : "(?s).*(droit|right).*|d|r|rt");
            }
            several += spans.size() > 1 ? 1 : 0;
        }
        // the generic line states it once; the specimen, the history and the headers often say it again
        assertThat(several).isGreaterThan(stated / 5); // 91 and 82 of 294 (fr, en); none before flavour was spanned
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void otherFindingsAndTheOtherBreastAreNeverReadAsTheRecord(String language) throws Exception {
        Schema schema = UserSchemas.breastCancerWithLaterality();
        List<ClinicalRecord> records = ClassicWordingTest.records(schema, 300, 29);
        TemplateReportWriter writer = TemplateReportWriter.builder().schema(schema).language(language).spans(true)
                .distractors(1.0, List.of(Distractor.OTHER_FINDINGS)).build();
        Pattern history = Pattern.compile("(?i)(antécédent|ATCD|history|previous|PMH)[^\\n.]*");
        Pattern findings = Pattern.compile("(?i)cadh|CK5/6|p63|GATA3|n[ée]cros|calcif|cutané|peau|skin|mamelon|nipple|cytopon|aspiration|FNA|androg|RA :|AR:"
                + "|mastopath|métaplasie|fibrocyst|columnar|intracanal|in situ|DCIS|CCIS|TTF-1|micro-?invasion");
        int otherSide = 0;
        int found = 0;
        for (int i = 0; i < records.size(); i++) {
            ClinicalRecord r = records.get(i);
            Report report = writer.generate(new GenerationRequest("r" + i, r, 7L * i));
            String text = report.text();
            found += findings.matcher(text).find() ? 1 : 0;
            if (r.get("laterality") == null) {
                continue;
            }
            String other = r.getString("laterality").equals("left") ? (language.equals("fr") ? "droit" : "right") : (language.equals("fr") ? "gauche" : "left");
            var h = history.matcher(text);
            while (h.find()) {
                if (h.group().contains(other)) {
                    otherSide++;
                    for (Evidence e : report.spans().get("laterality")) {
                        assertThat(e.end() <= h.start() || e.start() >= h.end()).as("the other breast spanned in%n%s", text).isTrue();
                    }
                }
            }
            assertThat(text.replaceAll(history.pattern(), "")).as(text).doesNotContainPattern("(?i)\\b" + other + "\\b");
        }
        assertThat(found).isGreaterThan(250); // 268 and 269 of 300: a report without a tumour description has no place for them
        assertThat(otherSide).isGreaterThan(25); // 44 and 44 of 300: one report in four with a side (Distractors.CONTRALATERAL_ONE_IN)
        // a finding the schema states (here an attribute named after E-cadherin) is never said as a distractor
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Schema.breastCancer().toJson());
        root.put("name", "breast-cadherin");
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("attributes")).add(json.readTree(
                "{\"name\": \"e_cadherin\", \"kind\": \"categorical\", \"values\": [\"positive\", \"negative\"]}"));
        Schema withCadherin = Schema.fromJson(json.writeValueAsString(root));
        TemplateReportWriter w = TemplateReportWriter.builder().schema(withCadherin).language(language)
                .distractors(1.0, List.of(Distractor.OTHER_FINDINGS)).build();
        for (int i = 0; i < 200; i++) {
            ClinicalRecord r = ClassicWordingTest.records(withCadherin, 1, i).get(0).with("e_cadherin", null);
            assertThat(w.generate(new GenerationRequest("c" + i, r, i)).text()).doesNotContainPattern("(?i)cadh");
        }
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
