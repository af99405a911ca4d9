package org.pathosynth.cli.run;

import java.time.Duration;
import java.util.List;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.generation.AssignmentPolicy;
import org.pathosynth.llm.generation.LlmReportGenerator;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.llm.generation.TeacherEnsemble;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;
import org.pathosynth.synth.report.TemplateReportWriter;

/** Report generators ("teachers") by spec, as {@code generate} and {@code run} name them. */
public final class Teachers {
    private Teachers() {
    }

    /** {@code template} (the offline writer, with {@code noise}) or an LLM spec such as {@code ollama:mistral}. */
    public static ReportGenerator of(String spec, Schema schema, String language, double noise, LlmClient client, RunConfig.LlmConfig llm) {
        if (spec.equals("template")) {
            return TemplateReportWriter.builder().schema(schema).language(language).noise(noise).build();
        }
        ReportStyle style = ReportStyle.parse(llm.style());
        return LlmReportGenerator.builder(Providers.connect(spec, ProviderSettings.builder().timeout(Duration.ofSeconds(llm.timeoutSeconds())).build()))
                .client(client).language(language).style(style).words(llm.words()).temperature(llm.temperature()).build();
    }

    /** The teachers by spec, with their weights, sharing {@code client}; reports in progress at once: the LLM concurrency. */
    public static TeacherEnsemble ensemble(List<RunConfig.GeneratorConfig> generators, String policy, Schema schema, String language,
                                           double noise, LlmClient client, RunConfig.LlmConfig llm) {
        TeacherEnsemble.Builder b = TeacherEnsemble.builder().threads(llm.concurrency()).policy(policy(policy));
        for (RunConfig.GeneratorConfig g : generators) {
            b.teacher(of(g.spec(), schema, language, noise, client, llm), g.weight());
        }
        return b.build();
    }

    public static AssignmentPolicy policy(String name) {
        return switch (name) {
            case "round-robin" -> AssignmentPolicy.ROUND_ROBIN;
            case "weighted" -> AssignmentPolicy.WEIGHTED;
            case "every" -> AssignmentPolicy.EVERY;
            default -> throw new IllegalArgumentException("policy must be round-robin, weighted or every, got '" + name + "'");
        };
    }
}
