package org.pathosynth.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import org.junit.jupiter.api.Test;

class JsonGrammarTest {
    @Test
    void anObjectIsItsPropertiesInOrderWithoutWhiteSpace() {
        JsonObjectSchema schema = JsonObjectSchema.builder()
                .addProperty("grade", JsonAnyOfSchema.builder().anyOf(JsonEnumSchema.builder().enumValues("1", "2", "3").build(), new JsonNullSchema()).build())
                .addProperty("nodes", JsonIntegerSchema.builder().build())
                .addProperty("quote", JsonStringSchema.builder().build())
                .required("grade", "nodes", "quote").build();
        JsonGrammar g = JsonGrammar.of(schema);
        assertThat(g.gbnf()).startsWith("root ::= \"{\" \"\\\"grade\\\":\" ((\"\\\"1\\\"\" | \"\\\"2\\\"\" | \"\\\"3\\\"\") | \"null\") \",\" "
                + "\"\\\"nodes\\\":\" integer \",\" \"\\\"quote\\\":\" string \"}\"\n");
        assertThat(g.gbnf()).contains("string ::= ").contains("char{0," + JsonGrammar.MAX_STRING + "}").contains("integer ::= ");
        // {"grade":null,"nodes":-123456,"quote":"<120 escaped characters>"}
        assertThat(g.maxLength()).isEqualTo(2 + ("\"grade\"".length() + 1 + 4 + 1) + ("\"nodes\"".length() + 1 + 7 + 1)
                + ("\"quote\"".length() + 1 + 2 + 2 * JsonGrammar.MAX_STRING + 1));
    }

    @Test
    void quotesAndBackslashesInNamesAndValuesAreEscapedTwice() {
        JsonGrammar g = JsonGrammar.of(JsonEnumSchema.builder().enumValues("a\"b").build());
        assertThat(g.gbnf()).startsWith("root ::= (\"\\\"a\\\\\\\"b\\\"\")"); // JSON "a\"b" as a GBNF literal
    }

    @Test
    void aReferenceCannotBeExpressed() {
        assertThatThrownBy(() -> JsonGrammar.of(JsonReferenceSchema.builder().reference("x").build()))
                .hasMessageContaining("JsonReferenceSchema").hasMessageContaining("local models support");
    }
}
