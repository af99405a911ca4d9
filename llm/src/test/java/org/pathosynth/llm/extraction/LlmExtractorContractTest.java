package org.pathosynth.llm.extraction;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pathosynth.core.contract.ExtractorContractTest;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

/**
 * The LLM extractor keeps the extractor contract. The fake model answers the sample reports with the
 * scripted answer of {@link LlmExtractorTest} (lenient JSON, French labels, a quote per value) and anything else with
 * an empty object.
 */
class LlmExtractorContractTest extends ExtractorContractTest {
    private FakeLlmServer server;

    @BeforeEach
    void start() {
        server = FakeLlmServer.start(r -> FakeReply.of(r.prompt().contains("Microbiopsie du sein gauche") || r.prompt().contains("Left breast")
                ? LlmExtractorTest.ANSWER : "{}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected PathologyExtractor extractor() {
        return LlmExtractor.builder(Providers.connect("ollama:mistral",
                        ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA, server.rootUrl()).build()))
                .client(LlmClient.builder().concurrency(4).build()).inputOrigin(org.pathosynth.llm.privacy.TextOrigin.SYNTHETIC).build();
    }

    @Override
    protected List<ReportPair> labelledReports() {
        ClinicalRecord gold = ClinicalRecord.of(LlmExtractorTest.SCHEMA, Map.of("test_used_for_diagnosis", "biopsy", "morphology_icdo", "8500/3",
                "sbr_grade", "2", "tumor_size_mm", 28.0, "lymphovascular_invasion", false, "er_status", "positive", "ki67_percent", 15.0));
        return List.of(new ReportPair("llm-1", gold, Report.of("llm-1", LlmExtractorTest.TEXT, "fr")));
    }
}
