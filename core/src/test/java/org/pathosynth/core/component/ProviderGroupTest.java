package org.pathosynth.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.extraction.ExtractorProvider;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.generation.GeneratorProvider;
import org.pathosynth.core.schema.Schema;

/** Providers that differ by a value come as instances of one class, listed once as a group. */
class ProviderGroupTest {
    private static final ComponentContext CONTEXT = ComponentContext.of(Schema.breastCancer(), "en");

    /** Registered in this module's test META-INF/services: two extractors of one class, by letter. */
    public static final class Letters implements ProviderGroup {
        @Override
        public List<ComponentProvider<?, ?>> providers() {
            return List.of(new LetterExtractorProvider("a"), new LetterExtractorProvider("b"));
        }
    }

    /** The echo extractor, named by a letter; it takes no argument. */
    static final class LetterExtractorProvider implements ExtractorProvider<LetterExtractorProvider.Options> {
        public record Options() {
        }

        private final String letter;

        LetterExtractorProvider(String letter) {
            this.letter = letter;
        }

        @Override
        public String name() {
            return "letter-" + letter;
        }

        @Override
        public boolean takesArgument() {
            return false;
        }

        @Override
        public String description() {
            return "echo, as " + letter;
        }

        @Override
        public Class<Options> optionsType() {
            return Options.class;
        }

        /** The echo extractor with this letter as its argument. */
        @Override
        public PathologyExtractor create(String argument, Options options, ComponentContext context) {
            ComponentsTest.EchoExtractorProvider echo = new ComponentsTest.EchoExtractorProvider();
            return echo.create(letter, ComponentOptions.bind("echo", echo.optionsType(), Map.of()), context);
        }
    }

    @Test
    void aGroupsProvidersAreFoundByNameUnderTheirKindOnly() {
        assertThat(Extractors.names()).contains("letter-a", "letter-b", "echo");
        assertThat(Components.all(ExtractorProvider.class).get("letter-b").description()).isEqualTo("echo, as b");
        assertThat(Components.all(GeneratorProvider.class)).doesNotContainKeys("letter-a", "letter-b");
        assertThat(Extractors.create("letter-a", CONTEXT).name()).isEqualTo("echo:a:3:0.5:[]:en");
    }

    @Test
    void aProviderThatTakesNoArgumentIsNeverGivenOne() {
        assertThatThrownBy(() -> Extractors.create("letter-a:x", CONTEXT))
                .hasMessage("extractor 'letter-a' takes no argument, got 'x'; set its options instead");
    }
}
