package org.pathosynth.llm.generation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pathosynth.core.contract.GeneratorContractTest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

/** An LLM teacher keeps the generator contract; the fake server answers each prompt with its own text, always the same. */
class LlmReportGeneratorContractTest extends GeneratorContractTest {
    private FakeLlmServer server;

    @BeforeEach
    void start() {
        server = FakeLlmServer.start(r -> FakeReply.of(LlmReportGeneratorTest.REPORT + " Réf. " + Integer.toHexString(r.prompt().hashCode())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ReportGenerator generator() {
        return LlmReportGenerator.builder(Providers.connect("ollama:mistral",
                        ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA, server.rootUrl()).build()))
                .client(LlmClient.builder().concurrency(4).build()).build();
    }

    @Override
    protected boolean deterministic() {
        return true; // the teacher adds no randomness of its own: its text is the (scripted) model's
    }
}
