package org.pathosynth.extraction.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.report.Report;

/**
 * The safety cases of issue 19, French and English, one per line of {@code safety/safety-cases.jsonl}: a planned or
 * pending test never yields a value; values recalled from earlier examinations, imaging sizes, identifiers and dates,
 * and a second smaller focus are not the report's; procedure and morphology synonyms, margins stated only as a
 * complete excision and a negative sentinel node without a count are read. Each case says the values expected (as the
 * schema formats them) and the attributes that must stay empty.
 */
class RulesSafetyTest {
    private static final String CASES = "/org/pathosynth/extraction/safety/safety-cases.jsonl";

    /** One case: its id, failure class, language, text, expected values and attributes that must be missing. */
    private record SafetyCase(String id, String failureClass, String language, String text, Map<String, String> expect,
            List<String> absent) {
    }

    private static List<SafetyCase> cases() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<SafetyCase> out = new ArrayList<>();
        try (InputStream in = RulesSafetyTest.class.getResourceAsStream(CASES)) {
            assertThat(in).as(CASES).isNotNull();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = json.readTree(line);
                Map<String, String> expect = new TreeMap<>();
                c.path("expect").properties().forEach(e -> expect.put(e.getKey(), e.getValue().asText()));
                List<String> absent = new ArrayList<>();
                c.path("absent").forEach(a -> absent.add(a.asText()));
                out.add(new SafetyCase(c.path("id").asText(), c.path("class").asText(), c.path("lang").asText(),
                        c.path("text").asText(), expect, absent));
            }
        }
        return out;
    }

    @Test
    void everySafetyCaseIsReadAsItsAuthorSays() throws IOException {
        RuleBasedExtractor rules = RuleBasedExtractor.create();
        List<String> failures = new ArrayList<>();
        for (SafetyCase c : cases()) {
            ClinicalRecord read = rules.extract(Report.of(c.id(), c.text(), c.language())).values();
            c.expect().forEach((attribute, value) -> {
                String got = read.format(attribute);
                if (!value.equals(got)) {
                    failures.add(c.id() + " (" + c.failureClass() + "): " + attribute + " expected '" + value + "', read '" + got + "'");
                }
            });
            for (String attribute : c.absent()) {
                if (!read.isMissing(attribute)) {
                    failures.add(c.id() + " (" + c.failureClass() + "): " + attribute + " must stay empty, read '"
                            + read.format(attribute) + "'");
                }
            }
        }
        assertThat(failures).as("safety cases read wrongly").isEmpty();
    }

    @Test
    void everyFailureClassHasThreeCasesInEachLanguage() throws IOException {
        Map<String, Integer> perClassAndLanguage = new TreeMap<>();
        TreeSet<String> classes = new TreeSet<>();
        for (SafetyCase c : cases()) {
            classes.add(c.failureClass());
            perClassAndLanguage.merge(c.failureClass() + "/" + c.language(), 1, Integer::sum);
        }
        assertThat(classes).contains("planned", "recalled", "imaging", "identifiers", "second-focus", "synonyms",
                "complete-excision", "negative-sentinel");
        for (String failureClass : classes) {
            for (String language : List.of("fr", "en")) {
                assertThat(perClassAndLanguage.getOrDefault(failureClass + "/" + language, 0))
                        .as("cases of %s in %s", failureClass, language).isGreaterThanOrEqualTo(3);
            }
        }
    }
}
