package org.pathosynth.synth.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.GenerationRequests;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.contract.SynthesizerContractTest;

/** The template writer by name: language and schema from the context, options bound to the builder's settings. */
class TemplateWriterProviderTest {
    private static final Table RECORDS = SynthesizerContractTest.defaultTrainingTable();

    @Test
    void byNameItWritesWhatTheBuilderWrites() {
        assertThat(Generators.names()).contains("template");
        ReportGenerator byName = Generators.create("template", ComponentContext.of(Schema.breastCancer(), "en"));
        TemplateReportWriter built = TemplateReportWriter.builder().language("en").build();
        assertThat(byName).isInstanceOf(TemplateReportWriter.class);
        assertThat(((TemplateReportWriter) byName).language()).isEqualTo("en");
        assertThat(byName.name()).isEqualTo("template");
        for (GenerationRequest r : GenerationRequests.forTable(RECORDS, 3).subList(0, 40)) {
            assertThat(byName.generate(r)).isEqualTo(built.generate(r));
        }
    }

    @Test
    void optionsSetNoiseStylesAndName() {
        ReportGenerator byName = Generators.create("template", Map.of("noise", 0.5, "styles", List.of("synoptic", "prose"), "name", "t2"),
                ComponentContext.of(Schema.breastCancer(), "fr"));
        TemplateReportWriter built = TemplateReportWriter.builder().noise(0.5).styles(ReportStyle.PROSE, ReportStyle.SYNOPTIC).name("t2")
                .build();
        for (GenerationRequest r : GenerationRequests.forTable(RECORDS, 4).subList(0, 40)) {
            Report report = byName.generate(r);
            assertThat(report).isEqualTo(built.generate(r));
            assertThat(report.provenance().producer()).isEqualTo("t2");
            assertThat(report.provenance().get("style")).isIn("prose", "synoptic");
        }
    }

    @Test
    void optionsSetVocabularyDistractorsAndOnePage() {
        ReportGenerator byName = Generators.create("template", Map.of("vocabulary", "extended", "distractors", 0.5,
                "distractor_kinds", List.of("history", "pending_test"), "one_page", 0.2, "spans", true), ComponentContext.of(Schema.breastCancer(), "fr"));
        TemplateReportWriter built = TemplateReportWriter.builder().vocabulary(Vocabulary.EXTENDED)
                .distractors(0.5, List.of(Distractor.HISTORY, Distractor.PENDING_TEST)).onePage(0.2).spans(true).build();
        for (GenerationRequest r : GenerationRequests.forTable(RECORDS, 5).subList(0, 40)) {
            Report report = byName.generate(r);
            assertThat(report).isEqualTo(built.generate(r));
            assertThat(report.spans()).isNotEmpty();
        }
        ComponentContext fr = ComponentContext.of(Schema.breastCancer(), "fr");
        assertThatThrownBy(() -> Generators.create("template", Map.of("vocabulary", "fancy"), fr))
                .hasMessageContaining("vocabulary must be extended or classic, got 'fancy'");
        assertThatThrownBy(() -> Generators.create("template", Map.of("distractor_kinds", List.of("gossip")), fr))
                .hasMessageContaining("distractor_kinds must be among [history, imaging, identifiers, second_focus, pending_test, other_findings], got 'gossip'");
        assertThatThrownBy(() -> Generators.create("template", Map.of("one_page", 3), fr))
                .hasMessageContaining("one_page must be between 0 and 1, got 3.0");
    }

    @Test
    void badOptionsAreNamed() {
        ComponentContext fr = ComponentContext.of(Schema.breastCancer(), "fr");
        assertThatThrownBy(() -> Generators.create("template", Map.of("noise", 2), fr))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("report generator 'template': noise rate must be between 0 and 1, got 2.0");
        assertThatThrownBy(() -> Generators.create("template", Map.of("styles", List.of("fancy")), fr))
                .hasMessageContaining("style must be prose, structured, synoptic, sectioned, got 'fancy'");
        assertThatThrownBy(() -> Generators.create("template", Map.of("styles", List.of()), fr))
                .hasMessageContaining("styles must name at least one style");
        assertThatThrownBy(() -> Generators.create("template", Map.of("words", 100), fr))
                .hasMessageContaining("unknown option 'words'; known options: noise, styles, name, vocabulary, distractors, distractor_kinds, one_page, spans");
        assertThatThrownBy(() -> Generators.create("template", ComponentContext.of(Schema.breastCancer(), "de")))
                .hasMessageContaining("no report templates for language 'de'");
        assertThatThrownBy(() -> Generators.create("template:x", fr)).hasMessageContaining("takes no argument");
    }
}
