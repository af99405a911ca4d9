package org.pathosynth.synth.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.pathosynth.core.schema.Schema;

/** The common frame of saved synthesizer models: synthesizer name, format version, schema, number arrays. */
public final class ModelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final int FORMAT_VERSION = 1;

    private ModelJson() {
    }

    /** A new model document naming its synthesizer and embedding its schema. */
    public static ObjectNode document(String synthesizer, Schema schema) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("synthesizer", synthesizer);
        root.put("format_version", FORMAT_VERSION);
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
        if (root == null || !synthesizer.equals(root.path("synthesizer").asText())) {
            throw new IllegalArgumentException("not " + description + " model: synthesizer is '"
                    + (root == null ? "" : root.path("synthesizer").asText()) + "'");
        }
        return root;
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
