package org.pathosynth.llm.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.ExtractionBatch;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.InvalidAnswerException;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.PrivacyViolationException;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.LlmEndpoint;
import org.pathosynth.llm.provider.Locality;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

class LlmExtractorTest {
    static final Schema SCHEMA = Schema.breastCancer();
    static final String TEXT = "Microbiopsie du sein gauche.\nCarcinome infiltrant de type non spécifique, grade SBR II (3-2-1), "
            + "mesurant 2,8 cm. Absence d'emboles vasculaires. Récepteurs aux œstrogènes : positifs (90 %). Ki-67 à 15 %.";
    static final String ANSWER = """
            Voici le JSON :
            ```json
            {
              "test_used_for_diagnosis": {"value": "microbiopsie", "evidence": "Microbiopsie du sein gauche"},
              "morphology_icdo": {"value": "8500/3", "evidence": "carcinome infiltrant de type non specifique"},
              "sbr_grade": {"value": "II", "evidence": "grade SBR II (3-2-1)"},
              "tumor_size_mm": {"value": "2,8 cm", "evidence": "mesurant 2,8 cm"},
              "lymphovascular_invasion": {"value": "absent", "evidence": "Absence d'emboles vasculaires"},
              "er_status": {"value": "positif", "evidence": "Recepteurs aux oestrogenes : positifs"},
              "ki67_percent": {"value": 15, "evidence": "Ki-67 à 15 %"},
              "her2_status": {"value": "equivocal", "evidence": null},
              "pr_status": {"value": null, "evidence": null},
            }
            ```""";

    private FakeLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private LlmEndpoint local() {
        return Providers.connect("ollama:mistral", ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA, server.rootUrl()).build());
    }

    @Test
    void valuesAreNormalisedAndQuotesBecomeSpans() {
        server = FakeLlmServer.start(r -> FakeReply.of(ANSWER));
        LlmExtractor extractor = LlmExtractor.builder(local()).build();
        Extraction e = extractor.extract(Report.of("rep-1", TEXT, "fr"));
        ClinicalRecord v = e.values();
        assertThat(v.get("test_used_for_diagnosis")).isEqualTo("biopsy"); // by its French label
        assertThat(v.get("sbr_grade")).isEqualTo("2"); // Roman numeral
        assertThat(v.get("tumor_size_mm")).isEqualTo(28.0); // cm to mm
        assertThat(v.get("lymphovascular_invasion")).isEqualTo(false);
        assertThat(v.get("er_status")).isEqualTo("positive");
        assertThat(v.get("ki67_percent")).isEqualTo(15.0);
        assertThat(v.get("her2_status")).isNull(); // "equivocal" is not a schema value: left missing and counted
        assertThat(v.get("pr_status")).isNull();
        assertThat(extractor.unreadableValues()).isEqualTo(1);
        assertThat(e.evidence().get("sbr_grade").quote(TEXT)).isEqualTo("grade SBR II (3-2-1)");
        // quotes without accents or with another spelling of œ still land on the original text
        assertThat(e.evidence().get("morphology_icdo").quote(TEXT)).isEqualTo("Carcinome infiltrant de type non spécifique");
        assertThat(e.evidence().get("ki67_percent").confidence()).isEqualTo(0.9);
        assertThat(e.evidence().get("morphology_icdo").confidence()).isEqualTo(0.7);
        assertThat(e.evidence().get("er_status").quote(TEXT)).isEqualTo("Récepteurs aux œstrogènes : positifs"); // oe = œ
        assertThat(e.evidence()).doesNotContainKey("her2_status");
        assertThat(server.requests().get(0).jsonSchema()).isTrue();
        assertThat(server.requests().get(0).prompt()).contains("sbr_grade (").contains(TEXT);
    }

    @Test
    void spansAreRightOnDecomposedAccents() {
        String nfd = Normalizer.normalize("Récepteurs à la progestérone négatifs. Taille : 12 mm.", Normalizer.Form.NFD);
        QuoteLocator q = new QuoteLocator(nfd);
        int[] span = q.locate("progesterone negatifs");
        assertThat(nfd.substring(span[0], span[1])).isEqualTo(Normalizer.normalize("progestérone négatifs", Normalizer.Form.NFD));
        int[] spaced = q.locate("TAILLE   :  12 mm");
        assertThat(nfd.substring(spaced[0], spaced[1])).isEqualTo("Taille : 12 mm");
        assertThat(q.locate("HER2")).isNull();
    }

    @Test
    void invalidJsonIsAskedAgainThenFailsClearly() {
        AtomicInteger n = new AtomicInteger();
        server = FakeLlmServer.start(r -> FakeReply.of(n.getAndIncrement() == 0 ? "Je pense que le grade est 2." : ANSWER));
        Extraction e = LlmExtractor.builder(local()).build().extract(Report.of("rep-2", TEXT, "fr"));
        assertThat(e.values().get("sbr_grade")).isEqualTo("2");
        assertThat(server.requests().get(1).prompt()).contains("n'était pas un objet JSON valide (no JSON object found)");

        FakeLlmServer broken = FakeLlmServer.start(r -> FakeReply.of("{\"sbr_grade\": {\"value\": 2,"));
        try (broken) {
            LlmEndpoint b = Providers.connect("ollama:m", ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA, broken.rootUrl()).build());
            assertThatThrownBy(() -> LlmExtractor.builder(b).maxReasks(1).build().extract(Report.of("rep-3", TEXT, "fr")))
                    .isInstanceOf(InvalidAnswerException.class)
                    .hasMessage("llm:ollama:m: no JSON answer for report rep-3 after 2 answers (last: no JSON object found)");
        }
    }

    @Test
    void extractAllWorksConcurrentlyInInputOrderAndCountsFailuresWithoutText() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        server = FakeLlmServer.start(r -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return FakeReply.of(r.prompt().contains("UNREADABLE") ? "pas de JSON ici" : ANSWER);
        });
        List<Report> reports = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reports.add(Report.of("rep-" + i, i == 4 ? "UNREADABLE " + TEXT : TEXT, "fr"));
        }
        LlmExtractor extractor = LlmExtractor.builder(local()).client(LlmClient.builder().concurrency(3).build()).maxReasks(0).build();
        List<Long> progress = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ExtractionBatch batch = extractor.extractAll(reports, (stage, done, total) -> {
            assertThat(stage).isEqualTo("extract");
            assertThat(total).isEqualTo(6);
            progress.add(done);
        });
        assertThat(batch.extractions()).extracting(Extraction::reportId).containsExactly("rep-0", "rep-1", "rep-2", "rep-3", "rep-5");
        assertThat(batch.extractions()).allSatisfy(e -> assertThat(e.values().get("sbr_grade")).isEqualTo("2"));
        assertThat(batch.failures()).singleElement().satisfies(f -> {
            assertThat(f.reportId()).isEqualTo("rep-4");
            assertThat(f.extractor()).isEqualTo("llm:ollama:mistral");
            assertThat(f.reason()).isEqualTo("InvalidAnswerException: llm:ollama:mistral: no JSON answer for report rep-4 after 1 answers "
                    + "(last: no JSON object found)").doesNotContain("UNREADABLE").doesNotContain("Carcinome");
        });
        assertThat(progress).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(mostInFlight.get()).isBetween(2, 3); // concurrent, within the client's limit
    }

    @Test
    void extractAllThrowsARefusalBeforeSendingAnythingAndNeverCountsIt() {
        server = FakeLlmServer.start(r -> FakeReply.of(ANSWER));
        LlmEndpoint remote = new LlmEndpoint("openai:gpt-4o-mini", local().model(), Locality.REMOTE, true);
        List<Report> reports = List.of(Report.of("a", TEXT, "fr"), Report.of("b", TEXT, "fr"));
        assertThatThrownBy(() -> LlmExtractor.builder(remote).build().extractAll(reports, (s, d, t) -> { }))
                .isInstanceOf(PrivacyViolationException.class).hasMessageContaining("the report to extract from");
        assertThat(server.requests()).isEmpty();
        ExtractionBatch synthetic = LlmExtractor.builder(remote).inputOrigin(TextOrigin.SYNTHETIC).build()
                .extractAll(reports, (s, d, t) -> { });
        assertThat(synthetic.extractions()).hasSize(2);
        assertThat(synthetic.failures()).isEmpty();
    }

    @Test
    void realReportsAreRefusedForRemoteModelsUnlessAllowedOrSynthetic() {
        server = FakeLlmServer.start(r -> FakeReply.of(ANSWER));
        LlmEndpoint remote = new LlmEndpoint("openai:gpt-4o-mini", local().model(), Locality.REMOTE, true);
        assertThatThrownBy(() -> LlmExtractor.builder(remote).build().extract(Report.of("r", TEXT, "fr")))
                .isInstanceOf(PrivacyViolationException.class).hasMessageContaining("the report to extract from");
        assertThat(server.requests()).isEmpty();
        assertThat(LlmExtractor.builder(remote).inputOrigin(TextOrigin.SYNTHETIC).build().extract(Report.of("r", TEXT, "fr"))
                .values().get("sbr_grade")).isEqualTo("2");
        assertThat(LlmExtractor.builder(remote).privacyGate(PrivacyGate.allowingRealTextToRemote()).build()
                .extract(Report.of("r", TEXT, "fr")).values().get("sbr_grade")).isEqualTo("2");
    }

    @Test
    void shotsBecomeWorkedExamplesWithGoldJson() throws Exception {
        server = FakeLlmServer.start(r -> FakeReply.of(ANSWER));
        ClinicalRecord gold = ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "3", "tumor_size_mm", "13", "er_status", "negative"));
        ReportPair shot = new ReportPair("s1", gold, Report.of("s1", "Carcinome grade 3 de 13 mm, RE négatifs.", "fr"));
        LlmExtractor k = LlmExtractor.builder(local()).shots(List.of(shot), TextOrigin.SYNTHETIC).build();
        assertThat(k.name()).isEqualTo("llm:ollama:mistral:1-shot");
        var call = k.callFor(TEXT);
        assertThat(call.messages()).hasSize(4);
        var goldJson = new ObjectMapper().readTree(call.messages().get(2).text());
        assertThat(goldJson.path("sbr_grade").path("value").asText()).isEqualTo("3");
        assertThat(goldJson.path("tumor_size_mm").path("value").asDouble()).isEqualTo(13.0);
        assertThat(goldJson.path("ki67_percent").path("value").isNull()).isTrue();
        LlmEndpoint remote = new LlmEndpoint("openai:gpt-4o-mini", local().model(), Locality.REMOTE, true);
        assertThatThrownBy(() -> LlmExtractor.builder(remote).shots(List.of(shot), TextOrigin.REAL).inputOrigin(TextOrigin.SYNTHETIC)
                .build()).isInstanceOf(PrivacyViolationException.class).hasMessageContaining("few-shot examples");
    }

    @Test
    void normaliserReadsUnitsSynonymsAndRefusesTheRest() {
        var size = SCHEMA.attribute("tumor_size_mm");
        var om = new ObjectMapper();
        assertThat(ValueNormalizer.normalize(size, om.valueToTree("28 mm"))).contains(28.0);
        assertThat(ValueNormalizer.normalize(size, om.valueToTree("1.5cm"))).contains(15.0);
        assertThat(ValueNormalizer.normalize(size, om.valueToTree(-3))).isEmpty(); // out of range
        assertThat(ValueNormalizer.normalize(size, om.valueToTree("non précisé"))).isEmpty();
        var nodes = SCHEMA.attribute("lymph_nodes_taken");
        assertThat(ValueNormalizer.normalize(nodes, om.valueToTree("12"))).contains(12);
        assertThat(ValueNormalizer.normalize(nodes, om.valueToTree(2.5))).isEmpty();
        var margins = SCHEMA.attribute("clear_margins");
        assertThat(ValueNormalizer.normalize(margins, om.valueToTree("Oui"))).contains(true);
        assertThat(ValueNormalizer.normalize(margins, om.valueToTree(false))).contains(false);
        var her2 = SCHEMA.attribute("her2_status");
        assertThat(ValueNormalizer.normalize(her2, om.valueToTree("Négatif"))).contains("negative");
        assertThat(ValueNormalizer.normalize(her2, om.valueToTree("+"))).contains("positive");
        var grade = SCHEMA.attribute("sbr_grade");
        assertThat(ValueNormalizer.normalize(grade, om.valueToTree("Grade III"))).contains("3");
        assertThat(ValueNormalizer.normalize(grade, om.valueToTree(2))).contains("2");
        assertThat(ValueNormalizer.normalize(grade, om.valueToTree("4"))).isEmpty();
    }
}
