package org.pathosynth.llm.generation;

/** The model gave no usable report within the allowed re-asks; the message says why, without the text. */
public final class ReportNotWrittenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReportNotWrittenException(String message) {
        super(message);
    }
}
