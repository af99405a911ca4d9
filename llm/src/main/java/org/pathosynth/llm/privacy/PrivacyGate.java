package org.pathosynth.llm.privacy;

import org.pathosynth.llm.provider.LlmEndpoint;
import org.pathosynth.llm.provider.Locality;

/**
 * Decides whether text may go to a model. Synthetic text may go anywhere; text derived from real records (real
 * reports to extract from, de-identified exemplars) goes to a remote model only when the caller explicitly allowed it.
 */
public record PrivacyGate(boolean allowRealTextToRemote) {
    /** The default: real-derived text stays on-premise. */
    public static PrivacyGate strict() {
        return new PrivacyGate(false);
    }

    /** For callers whose data agreement covers sending real-derived text to the hosted providers they configure. */
    public static PrivacyGate allowingRealTextToRemote() {
        return new PrivacyGate(true);
    }

    /**
     * @param what what the text is, for the error message (no text itself)
     * @throws PrivacyViolationException when real-derived text would go to a remote model without permission
     */
    public void check(LlmEndpoint endpoint, TextOrigin origin, String what) {
        if (origin == TextOrigin.REAL && endpoint.locality() == Locality.REMOTE && !allowRealTextToRemote) {
            throw new PrivacyViolationException("refusing to send " + what + " (derived from real patient records) to the remote model "
                    + endpoint.name() + ". Use a local model (ollama:..., openai-compatible on your own network), mark the text "
                    + "synthetic if it is, or allow it explicitly (PrivacyGate.allowingRealTextToRemote(), CLI "
                    + "--allow-remote-real-text) once your data agreement covers this provider.");
        }
    }
}
