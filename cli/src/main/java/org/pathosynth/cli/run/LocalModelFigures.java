package org.pathosynth.cli.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.pathosynth.llm.local.LlamaCppModels;
import org.pathosynth.llm.local.LocalThroughput;

/** The speed of the in-process (local:) models loaded in this JVM, for summaries: tokens per second read and written. */
public final class LocalModelFigures {
    private LocalModelFigures() {
    }

    /** Adds "local_models" to {@code summary} when a local model was used; leaves it alone otherwise. */
    public static void addTo(ObjectNode summary) {
        var models = LlamaCppModels.loadedModels();
        if (models.isEmpty()) {
            return;
        }
        ObjectNode out = summary.putObject("local_models");
        models.forEach((spec, model) -> {
            LocalThroughput t = model.throughput();
            out.putObject(spec).put("calls", t.calls()).put("prompt_tokens", t.promptTokens()).put("generated_tokens", t.generatedTokens())
                    .put("prompt_tokens_per_second", Math.round(t.promptTokensPerSecond() * 10) / 10.0)
                    .put("generated_tokens_per_second", Math.round(t.generatedTokensPerSecond() * 10) / 10.0)
                    .put("context_size", model.contextSize()).put("own_chat_template", model.usesOwnChatTemplate());
        });
    }

    /** One console line per local model. */
    public static String text() {
        StringBuilder s = new StringBuilder();
        LlamaCppModels.loadedModels().forEach((spec, model) -> {
            LocalThroughput t = model.throughput();
            s.append(String.format(Locale.ROOT, "  local model %s: %d calls, prompt %.0f tokens/s, generation %.0f tokens/s%n", spec, t.calls(),
                    t.promptTokensPerSecond(), t.generatedTokensPerSecond()));
        });
        return s.toString();
    }

}
