package org.pathosynth.llm.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.pathosynth.llm.call.InvalidAnswerException;
import org.pathosynth.llm.call.LlmAnswer;
import org.pathosynth.llm.call.LlmCall;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.provider.LlmEndpoint;

/**
 * Reads the JSON object in a model's answer (asking again when there is none), tolerating what models add around it:
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
     * Calls the model and reads its answer's JSON object with {@code read}. An answer without a usable object (or one
     * {@code read} refuses with an {@link InvalidAnswerException}) is followed by the correction {@code reask} makes
     * from the problem, at most {@code maxReasks} times.
     *
     * @throws InvalidAnswerException the last problem, when no answer was usable
     */
    public static <T> T ask(LlmClient client, LlmEndpoint endpoint, LlmCall call, int maxReasks,
                            java.util.function.UnaryOperator<String> reask, java.util.function.Function<JsonNode, T> read) {
        InvalidAnswerException last = null;
        for (int ask = 0; ask <= maxReasks; ask++) {
            LlmAnswer answer = client.call(endpoint, call);
            try {
                return read.apply(parseObject(answer.text()));
            } catch (InvalidAnswerException e) {
                last = e;
                call = call.followedBy(answer.text(), reask.apply(e.getMessage()));
            }
        }
        throw last;
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
