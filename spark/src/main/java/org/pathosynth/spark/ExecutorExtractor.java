package org.pathosynth.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.ComponentSpec;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.provenance.ContentHash;
import org.pathosynth.core.provenance.LibraryVersion;
import org.pathosynth.core.schema.Schema;

/**
 * What an executor needs to build the extractor a spec names, in one serialisable value: the spec's name, the model
 * file's bytes (read once on the driver, so executors need no shared file system, and sent to each executor once as
 * a Spark broadcast: {@link #shipped}), the schema as JSON and the extractor's options. Only offline extractors are
 * accepted: report text must not be fanned out to an LLM provider from a cluster by accident.
 *
 * <p>Each executor JVM builds the extractor once per distinct value ({@link #extractor()}) and shares it between its
 * tasks: every accepted extractor is immutable and thread-safe. It keeps the {@value #KEPT} it used last, so a
 * long-lived executor that serves many models does not hold them all; a value used again after that is built again.
 */
final class ExecutorExtractor implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The extractors that run on executors: offline and thread-safe. Those that take an argument take a model file. */
    static final Set<String> OFFLINE = Set.of("rules", "student", "rules+student");

    /** How many extractors an executor keeps built: the values a long-lived executor's jobs used last. */
    static final int KEPT = 8;

    /**
     * Least recently used first. The map's lock is held only to find or add a value's slot; the extractor is built in its
     * slot, so a task waits only for its own value's build, never for another's.
     */
    private static final Map<ExecutorExtractor, Slot> BUILT = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ExecutorExtractor, Slot> eldest) {
                    return size() > KEPT;
                }
            });

    /** One value's extractor, built by the first task that asks; a failed build is tried again by the next. */
    private static final class Slot {
        private PathologyExtractor extractor;

        synchronized PathologyExtractor get(ExecutorExtractor value) {
            if (extractor == null) {
                extractor = value.build();
            }
            return extractor;
        }
    }

    private final String name;
    private final String modelDigest;
    private final String schemaJson;
    private final Map<String, Object> options;
    private final String version;
    /** The model's bytes on the driver; executors read {@link #shippedModel}. */
    private final transient byte[] model;
    private final Broadcast<byte[]> shippedModel;
    private transient Schema schema;
    /** This copy's extractor once looked up: a task reads many reports, the shared map is asked once per task. */
    private transient PathologyExtractor built;

    private ExecutorExtractor(String name, byte[] model, String digest, Broadcast<byte[]> shippedModel, String schemaJson,
                              Map<String, Object> options) {
        this.name = name;
        this.model = model;
        this.modelDigest = digest;
        this.shippedModel = shippedModel;
        this.schemaJson = schemaJson;
        this.options = options;
        this.version = LibraryVersion.current() + (digest.isEmpty() ? "" : "+model." + digest.substring(0, 12));
    }

    /**
     * Reads a spec on the driver: refuses what cannot run on executors, builds the extractor once here through the
     * registry (which names a missing argument, a missing model file or a model of another schema in the words every
     * command uses) so that a wrong spec fails before any task is sent, and reads the model file's bytes.
     */
    static ExecutorExtractor of(String spec, Schema schema, Map<String, ?> options) {
        ComponentSpec parsed = ComponentSpec.parse(spec);
        if (!OFFLINE.contains(parsed.name())) {
            throw new IllegalArgumentException("extractor '" + parsed.name() + "' cannot run on Spark executors: only offline "
                    + "extractors do (" + String.join(", ", List.copyOf(new java.util.TreeSet<>(OFFLINE))) + "). An LLM extractor "
                    + "would send every report of the table to its provider; extract with it outside Spark, on reports you chose.");
        }
        Extractors.create(spec, options, ComponentContext.of(schema, "fr"));
        byte[] model = null;
        if (parsed.argument() != null) { // the registry accepted an argument: a model file
            try {
                model = Files.readAllBytes(Path.of(parsed.argument()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model file " + parsed.argument(), e);
            }
        }
        return new ExecutorExtractor(parsed.name(), model, model == null ? "" : sha256(model), null, schema.toJson(),
                new LinkedHashMap<>(options));
    }

    /** This value as tasks carry it: the model, if any, broadcast once to each executor rather than sent with every task. */
    ExecutorExtractor shipped(SparkContext context) {
        if (model == null || shippedModel != null) {
            return this;
        }
        Broadcast<byte[]> b = JavaSparkContext.fromSparkContext(context).broadcast(model);
        return new ExecutorExtractor(name, model, modelDigest, b, schemaJson, options);
    }

    String name() {
        return name;
    }

    /** The library's version, and for a model the first 12 hex digits of its file's SHA-256: what produced a value. */
    String version() {
        return version;
    }

    Schema schema() {
        if (schema == null) {
            schema = Schema.fromJson(schemaJson);
        }
        return schema;
    }

    /** This JVM's extractor for this value, built on first use (the model loaded once per executor while it is kept). */
    PathologyExtractor extractor() {
        PathologyExtractor e = built;
        if (e == null) {
            e = BUILT.computeIfAbsent(this, v -> new Slot()).get(this);
            built = e;
        }
        return e;
    }

    /** Forgets the extractors this JVM built, as a fresh executor knows none (tests of what tasks carry). */
    static void forgetBuilt() {
        BUILT.clear();
    }

    /** How many extractors this JVM holds built. */
    static int builtCount() {
        return BUILT.size();
    }

    private PathologyExtractor build() {
        ComponentContext context = ComponentContext.of(schema(), "fr");
        if (modelDigest.isEmpty()) {
            return Extractors.create(name, options, context);
        }
        Path file = null;
        try {
            file = Files.createTempFile("pathosynth-model-", ".bin");
            Files.write(file, model != null ? model : shippedModel.value());
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
