package org.pathosynth.eval.fidelity;

import java.util.List;

/**
 * Accuracy (1 − total variation distance of the binned joint distribution, rounded to 5 dp) of one
 * column, pair or triple, with the accuracy a same-size holdout would be expected to reach.
 */
public record TupleAccuracy(List<String> columns, double accuracy, double accuracyMax) {
    public TupleAccuracy {
        columns = List.copyOf(columns);
    }
}
