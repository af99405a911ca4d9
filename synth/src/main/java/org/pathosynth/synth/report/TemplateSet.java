package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrase variants of one language, loaded from {@code templates-<lang>.json}. A list of variants holds classic
 * entries (plain strings, the wording of template version 2) and extended ones ({@code {"say": ..., "weight": ...}},
 * the wider vocabulary); every list is compiled once, with the slots each variant uses. The {@code flavour} section
 * declares which schema attribute each flavour slot would state.
 */
final class TemplateSet {
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?:\\?([^|}]*)\\|([^}]*))?}");

    /** One phrase with the slots it fills; weight 1 for classic entries. */
    record Variant(String text, double weight, boolean extended, List<String> slots) {
    }

    /** A compiled list: its classic and extended entries. */
    record Variants(List<Variant> classic, List<Variant> extended) {
    }

    /**
     * A flavour slot group (a breast side, a quadrant, a receptor percentage): the schema attribute it would state, its
     * slots, and per value of that attribute the forms of each slot, in declaration order.
     */
    record Flavour(String attribute, List<String> slots, Map<String, List<String>> values) {
    }

    private final JsonNode root;
    private final Map<JsonNode, Variants> compiled = new IdentityHashMap<>();
    private final Map<String, Flavour> flavours = new java.util.HashMap<>();
    private final Map<String, List<String>> wordLists = new java.util.HashMap<>();
    private final Map<String, List<String[]>> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    private TemplateSet(JsonNode root) {
        this.root = root;
        compile(root);
        root.path("flavour").properties().forEach(e -> {
            Map<String, List<String>> values = new java.util.LinkedHashMap<>();
            e.getValue().path("values").properties().forEach(v -> values.put(v.getKey(),
                    v.getValue().isArray() ? strings(v.getValue()) : List.of(v.getValue().asText())));
            flavours.put(e.getKey(), new Flavour(e.getValue().path("attribute").asText(null), strings(e.getValue().path("slots")), values));
        });
        root.path("words").properties().forEach(e -> wordLists.put(e.getKey(),
                e.getValue().isArray() ? strings(e.getValue()) : List.of(e.getValue().asText())));
    }

    /**
     * A template cut into parts: literal text ({@code [text]}), a slot ({@code [name, ""]}) or a count's singular and
     * plural forms ({@code [count, singular, plural]}); parsed once per template text.
     */
    List<String[]> parsed(String template) {
        return parsed.computeIfAbsent(template, TemplateSet::parse);
    }

    private static List<String[]> parse(String template) {
        List<String[]> parts = new ArrayList<>();
        Matcher m = SLOT.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new String[] {template.substring(at, m.start())});
            }
            parts.add(m.group(2) != null ? new String[] {m.group(1), m.group(2), m.group(3)} : new String[] {m.group(1), ""});
            at = m.end();
        }
        if (at < template.length()) {
            parts.add(new String[] {template.substring(at)});
        }
        return List.copyOf(parts);
    }

    /** The flavour declaration of that name ({@code flavour} in the templates), or null. */
    Flavour flavour(String name) {
        return flavours.get(name);
    }

    /** A list of the {@code words} section (a single word is a list of one). */
    List<String> words(String name) {
        return wordLists.getOrDefault(name, List.of());
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

    private void compile(JsonNode node) {
        if (node.isArray()) {
            List<Variant> classic = new ArrayList<>();
            List<Variant> extended = new ArrayList<>();
            boolean phrases = true;
            for (JsonNode e : node) {
                if (e.isTextual()) {
                    classic.add(new Variant(e.asText(), 1, false, slots(e.asText())));
                } else if (e.isObject() && e.has("say")) {
                    String text = e.get("say").asText();
                    extended.add(new Variant(text, e.path("weight").asDouble(1), true, slots(text)));
                } else {
                    phrases = false;
                    compile(e);
                }
            }
            if (phrases) {
                compiled.put(node, new Variants(List.copyOf(classic), List.copyOf(extended)));
            }
        } else if (node.isObject()) {
            node.forEach(this::compile);
        }
    }

    private static List<String> slots(String text) {
        List<String> out = new ArrayList<>(2);
        Matcher m = SLOT.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return List.copyOf(out);
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

    JsonNode node(String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    /** The compiled variants of a list, or null when the node is not a list of phrases. */
    Variants variants(JsonNode list) {
        return list == null ? null : compiled.get(list);
    }

    /** A variant of the list drawn by weight (classic entries weigh 1), or null when there is none. */
    static String pickWeighted(Variants variants, java.util.SplittableRandom rng) {
        if (variants == null) {
            return null;
        }
        double total = 0;
        for (Variant v : variants.classic()) {
            total += v.weight();
        }
        for (Variant v : variants.extended()) {
            total += v.weight();
        }
        if (total <= 0) {
            return null;
        }
        double u = rng.nextDouble() * total;
        Variant last = null;
        for (List<Variant> list : List.of(variants.classic(), variants.extended())) {
            for (Variant v : list) {
                last = v;
                u -= v.weight();
                if (u < 0) {
                    return v.text();
                }
            }
        }
        return last.text();
    }

    /** Every string of a plain array (classic entries only). */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.path("say").asText()));
        return out;
    }
}
