package org.pathosynth.extraction.student;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.pathosynth.core.io.AtomicFiles;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.schema.Schema;

/**
 * A trained student: the schema, the feature index, one {@link AttributeModel} per attribute, how it was trained
 * (provenance: schema, size and fingerprint of the training corpus, teachers, seed, library version) and how it scored
 * on its validation pairs. Saved as one file: a gzip stream holding a JSON header and the weights (16-bit).
 */
public final class StudentModel {
    private static final String FORMAT = "pathosynth-student";
    /**
     * 3: surrounding numbers no longer features (models of 1 and 2 were trained on other features: retrain them); 4: the
     * attributes that come together ({@link CoPresence}; a model of 3 is read with none).
     */
    private static final int VERSION = 4;
    private static final int OLDEST_READ = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final FeatureIndex index;
    private final List<AttributeModel> attributes;
    private final ArtifactProvenance provenance;
    private final TrainingReport training;
    private final int maxClasses;
    private final AnchorWords anchors;
    private final CoPresence coPresence;

    StudentModel(Schema schema, FeatureIndex index, List<AttributeModel> attributes, ArtifactProvenance provenance, TrainingReport training) {
        this(schema, index, attributes, provenance, training, CoPresence.none());
    }

    StudentModel(Schema schema, FeatureIndex index, List<AttributeModel> attributes, ArtifactProvenance provenance, TrainingReport training,
                 CoPresence coPresence) {
        this.coPresence = coPresence;
        this.schema = schema;
        this.index = index;
        this.attributes = List.copyOf(attributes);
        this.provenance = provenance;
        this.training = training;
        int max = 1;
        for (AttributeModel a : attributes) {
            if (a.values != null) {
                max = Math.max(max, a.values.classes);
            }
        }
        this.maxClasses = max;
        this.anchors = AnchorWords.union(attributes.stream().map(a -> a.anchorWords).toList());
    }

    public Schema schema() {
        return schema;
    }

    public ArtifactProvenance provenance() {
        return provenance;
    }

    /** Scores on the validation pairs held out from training: per-attribute accuracy and calibration. */
    public TrainingReport training() {
        return training;
    }

    FeatureIndex index() {
        return index;
    }

    List<AttributeModel> attributes() {
        return attributes;
    }

    /** Every attribute's anchor words: the tokens a report view scores as candidates. */
    AnchorWords anchors() {
        return anchors;
    }

    int maxClasses() {
        return maxClasses;
    }

    /** The attributes the training records never stated without another, which extraction keeps to. */
    CoPresence coPresence() {
        return coPresence;
    }

    /** The pairs of {@link #coPresence} in words, e.g. {@code "tumor_size_mm only with morphology_icdo"}. */
    public List<String> coPresenceRules() {
        return coPresence.describe();
    }

    StudentModel withAttributes(List<AttributeModel> replaced, TrainingReport report) {
        return new StudentModel(schema, index, replaced, provenance, report, coPresence);
    }

    public StudentExtractor extractor() {
        return new StudentExtractor(this);
    }

    /** Saves the model as one file, atomically. */
    public void save(Path file) {
        AtomicFiles.write(file, tmp -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)))) {
                write(out);
            }
        });
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws IllegalArgumentException naming the file when it is missing, not a student model, or cut short
     */
    public static StudentModel load(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("student model " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read student model " + file + ": " + e.getMessage(), e);
        }
    }

    static StudentModel read(InputStream raw, String source) throws IOException {
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)));
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException(source + " is not a PathoSynth student model (not gzip)", e);
        }
        try {
            byte[] headerBytes = new byte[in.readInt()];
            in.readFully(headerBytes);
            JsonNode header = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8));
            if (!FORMAT.equals(header.path("format").asText())) {
                throw new IllegalArgumentException(source + " is not a PathoSynth student model");
            }
            int version = header.path("version").asInt();
            if (version < OLDEST_READ || version > VERSION) {
                throw new IllegalArgumentException(source + ": student model format " + version + " is not supported by this version ("
                        + VERSION + ")" + (version < OLDEST_READ ? ": its features were computed otherwise; train it again (train-extractor)" : ""));
            }
            Schema schema = Schema.fromJson(header.get("schema").toString());
            FeatureIndex index = FeatureIndex.read(in);
            List<AttributeModel> attributes = new ArrayList<>();
            for (JsonNode a : header.get("attributes")) {
                List<String> classes = new ArrayList<>();
                a.path("classes").forEach(c -> classes.add(c.asText()));
                BinaryModel mention = a.path("mention").asBoolean() ? new BinaryModel(Weights.read(in)) : null;
                ValueModel values = a.path("mention").asBoolean() ? Weights.readSparse(in, classes.size(), index.size()) : null;
                BinaryModel number = a.path("number").asBoolean() ? new BinaryModel(Weights.read(in)) : null;
                boolean anchored = a.path("anchor").asBoolean();
                AnchorWords words = anchored ? AnchorWords.read(in) : AnchorWords.none();
                BinaryModel anchor = anchored ? new BinaryModel(Weights.read(in)) : null;
                Calibration calibration = new Calibration(a.path("calibration").get(0).asDouble(), a.path("calibration").get(1).asDouble());
                attributes.add(new AttributeModel(schema.attribute(a.path("name").asText()), mention, values, classes, number, calibration,
                        words, anchor));
            }
            CoPresence coPresence;
            try {
                coPresence = CoPresence.fromJson(header.get("co_presence"), schema);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
            return new StudentModel(schema, index, attributes, ProvenanceJson.fromJson(header.get("provenance")),
                    TrainingReport.fromJson(header.get("training")), coPresence);
        } catch (EOFException e) {
            throw new IllegalArgumentException(source + ": the student model is cut short", e);
        }
    }

    private void write(DataOutputStream out) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.set("schema", JSON.readTree(schema.toJson()));
        header.set("provenance", ProvenanceJson.toJson(provenance));
        header.set("training", training.toJson());
        header.set("co_presence", coPresence.toJson());
        ArrayNode attrs = header.putArray("attributes");
        for (AttributeModel a : attributes) {
            ObjectNode n = attrs.addObject();
            n.put("name", a.attribute.name());
            a.classes.forEach(n.putArray("classes")::add);
            n.put("mention", a.mention != null);
            n.put("number", a.number != null);
            n.put("anchor", a.anchor != null);
            n.putArray("calibration").add(a.calibration.a()).add(a.calibration.b());
        }
        byte[] bytes = JSON.writeValueAsBytes(header);
        out.writeInt(bytes.length);
        out.write(bytes);
        index.write(out);
        for (AttributeModel a : attributes) {
            if (a.mention != null) {
                Weights.write(out, a.mention.weights);
                Weights.writeSparse(out, a.values);
            }
            if (a.number != null) {
                Weights.write(out, a.number.weights);
            }
            if (a.anchor != null) {
                a.anchorWords.write(out);
                Weights.write(out, a.anchor.weights);
            }
        }
    }

    /** The header alone, as JSON: what a model file says about itself. */
    public String describe() {
        try {
            ObjectNode n = JSON.createObjectNode();
            n.put("format", FORMAT).put("version", VERSION).put("schema", schema.name()).put("features", index.size());
            n.set("provenance", ProvenanceJson.toJson(provenance));
            n.set("training", training.toJson());
            n.set("co_presence", coPresence.toJson());
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
