package org.pathosynth.core.synthesis;

import org.pathosynth.core.data.Table;
import org.pathosynth.core.pipeline.ProgressListener;

/** Learns a synthetic version of a real table. Fitting and sampling are separate: one fit serves many samples. */
public interface TabularSynthesizer {
    String name();

    /**
     * Fits to a real table (its schema comes with it).
     *
     * @throws IllegalArgumentException when the table cannot be fitted (e.g. no rows)
     */
    FittedSynthesizer fit(Table real, ProgressListener progress);

    default FittedSynthesizer fit(Table real) {
        return fit(real, ProgressListener.NONE);
    }
}
