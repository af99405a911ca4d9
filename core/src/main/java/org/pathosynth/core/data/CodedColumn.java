package org.pathosynth.core.data;

import org.pathosynth.core.schema.Attribute;

/**
 * A categorical, ordinal or boolean column stored as codes into {@link Attribute#values()};
 * {@link #MISSING} marks a missing cell.
 */
public final class CodedColumn implements Column {
    public static final int MISSING = -1;

    private final Attribute attribute;
    private final int[] codes;

    CodedColumn(Attribute attribute, int[] codes) {
        this.attribute = attribute;
        this.codes = codes;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    /** The code of a cell: an index into {@link Attribute#values()}, or {@link #MISSING}. */
    public int code(int row) {
        return codes[row];
    }

    @Override
    public double encoded(int row) {
        return codes[row] == MISSING ? Double.NaN : codes[row];
    }

    /** Number of distinct codes (the domain size, missing excluded). */
    public int levels() {
        return attribute.values().size();
    }

    /** A defensive copy of the codes. */
    public int[] codes() {
        return codes.clone();
    }

    @Override
    public Object value(int row) {
        return decode(attribute, codes[row]);
    }

    static Object decode(Attribute attribute, int code) {
        if (code == MISSING) {
            return null;
        }
        String label = attribute.values().get(code);
        return switch (attribute.kind()) {
            case BOOLEAN -> "yes".equals(label);
            default -> label;
        };
    }

    static int encode(Attribute attribute, Object value) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof Boolean b) {
            return attribute.codeOf(b ? "yes" : "no");
        }
        return attribute.codeOf(value.toString());
    }
}
