package org.pathosynth.eval.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Schema;

/** Reproduces the four reference cases of conformance/metrics/extraction_expected.json (metrics.md section 4). */
class ExtractionScorerConformanceTest {
    private static final double TOL = 1e-9;

    static Stream<Arguments> cases() throws Exception {
        try (InputStream in = ExtractionScorerConformanceTest.class.getResourceAsStream("/conformance/extraction_expected.json")) {
            JsonNode cases = new ObjectMapper().readTree(in).get("cases");
            List<Arguments> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : cases.properties()) {
                out.add(Arguments.of(e.getKey(), e.getValue()));
            }
            assertThat(out).hasSize(4);
            return out.stream();
        }
    }

    private static List<String> labels(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesOwnDefinitionsAndScikitLearn(String name, JsonNode c) {
        AttributeScore s = ExtractionScorer.score(labels(c.get("gold")), labels(c.get("pred")));
        JsonNode own = c.get("own");
        assertThat(s.n()).isEqualTo(own.get("n").asInt());
        assertThat(s.accuracy()).isCloseTo(own.get("accuracy").asDouble(), within(TOL));
        assertThat(s.accuracyGoldNonNull()).isCloseTo(own.get("accuracy_gold_nonnull").asDouble(), within(TOL));
        JsonNode presence = own.get("presence");
        assertThat(s.presence().tp()).isEqualTo(presence.get("tp").asInt());
        assertThat(s.presence().fp()).isEqualTo(presence.get("fp").asInt());
        assertThat(s.presence().fn()).isEqualTo(presence.get("fn").asInt());
        assertThat(s.presence().precision()).isCloseTo(presence.get("precision").asDouble(), within(TOL));
        assertThat(s.presence().recall()).isCloseTo(presence.get("recall").asDouble(), within(TOL));
        assertThat(s.presence().f1()).isCloseTo(presence.get("f1").asDouble(), within(TOL));

        List<String> classes = new ArrayList<>();
        own.get("classes").forEach(n -> classes.add(n.asText()));
        assertThat(s.classes()).containsExactlyElementsOf(classes);
        for (Map.Entry<String, JsonNode> e : own.get("per_class").properties()) {
            ClassScore cs = s.perClass().get(e.getKey());
            assertThat(cs.tp()).isEqualTo(e.getValue().get("tp").asInt());
            assertThat(cs.fp()).isEqualTo(e.getValue().get("fp").asInt());
            assertThat(cs.fn()).isEqualTo(e.getValue().get("fn").asInt());
            assertThat(cs.support()).isEqualTo(e.getValue().get("support").asInt());
            assertThat(cs.f1()).isCloseTo(e.getValue().get("f1").asDouble(), within(TOL));
        }
        assertThat(s.macroF1()).isCloseTo(own.get("macro_f1_all_classes_incl_null").asDouble(), within(TOL));
        assertThat(s.macroF1NonNull()).isCloseTo(own.get("macro_f1_nonnull_classes").asDouble(), within(TOL));
        assertThat(s.microF1()).isCloseTo(own.get("micro_f1_all_classes_incl_null").asDouble(), within(TOL));
        assertThat(s.microF1NonNull()).isCloseTo(own.get("micro_f1_nonnull_classes").asDouble(), within(TOL));
        assertThat(s.weightedF1()).isCloseTo(own.get("weighted_f1_all_classes_incl_null").asDouble(), within(TOL));

        JsonNode sk = c.get("sklearn");
        assertThat(s.accuracy()).isCloseTo(sk.get("accuracy_score").asDouble(), within(TOL));
        assertThat(s.microF1()).isCloseTo(sk.get("f1_micro").asDouble(), within(TOL));
        assertThat(s.macroF1()).isCloseTo(sk.get("f1_macro").asDouble(), within(TOL));
        assertThat(s.weightedF1()).isCloseTo(sk.get("f1_weighted").asDouble(), within(TOL));
        assertThat(s.macroF1NonNull()).isCloseTo(sk.get("f1_macro_labels_nonnull").asDouble(), within(TOL));
        assertThat(s.microF1NonNull()).isCloseTo(sk.get("f1_micro_labels_nonnull").asDouble(), within(TOL));
        if (sk.has("f1_binary_pos_label")) {
            ClassScore yes = s.binary("yes");
            assertThat(yes.f1()).isCloseTo(sk.get("f1_binary_pos_label").asDouble(), within(TOL));
            assertThat(yes.precision()).isCloseTo(sk.get("precision_binary").asDouble(), within(TOL));
            assertThat(yes.recall()).isCloseTo(sk.get("recall_binary").asDouble(), within(TOL));
        }
        JsonNode perLabel = sk.get("per_label");
        if (perLabel != null) {
            perLabel.properties().forEach(e -> {
                ClassScore cs = s.binary(e.getKey());
                assertThat(cs.precision()).isCloseTo(e.getValue().get("precision").asDouble(), within(TOL));
                assertThat(cs.recall()).isCloseTo(e.getValue().get("recall").asDouble(), within(TOL));
            });
        }
    }

    @Test
    void normalisationTrimsLowerCasesAndTreatsEmptyAsNull() {
        AttributeScore s = ExtractionScorer.score(java.util.Arrays.asList(" Yes", "", null), java.util.Arrays.asList("yes ", null, " "));
        assertThat(s.accuracy()).isEqualTo(1.0);
        assertThat(s.classes()).containsExactly("<null>", "yes");
    }

    @Test
    void recordsAreScoredPerAttributeOnCanonicalValues() {
        Schema schema = Schema.breastCancer();
        List<ClinicalRecord> gold = List.of(
                ClinicalRecord.of(schema, Map.of("tumor_size_mm", 28.0, "er_status", "positive")),
                ClinicalRecord.of(schema, Map.of("tumor_size_mm", 15.0)));
        List<ClinicalRecord> pred = List.of(
                ClinicalRecord.of(schema, Map.of("tumor_size_mm", 28, "er_status", "negative")),
                ClinicalRecord.of(schema, Map.of("tumor_size_mm", 15.0, "er_status", "positive")));
        ExtractionScores scores = ExtractionScorer.score(schema, gold, pred);
        assertThat(scores.perAttribute().get("tumor_size_mm").accuracy()).isEqualTo(1.0);
        AttributeScore er = scores.perAttribute().get("er_status");
        assertThat(er.accuracy()).isZero();
        assertThat(er.presence()).isEqualTo(new PresenceScore(0, 2, 1));
        assertThat(scores.perAttribute().get("ki67_percent").accuracy()).isEqualTo(1.0);
        assertThat(scores.pooledPresence()).isEqualTo(new PresenceScore(2, 2, 1));
        assertThat(scores.meanAccuracy()).isCloseTo(12.0 / 13, within(TOL));
    }
}
