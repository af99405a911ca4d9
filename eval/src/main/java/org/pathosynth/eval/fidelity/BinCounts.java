package org.pathosynth.eval.fidelity;

import java.util.List;

/** Per-bin counts of one column in the reference (training ∪ holdout) and in the synthetic data. */
public record BinCounts(String column, List<String> labels, int[] reference, int[] synthetic) {
    public BinCounts {
        labels = List.copyOf(labels);
        reference = reference.clone();
        synthetic = synthetic.clone();
    }
}
