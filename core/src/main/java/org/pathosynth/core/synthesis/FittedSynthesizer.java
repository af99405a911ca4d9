package org.pathosynth.core.synthesis;

import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

/** A synthesizer fitted to a real table: samples any number of synthetic rows from a seed. */
public interface FittedSynthesizer {
    Schema schema();

    /**
     * Samples {@code n} synthetic rows; the same seed gives the same table.
     *
     * @throws IllegalArgumentException when n is negative
     */
    Table sample(int n, long seed);

    /** The privacy guarantee that every sample inherits. */
    PrivacyGuarantee privacyGuarantee();

    /** Name of the synthesizer that produced this model (e.g. {@code independent}). */
    String synthesizerName();
}
