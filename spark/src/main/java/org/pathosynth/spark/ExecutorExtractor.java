package org.pathosynth.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.ComponentSpec;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.provenance.ContentHash;
import org.pathosynth.core.provenance.LibraryVersion;
import org.pathosynth.core.schema.Schema;

/**
 * What an executor needs to build the extractor a spec names, in one serialisable value: the spec's name, the model
 * file's bytes (read once on the driver, so executors need no shared file system), the schema as JSON and the
 * extractor's options. Only offline extractors are accepted: report text must not be fanned out to an LLM provider
 * from a cluster by accident.
 *
 * <p>Each executor JVM builds the extractor once per distinct value ({@link #extractor()}) and shares it between its
 * tasks: every accepted extractor is immutable and thread-safe.
 */
final class ExecutorExtractor implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The extractors that run on executors: offline and thread-safe. Those with a model file take it as argument. */
    static final Set<String> OFFLINE = Set.of("rules", "student", "rules+student");
    private static final Set<String> WITH_MODEL = Set.of("student", "rules+student");

    private static final Map<ExecutorExtractor, PathologyExtractor> BUILT = new ConcurrentHashMap<>();

    private final String name;
    private final byte[] model;
    private final String modelDigest;
    private final String schemaJson;
    private final Map<String, Object> options;
    private transient Schema schema;

    private ExecutorExtractor(String name, byte[] model, String schemaJson, Map<String, Object> options) {
        this.name = name;
        this.model = model;
        this.modelDigest = model == null ? "" : sha256(model);
        this.schemaJson = schemaJson;
        this.options = options;
    }

    /**
     * Reads a spec on the driver: refuses what cannot run on executors, reads the model file, and builds the extractor
     * once here so that a wrong spec, a missing file or a model of another schema fails before any task is sent.
     */
    static ExecutorExtractor of(String spec, Schema schema, Map<String, ?> options) {
        ComponentSpec parsed = ComponentSpec.parse(spec);
        if (!OFFLINE.contains(parsed.name())) {
            throw new IllegalArgumentException("extractor '" + parsed.name() + "' cannot run on Spark executors: only offline "
                    + "extractors do (" + String.join(", ", List.copyOf(new java.util.TreeSet<>(OFFLINE))) + "). An LLM extractor "
                    + "would send every report of the table to its provider; extract with it outside Spark, on reports you chose.");
        }
        byte[] model = null;
        if (WITH_MODEL.contains(parsed.name())) {
            if (parsed.argument() == null || parsed.argument().isBlank()) {
                throw new IllegalArgumentException("extractor '" + parsed.name() + "' needs a model file: " + parsed.name() + ":model.bin");
            }
            try {
                model = Files.readAllBytes(Path.of(parsed.argument()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model file " + parsed.argument(), e);
            }
        } else if (parsed.argument() != null) {
            throw new IllegalArgumentException("extractor '" + parsed.name() + "' takes no argument, got '" + spec + "'");
        }
        ExecutorExtractor e = new ExecutorExtractor(parsed.name(), model, schema.toJson(), new LinkedHashMap<>(options));
        e.extractor(); // fails here, on the driver, rather than in every task
        return e;
    }

    String name() {
        return name;
    }

    /** The library's version, and for a model the first 12 hex digits of its file's SHA-256: what produced a value. */
    String version() {
        return LibraryVersion.current() + (model == null ? "" : "+model." + modelDigest.substring(0, 12));
    }

    Schema schema() {
        if (schema == null) {
            schema = Schema.fromJson(schemaJson);
        }
        return schema;
    }

    /** This JVM's extractor for this value, built on first use (the model loaded once per executor). */
    PathologyExtractor extractor() {
        return BUILT.computeIfAbsent(this, ExecutorExtractor::build);
    }

    private PathologyExtractor build() {
        ComponentContext context = ComponentContext.of(schema(), "fr");
        if (model == null) {
            return Extractors.create(name, options, context);
        }
        Path file = null;
        try {
            file = Files.createTempFile("pathosynth-model-", ".bin");
            Files.write(file, model);
            return Extractors.create(name + ":" + file, options, context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to a temporary file", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file); // the model is in memory now
                } catch (IOException ignored) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecutorExtractor e && name.equals(e.name) && modelDigest.equals(e.modelDigest)
                && schemaJson.equals(e.schemaJson) && options.equals(e.options);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, modelDigest, schemaJson, options);
    }

    private static String sha256(byte[] bytes) {
        return ContentHash.sha256().bytes(bytes, 0, bytes.length).hex();
    }
}
