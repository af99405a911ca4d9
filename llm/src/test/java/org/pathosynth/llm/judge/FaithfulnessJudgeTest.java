package org.pathosynth.llm.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.provider.LlmEndpoint;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

class FaithfulnessJudgeTest {
    private FakeLlmServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private FilterDecision judge(String answer) {
        server = FakeLlmServer.start(r -> FakeReply.of(answer));
        LlmEndpoint e = Providers.connect("ollama:judge", ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA, server.rootUrl()).build());
        ClinicalRecord r = ClinicalRecord.of(Schema.breastCancer(), Map.of("sbr_grade", "2", "er_status", "positive",
                "tumor_size_mm", "18", "her2_status", "negative"));
        return FaithfulnessJudge.builder(e).build().judge(new ReportPair("p", r, Report.of("p", "Carcinome grade 2 ...", "fr")));
    }

    @Test
    void aFaithfulVerdictIsAccepted() {
        FilterDecision d = judge("{\"faithful\": true, \"problems\": [], \"reasons\": \"tout concorde\"}");
        assertThat(d.accepted()).isTrue();
        assertThat(d.score()).isEqualTo(1.0);
        assertThat(d.reasons()).containsExactly("tout concorde");
        assertThat(d.filter()).isEqualTo("judge:ollama:judge");
        assertThat(server.requests().get(0).prompt()).contains("- Grade histopronostique SBR (Elston et Ellis) : grade II (2)").contains("- Taille tumorale : 18 mm")
                .contains("Carcinome grade 2 ...");
        assertThat(server.requests().get(0).jsonSchema()).isTrue();
    }

    @Test
    void problemsRejectWithReasonsAndAScore() {
        FilterDecision d = judge("{\"faithful\": false, \"problems\": [{\"attribute\": \"tumor_size_mm\", \"problem\": \"states 28 mm\"}],"
                + " \"reasons\": \"size differs\"}");
        assertThat(d.accepted()).isFalse();
        assertThat(d.score()).isEqualTo(0.5); // min(1 - 1/4, 0.5) for an unfaithful verdict
        assertThat(d.reasons()).containsExactly("tumor_size_mm: states 28 mm", "size differs");
    }

    @Test
    void aJudgeWithoutAVerdictRejectsAndSaysWhy() {
        FilterDecision d = judge("I think it is fine.");
        assertThat(d.accepted()).isFalse();
        assertThat(d.reasons()).containsExactly("no usable verdict from the judge (no JSON object found)");
        assertThat(server.requests()).hasSize(3); // one answer and two re-asks
    }
}
