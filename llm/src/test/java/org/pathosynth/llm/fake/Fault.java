package org.pathosynth.llm.fake;

import java.time.Duration;

/** A failure the fake server plays instead of (or on top of) a normal answer. */
public sealed interface Fault {
    /** HTTP 429 with a Retry-After header in seconds. */
    record RateLimited(int retryAfterSeconds) implements Fault {
    }

    /** HTTP 500 (or another 5xx). */
    record ServerError(int status) implements Fault {
    }

    /** Answers only after this delay, normally longer than the client's timeout. */
    record Stall(Duration delay) implements Fault {
    }

    /** HTTP 200 with a body that is not JSON. */
    record MalformedBody() implements Fault {
    }

    /** A normal answer cut short, flagged as stopped by the token limit. */
    record Truncated() implements Fault {
    }

    static Fault rateLimited(int seconds) {
        return new RateLimited(seconds);
    }

    static Fault serverError() {
        return new ServerError(500);
    }

    static Fault stall(Duration delay) {
        return new Stall(delay);
    }

    static Fault malformedBody() {
        return new MalformedBody();
    }

    static Fault truncated() {
        return new Truncated();
    }
}
