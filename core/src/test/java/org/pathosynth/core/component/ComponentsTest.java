package org.pathosynth.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.ExtractorProvider;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/** Components are found by the name users write, their options bound by snake_case name, and mistakes named. */
class ComponentsTest {
    private static final ComponentContext CONTEXT = ComponentContext.of(Schema.breastCancer(), "fr");

    /** Registered in this module's test META-INF/services: reads nothing, names itself with its options. */
    public static final class EchoExtractorProvider implements ExtractorProvider<EchoExtractorProvider.Options> {
        public record Options(Integer maxValues, Double threshold, List<String> labels, Boolean strict) {
            public Options {
                maxValues = maxValues == null ? 3 : maxValues;
                threshold = threshold == null ? 0.5 : threshold;
                labels = labels == null ? List.of() : List.copyOf(labels);
                strict = strict == null ? Boolean.FALSE : strict;
                if (maxValues < 0) {
                    throw new IllegalArgumentException("max_values must be >= 0, got " + maxValues);
                }
            }
        }

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String description() {
            return "a test extractor";
        }

        @Override
        public Class<Options> optionsType() {
            return Options.class;
        }

        @Override
        public PathologyExtractor create(String argument, Options options, ComponentContext context) {
            String name = "echo:" + argument + ":" + options.maxValues() + ":" + options.threshold() + ":" + options.labels() + ":" + context.language();
            return new PathologyExtractor() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Schema schema() {
                    return context.schema();
                }

                @Override
                public Extraction extract(Report report) {
                    return new Extraction(report.id(), ClinicalRecord.builder(context.schema()).build(), Map.of());
                }
            };
        }
    }

    @Test
    void specsSplitAtTheFirstColon() {
        assertThat(ComponentSpec.parse("rules")).isEqualTo(new ComponentSpec("rules", null));
        assertThat(ComponentSpec.parse(" ollama:mistral ")).isEqualTo(new ComponentSpec("ollama", "mistral"));
        assertThat(ComponentSpec.parse("openai-compatible:http://127.0.0.1:8080/v1#m"))
                .isEqualTo(new ComponentSpec("openai-compatible", "http://127.0.0.1:8080/v1#m"));
        assertThat(ComponentSpec.parse("local:/m.gguf?ctx=8").toString()).isEqualTo("local:/m.gguf?ctx=8");
        assertThatThrownBy(() -> ComponentSpec.parse(":x")).hasMessageContaining("empty");
    }

    @Test
    void aProviderOnTheClassPathIsFoundByNameWithItsOptions() {
        assertThat(Extractors.names()).contains("echo");
        PathologyExtractor x = Extractors.create("echo:arg", Map.of("max_values", 7, "labels", List.of("a", "b")), CONTEXT);
        assertThat(x.name()).isEqualTo("echo:arg:7:0.5:[a, b]:fr");
        assertThat(Extractors.create("echo", CONTEXT).name()).isEqualTo("echo:null:3:0.5:[]:fr"); // every default
    }

    @Test
    void mistakesAreOneLineNamingTheComponentAndTheOption() {
        assertThatThrownBy(() -> Extractors.create("nope", CONTEXT))
                .hasMessageStartingWith("unknown extractor 'nope'; known: ").hasMessageContaining("echo");
        assertThatThrownBy(() -> Extractors.create("echo", Map.of("max_value", 2), CONTEXT))
                .hasMessage("extractor 'echo': unknown option 'max_value'; known options: max_values, threshold, labels, strict");
        assertThatThrownBy(() -> Extractors.create("echo", Map.of("max_values", "many"), CONTEXT))
                .hasMessage("extractor 'echo': option 'max_values' must be an integer");
        assertThatThrownBy(() -> Extractors.create("echo", Map.of("max_values", 2.5), CONTEXT))
                .hasMessage("extractor 'echo': option 'max_values' must be an integer");
        assertThatThrownBy(() -> Extractors.create("echo", Map.of("labels", 3), CONTEXT))
                .hasMessage("extractor 'echo': option 'labels' must be a list");
        assertThatThrownBy(() -> Extractors.create("echo", Map.of("max_values", -1), CONTEXT))
                .hasMessage("extractor 'echo': max_values must be >= 0, got -1");
    }

    @Test
    void aListGivenAsTextIsItsCommaSeparatedItems() {
        // the command line gives every value as text: --option labels=a,b
        assertThat(Extractors.create("echo", Map.of("labels", "a, b,c"), CONTEXT).name()).isEqualTo("echo:null:3:0.5:[a, b, c]:fr");
        assertThat(Extractors.create("echo", Map.of("labels", "a"), CONTEXT).name()).isEqualTo("echo:null:3:0.5:[a]:fr");
        assertThatThrownBy(() -> Extractors.create("echo", Map.of("labels", "a,,b"), CONTEXT))
                .hasMessage("extractor 'echo': option 'labels' has an empty item in 'a,,b' (give its items separated by commas)");
        assertThatThrownBy(() -> Extractors.create("echo", Map.of("labels", " "), CONTEXT)).hasMessageContaining("has an empty item");
    }

    @Test
    void optionsGoBackToSnakeCaseNamesForProvenance() {
        var options = ComponentOptions.bind("x", EchoExtractorProvider.Options.class, Map.of("max_values", 2));
        assertThat(ComponentOptions.toMap(options)).containsExactly(Map.entry("max_values", 2), Map.entry("threshold", 0.5),
                Map.entry("labels", List.of()), Map.entry("strict", false));
    }

    @Test
    void contextsCarrySharedServicesByType() {
        ComponentContext c = CONTEXT.with(StringBuilder.class, new StringBuilder("shared"));
        assertThat(c.service(StringBuilder.class)).hasValueSatisfying(b -> assertThat(b.toString()).isEqualTo("shared"));
        assertThat(CONTEXT.service(StringBuilder.class)).isEmpty();
        assertThat(c.withSchema(Schema.breastCancer()).service(StringBuilder.class)).isPresent();
    }
}
