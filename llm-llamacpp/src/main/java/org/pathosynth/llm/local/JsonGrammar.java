package org.pathosynth.llm.local;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A llama.cpp grammar (GBNF) that admits exactly the compact JSON documents of a schema: every property in the
 * schema's order, no white space, enums as listed, numbers without leading zeros, and bounded strings and arrays. A
 * model sampled under it cannot write malformed JSON, and its answer has a known longest length, so a token budget
 * can always be given that lets it finish.
 *
 * @param gbnf      the grammar, its start rule named root
 * @param maxLength the longest answer it admits, in characters (a token is at least one)
 */
record JsonGrammar(String gbnf, int maxLength) {
    /** Longest string value: evidence quotes are short; a longer one is cut by the grammar, not by the budget. */
    static final int MAX_STRING = 120;
    static final int MAX_ARRAY = 20;

    private static final String RULES = String.join("\n",
            "string ::= \"\\\"\" char{0," + MAX_STRING + "} \"\\\"\"",
            "char ::= [^\"\\\\\\x00-\\x1F] | \"\\\\\" [\"\\\\/bfnrt]",
            "integer ::= \"-\"? (\"0\" | [1-9] [0-9]{0,5})",
            "number ::= integer (\".\" [0-9]{1,3})?");

    /** The grammar of {@code root}; an element kind it cannot express is an error naming it. */
    static JsonGrammar of(JsonSchemaElement root) {
        int[] max = {0};
        String expression = expression(root, max);
        return new JsonGrammar("root ::= " + expression + "\n" + RULES + "\n", max[0]);
    }

    private static String expression(JsonSchemaElement e, int[] max) {
        if (e instanceof JsonObjectSchema o) {
            List<String> parts = new ArrayList<>();
            int total = 2;
            for (Map.Entry<String, JsonSchemaElement> p : o.properties().entrySet()) {
                int[] m = {0};
                String value = expression(p.getValue(), m);
                String key = jsonString(p.getKey());
                parts.add(literal(key + ":") + " " + value);
                total += key.length() + 1 + m[0] + 1;
            }
            max[0] = total;
            return parts.isEmpty() ? literal("{}") : literal("{") + " " + String.join(" " + literal(",") + " ", parts) + " " + literal("}");
        }
        if (e instanceof JsonAnyOfSchema any) {
            List<String> options = new ArrayList<>();
            int longest = 0;
            for (JsonSchemaElement option : any.anyOf()) {
                int[] m = {0};
                options.add(expression(option, m));
                longest = Math.max(longest, m[0]);
            }
            max[0] = longest;
            return "(" + String.join(" | ", options) + ")";
        }
        if (e instanceof JsonEnumSchema en) {
            List<String> options = new ArrayList<>();
            int longest = 0;
            for (String v : en.enumValues()) {
                String s = jsonString(v);
                options.add(literal(s));
                longest = Math.max(longest, s.length());
            }
            max[0] = longest;
            return "(" + String.join(" | ", options) + ")";
        }
        if (e instanceof JsonStringSchema) {
            max[0] = 2 + 2 * MAX_STRING;
            return "string";
        }
        if (e instanceof JsonIntegerSchema) {
            max[0] = 7;
            return "integer";
        }
        if (e instanceof JsonNumberSchema) {
            max[0] = 11;
            return "number";
        }
        if (e instanceof JsonBooleanSchema) {
            max[0] = 5;
            return "(" + literal("true") + " | " + literal("false") + ")";
        }
        if (e instanceof JsonNullSchema) {
            max[0] = 4;
            return literal("null");
        }
        if (e instanceof JsonArraySchema a) {
            int[] m = {0};
            String item = expression(a.items(), m);
            max[0] = 2 + MAX_ARRAY * (m[0] + 1);
            return literal("[") + " (" + item + " (" + literal(",") + " " + item + "){0," + (MAX_ARRAY - 1) + "})? " + literal("]");
        }
        throw new IllegalArgumentException("a grammar cannot be derived from a " + e.getClass().getSimpleName()
                + " in a JSON schema: local models support objects, anyOf, enums, strings, numbers, integers, booleans, null and arrays");
    }

    /** A JSON string literal of {@code s}, quotes included. */
    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A GBNF literal matching exactly {@code text}. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
