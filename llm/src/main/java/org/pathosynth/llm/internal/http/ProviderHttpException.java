package org.pathosynth.llm.internal.http;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider's non-2xx answer, with its Retry-After delay when it sent one. LangChain4j wraps it into
 * its own typed exceptions but keeps it as the cause, which is how the retry logic finds the delay.
 */
public final class ProviderHttpException extends HttpException {
    private final Duration retryAfter;

    public ProviderHttpException(int statusCode, String message, Duration retryAfter) {
        super(statusCode, message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
