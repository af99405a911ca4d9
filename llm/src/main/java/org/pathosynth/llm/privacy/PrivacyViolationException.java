package org.pathosynth.llm.privacy;

/** Real-derived text was about to leave for a remote model without the caller's permission; nothing was sent. */
public final class PrivacyViolationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PrivacyViolationException(String message) {
        super(message);
    }
}
