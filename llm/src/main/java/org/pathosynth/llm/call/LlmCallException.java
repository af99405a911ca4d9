package org.pathosynth.llm.call;

/** A call that failed for good (not retryable, or out of attempts). The message carries no prompt or answer text. */
public final class LlmCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int attempts;

    LlmCallException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
