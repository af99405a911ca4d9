package org.pathosynth.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.LessOrEqualConstraint;
import org.pathosynth.core.schema.Schema;

/**
 * One immutable row of typed values under a schema; null means missing. Named
 * {@code ClinicalRecord} rather than {@code Record} so that {@code import org.pathosynth.core.data.*}
 * does not clash with {@link java.lang.Record} in user code and JShell notebooks.
 */
public final class ClinicalRecord {
    private final Schema schema;
    private final Object[] values;

    private ClinicalRecord(Schema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /** A builder that validates every value against the schema as it is set. */
    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    /** A record from a map of attribute name to typed or text value; unknown names are an error. */
    public static ClinicalRecord of(Schema schema, Map<String, ?> values) {
        Builder b = builder(schema);
        values.forEach(b::set);
        return b.build();
    }

    /** Trusted constructor for values already validated (used by {@link Table}). */
    static ClinicalRecord ofValidated(Schema schema, Object[] values) {
        return new ClinicalRecord(schema, values);
    }

    public Schema schema() {
        return schema;
    }

    public Object get(int index) {
        return values[index];
    }

    public Object get(String attribute) {
        return values[schema.indexOf(attribute)];
    }

    public String getString(String attribute) {
        return (String) get(attribute);
    }

    public Integer getInteger(String attribute) {
        return (Integer) get(attribute);
    }

    public Double getDouble(String attribute) {
        return (Double) get(attribute);
    }

    public Boolean getBoolean(String attribute) {
        return (Boolean) get(attribute);
    }

    public boolean isMissing(String attribute) {
        return get(attribute) == null;
    }

    /** Canonical text of a value, as in CSV ("" when missing). */
    public String format(String attribute) {
        return schema.attribute(attribute).format(get(attribute));
    }

    /** Values in schema order, nulls included. */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** Attribute name to value, in schema order, nulls included. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(schema.attribute(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    public int nonNullCount() {
        int n = 0;
        for (Object v : values) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }

    /** The schema's coherence rules this record breaks (empty when coherent). */
    public List<org.pathosynth.core.schema.CoherenceRule> incoherences() {
        return schema.rules().stream().filter(rule -> !rule.holds(this)).toList();
    }

    /** The schema constraints this record breaks (empty when consistent). */
    public List<LessOrEqualConstraint> violations() {
        return schema.constraints().stream()
                .filter(c -> !c.holds(get(c.lesser()), get(c.greater())))
                .toList();
    }

    /** This record seen through another schema: its values of the attributes {@code target} has (by name), the others missing. */
    public ClinicalRecord projectedTo(Schema target) {
        if (target.equals(schema)) {
            return this;
        }
        Builder b = builder(target);
        for (Attribute a : target.attributes()) {
            if (schema.has(a.name())) {
                b.set(a.name(), get(a.name()));
            }
        }
        return b.build();
    }

    /** A copy with one value replaced (validated). */
    public ClinicalRecord with(String attribute, Object value) {
        Object[] copy = values.clone();
        int i = schema.indexOf(attribute);
        copy[i] = schema.attribute(i).validate(value);
        return new ClinicalRecord(schema, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClinicalRecord r && schema.name().equals(r.schema.name()) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * schema.name().hashCode() + Arrays.hashCode(values);
    }

    /** Shows attribute names only with their kinds' presence: values are patient data and stay out of logs. */
    @Override
    public String toString() {
        return "ClinicalRecord[" + schema.name() + ", " + nonNullCount() + "/" + values.length + " values present]";
    }

    /** Builds a record; every value is checked as it is set. */
    public static final class Builder {
        private final Schema schema;
        private final Object[] values;

        private Builder(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            this.values = new Object[schema.size()];
        }

        /** Sets a typed value, or parses a text value; null clears it. */
        public Builder set(String attribute, Object value) {
            int i = schema.indexOf(attribute);
            Attribute a = schema.attribute(i);
            values[i] = a.validate(value);
            return this;
        }

        public ClinicalRecord build() {
            return new ClinicalRecord(schema, values.clone());
        }
    }
}
