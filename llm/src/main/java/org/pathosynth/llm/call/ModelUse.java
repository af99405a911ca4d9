package org.pathosynth.llm.call;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.LlmEndpoint;

/**
 * How a component uses a model: the endpoint, the client its calls go through, the language of its instructions, how
 * often an unusable answer is asked again, and the privacy gate its texts pass. Made by a {@link ModelUseBuilder}.
 */
public record ModelUse(LlmEndpoint endpoint, LlmClient client, String language, int maxReasks, PrivacyGate gate) {

    /**
     * @param what what the text is, for the error message (no text itself)
     * @throws org.pathosynth.llm.privacy.PrivacyViolationException when real-derived text would go to a remote model
     *         without permission
     */
    public void checkPrivacy(TextOrigin origin, String what) {
        gate.check(endpoint, origin, what);
    }

    /**
     * Calls the model and reads its answer with {@code read}. An answer {@code read} refuses with an
     * {@link InvalidAnswerException} (saying what is wrong) is followed by the correction {@code reask} makes from that
     * problem, at most {@link #maxReasks()} times.
     *
     * @throws InvalidAnswerException the last problem, when no answer was usable
     */
    public <T> T ask(LlmCall call, Function<LlmAnswer, T> read, UnaryOperator<String> reask) {
        InvalidAnswerException last = null;
        for (int ask = 0; ask <= maxReasks; ask++) {
            LlmAnswer answer = client.call(endpoint, call);
            try {
                return read.apply(answer);
            } catch (InvalidAnswerException e) {
                last = e;
                call = call.followedBy(answer.text(), reask.apply(e.getMessage()));
            }
        }
        throw last;
    }
}
