package org.pathosynth.core.provenance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pathosynth.core.synthesis.PrivacyGuarantee;

/**
 * What made an artifact (a fitted model, a synthetic table, a corpus, predictions, a run summary): the component and
 * every parameter it used, a fingerprint of its input data (never the data), the privacy guarantee it inherits, the
 * library version, and the provenance of the artifacts it was made from. Written and read by {@link ProvenanceJson}
 * only, so every file states it the same way.
 *
 * @param kind       {@code model}, {@code synthetic-table}, {@code corpus}, {@code predictions}, {@code summary}, ...
 * @param producer   the component's name, e.g. {@code mst}, {@code template}, {@code rules}
 * @param parameters every setting that shapes the artifact, seeds included (values are strings, numbers, booleans or lists);
 *                   kept in name order, so the same artifact is always written the same way
 * @param input      fingerprint of the data it was made from, or null (unknown, or left out of a differentially private model)
 * @param privacy    the guarantee the artifact inherits from the real data, or null when it was not made from real rows
 * @param sources    provenance of the artifacts it was made from, by role (e.g. {@code model} for a sample)
 */
public record ArtifactProvenance(String kind, String producer, Map<String, Object> parameters, DataFingerprint input,
                                 PrivacyGuarantee privacy, String libraryVersion, Map<String, ArtifactProvenance> sources) {
    public ArtifactProvenance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(producer, "producer");
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
        libraryVersion = libraryVersion == null ? LibraryVersion.current() : libraryVersion;
        sources = sources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** A new provenance with this library's version and no input, privacy or sources yet. */
    public static ArtifactProvenance of(String kind, String producer, Map<String, Object> parameters) {
        return new ArtifactProvenance(kind, producer, parameters, null, null, null, null);
    }

    public ArtifactProvenance withInput(DataFingerprint fingerprint) {
        return new ArtifactProvenance(kind, producer, parameters, fingerprint, privacy, libraryVersion, sources);
    }

    public ArtifactProvenance withPrivacy(PrivacyGuarantee guarantee) {
        return new ArtifactProvenance(kind, producer, parameters, input, guarantee, libraryVersion, sources);
    }

    /** A copy with one more parameter (replacing one of the same name). */
    public ArtifactProvenance withParameter(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new ArtifactProvenance(kind, producer, copy, input, privacy, libraryVersion, sources);
    }

    /** A copy that names {@code source} as the artifact it was made from, under {@code role}. */
    public ArtifactProvenance withSource(String role, ArtifactProvenance source) {
        Map<String, ArtifactProvenance> copy = new LinkedHashMap<>(sources);
        copy.put(role, Objects.requireNonNull(source, "source"));
        return new ArtifactProvenance(kind, producer, parameters, input, privacy, libraryVersion, copy);
    }
}
