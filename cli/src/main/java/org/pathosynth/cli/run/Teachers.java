package org.pathosynth.cli.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.ComponentSpec;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.generation.AssignmentPolicy;
import org.pathosynth.llm.generation.TeacherEnsemble;
import org.pathosynth.llm.provider.ModelSpec;

/** Report generators ("teachers") by spec, as {@code generate} and {@code run} name them: every generator on the class path. */
public final class Teachers {
    private Teachers() {
    }

    /**
     * {@code template} (the offline writer, with {@code noise} and any other of its options in {@code writer}, which
     * win) or an LLM spec such as {@code ollama:mistral}, built by its provider ({@link Generators}); LLM teachers share
     * {@code client} and ignore {@code writer}.
     */
    public static ReportGenerator of(String spec, Schema schema, String language, double noise, Map<String, ?> writer, LlmClient client,
                                     RunConfig.LlmConfig llm) {
        ComponentContext context = ComponentContext.of(schema, language).with(LlmClient.class, client);
        String name = ComponentSpec.parse(spec).name();
        if (!Generators.names().contains(name) && spec.contains(":")) {
            ModelSpec.parse(spec); // says which LLM providers exist
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (name.equals("template")) {
            options.put("noise", noise);
            options.putAll(writer);
        } else {
            options.put("style", llm.style());
            options.put("words", llm.words());
            options.put("temperature", llm.temperature());
            options.put("timeout_seconds", llm.timeoutSeconds());
        }
        return Generators.create(spec, options, context);
    }

    /** The teachers by spec, with their weights, sharing {@code client}; reports in progress at once: the LLM concurrency. */
    public static TeacherEnsemble ensemble(List<RunConfig.GeneratorConfig> generators, String policy, Schema schema, String language,
                                           double noise, Map<String, ?> writer, LlmClient client, RunConfig.LlmConfig llm) {
        TeacherEnsemble.Builder b = TeacherEnsemble.builder().threads(llm.concurrency()).policy(policy(policy));
        for (RunConfig.GeneratorConfig g : generators) {
            b.teacher(of(g.spec(), schema, language, noise, writer, client, llm), g.weight());
        }
        return b.build();
    }

    public static AssignmentPolicy policy(String name) {
        return AssignmentPolicy.parse(name);
    }
}
