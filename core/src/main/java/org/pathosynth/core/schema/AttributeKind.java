package org.pathosynth.core.schema;

import java.util.Locale;

/** The value type of an attribute; decides how cells are parsed, stored and compared. */
public enum AttributeKind {
    /** One of a fixed list of labels, unordered. */
    CATEGORICAL,
    /** One of a fixed list of labels, in the listed order (e.g. a grade). */
    ORDINAL,
    /** {@code yes} or {@code no}. */
    BOOLEAN,
    /** A whole number, optionally bounded. */
    INTEGER,
    /** A real number, optionally bounded, with a unit and a precision. */
    NUMERIC;

    /** True for kinds stored as codes into a finite list of labels. */
    public boolean isCoded() {
        return this == CATEGORICAL || this == ORDINAL || this == BOOLEAN;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON spelling ({@code "categorical"}, ...); null when unknown. */
    public static AttributeKind fromJsonName(String text) {
        for (AttributeKind kind : values()) {
            if (kind.jsonName().equals(text)) {
                return kind;
            }
        }
        return null;
    }
}
