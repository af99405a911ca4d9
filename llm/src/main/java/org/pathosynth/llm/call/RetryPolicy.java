package org.pathosynth.llm.call;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Retries of transient failures (429, 5xx, timeouts, broken answers): exponential backoff from
 * {@code baseDelay}, doubled per attempt up to {@code maxDelay}, with jitter (a uniform draw in the upper half of
 * the delay, so concurrent callers spread out), and never sooner than the server's Retry-After.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
        }
    }

    /** 6 attempts, 1 s doubling to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before attempt {@code failedAttempts + 1}. */
    public Duration delay(int failedAttempts, Optional<Duration> retryAfter, SplittableRandom jitter) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        long exp = failedAttempts >= 31 ? cap : Math.min(cap, base << Math.max(0, failedAttempts - 1));
        long jittered = exp / 2 + (exp <= 1 ? 0 : jitter.nextLong(exp - exp / 2));
        long floor = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
