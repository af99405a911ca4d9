package org.pathosynth.core.schema;

/** A schema definition that cannot be used; the message names the offending JSON field. */
public final class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
