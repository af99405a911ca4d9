package org.pathosynth.core.schema;

import java.util.List;
import java.util.Objects;
import org.pathosynth.core.data.ClinicalRecord;

/**
 * When {@code attribute} has one of {@code values}, the {@code absent} attributes have no value: a biopsy states no
 * margins and no tumour size. JSON: {@code {"type": "absent_when", "attribute": …, "values": […], "absent": […]}}.
 */
public record AbsentWhen(String attribute, List<String> values, List<String> absent) implements CoherenceRule {
    public AbsentWhen {
        Objects.requireNonNull(attribute, "attribute");
        values = List.copyOf(values);
        absent = List.copyOf(absent);
        if (values.isEmpty() || absent.isEmpty()) {
            throw new SchemaException("absent_when rule on '" + attribute + "' needs values and absent attributes");
        }
    }

    @Override
    public boolean holds(ClinicalRecord record) {
        if (!applies(record)) {
            return true;
        }
        return absent.stream().allMatch(a -> record.get(a) == null);
    }

    private boolean applies(ClinicalRecord record) {
        Attribute a = record.schema().attribute(attribute);
        Object value = record.get(attribute);
        return value != null && values.contains(a.format(value));
    }

    @Override
    public void enforce(double[] row, Schema schema) {
        int at = schema.indexOf(attribute);
        if (Double.isNaN(row[at])) {
            return;
        }
        int code = (int) row[at];
        List<String> domain = schema.attribute(at).values();
        if (code < 0 || code >= domain.size()) {
            return; // the table builder refuses the code itself
        }
        String value = domain.get(code);
        if (values.contains(value)) {
            absent.forEach(name -> row[schema.indexOf(name)] = Double.NaN);
        }
    }

    @Override
    public List<String> attributes() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(attribute), absent.stream()).toList();
    }

    @Override
    public String describe() {
        return String.join(", ", absent) + " absent when " + attribute + " is " + String.join(" or ", values);
    }
}
