package org.pathosynth.eval.report;

/** Tables that cannot be evaluated (too few rows, no common columns, ...); the message says what and why. */
public final class EvaluationInputException extends IllegalArgumentException {
    public EvaluationInputException(String message) {
        super(message);
    }
}
