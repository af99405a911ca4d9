package org.pathosynth.core.data;

import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/** An integer or numeric column stored as doubles; NaN marks a missing cell. */
public final class NumericColumn implements Column {
    private final Attribute attribute;
    private final double[] values;

    NumericColumn(Attribute attribute, double[] values) {
        this.attribute = attribute;
        this.values = values;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    /** The number in a cell, NaN when missing. */
    public double number(int row) {
        return values[row];
    }

    @Override
    public double encoded(int row) {
        return values[row];
    }

    /** A defensive copy of the values (NaN = missing). */
    public double[] numbers() {
        return values.clone();
    }

    @Override
    public Object value(int row) {
        return decode(attribute, values[row]);
    }

    static Object decode(Attribute attribute, double d) {
        if (Double.isNaN(d)) {
            return null;
        }
        return attribute.kind() == AttributeKind.INTEGER ? (Object) (int) d : (Object) d;
    }
}
