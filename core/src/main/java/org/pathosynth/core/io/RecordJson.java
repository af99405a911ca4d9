package org.pathosynth.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.InvalidValueException;
import org.pathosynth.core.schema.Schema;

/**
 * Converts records to and from JSON objects: every attribute as a key (null when missing),
 * categorical and boolean values as their canonical strings, numbers as JSON numbers.
 */
public final class RecordJson {
    private RecordJson() {
    }

    public static ObjectNode toJson(ClinicalRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Schema schema = record.schema();
        for (int i = 0; i < schema.size(); i++) {
            Attribute a = schema.attribute(i);
            Object v = record.get(i);
            if (v == null) {
                node.putNull(a.name());
            } else if (a.kind() == AttributeKind.INTEGER) {
                node.put(a.name(), (Integer) v);
            } else if (a.kind() == AttributeKind.NUMERIC) {
                node.put(a.name(), (Double) v);
            } else {
                node.put(a.name(), a.format(v));
            }
        }
        return node;
    }

    /**
     * Reads a record; an unknown key or a bad value raises a {@link DataFormatException} naming
     * {@code source}, {@code line} and the key (the value hidden).
     */
    public static ClinicalRecord fromJson(JsonNode node, Schema schema, String source, long line) {
        return fromJson(node, schema, source, line, false);
    }

    /** As {@link #fromJson(JsonNode, Schema, String, long)}; the message quotes a bad value when {@code showValues}. */
    public static ClinicalRecord fromJson(JsonNode node, Schema schema, String source, long line, boolean showValues) {
        if (node == null || !node.isObject()) {
            throw new DataFormatException(source, line, null, null, "a JSON object of attribute values");
        }
        ClinicalRecord.Builder b = ClinicalRecord.builder(schema);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            if (!schema.has(key)) {
                throw new DataFormatException(source, line, key, null,
                        "only attributes of schema '" + schema.name() + "' " + schema.names());
            }
            JsonNode v = e.getValue();
            try {
                if (v.isNull()) {
                    b.set(key, null);
                } else if (v.isBoolean()) {
                    b.set(key, v.booleanValue());
                } else if (v.isIntegralNumber()) {
                    b.set(key, v.longValue());
                } else if (v.isNumber()) {
                    b.set(key, v.doubleValue());
                } else if (v.isTextual()) {
                    b.set(key, v.textValue());
                } else {
                    throw new InvalidValueException(key, v.toString(), schema.attribute(key).expectation());
                }
            } catch (InvalidValueException ex) {
                throw new DataFormatException(source, line, key, ex.value(), ex.expected(), showValues);
            }
        }
        ClinicalRecord record = b.build();
        record.violations().stream().findFirst().ifPresent(c -> {
            throw new DataFormatException(source, line, c.lesser(), record.format(c.lesser()),
                    c.describe() + (showValues ? " (" + c.greater() + " is " + record.format(c.greater()) + ")" : ""), showValues);
        });
        return record;
    }
}
