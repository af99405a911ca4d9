package org.pathosynth.llm.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.Components;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.GeneratorProvider;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.LlmCallException;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.call.RetryPolicy;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.fake.Fault;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;

class LlmGeneratorProviderTest {
    private FakeLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ComponentContext context(String language, LlmClient client) {
        ProviderSettings settings = ProviderSettings.builder().environment(name -> null)
                .baseUrl(ProviderKind.OLLAMA, server.rootUrl()).build();
        return ComponentContext.of(Schema.breastCancer(), language).with(ProviderSettings.class, settings).with(LlmClient.class, client);
    }

    @Test
    void everyProviderFamilyNamesATeacher() {
        assertThat(Generators.names()).contains("openai", "ollama", "mistral", "anthropic", "gemini", "openai-compatible", "local");
        var providers = Components.all(GeneratorProvider.class);
        assertThat(providers.get("ollama").description()).isEqualTo("LLM teacher on an Ollama server (ollama:mistral)");
        assertThat(providers.get("ollama").optionsType()).isEqualTo(LlmGeneratorOptions.class);
    }

    @Test
    void aTeacherByNameTakesItsOptionsAndTheContextsLanguageClientAndSettings() {
        server = FakeLlmServer.start(r -> FakeReply.of(LlmReportGeneratorTest.REPORT));
        LlmClient client = LlmClient.builder().concurrency(2).build();
        ReportGenerator teacher = Generators.create("ollama:mistral", Map.of("style", "sectioned", "words", 150, "temperature", 0.2,
                "max_reasks", 0, "name", "pathologist-1"), context("en", client));
        assertThat(teacher).isInstanceOf(LlmReportGenerator.class);
        assertThat(teacher.name()).isEqualTo("pathologist-1");
        Report report = teacher.generate(new GenerationRequest("r1", LlmReportGeneratorTest.record(), 5));
        assertThat(report.language()).isEqualTo("en");
        assertThat(report.provenance().details()).containsEntry("teacher", "pathologist-1").containsEntry("model", "ollama:mistral")
                .containsEntry("style", "sectioned").containsEntry("words", "150").containsEntry("temperature", "0.2");
        assertThat(server.requests().get(0).prompt()).contains("Macroscopy, Microscopy, Immunohistochemistry, Conclusion")
                .contains("about 150 words");
        assertThat(client.usage()).singleElement().satisfies(u -> {
            assertThat(u.model()).isEqualTo("ollama:mistral");
            assertThat(u.calls()).isEqualTo(1); // the context's client made the call
        });
    }

    @Test
    void defaultsMatchTheBuilders() {
        server = FakeLlmServer.start(r -> FakeReply.of(LlmReportGeneratorTest.REPORT));
        Report report = Generators.create("openai-compatible:" + server.openAiBaseUrl() + "#fake", ComponentContext.of(Schema.breastCancer(), "fr"))
                .generate(new GenerationRequest("r1", LlmReportGeneratorTest.record(), 5));
        assertThat(report.provenance().details()).containsEntry("teacher", "openai-compatible:" + server.openAiBaseUrl() + "#fake")
                .containsEntry("style", "prose").containsEntry("words", "250").containsEntry("temperature", "0.7");
        assertThat(server.requests().get(0).prompt()).contains("rédaction libre en paragraphes").contains("environ 250 mots");
        assertThat(LlmGeneratorOptions.defaults()).isEqualTo(new LlmGeneratorOptions("prose", 250, 0.7, 1200, 2, 120, null));
    }

    @Test
    void theTimeoutOptionBoundsEachCall() {
        server = FakeLlmServer.start(r -> FakeReply.of(LlmReportGeneratorTest.REPORT));
        server.fail(Fault.stall(Duration.ofSeconds(5)));
        ReportGenerator teacher = Generators.create("ollama:mistral", Map.of("timeout_seconds", 1),
                context("fr", LlmClient.builder().retry(RetryPolicy.none()).build()));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> teacher.generate(new GenerationRequest("r1", LlmReportGeneratorTest.record(), 5)))
                .isInstanceOf(LlmCallException.class).hasMessageStartingWith("ollama:mistral failed after 1 attempt(s)");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(4.5);
    }

    @Test
    void badSpecsAndOptionsAreOneLineNamingThem() {
        server = FakeLlmServer.start(r -> FakeReply.of(LlmReportGeneratorTest.REPORT));
        ComponentContext ctx = context("fr", LlmClient.builder().build());
        assertThatThrownBy(() -> Generators.create("ollama:mistral", Map.of("style", "gothic"), ctx))
                .hasMessage("report generator 'ollama': style must be prose, structured, synoptic, sectioned, got 'gothic'");
        assertThatThrownBy(() -> Generators.create("ollama:mistral", Map.of("words", 5), ctx))
                .hasMessage("report generator 'ollama': words must be in [20, 2000], got 5");
        assertThatThrownBy(() -> Generators.create("ollama:mistral", Map.of("colour", "blue"), ctx))
                .hasMessageStartingWith("report generator 'ollama': unknown option 'colour'; known options: style, words, temperature");
        assertThatThrownBy(() -> Generators.create("ollama", ctx)).hasMessage("a ollama spec needs a model name");
        assertThatThrownBy(() -> Generators.create("openai:gpt-4o-mini", ctx)).hasMessageStartingWith(
                "no API key for openai:gpt-4o-mini: set the environment variable OPENAI_API_KEY"); // the context's settings
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aLocalSpecWithoutLlamaCppFailsWithTheOneLineMessage() {
        // this module's tests run without pathosynth-llm-llamacpp on the class path
        assertThatThrownBy(() -> Generators.create("local:/models/model.gguf?ctx=2048", ComponentContext.of(Schema.breastCancer(), "fr")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("local: models run in this JVM through llama.cpp, which is not on the class path: add the artifact "
                        + "org.pathosynth:pathosynth-llm-llamacpp (the examples jar includes it), or use a server "
                        + "(ollama:, openai-compatible:)");
    }
}
