package org.pathosynth.llm.extraction;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads the JSON object in a model's answer, tolerating what models add around it: markdown fences, a sentence
 * before or after, comments, trailing commas, single quotes and unquoted names.
 */
public final class JsonAnswer {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.IGNORE_UNDEFINED).build();

    private JsonAnswer() {
    }

    /** The outermost object, or an exception saying what is wrong (for the re-ask message). */
    public static JsonNode parseObject(String answer) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new InvalidAnswerException(answer.isBlank() ? "empty answer" : "no JSON object found");
        }
        try {
            JsonNode node = LENIENT.readTree(answer.substring(start, end + 1));
            if (node == null || !node.isObject()) {
                throw new InvalidAnswerException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidAnswerException("malformed JSON at character " + (start + locationOf(e)));
        }
    }

    private static long locationOf(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
            return Math.max(0, p.getLocation().getCharOffset());
        }
        return 0;
    }

    /** An answer that holds no usable JSON object; the message says why without quoting the answer. */
    public static final class InvalidAnswerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidAnswerException(String problem) {
            super(problem);
        }
    }
}
