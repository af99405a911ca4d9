package org.pathosynth.llm.extraction;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * The JSON schema of an extraction answer, derived from the schema: for every attribute an object with a nullable
 * "value" (the allowed codes, a number or an integer) and a nullable "evidence" quote; every field required and no
 * others, as strict structured-output modes demand.
 */
public final class ExtractionSchema {
    private ExtractionSchema() {
    }

    public static JsonSchema of(Schema schema) {
        JsonObjectSchema.Builder root = JsonObjectSchema.builder().additionalProperties(false);
        for (Attribute a : schema.attributes()) {
            JsonObjectSchema item = JsonObjectSchema.builder()
                    .addProperty("value", nullable(valueSchema(a)))
                    .addProperty("evidence", nullable(JsonStringSchema.builder().build()))
                    .required("value", "evidence").additionalProperties(false).build();
            root.addProperty(a.name(), item);
        }
        root.required(schema.names());
        return JsonSchema.builder().name("pathology_extraction").rootElement(root.build()).build();
    }

    private static JsonSchemaElement valueSchema(Attribute a) {
        return switch (a.kind()) {
            case NUMERIC -> JsonNumberSchema.builder().description(a.unit() == null ? a.description() : "in " + a.unit()).build();
            case INTEGER -> JsonIntegerSchema.builder().build();
            case BOOLEAN, CATEGORICAL, ORDINAL -> JsonEnumSchema.builder().enumValues(a.values()).build();
        };
    }

    private static JsonSchemaElement nullable(JsonSchemaElement e) {
        return JsonAnyOfSchema.builder().anyOf(e, new JsonNullSchema()).build();
    }
}
