package org.pathosynth.llm.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.PrivacyViolationException;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;

class LlmExtractorProviderTest {
    static final Schema SCHEMA = Schema.breastCancer();
    static final String REMOTE = "openai-compatible:https://llm.example.org/v1#m";

    private FakeLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ComponentContext context(LlmClient client) {
        ProviderSettings settings = ProviderSettings.builder().environment(name -> null)
                .baseUrl(ProviderKind.OLLAMA, server.rootUrl()).build();
        return ComponentContext.of(SCHEMA, "fr").with(ProviderSettings.class, settings).with(LlmClient.class, client);
    }

    @Test
    void everyProviderFamilyNamesAnExtractor() {
        assertThat(Extractors.names()).contains("openai", "ollama", "mistral", "anthropic", "gemini", "openai-compatible", "local");
    }

    @Test
    void anExtractorByNameReadsTheContextsSchemaWithItsClient() {
        server = FakeLlmServer.start(r -> FakeReply.of(LlmExtractorTest.ANSWER));
        LlmClient client = LlmClient.builder().build();
        PathologyExtractor x = Extractors.create("ollama:mistral", Map.of(), context(client));
        assertThat(x.name()).isEqualTo("llm:ollama:mistral");
        assertThat(x.schema()).isSameAs(SCHEMA);
        Extraction e = x.extract(Report.of("rep-1", LlmExtractorTest.TEXT, "fr"));
        assertThat(e.values().get("tumor_size_mm")).isEqualTo(28.0);
        assertThat(client.usage()).singleElement().satisfies(u -> assertThat(u.calls()).isEqualTo(1));
        LlmExtractor llm = (LlmExtractor) x;
        assertThat(llm.inputOrigin()).isEqualTo(TextOrigin.REAL); // the safe default
        assertThat(llm.privacyGate()).isEqualTo(PrivacyGate.strict());
        assertThat(LlmExtractorOptions.defaults()).isEqualTo(new LlmExtractorOptions(0, null, "real", false, 2, 120));
    }

    @Test
    void realTextGoesToARemoteModelOnlyWhenAllowed() {
        ComponentContext ctx = ComponentContext.of(SCHEMA, "fr");
        // refused before anything is sent, so no request leaves this machine
        assertThatThrownBy(() -> Extractors.create(REMOTE, ctx).extract(Report.of("r", LlmExtractorTest.TEXT, "fr")))
                .isInstanceOf(PrivacyViolationException.class).hasMessageContaining("the report to extract from")
                .hasMessageContaining("--allow-remote-real-text");
        LlmExtractor allowed = (LlmExtractor) Extractors.create(REMOTE, Map.of("allow_remote_real_text", true), ctx);
        assertThat(allowed.privacyGate()).isEqualTo(PrivacyGate.allowingRealTextToRemote());
        LlmExtractor byContext = (LlmExtractor) Extractors.create(REMOTE, ctx.with(PrivacyGate.class, PrivacyGate.allowingRealTextToRemote()));
        assertThat(byContext.privacyGate()).isEqualTo(PrivacyGate.allowingRealTextToRemote());
        LlmExtractor synthetic = (LlmExtractor) Extractors.create(REMOTE, Map.of("input_origin", "synthetic"), ctx);
        assertThat(synthetic.inputOrigin()).isEqualTo(TextOrigin.SYNTHETIC);
        assertThat(synthetic.privacyGate()).isEqualTo(PrivacyGate.strict());
    }

    @Test
    void shotsComeFromAPairsFile(@TempDir Path dir) {
        server = FakeLlmServer.start(r -> FakeReply.of(LlmExtractorTest.ANSWER));
        ClinicalRecord gold = ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", "3", "er_status", "negative"));
        Path pairs = dir.resolve("pairs.jsonl");
        Jsonl.writePairs(List.of(new ReportPair("s1", gold, Report.of("s1", "Carcinome grade 3, RE négatifs.", "fr"))), pairs);
        ComponentContext ctx = context(LlmClient.builder().build());
        PathologyExtractor x = Extractors.create("ollama:mistral", Map.of("shots", 1, "shots_from", pairs.toString()), ctx);
        assertThat(x.name()).isEqualTo("llm:ollama:mistral:1-shot");
        x.extract(Report.of("rep-1", LlmExtractorTest.TEXT, "fr"));
        assertThat(server.requests().get(0).prompt()).contains("Carcinome grade 3, RE négatifs.");
        assertThatThrownBy(() -> Extractors.create("ollama:mistral", Map.of("shots", 3, "shots_from", pairs.toString()), ctx))
                .hasMessage("shots_from " + pairs + " has 1 pairs, fewer than shots 3");
    }

    @Test
    void badOptionsAreOneLineNamingThem() {
        ComponentContext ctx = ComponentContext.of(SCHEMA, "fr");
        assertThatThrownBy(() -> Extractors.create("ollama:mistral", Map.of("shots", 2), ctx))
                .hasMessage("extractor 'ollama': shots 2 needs shots_from pairs.jsonl (synthetic pairs)");
        assertThatThrownBy(() -> Extractors.create("ollama:mistral", Map.of("input_origin", "maybe"), ctx))
                .hasMessage("extractor 'ollama': input_origin must be real or synthetic, got 'maybe'");
        assertThatThrownBy(() -> Extractors.create("ollama:mistral", Map.of("shots", "many"), ctx))
                .hasMessage("extractor 'ollama': option 'shots' must be an integer");
    }

    @Test
    void aLocalSpecWithoutLlamaCppFailsWithTheOneLineMessage() {
        assertThatThrownBy(() -> Extractors.create("local:/models/model.gguf", ComponentContext.of(SCHEMA, "fr")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pathosynth-llm-llamacpp").hasMessageContaining("not on the class path");
    }
}
