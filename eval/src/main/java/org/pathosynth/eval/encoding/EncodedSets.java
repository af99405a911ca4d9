package org.pathosynth.eval.encoding;

import java.util.List;

/**
 * Training, holdout and synthetic rows in the shared encoding space, before and after L2
 * normalisation, with the encoded column names. {@code holdout} arrays are null without a holdout.
 */
public record EncodedSets(List<String> columns, double[][] trainingRaw, double[][] holdoutRaw, double[][] syntheticRaw,
                          double[][] training, double[][] holdout, double[][] synthetic) {
    public EncodedSets {
        columns = List.copyOf(columns);
    }

    public int width() {
        return columns.size();
    }
}
