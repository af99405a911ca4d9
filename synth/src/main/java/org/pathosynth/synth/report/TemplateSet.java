package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The phrase variants of one language, loaded from {@code templates-<lang>.json}. */
final class TemplateSet {
    private final JsonNode root;

    private TemplateSet(JsonNode root) {
        this.root = root;
    }

    static TemplateSet load(String language) {
        String resource = "templates-" + language + ".json";
        try (InputStream in = TemplateSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no report templates for language '" + language + "' (have: fr, en)");
            }
            return new TemplateSet(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    String language() {
        return root.path("language").asText();
    }

    char decimalSeparator() {
        return root.path("decimalSeparator").asText(".").charAt(0);
    }

    /** French uses the singular for 0 and 1, English only for 1. */
    boolean singular(long n) {
        return root.path("pluralFromTwo").asBoolean() ? n < 2 : n == 1;
    }

    String numberWord(long n) {
        JsonNode words = root.path("numberWords");
        return n >= 1 && n < words.size() ? words.get((int) n).asText() : Long.toString(n);
    }

    /** [masculine, feminine] forms of a random side. */
    String[] side(SplittableRandom rng) {
        JsonNode sides = root.path("sides");
        JsonNode s = sides.get(rng.nextInt(sides.size()));
        return new String[] {s.get(0).asText(), s.get(1).asText()};
    }

    JsonNode node(String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    /** A random element of the string array at {@code path}, or null when there is none. */
    String pick(SplittableRandom rng, String... path) {
        return pick(node(path), rng);
    }

    static String pick(JsonNode array, SplittableRandom rng) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        return array.get(rng.nextInt(array.size())).asText();
    }

    /** Variants for an attribute value: the value's own list, else the {@code "*"} list. */
    String pickValue(SplittableRandom rng, JsonNode byValue, String value) {
        JsonNode list = byValue.path(value);
        if (list.isMissingNode()) {
            list = byValue.path("*");
        }
        return pick(list, rng);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
