package org.pathosynth.llm.generation;

import org.pathosynth.core.generation.ReportStyle;

/**
 * Options of an LLM teacher named by spec ({@code Generators.create("ollama:mistral", options, context)}), as {@code run}'s
 * {@code llm:} block and {@code generate}'s options give them (snake_case there). A missing option takes its default.
 * The report language comes from the context; so do the shared {@code LlmClient} (concurrency, rate limits, cache) and
 * {@code ProviderSettings} (keys, base URLs) when the caller put them there.
 *
 * @param style           prose, structured, synoptic or sectioned (default prose)
 * @param words           target length in words, 20 to 2,000 (default 250)
 * @param temperature     sampling temperature, 0 to 2 (default 0.7)
 * @param maxOutputTokens the answer's token limit, at least 16 (default 1,200)
 * @param maxReasks       how often an empty, truncated or non-report answer is asked again (default 2)
 * @param timeoutSeconds  seconds before a call times out and is retried (default 120)
 * @param name            the teacher's name in provenance and journals (default: the spec, e.g. {@code ollama:mistral})
 */
public record LlmGeneratorOptions(String style, Integer words, Double temperature, Integer maxOutputTokens, Integer maxReasks,
                                  Integer timeoutSeconds, String name) {
    /** The report length every entry point uses unless told otherwise ({@code generate --words}, {@code run}'s {@code llm.words}). */
    public static final int DEFAULT_WORDS = 250;

    public LlmGeneratorOptions {
        style = ReportStyle.parse(style == null ? "prose" : style).cliName();
        words = words == null ? DEFAULT_WORDS : words;
        temperature = temperature == null ? 0.7 : temperature;
        maxOutputTokens = maxOutputTokens == null ? 1200 : maxOutputTokens;
        maxReasks = maxReasks == null ? 2 : maxReasks;
        timeoutSeconds = timeoutSeconds == null ? 120 : timeoutSeconds;
        if (words < 20 || words > 2000) {
            throw new IllegalArgumentException("words must be in [20, 2000], got " + words);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        if (maxOutputTokens < 16) {
            throw new IllegalArgumentException("max_output_tokens must be at least 16, got " + maxOutputTokens);
        }
        if (maxReasks < 0) {
            throw new IllegalArgumentException("max_reasks must be >= 0, got " + maxReasks);
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeout_seconds must be at least 1, got " + timeoutSeconds);
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** Every default. */
    public static LlmGeneratorOptions defaults() {
        return new LlmGeneratorOptions(null, null, null, null, null, null, null);
    }

    public ReportStyle reportStyle() {
        return ReportStyle.parse(style);
    }
}
