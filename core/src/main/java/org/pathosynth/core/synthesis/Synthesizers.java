package org.pathosynth.core.synthesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.Components;
import org.pathosynth.core.io.AtomicFiles;
import org.pathosynth.core.schema.Schema;

/**
 * Synthesizers by name, and saved models by the synthesizer written in them. Every synthesizer on the class path
 * (found with {@link java.util.ServiceLoader}) is named the same way by the command line, run configs and Java.
 */
public final class Synthesizers {
    /** The synthesizer used when none is named. */
    public static final String DEFAULT = "gaussian-copula";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Synthesizers() {
    }

    /** The default synthesizer ({@value #DEFAULT}) with its default options. */
    public static TabularSynthesizer create() {
        return create(DEFAULT, Map.of());
    }

    /** {@code name} with its default options. */
    public static TabularSynthesizer create(String name) {
        return create(name, Map.of());
    }

    /** {@code name} with options by snake_case name (e.g. {@code epsilon}, {@code train_seed}). */
    public static TabularSynthesizer create(String name, Map<String, ?> options) {
        return create(name, options, null);
    }

    /** As {@link #create(String, Map)}, with a context (synthesizers fit the table's own schema; most ignore it). */
    public static TabularSynthesizer create(String name, Map<String, ?> options, ComponentContext context) {
        return Components.create(SynthesizerProvider.class, TabularSynthesizer.class, name, options,
                context == null ? ComponentContext.of(Schema.breastCancer(), "en") : context);
    }

    public static List<String> names() {
        return List.copyOf(Components.all(SynthesizerProvider.class).keySet());
    }

    public static SynthesizerProvider<?> provider(String name) {
        return Components.find(SynthesizerProvider.class, name);
    }

    /**
     * Loads a saved model by the synthesizer written in it.
     *
     * @throws IllegalArgumentException naming the file when it is missing, malformed or names no known synthesizer
     */
    public static FittedSynthesizer load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("model file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        try {
            return load(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a saved model from its JSON text. */
    public static FittedSynthesizer load(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a model file (malformed JSON)", e);
        }
        if (root == null || !root.isObject() || !root.path("synthesizer").isTextual()) {
            throw new IllegalArgumentException("not a PathoSynth model file (no \"synthesizer\" field)");
        }
        return provider(root.get("synthesizer").asText()).load(root);
    }

    /** Saves a model atomically; models that hold real rows refuse ({@link FittedSynthesizer#toJson()}). */
    public static void save(FittedSynthesizer model, Path file) {
        String json = model.toJson();
        AtomicFiles.writeString(file, json);
    }
}
