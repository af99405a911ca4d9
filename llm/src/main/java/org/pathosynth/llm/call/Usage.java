package org.pathosynth.llm.call;

/**
 * What one model cost so far: calls answered by the provider, answers served from the cache, retries, calls that
 * failed for good, and tokens.
 */
public record Usage(String model, long calls, long cacheHits, long retries, long failures, long inputTokens, long outputTokens) {
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
