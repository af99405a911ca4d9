package org.pathosynth.llm.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.function.Function;
import org.pathosynth.llm.call.InvalidAnswerException;
import org.pathosynth.llm.call.LlmAnswer;

/**
 * Reads the JSON object in a model's answer (refusing the answer when there is none), tolerating what models add around it:
 * markdown fences, a sentence before or after, comments, trailing commas, single quotes and unquoted names. Shared by
 * the extractor and the judge; not API.
 */
public final class JsonAnswer {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.IGNORE_UNDEFINED).build();

    private JsonAnswer() {
    }

    /**
     * Reads an answer's JSON object with {@code read}, for {@link org.pathosynth.llm.call.ModelUse#ask}: an answer without
     * a usable object is refused with an {@link InvalidAnswerException} saying what is wrong, so that it is asked again.
     */
    public static <T> Function<LlmAnswer, T> reading(Function<JsonNode, T> read) {
        return answer -> read.apply(parseObject(answer.text()));
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
}
