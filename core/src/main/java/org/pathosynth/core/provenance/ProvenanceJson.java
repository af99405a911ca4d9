package org.pathosynth.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pathosynth.core.io.AtomicFiles;
import org.pathosynth.core.synthesis.PrivacyGuarantee;

/**
 * The one writer (and reader) of provenance and privacy guarantees as JSON, for model files, side files next to
 * outputs ({@code synthetic.csv.provenance.json}) and summaries.
 */
public final class ProvenanceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Appended to an output's file name to name its provenance file. */
    public static final String SIDE_FILE_SUFFIX = ".provenance.json";

    private ProvenanceJson() {
    }

    public static ObjectNode toJson(ArtifactProvenance p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", p.kind());
        n.put("producer", p.producer());
        n.set("parameters", MAPPER.valueToTree(p.parameters()));
        if (p.input() != null) {
            ObjectNode in = n.putObject("input");
            if (p.input().rows() >= 0) {
                in.put("row_count", p.input().rows());
            }
            in.put("sha256", p.input().sha256());
        }
        if (p.privacy() != null) {
            n.set("privacy", privacy(p.privacy()));
        }
        n.put("library_version", p.libraryVersion());
        if (!p.sources().isEmpty()) {
            ObjectNode s = n.putObject("sources");
            p.sources().forEach((role, source) -> s.set(role, toJson(source)));
        }
        return n;
    }

    public static ArtifactProvenance fromJson(JsonNode n) {
        if (n == null || !n.isObject() || !n.has("kind") || !n.has("producer")) {
            throw new IllegalArgumentException("not a provenance object (it needs 'kind' and 'producer')");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.path("parameters").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            parameters.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class));
        }
        DataFingerprint input = n.has("input")
                ? new DataFingerprint(n.path("input").path("row_count").asLong(-1), n.path("input").path("sha256").asText()) : null;
        PrivacyGuarantee privacy = n.has("privacy") ? privacyFromJson(n.get("privacy")) : null;
        Map<String, ArtifactProvenance> sources = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> s = n.path("sources").fields();
        while (s.hasNext()) {
            Map.Entry<String, JsonNode> e = s.next();
            sources.put(e.getKey(), fromJson(e.getValue()));
        }
        return new ArtifactProvenance(n.get("kind").asText(), n.get("producer").asText(), parameters, input, privacy,
                n.path("library_version").asText("unknown"), sources);
    }

    /** A guarantee as every output states it: epsilon ("Infinity" without DP), delta, mechanism and what it covers. */
    public static ObjectNode privacy(PrivacyGuarantee g) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("epsilon", Double.isInfinite(g.epsilon()) ? "Infinity" : Double.toString(g.epsilon()));
        p.put("delta", g.delta());
        p.put("mechanism", g.mechanism());
        p.put("note", g.note());
        return p;
    }

    public static PrivacyGuarantee privacyFromJson(JsonNode p) {
        String eps = p.path("epsilon").asText();
        double epsilon = eps.equals("Infinity") ? Double.POSITIVE_INFINITY : Double.parseDouble(eps);
        return new PrivacyGuarantee(epsilon, p.path("delta").asDouble(), p.path("mechanism").asText(), p.path("note").asText());
    }

    /** The provenance file of an output: its name plus {@value #SIDE_FILE_SUFFIX}. */
    public static Path sideFile(Path output) {
        return output.resolveSibling(output.getFileName() + SIDE_FILE_SUFFIX);
    }

    /** Writes {@code p} next to {@code output}, atomically. */
    public static void writeSideFile(Path output, ArtifactProvenance p) {
        AtomicFiles.writeString(sideFile(output), toString(p));
    }

    /** The provenance written next to {@code output}, or null when there is none. */
    public static ArtifactProvenance readSideFile(Path output) {
        Path f = sideFile(output);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return fromJson(MAPPER.readTree(f.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    public static String toString(ArtifactProvenance p) {
        try {
            return MAPPER.writeValueAsString(toJson(p)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
