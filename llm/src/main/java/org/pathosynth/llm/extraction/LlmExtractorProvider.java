package org.pathosynth.llm.extraction;

import java.util.List;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.ExtractorProvider;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.LlmComponentProvider;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;

/**
 * The LLM extractor on one provider family ({@code ollama:mistral} builds an {@link LlmExtractor} for the context's
 * schema); {@link org.pathosynth.llm.LlmComponents} lists one per family. Shared services come from the context: the
 * {@link LlmClient} (else a client with default settings), the {@link ProviderSettings} (else the environment's) and
 * the {@link PrivacyGate} (else the strict one; the option {@code allow_remote_real_text} opens it).
 */
public final class LlmExtractorProvider extends LlmComponentProvider<PathologyExtractor, LlmExtractorOptions>
        implements ExtractorProvider<LlmExtractorOptions> {

    public LlmExtractorProvider(ProviderKind kind) {
        super(kind, "LLM extractor", LlmExtractorOptions.class);
    }

    @Override
    public PathologyExtractor create(String argument, LlmExtractorOptions options, ComponentContext context) {
        PrivacyGate gate = options.allowRemoteRealText() ? PrivacyGate.allowingRealTextToRemote()
                : context.service(PrivacyGate.class).orElseGet(PrivacyGate::strict);
        LlmExtractor.Builder b = LlmExtractor.builder(connect(argument, options.timeoutSeconds(), context))
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
}
