package org.pathosynth.llm.generation;

import java.time.Duration;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.generation.GeneratorProvider;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.provider.ModelSpec;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

/**
 * LLM teachers by spec, one provider per provider family ({@code openai}, {@code ollama}, {@code mistral},
 * {@code anthropic}, {@code gemini}, {@code openai-compatible}, {@code local}), listed in
 * {@code META-INF/services/org.pathosynth.core.generation.GeneratorProvider}: {@code Generators.create("ollama:mistral",
 * options, context)} builds an {@link LlmReportGenerator}. Shared services come from the context: the {@link LlmClient}
 * (else a client with default settings), the {@link ProviderSettings} (else the environment's) and the
 * {@link PrivacyGate} (else the strict one).
 */
public abstract class LlmGeneratorProvider implements GeneratorProvider<LlmGeneratorOptions> {
    private final ProviderKind kind;

    LlmGeneratorProvider(ProviderKind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.prefix();
    }

    @Override
    public String description() {
        return "LLM teacher on " + kind.description();
    }

    @Override
    public Class<LlmGeneratorOptions> optionsType() {
        return LlmGeneratorOptions.class;
    }

    @Override
    public ReportGenerator create(String argument, LlmGeneratorOptions options, ComponentContext context) {
        ProviderSettings settings = ProviderSettings.from(context).withTimeout(Duration.ofSeconds(options.timeoutSeconds()));
        return LlmReportGenerator.builder(Providers.connect(ModelSpec.of(kind, argument), settings))
                .name(options.name())
                .client(context.service(LlmClient.class).orElse(null))
                .privacyGate(context.service(PrivacyGate.class).orElseGet(PrivacyGate::strict))
                .language(context.language())
                .style(options.reportStyle())
                .words(options.words())
                .temperature(options.temperature())
                .maxOutputTokens(options.maxOutputTokens())
                .maxReasks(options.maxReasks())
                .build();
    }

    /** {@code openai:gpt-4o-mini}. */
    public static final class OpenAi extends LlmGeneratorProvider {
        public OpenAi() {
            super(ProviderKind.OPENAI);
        }
    }

    /** {@code ollama:mistral}. */
    public static final class Ollama extends LlmGeneratorProvider {
        public Ollama() {
            super(ProviderKind.OLLAMA);
        }
    }

    /** {@code mistral:mistral-small-latest}. */
    public static final class Mistral extends LlmGeneratorProvider {
        public Mistral() {
            super(ProviderKind.MISTRAL);
        }
    }

    /** {@code anthropic:claude-3-5-haiku-latest}. */
    public static final class Anthropic extends LlmGeneratorProvider {
        public Anthropic() {
            super(ProviderKind.ANTHROPIC);
        }
    }

    /** {@code gemini:gemini-2.0-flash}. */
    public static final class Gemini extends LlmGeneratorProvider {
        public Gemini() {
            super(ProviderKind.GEMINI);
        }
    }

    /** {@code openai-compatible:http://host:8000/v1#model}. */
    public static final class OpenAiCompatible extends LlmGeneratorProvider {
        public OpenAiCompatible() {
            super(ProviderKind.OPENAI_COMPATIBLE);
        }
    }

    /** {@code local:/path/model.gguf?ctx=4096}: needs the artifact pathosynth-llm-llamacpp. */
    public static final class Local extends LlmGeneratorProvider {
        public Local() {
            super(ProviderKind.LOCAL);
        }
    }
}
