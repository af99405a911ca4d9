package org.pathosynth.llm.local;

/**
 * How fast a local model has run so far: tokens of prompt read per second and tokens written per second, over every
 * call. The prompt time is the time to the first token written.
 */
public record LocalThroughput(long calls, long promptTokens, double promptSeconds, long generatedTokens, double generationSeconds) {

    public double promptTokensPerSecond() {
        return promptSeconds > 0 ? promptTokens / promptSeconds : 0;
    }

    public double generatedTokensPerSecond() {
        return generationSeconds > 0 ? generatedTokens / generationSeconds : 0;
    }
}
