package org.pathosynth.llm.extraction;

import java.nio.file.Path;
import org.pathosynth.llm.privacy.TextOrigin;

/**
 * Options of an LLM extractor named by spec ({@code Extractors.create("ollama:mistral", options, context)}), as
 * {@code extract}'s options give them (snake_case there). A missing option takes its default. The schema and the
 * instructions' language come from the context; so do the shared {@code LlmClient}, {@code ProviderSettings} and
 * {@code PrivacyGate} when the caller put them there.
 *
 * @param shots               worked examples put before each report (default 0: zero-shot)
 * @param shotsFrom           synthetic (record, report) pairs to take them from, a JSONL file as {@code generate} writes;
 *                            needed when {@code shots} is above 0
 * @param inputOrigin         real or synthetic: where the reports to read come from (default real, the safe assumption)
 * @param allowRemoteRealText let real report text go to a remote model (default false: the context's privacy gate, strict
 *                            unless the caller gave another, decides); only when a data agreement covers the provider
 * @param maxReasks           how often an answer without usable JSON is asked again (default 2)
 * @param timeoutSeconds      seconds before a call times out and is retried (default 120)
 */
public record LlmExtractorOptions(Integer shots, Path shotsFrom, String inputOrigin, Boolean allowRemoteRealText, Integer maxReasks,
                                  Integer timeoutSeconds) {
    public LlmExtractorOptions {
        shots = shots == null ? 0 : shots;
        inputOrigin = inputOrigin == null ? "real" : inputOrigin.strip();
        allowRemoteRealText = allowRemoteRealText != null && allowRemoteRealText;
        maxReasks = maxReasks == null ? 2 : maxReasks;
        timeoutSeconds = timeoutSeconds == null ? 120 : timeoutSeconds;
        if (shots < 0) {
            throw new IllegalArgumentException("shots must be >= 0, got " + shots);
        }
        if (shots > 0 && shotsFrom == null) {
            throw new IllegalArgumentException("shots " + shots + " needs shots_from pairs.jsonl (synthetic pairs)");
        }
        if (!inputOrigin.equals("real") && !inputOrigin.equals("synthetic")) {
            throw new IllegalArgumentException("input_origin must be real or synthetic, got '" + inputOrigin + "'");
        }
        if (maxReasks < 0) {
            throw new IllegalArgumentException("max_reasks must be >= 0, got " + maxReasks);
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeout_seconds must be at least 1, got " + timeoutSeconds);
        }
    }

    /** Every default: zero-shot, reports treated as real text. */
    public static LlmExtractorOptions defaults() {
        return new LlmExtractorOptions(null, null, null, null, null, null);
    }

    public TextOrigin textOrigin() {
        return inputOrigin.equals("real") ? TextOrigin.REAL : TextOrigin.SYNTHETIC;
    }
}
