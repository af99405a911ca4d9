package org.pathosynth.extraction.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/** The rule-based extractor found by name, for the context's schema. */
class RulesExtractorProviderTest {
    private static final String RECEPTORS = "Récepteurs aux œstrogènes : 5 %. HER2 : score 0.";

    @Test
    void rulesIsFoundByNameForTheContextSchema() {
        assertThat(Extractors.names()).contains("rules");
        Schema schema = Schema.breastCancer();
        List<Attribute> two = List.of(schema.attribute("er_status"), schema.attribute("her2_status"));
        Schema small = new Schema("receptors", "", two, List.of());
        PathologyExtractor x = Extractors.create("rules", ComponentContext.of(small, "fr"));
        assertThat(x).isInstanceOf(RuleBasedExtractor.class);
        assertThat(x.name()).isEqualTo("rules");
        assertThat(x.schema()).isEqualTo(small);
        var values = x.extract(Report.of("r", RECEPTORS, "fr")).values();
        assertThat(values.asMap()).containsExactly(Map.entry("er_status", "negative"), Map.entry("her2_status", "negative"));
    }

    @Test
    void receptorThresholdsAreOptions() {
        ComponentContext ctx = ComponentContext.of(Schema.breastCancer(), "fr");
        Report report = Report.of("r", RECEPTORS, "fr");
        assertThat(Extractors.create("rules", ctx).extract(report).values().get("er_status")).isEqualTo("negative"); // 5 % < 10 %
        PathologyExtractor asco = Extractors.create("rules", Map.of("french_receptor_threshold", 1), ctx);
        assertThat(asco.extract(report).values().get("er_status")).isEqualTo("positive");
        assertThatThrownBy(() -> Extractors.create("rules", Map.of("english_receptor_threshold", -1), ctx))
                .hasMessageContaining("english_receptor_threshold must be a percentage in [0, 100], got -1");
        assertThatThrownBy(() -> Extractors.create("rules:strict", ctx)).hasMessageContaining("takes no argument");
    }
}
