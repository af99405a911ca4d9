package org.pathosynth.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pathosynth.llm.call.ChatTurn;
import org.pathosynth.llm.call.LlmAnswer;
import org.pathosynth.llm.call.LlmCall;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.fake.FakeRequest;

/** Every provider through its real LangChain4j client, against the fake server's implementation of its protocol. */
class ProvidersTest {
    private static FakeLlmServer server;

    @BeforeAll
    static void start() {
        server = FakeLlmServer.start(r -> FakeReply.of("echo(" + r.protocol() + "," + r.model() + "): "
                + r.prompt().strip().replace('\n', '|')));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ProviderSettings settings() {
        return ProviderSettings.builder().environment(Map.of("OPENAI_API_KEY", "k1", "MISTRAL_API_KEY", "k2",
                        "ANTHROPIC_API_KEY", "k3", "GEMINI_API_KEY", "k4")::get)
                .baseUrl(ProviderKind.OPENAI, server.openAiBaseUrl()).baseUrl(ProviderKind.MISTRAL, server.openAiBaseUrl())
                .baseUrl(ProviderKind.OLLAMA, server.rootUrl()).baseUrl(ProviderKind.ANTHROPIC, server.anthropicBaseUrl())
                .baseUrl(ProviderKind.GEMINI, server.geminiBaseUrl()).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o-mini", "ollama:mistral:7b", "mistral:mistral-small-latest",
            "anthropic:claude-3-5-haiku-latest", "gemini:gemini-2.0-flash", "openai-compatible:URL#qwen2.5"})
    void everyProviderSpeaksItsProtocol(String spec) {
        String s = spec.replace("URL", server.openAiBaseUrl());
        LlmEndpoint endpoint = Providers.connect(s, settings());
        LlmClient client = LlmClient.builder().build();
        LlmAnswer answer = client.call(endpoint, LlmCall.of(List.of(ChatTurn.system("Tu es pathologiste."),
                ChatTurn.user("Rédige le compte rendu, grade SBR 2, taille 2,8 cm."))).withTemperature(0.7).withMaxOutputTokens(300));
        String model = ModelSpec.parse(s).model();
        String protocol = switch (ModelSpec.parse(s).provider()) {
            case OLLAMA -> "ollama";
            case ANTHROPIC -> "anthropic";
            case GEMINI -> "gemini";
            default -> "openai";
        };
        assertThat(answer.text()).isEqualTo("echo(" + protocol + "," + model + "): Tu es pathologiste.|Rédige le compte rendu, "
                + "grade SBR 2, taille 2,8 cm.");
        assertThat(answer.inputTokens()).isPositive();
        assertThat(answer.outputTokens()).isEqualTo(answer.text().length() / 4);
        assertThat(answer.truncated()).isFalse();
        assertThat(client.usage()).singleElement().satisfies(u -> {
            assertThat(u.model()).isEqualTo(s);
            assertThat(u.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o-mini", "ollama:mistral", "mistral:mistral-small-latest",
            "anthropic:claude-3-5-haiku-latest", "gemini:gemini-2.0-flash"})
    void jsonSchemaRequestsReachTheProviderInItsOwnForm(String spec) {
        LlmEndpoint endpoint = Providers.connect(spec, settings());
        JsonSchema schema = JsonSchema.builder().name("grade").rootElement(JsonObjectSchema.builder()
                .addIntegerProperty("sbr_grade").required("sbr_grade").build()).build();
        int before = server.requests().size();
        LlmClient.builder().build().call(endpoint, LlmCall.of(List.of(ChatTurn.user("grade?"))).withJsonSchema(schema));
        FakeRequest received = server.requests().get(before);
        assertThat(received.jsonSchema()).as(received.body()).isTrue();
        assertThat(received.body()).contains("sbr_grade");
    }

    @Test
    void specsParseAndPrintBack() {
        assertThat(ModelSpec.parse("ollama:llama3.1:8b")).isEqualTo(new ModelSpec(ProviderKind.OLLAMA, "llama3.1:8b", null));
        ModelSpec vllm = ModelSpec.parse("openai-compatible:http://10.0.0.5:8000/v1#meta-llama/Llama-3.1-8B");
        assertThat(vllm.baseUrl()).isEqualTo("http://10.0.0.5:8000/v1");
        assertThat(vllm.model()).isEqualTo("meta-llama/Llama-3.1-8B");
        assertThat(ModelSpec.parse(vllm.toString())).isEqualTo(vllm);
        assertThatThrownBy(() -> ModelSpec.parse("gpt-4o")).hasMessageContaining("provider:model");
        assertThatThrownBy(() -> ModelSpec.parse("cohere:command")).hasMessageContaining("unknown LLM provider 'cohere'");
        assertThatThrownBy(() -> ModelSpec.parse("openai-compatible:http://h:1/v1")).hasMessageContaining("#model");
        assertThatThrownBy(() -> ModelSpec.parse("openai:")).hasMessageContaining("needs a model name");
    }

    @Test
    void missingApiKeyIsReportedWithTheVariableToSet() {
        ProviderSettings none = ProviderSettings.builder().environment(name -> null).build();
        assertThatThrownBy(() -> Providers.connect("anthropic:claude-3-5-haiku-latest", none))
                .hasMessageContaining("ANTHROPIC_API_KEY");
        assertThat(Providers.connect("ollama:mistral", none).locality()).isEqualTo(Locality.LOCAL); // Ollama needs no key
    }

    @Test
    void explicitKeysWinOverTheEnvironmentAndAreSentAsTheProviderExpects() {
        ProviderSettings s = ProviderSettings.builder().environment(Map.of("OPENAI_API_KEY", "from-env")::get)
                .apiKey(ProviderKind.OPENAI, "from-vault").baseUrl(ProviderKind.OPENAI, server.openAiBaseUrl()).build();
        assertThat(s.apiKey(ProviderKind.OPENAI)).isEqualTo("from-vault");
        LlmEndpoint e = Providers.connect("openai:gpt-4o-mini", s);
        assertThat(e.toString()).doesNotContain("from-vault");
    }

    @Test
    void localityFollowsTheHost() {
        ProviderSettings s = ProviderSettings.builder().environment(n -> null).localHost("gpu.hospital.internal").build();
        assertThat(Providers.locality("http://127.0.0.1:8000/v1", s)).isEqualTo(Locality.LOCAL);
        assertThat(Providers.locality("http://localhost:11434", s)).isEqualTo(Locality.LOCAL);
        assertThat(Providers.locality("http://192.168.1.20:8000/v1", s)).isEqualTo(Locality.LOCAL);
        assertThat(Providers.locality("http://[::1]:8000/v1", s)).isEqualTo(Locality.LOCAL);
        assertThat(Providers.locality("http://gpu.hospital.internal:8000/v1", s)).isEqualTo(Locality.LOCAL);
        assertThat(Providers.locality("https://api.openai.com/v1", s)).isEqualTo(Locality.REMOTE);
        assertThat(Providers.locality("http://8.8.8.8/v1", s)).isEqualTo(Locality.REMOTE);
        assertThat(Providers.locality("http://inference.example.org/v1", s)).isEqualTo(Locality.REMOTE);
    }

    @Test
    void aLocalSpecParsesItsFileAndOptionsAndWithoutTheLlamaCppArtifactSaysWhatToAdd() {
        ModelSpec spec = ModelSpec.parse("local:/models/mistral-7b.Q4_K_M.gguf?ctx=4096&threads=4");
        assertThat(spec.provider()).isEqualTo(ProviderKind.LOCAL);
        assertThat(spec.model()).isEqualTo("/models/mistral-7b.Q4_K_M.gguf?ctx=4096&threads=4");
        assertThat(spec.baseUrl()).isNull();
        assertThat(ModelSpec.parse(spec.toString())).isEqualTo(spec);
        assertThat(ProviderKind.LOCAL.requiresApiKey()).isFalse();
        // this module's tests run without pathosynth-llm-llamacpp on the class path
        assertThatThrownBy(() -> Providers.connect("local:/models/x.gguf")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pathosynth-llm-llamacpp").hasMessageContaining("not on the class path");
    }
}
