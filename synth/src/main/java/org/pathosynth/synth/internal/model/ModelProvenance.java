package org.pathosynth.synth.internal.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.DataFingerprint;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.synthesis.PrivacyGuarantee;

/** The provenance of a fitted model: made by a fit, or stood in for a model saved before models carried one. */
public final class ModelProvenance {
    /** The one parameter of a model saved without provenance: its parameters are unknown. */
    public static final String UNKNOWN_PARAMETERS = "unknown";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelProvenance() {
    }

    /**
     * The provenance of a model just fitted to {@code training}, its guarantee not yet known (the model adds it).
     * Values are normalised as a saved file holds them (a long seed and an int read back alike), so a loaded model's
     * provenance equals the original's.
     *
     * @param parameters every hyperparameter by snake_case name, seeds included
     */
    public static ArtifactProvenance ofFit(String synthesizer, Map<String, Object> parameters, Table training) {
        return normalised(ArtifactProvenance.of("model", synthesizer, parameters).withInput(DataFingerprint.of(training)));
    }

    /**
     * The provenance of a differentially private model: as {@link #ofFit}, but naming no training data. The table's
     * SHA-256 is a deterministic function of every row, which no noise covers: someone holding all rows but one could
     * hash each candidate for the last and recognise the patient's. Its exact row count is left out with it (though
     * PATE's default δ, 1/(N·√N), still gives N away; its guarantee says so).
     */
    public static ArtifactProvenance ofPrivateFit(String synthesizer, Map<String, Object> parameters) {
        return normalised(ArtifactProvenance.of("model", synthesizer, parameters));
    }

    private static ArtifactProvenance normalised(ArtifactProvenance fresh) {
        try { // through text: a tree keeps a long a long, a parsed file reads it as an int
            return ProvenanceJson.fromJson(JSON.readTree(ProvenanceJson.toString(fresh)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read back the provenance just written", e);
        }
    }

    /** For a model file saved before models carried provenance: parameters, input and library version unknown. */
    public static ArtifactProvenance unknown(String synthesizer, PrivacyGuarantee privacy) {
        return new ArtifactProvenance("model", synthesizer, Map.of(UNKNOWN_PARAMETERS, true), null, privacy, "unknown", null);
    }
}
