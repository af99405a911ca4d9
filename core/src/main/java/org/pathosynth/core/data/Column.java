package org.pathosynth.core.data;

import org.pathosynth.core.schema.Attribute;

/** One typed column of a {@link Table}. */
public sealed interface Column permits CodedColumn, NumericColumn {
    Attribute attribute();

    int size();

    boolean isMissing(int row);

    /** The typed value (see {@link Attribute}), null when missing. */
    Object value(int row);

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
