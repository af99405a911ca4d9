package org.pathosynth.core.data;

import org.pathosynth.core.schema.Attribute;

/** One typed column of a {@link Table}. */
public sealed interface Column permits CodedColumn, NumericColumn {
    Attribute attribute();

    int size();

    boolean isMissing(int row);

    /** The typed value (see {@link Attribute}), null when missing. */
    Object value(int row);

    /**
     * The value as synthesizers compute with it, the counterpart of {@link Table.Builder#addEncoded}:
     * the code of a coded value, the number of a numeric one, NaN when missing.
     */
    double encoded(int row);

    /** {@link #encoded(int)} for every row. */
    default double[] encoded() {
        double[] out = new double[size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = encoded(r);
        }
        return out;
    }

    default int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }
}
