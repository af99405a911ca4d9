package org.pathosynth.llm.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises a statement of a test that is planned, requested or pending ("HER2 : à faire", "ER and PR to follow"): a
 * model may still give a value for it (a guess, or the run's positive control), and the extractor drops it. Cues per
 * language are in {@code planned-tests.json}.
 */
final class PlannedTests {
    private static final Map<String, Pattern> CUES = load();

    private PlannedTests() {
    }

    private static Map<String, Pattern> load() {
        try (InputStream in = PlannedTests.class.getResourceAsStream("/org/pathosynth/llm/extraction/planned-tests.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            java.util.HashMap<String, Pattern> out = new java.util.HashMap<>();
            for (String lang : List.of("fr", "en")) {
                List<String> alternatives = new ArrayList<>();
                root.path(lang).forEach(n -> alternatives.add(Pattern.quote(n.asText())));
                out.put(lang, Pattern.compile("(?<![\\p{L}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}])"));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the planned-test cues", e);
        }
    }

    /** Whether {@code statement} says its test is not done yet (in the report's language, else both). */
    static boolean planned(String statement, String language) {
        String folded = Normalizer.normalize(statement.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('\u2019', '\'');
        Pattern p = CUES.get(language);
        if (p != null) {
            return p.matcher(folded).find();
        }
        return CUES.values().stream().anyMatch(c -> c.matcher(folded).find());
    }
}
