package org.pathosynth.llm.call;

/**
 * A model's answer.
 *
 * @param truncated the model stopped at its token limit
 * @param attempts HTTP attempts it took (0 when served from the cache)
 */
public record LlmAnswer(String text, boolean truncated, int inputTokens, int outputTokens, int attempts, boolean cached) {
    public LlmAnswer {
        text = text == null ? "" : text;
    }

    LlmAnswer fromCache() {
        return new LlmAnswer(text, truncated, inputTokens, outputTokens, 0, true);
    }

    @Override
    public String toString() {
        return "LlmAnswer[" + text.length() + " chars, " + inputTokens + "+" + outputTokens + " tokens, attempts " + attempts
                + (cached ? ", cached" : "") + (truncated ? ", truncated" : "") + "]";
    }
}
