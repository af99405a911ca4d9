package org.pathosynth.core.generation;

/**
 * A report that could not be written. {@code reason} is a short error description; it must not
 * carry patient values or report text.
 */
public record GenerationFailure(String id, String generator, String reason) {
}
