package org.pathosynth.synth.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.schema.Schema;

/**
 * The common frame of saved synthesizer models: synthesizer name, format version, provenance (written by
 * {@link ProvenanceJson}, the privacy guarantee with it), schema, number arrays.
 */
public final class ModelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** 2: models carry their provenance; files of version 1 (without it) still load. */
    public static final int FORMAT_VERSION = 2;

    private ModelJson() {
    }

    /** A new model document naming its synthesizer, with its provenance and its schema. */
    public static ObjectNode document(String synthesizer, ArtifactProvenance provenance, Schema schema) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("synthesizer", synthesizer);
        root.put("format_version", FORMAT_VERSION);
        root.set("provenance", ProvenanceJson.toJson(provenance));
        try {
            root.set("schema", MAPPER.readTree(schema.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    public static String write(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a model document and checks that it was saved by {@code synthesizer}.
     *
     * @param description how messages name the model, e.g. "a Gaussian copula"
     * @throws IllegalArgumentException for malformed JSON or another synthesizer's model
     */
    public static JsonNode read(String json, String synthesizer, String description) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + description.replaceFirst("^an? ", "") + " model JSON: " + e.getMessage(), e);
        }
        return check(root, synthesizer, description);
    }

    /**
     * Checks that a parsed model document was saved by {@code synthesizer}.
     *
     * @throws IllegalArgumentException for another synthesizer's model
     */
    public static JsonNode check(JsonNode root, String synthesizer, String description) {
        if (root == null || !synthesizer.equals(root.path("synthesizer").asText())) {
            throw new IllegalArgumentException("not " + description + " model: synthesizer is '"
                    + (root == null ? "" : root.path("synthesizer").asText()) + "'");
        }
        return root;
    }

    /**
     * The provenance saved in a model document, or, for a file saved before models carried one, a provenance that
     * says its parameters are unknown (without a guarantee: the model states its own).
     */
    public static ArtifactProvenance provenance(JsonNode document, String synthesizer) {
        JsonNode saved = document.get("provenance");
        if (saved == null || saved.isNull()) {
            return ModelProvenance.unknown(synthesizer, null);
        }
        ArtifactProvenance p = ProvenanceJson.fromJson(saved);
        if (p.input() != null && p.privacy() != null && p.privacy().isDifferentiallyPrivate()) {
            // saved before 2026-12-06 with the table's fingerprint, which the guarantee does not cover: not passed on
            return p.withInput(null);
        }
        return p;
    }

    public static Schema schema(JsonNode document) {
        return Schema.fromJson(document.get("schema").toString());
    }

    public static void putDoubles(ObjectNode node, String field, double[] values) {
        ArrayNode array = node.putArray(field);
        Arrays.stream(values).forEach(array::add);
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
