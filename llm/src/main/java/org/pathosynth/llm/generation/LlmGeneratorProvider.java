package org.pathosynth.llm.generation;

import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.generation.GeneratorProvider;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.provider.LlmComponentProvider;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;

/**
 * The LLM teacher on one provider family ({@code ollama:mistral} builds an {@link LlmReportGenerator});
 * {@link org.pathosynth.llm.LlmComponents} lists one per family. Shared services come from the context: the
 * {@link LlmClient} (else a client with default settings), the {@link ProviderSettings} (else the environment's) and
 * the {@link PrivacyGate} (else the strict one).
 */
public final class LlmGeneratorProvider extends LlmComponentProvider<ReportGenerator, LlmGeneratorOptions>
        implements GeneratorProvider<LlmGeneratorOptions> {

    public LlmGeneratorProvider(ProviderKind kind) {
        super(kind, "LLM teacher", LlmGeneratorOptions.class);
    }

    @Override
    public ReportGenerator create(String argument, LlmGeneratorOptions options, ComponentContext context) {
        return LlmReportGenerator.builder(connect(argument, options.timeoutSeconds(), context))
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
}
