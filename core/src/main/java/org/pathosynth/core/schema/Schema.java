package org.pathosynth.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered list of attributes with cross-attribute constraints. Schemas are data: load one from
 * JSON with {@link #fromJson(Path)}, or use a preset by name with {@link #named(String)}.
 */
public final class Schema {
    private static final Map<String, String> PRESETS = Map.of(
            "breast-cancer", "/org/pathosynth/core/schema/breast-cancer.json");

    private final String name;
    private final String description;
    private final List<Attribute> attributes;
    private final List<LessOrEqualConstraint> constraints;
    private final List<CoherenceRule> rules;
    private final Map<String, Integer> index;

    public Schema(String name, String description, List<Attribute> attributes,
                  List<LessOrEqualConstraint> constraints) {
        this(name, description, attributes, constraints, List.of());
    }

    /** @param rules coherence rules between attributes (see {@link CoherenceRule}) */
    public Schema(String name, String description, List<Attribute> attributes,
                  List<LessOrEqualConstraint> constraints, List<CoherenceRule> rules) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description == null ? "" : description;
        this.attributes = List.copyOf(attributes);
        this.constraints = List.copyOf(constraints);
        this.rules = List.copyOf(rules == null ? List.of() : rules);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < this.attributes.size(); i++) {
            if (byName.put(this.attributes.get(i).name(), i) != null) {
                throw new SchemaException("duplicate attribute name '" + this.attributes.get(i).name() + "'");
            }
        }
        this.index = Map.copyOf(byName);
        for (LessOrEqualConstraint c : this.constraints) {
            requireNumeric(c.lesser());
            requireNumeric(c.greater());
        }
        for (CoherenceRule rule : this.rules) {
            checkRule(rule);
        }
    }

    /** The 13-attribute breast-cancer pathology schema. */
    public static Schema breastCancer() {
        return named("breast-cancer");
    }

    /** A preset schema by name (currently {@code breast-cancer}). */
    public static Schema named(String presetName) {
        String resource = PRESETS.get(presetName);
        if (resource == null) {
            throw new SchemaException("unknown schema preset '" + presetName + "' (known: " + PRESETS.keySet() + ")");
        }
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SchemaException("schema preset resource missing: " + resource);
            }
            return SchemaJson.read(in, presetName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and validates a schema from a JSON file; errors name the file and the field. */
    public static Schema fromJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SchemaJson.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + file, e);
        }
    }

    /** Loads and validates a schema from JSON text. */
    public static Schema fromJson(String json) {
        return SchemaJson.read(json, "<schema>");
    }

    /**
     * The schema of a CSV file's columns, inferred from its cells (see {@link SchemaInference}): to write with
     * {@link #toJson()}, edit and reuse. Identifiers and free text are left out; dates are kept in their own form.
     */
    public static Schema infer(Path csv) {
        return infer(csv, null).schema();
    }

    /**
     * {@code base} (may be null) extended with the columns of a CSV file it does not describe, typed from their cells;
     * the result says which columns were inferred and which were left out, and why.
     */
    public static SchemaInference.Result infer(Path csv, Schema base) {
        org.pathosynth.core.io.RawCsv raw = org.pathosynth.core.io.RawCsv.read(csv);
        String file = csv.getFileName() == null ? csv.toString() : csv.getFileName().toString();
        return SchemaInference.infer(raw.header(), raw.rows(), base,
                base == null ? file.replaceFirst("\\.[^.]*$", "") : base.name());
    }

    /** The attributes whose values or bounds were read from a private table rather than given publicly. */
    public List<String> dataDerived() {
        return attributes.stream().filter(Attribute::domainFromData).map(Attribute::name).toList();
    }

    /**
     * The attributes reports state: this schema without its {@link Attribute#tableOnly() table-only} columns (itself when
     * it has none). Report generation, filters and extractors work on it.
     */
    public Schema reportable() {
        List<String> tableOnly = attributes.stream().filter(Attribute::tableOnly).map(Attribute::name).toList();
        return tableOnly.isEmpty() ? this : without(tableOnly);
    }

    /** This schema with one attribute replaced (same name). */
    public Schema with(Attribute replacement) {
        List<Attribute> out = new java.util.ArrayList<>(attributes);
        out.set(indexOf(replacement.name()), replacement);
        return new Schema(name, description, out, constraints, rules);
    }

    /** This schema without some attributes (constraints that name them are dropped). */
    public Schema without(java.util.Collection<String> names) {
        return new Schema(name, description, attributes.stream().filter(a -> !names.contains(a.name())).toList(),
                constraints.stream().filter(c -> !names.contains(c.lesser()) && !names.contains(c.greater())).toList(),
                rules.stream().filter(r -> r.attributes().stream().noneMatch(names::contains)).toList());
    }

    /** The schema as JSON, readable by {@link #fromJson(String)}. */
    public String toJson() {
        return SchemaJson.write(this);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public List<LessOrEqualConstraint> constraints() {
        return constraints;
    }

    /** The coherence rules between attributes (empty when the schema states none). */
    public List<CoherenceRule> rules() {
        return rules;
    }

    public int size() {
        return attributes.size();
    }

    public Attribute attribute(int i) {
        return attributes.get(i);
    }

    public boolean has(String attributeName) {
        return index.containsKey(attributeName);
    }

    /** Index of an attribute; throws naming the schema when unknown. */
    public int indexOf(String attributeName) {
        Integer i = index.get(attributeName);
        if (i == null) {
            throw new IllegalArgumentException("schema '" + name + "' has no attribute '" + attributeName + "'");
        }
        return i;
    }

    public Attribute attribute(String attributeName) {
        return attributes.get(indexOf(attributeName));
    }

    public List<String> names() {
        return attributes.stream().map(Attribute::name).toList();
    }

    private void checkRule(CoherenceRule rule) {
        for (String a : rule.attributes()) {
            if (!index.containsKey(a)) {
                throw new SchemaException("rule '" + rule.describe() + "' names unknown attribute '" + a + "'");
            }
        }
        if (rule instanceof AbsentWhen when) {
            Attribute on = attributes.get(index.get(when.attribute()));
            if (!on.kind().isCoded()) {
                throw new SchemaException("rule '" + rule.describe() + "': attribute '" + on.name() + "' must be coded, not " + on.kind().jsonName());
            }
            for (String v : when.values()) {
                if (!on.values().contains(v)) {
                    throw new SchemaException("rule '" + rule.describe() + "': '" + v + "' is not a value of '" + on.name() + "' " + on.values());
                }
            }
        }
    }

    private void requireNumeric(String attributeName) {
        Integer i = index.get(attributeName);
        if (i == null) {
            throw new SchemaException("constraint names unknown attribute '" + attributeName + "'");
        }
        AttributeKind kind = attributes.get(i).kind();
        if (kind != AttributeKind.INTEGER && kind != AttributeKind.NUMERIC) {
            throw new SchemaException("constraint attribute '" + attributeName + "' must be integer or numeric, not " + kind.jsonName());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && name.equals(s.name) && attributes.equals(s.attributes)
                && constraints.equals(s.constraints) && rules.equals(s.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, attributes, constraints, rules);
    }

    @Override
    public String toString() {
        return "Schema[" + name + ", " + names() + "]";
    }
}
