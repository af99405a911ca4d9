package org.pathosynth.llm.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.fake.FakeRequest;
import org.pathosynth.llm.fake.Fault;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.PrivacyViolationException;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.LlmEndpoint;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

class LlmReportGeneratorTest {
    static final Schema SCHEMA = Schema.breastCancer();
    static final String REPORT = "Microbiopsie mammaire droite. Carcinome infiltrant de type non spécifique, grade SBR 2. "
            + "Taille tumorale 28 mm. Récepteurs aux oestrogènes positifs.";

    private FakeLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static ClinicalRecord record() {
        return ClinicalRecord.of(SCHEMA, Map.of("test_used_for_diagnosis", "biopsy", "sbr_grade", "2",
                "tumor_size_mm", "28", "ki67_percent", "12.5", "er_status", "positive", "lymphovascular_invasion", "no"));
    }

    private LlmEndpoint local(FakeLlmServer s) {
        return Providers.connect("ollama:mistral", ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA, s.rootUrl()).build());
    }

    private LlmEndpoint remote(FakeLlmServer s) {
        // the fake server is on loopback; only the spec's provider decides nothing here, the host does: declare it remote
        return new LlmEndpoint("openai:gpt-4o-mini", local(s).model(), org.pathosynth.llm.provider.Locality.REMOTE, true);
    }

    @Test
    void thePromptStatesPresentValuesWithLabelsAndOmitsMissingOnes() {
        server = FakeLlmServer.start(r -> FakeReply.of(REPORT));
        Report report = LlmReportGenerator.builder(local(server)).style(ReportStyle.STRUCTURED).words(150).build()
                .generate(new GenerationRequest("r1", record(), 11));
        String prompt = server.requests().get(0).prompt();
        assertThat(prompt).contains("- Type de prélèvement : microbiopsie (biopsy)")
                .contains("- Taille tumorale : 28 mm").contains("- Index de prolifération Ki-67 : 12,5 %") // French decimal comma, schema unit
                .contains(": non") // boolean in French
                .contains("compte rendu structuré avec des rubriques")
                .contains("environ 150 mots")
                .doesNotContain("Statut HER2").doesNotContain("Récepteurs à la progestérone"); // missing values stay unmentioned
        assertThat(report.text()).isEqualTo(REPORT);
        assertThat(report.language()).isEqualTo("fr");
        assertThat(report.provenance().details()).containsEntry("teacher", "ollama:mistral").containsEntry("model", "ollama:mistral")
                .containsEntry("prompt_version", "report-v1").containsEntry("style", "structured").containsEntry("seed", "11")
                .containsEntry("reasks", "0").containsEntry("attempts", "1").containsKey("input_tokens").containsKey("output_tokens");
    }

    @Test
    void everyStyleHasItsOwnWordingInFrenchAndEnglish() {
        server = FakeLlmServer.start(r -> FakeReply.of(REPORT));
        for (String lang : List.of("fr", "en")) {
            java.util.Set<String> prompts = new java.util.HashSet<>();
            for (ReportStyle style : ReportStyle.values()) {
                Report report = LlmReportGenerator.builder(local(server)).language(lang).style(style).build()
                        .generate(new GenerationRequest("r1", record(), 1));
                assertThat(report.provenance().get("style")).isEqualTo(style.cliName());
                List<FakeRequest> sent = server.requests();
                prompts.add(sent.get(sent.size() - 1).prompt());
            }
            assertThat(prompts).hasSize(ReportStyle.values().length); // no style falls back on another's wording
        }
        List<FakeRequest> sent = server.requests();
        int sectioned = ReportStyle.SECTIONED.ordinal();
        assertThat(sent.get(sectioned).prompt())
                .contains("compte rendu en quatre sections titrées, dans cet ordre : Macroscopie, Microscopie, Immunohistochimie, Conclusion");
        assertThat(sent.get(ReportStyle.values().length + sectioned).prompt())
                .contains("a report in four titled sections, in this order: Macroscopy, Microscopy, Immunohistochemistry, Conclusion");
    }

    @Test
    void englishPromptUsesEnglishLabels() {
        server = FakeLlmServer.start(r -> FakeReply.of(REPORT));
        LlmReportGenerator.builder(local(server)).language("en").build().generate(new GenerationRequest("r1", record(), 1));
        assertThat(server.requests().get(0).prompt()).contains("- Specimen type: core needle biopsy (biopsy)")
                .contains("28 mm").contains("12.5 %").contains("Write the pathology report");
    }

    @Test
    void preamblesFencesAndClosingOffersAreStripped() {
        server = FakeLlmServer.start(r -> FakeReply.of("Voici le compte rendu demandé :\n```markdown\n**" + REPORT
                + "**\n```\nN'hésitez pas à me demander des modifications."));
        Report report = LlmReportGenerator.builder(local(server)).build().generate(new GenerationRequest("r1", record(), 1));
        assertThat(report.text()).isEqualTo(REPORT);
    }

    @Test
    void emptyTruncatedAndRefusedAnswersAreAskedAgainThenFailClearly() {
        AtomicInteger n = new AtomicInteger();
        server = FakeLlmServer.start(r -> FakeReply.of(switch (n.getAndIncrement()) {
            case 0 -> "";
            case 1 -> "Je suis désolé, je ne peux pas rédiger ce compte rendu.";
            default -> REPORT;
        }));
        Report report = LlmReportGenerator.builder(local(server)).build().generate(new GenerationRequest("r1", record(), 1));
        assertThat(report.text()).isEqualTo(REPORT);
        assertThat(report.provenance().get("reasks")).isEqualTo("2");
        FakeRequest last = server.requests().get(2);
        assertThat(last.prompt()).contains("Ta réponse n'était pas un compte rendu"); // the correction follows the bad answer

        FakeLlmServer truncating = FakeLlmServer.start(r -> FakeReply.of(REPORT));
        truncating.fail(Fault.truncated(), Fault.truncated());
        try (truncating) {
            assertThatThrownBy(() -> LlmReportGenerator.builder(local(truncating)).maxReasks(1).build()
                    .generate(new GenerationRequest("r2", record(), 1)))
                    .isInstanceOf(ReportNotWrittenException.class)
                    .hasMessage("ollama:mistral: no usable report after 2 answers (last: truncated)");
        }
    }

    @Test
    void realExemplarsAreRefusedForRemoteModelsUnlessAllowed() {
        server = FakeLlmServer.start(r -> FakeReply.of(REPORT));
        Exemplar real = new Exemplar(record(), REPORT, TextOrigin.REAL);
        assertThatThrownBy(() -> LlmReportGenerator.builder(remote(server)).exemplar(real).build())
                .isInstanceOf(PrivacyViolationException.class)
                .hasMessageContaining("a few-shot exemplar").hasMessageContaining("openai:gpt-4o-mini")
                .hasMessageContaining("--allow-remote-real-text");
        assertThat(server.requests()).isEmpty(); // refused before anything was sent
        // allowed explicitly, or synthetic, or local: fine
        LlmReportGenerator.builder(remote(server)).exemplar(real).privacyGate(PrivacyGate.allowingRealTextToRemote()).build();
        LlmReportGenerator.builder(remote(server)).exemplar(new Exemplar(record(), REPORT, TextOrigin.SYNTHETIC)).build();
        Report r = LlmReportGenerator.builder(local(server)).exemplar(real).build().generate(new GenerationRequest("r", record(), 1));
        assertThat(r.provenance().get("shots")).isEqualTo("1");
        assertThat(server.requests().get(0).prompt()).contains(REPORT); // the exemplar went in as an assistant turn
    }

    @Test
    void ensembleAssignsTeachersByPolicyWithProvenance() {
        server = FakeLlmServer.start(r -> FakeReply.of(REPORT + " [" + r.model() + "]"));
        LlmEndpoint a = local(server);
        LlmEndpoint b = Providers.connect("ollama:llama3", ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA, server.rootUrl()).build());
        List<GenerationRequest> requests = List.of(new GenerationRequest("a", record(), 1), new GenerationRequest("b", record(), 2),
                new GenerationRequest("c", record(), 3));
        TeacherEnsemble rr = TeacherEnsemble.builder().teacher(LlmReportGenerator.builder(a).build())
                .teacher(LlmReportGenerator.builder(b).style(ReportStyle.SYNOPTIC).build()).build();
        GenerationBatch batch = rr.generateAll(requests, (s, d, t) -> { });
        assertThat(batch.pairs()).extracting(p -> p.report().provenance().get("teacher"))
                .containsExactly("ollama:mistral", "ollama:llama3", "ollama:mistral");
        assertThat(batch.pairs().get(1).report().text()).endsWith("[llama3]");

        TeacherEnsemble every = TeacherEnsemble.builder().teacher(LlmReportGenerator.builder(a).build())
                .teacher(LlmReportGenerator.builder(b).build()).policy(AssignmentPolicy.EVERY).build();
        assertThat(every.generateAll(requests, (s, d, t) -> { }).pairs()).extracting(p -> p.id())
                .containsExactly("a#ollama:mistral", "a#ollama:llama3", "b#ollama:mistral", "b#ollama:llama3",
                        "c#ollama:mistral", "c#ollama:llama3");

        TeacherEnsemble weighted = TeacherEnsemble.builder().teacher(LlmReportGenerator.builder(a).build(), 9)
                .teacher(LlmReportGenerator.builder(b).build(), 1).policy(AssignmentPolicy.WEIGHTED).build();
        List<GenerationRequest> many = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(new GenerationRequest("m" + i, record(), i));
        }
        long heavy = weighted.plan(many).stream().filter(t -> t.generator().name().equals("ollama:mistral")).count();
        assertThat(heavy).isBetween(330L, 390L); // 9:1 weights
        assertThat(weighted.plan(many)).extracting(t -> t.generator().name())
                .isEqualTo(weighted.plan(many).stream().map(t -> t.generator().name()).toList()); // seeded: stable
        assertThatThrownBy(() -> TeacherEnsemble.builder().teacher(LlmReportGenerator.builder(a).build())
                .teacher(LlmReportGenerator.builder(a).build()).build()).hasMessageContaining("teacher names must differ");
    }

    @Test
    void policiesAreNamedAsUsersWriteThem() {
        assertThat(AssignmentPolicy.parse("round-robin")).isEqualTo(AssignmentPolicy.ROUND_ROBIN);
        assertThat(AssignmentPolicy.parse("weighted")).isEqualTo(AssignmentPolicy.WEIGHTED);
        assertThat(AssignmentPolicy.EVERY.cliName()).isEqualTo("every");
        assertThatThrownBy(() -> AssignmentPolicy.parse("random"))
                .hasMessage("policy must be round-robin, weighted or every, got 'random'");
    }

    @Test
    void failuresAreListedNotLost() {
        server = FakeLlmServer.start(r -> FakeReply.of(r.prompt().contains("33") ? "" : REPORT));
        ClinicalRecord bad = ClinicalRecord.of(SCHEMA, Map.of("ki67_percent", "33"));
        TeacherEnsemble e = TeacherEnsemble.builder().teacher(LlmReportGenerator.builder(local(server)).maxReasks(0).build()).build();
        GenerationBatch batch = e.generateAll(List.of(new GenerationRequest("ok", record(), 1), new GenerationRequest("ko", bad, 2)),
                (s, d, t) -> { });
        assertThat(batch.pairs()).extracting(p -> p.id()).containsExactly("ok");
        assertThat(batch.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("ko");
            assertThat(f.reason()).contains("ReportNotWrittenException").contains("(last: empty)").doesNotContain("33");
        });
    }
}
