package org.pathosynth.core.synthesis;

import java.util.Map;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;

/** A synthesizer fitted to a real table: samples any number of synthetic rows from a seed. */
public interface FittedSynthesizer {
    org.pathosynth.core.schema.Schema schema();

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

    /**
     * What made this model: the synthesizer, every hyperparameter, the training seed, a fingerprint of the training
     * table (row count and hash, never rows), the library version and the privacy guarantee. Saved with the model.
     */
    default ArtifactProvenance provenance() {
        return ArtifactProvenance.of("model", synthesizerName(), Map.of()).withPrivacy(privacyGuarantee());
    }

    /**
     * Figures a model reports about itself, by snake_case name (the copula's marginals, the epochs a GAN trained, the
     * MST tree and its zCDP rho, ...): for summaries, never rows or counts of real values.
     */
    default Map<String, Object> details() {
        return Map.of();
    }

    /**
     * The model as JSON (with its provenance), to sample later without the data: {@link Synthesizers#load}.
     *
     * @throws UnsupportedOperationException for models that hold real values and must not leave the hospital
     */
    default String toJson() {
        throw new UnsupportedOperationException(synthesizerName() + " models cannot be saved");
    }
}
