package org.pathosynth.llm.extraction;

import java.time.Duration;
import java.util.List;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.ExtractorProvider;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.ModelSpec;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

/**
 * LLM extractors by spec, one provider per provider family ({@code openai}, {@code ollama}, {@code mistral},
 * {@code anthropic}, {@code gemini}, {@code openai-compatible}, {@code local}), listed in
 * {@code META-INF/services/org.pathosynth.core.extraction.ExtractorProvider}: {@code Extractors.create("ollama:mistral",
 * options, context)} builds an {@link LlmExtractor} for the context's schema. Shared services come from the context:
 * the {@link LlmClient} (else a client with default settings), the {@link ProviderSettings} (else the environment's)
 * and the {@link PrivacyGate} (else the strict one; the option {@code allow_remote_real_text} opens it).
 */
public abstract class LlmExtractorProvider implements ExtractorProvider<LlmExtractorOptions> {
    private final ProviderKind kind;

    LlmExtractorProvider(ProviderKind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.prefix();
    }

    @Override
    public String description() {
        return "LLM extractor on " + kind.description();
    }

    @Override
    public Class<LlmExtractorOptions> optionsType() {
        return LlmExtractorOptions.class;
    }

    @Override
    public PathologyExtractor create(String argument, LlmExtractorOptions options, ComponentContext context) {
        ProviderSettings settings = ProviderSettings.from(context).withTimeout(Duration.ofSeconds(options.timeoutSeconds()));
        PrivacyGate gate = options.allowRemoteRealText() ? PrivacyGate.allowingRealTextToRemote()
                : context.service(PrivacyGate.class).orElseGet(PrivacyGate::strict);
        LlmExtractor.Builder b = LlmExtractor.builder(Providers.connect(ModelSpec.of(kind, argument), settings))
                .client(context.service(LlmClient.class).orElse(null))
                .privacyGate(gate)
                .schema(context.schema())
                .language(context.language())
                .inputOrigin(options.textOrigin())
                .maxReasks(options.maxReasks());
        if (options.shots() > 0) {
            List<ReportPair> pairs = Jsonl.readCorpus(options.shotsFrom(), context.schema()).pairs();
            if (pairs.size() < options.shots()) {
                throw new IllegalArgumentException("shots_from " + options.shotsFrom() + " has " + pairs.size() + " pairs, fewer than shots "
                        + options.shots());
            }
            b.shots(pairs.subList(0, options.shots()), TextOrigin.SYNTHETIC);
        }
        return b.build();
    }

    /** {@code openai:gpt-4o-mini}. */
    public static final class OpenAi extends LlmExtractorProvider {
        public OpenAi() {
            super(ProviderKind.OPENAI);
        }
    }

    /** {@code ollama:mistral}. */
    public static final class Ollama extends LlmExtractorProvider {
        public Ollama() {
            super(ProviderKind.OLLAMA);
        }
    }

    /** {@code mistral:mistral-small-latest}. */
    public static final class Mistral extends LlmExtractorProvider {
        public Mistral() {
            super(ProviderKind.MISTRAL);
        }
    }

    /** {@code anthropic:claude-3-5-haiku-latest}. */
    public static final class Anthropic extends LlmExtractorProvider {
        public Anthropic() {
            super(ProviderKind.ANTHROPIC);
        }
    }

    /** {@code gemini:gemini-2.0-flash}. */
    public static final class Gemini extends LlmExtractorProvider {
        public Gemini() {
            super(ProviderKind.GEMINI);
        }
    }

    /** {@code openai-compatible:http://host:8000/v1#model}. */
    public static final class OpenAiCompatible extends LlmExtractorProvider {
        public OpenAiCompatible() {
            super(ProviderKind.OPENAI_COMPATIBLE);
        }
    }

    /** {@code local:/path/model.gguf?temperature=0}: needs the artifact pathosynth-llm-llamacpp. */
    public static final class Local extends LlmExtractorProvider {
        public Local() {
            super(ProviderKind.LOCAL);
        }
    }
}
