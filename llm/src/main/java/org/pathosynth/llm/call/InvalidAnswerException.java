package org.pathosynth.llm.call;

/**
 * A model's answer held no usable JSON object, even after the allowed re-asks. The message says why (and which report
 * or pair, by id) without quoting the answer.
 */
public final class InvalidAnswerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidAnswerException(String problem) {
        super(problem);
    }
}
