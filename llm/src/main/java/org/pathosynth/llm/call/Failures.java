package org.pathosynth.llm.call;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.pathosynth.llm.internal.http.ProviderHttpException;

/** Which failures are worth another attempt, and what delay the server asked for. */
final class Failures {
    private Failures() {
    }

    static boolean retryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h) {
                int s = h.statusCode();
                return s == 408 || s == 409 || s == 425 || s == 429 || s >= 500;
            }
            if (t instanceof RateLimitException || t instanceof InternalServerException || t instanceof TimeoutException
                    || t instanceof java.net.http.HttpTimeoutException || t instanceof java.io.IOException
                    || t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return true; // timeouts, dropped connections and unreadable (broken) answers are transient
            }
        }
        return false;
    }

    static Optional<Duration> retryAfter(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderHttpException p) {
                return p.retryAfter();
            }
        }
        return Optional.empty();
    }

    /** A short description without message bodies (which may echo prompts): type and HTTP status. */
    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h) {
                return "HTTP " + h.statusCode();
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
