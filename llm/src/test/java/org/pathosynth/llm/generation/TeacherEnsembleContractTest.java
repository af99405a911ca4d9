package org.pathosynth.llm.generation;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pathosynth.core.contract.GeneratorContractTest;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

/**
 * A two-teacher ensemble keeps the generator contract. It writes batches on threads of its own, so the kit's hook goes
 * on its teachers: the ensemble's own batch code (and journal handling) is what is tested.
 */
class TeacherEnsembleContractTest extends GeneratorContractTest {
    private FakeLlmServer server;

    @BeforeEach
    void start() {
        server = FakeLlmServer.start(r -> FakeReply.of(LlmReportGeneratorTest.REPORT + " [" + r.model() + "] Réf. "
                + Integer.toHexString(r.prompt().hashCode())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TeacherEnsemble ensemble(UnaryOperator<ReportGenerator> teacher) {
        ProviderSettings settings = ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA, server.rootUrl()).build();
        LlmClient client = LlmClient.builder().concurrency(4).build();
        return TeacherEnsemble.builder().threads(4)
                .teacher(teacher.apply(LlmReportGenerator.builder(Providers.connect("ollama:mistral", settings)).client(client).build()))
                .teacher(teacher.apply(LlmReportGenerator.builder(Providers.connect("ollama:llama3", settings)).client(client).build()))
                .build();
    }

    @Override
    protected ReportGenerator generator() {
        return ensemble(UnaryOperator.identity());
    }

    @Override
    protected ReportGenerator withHook(Consumer<GenerationRequest> hook) {
        return ensemble(teacher -> hooked(teacher, hook));
    }

    @Override
    protected boolean deterministic() {
        return true;
    }
}
