package org.pathosynth.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.ExtractionBatch;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.extraction.LlmExtractor;
import org.pathosynth.llm.generation.LlmReportGenerator;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.LlmEndpoint;
import org.pathosynth.llm.provider.Locality;
import org.pathosynth.llm.provider.Providers;

/** The real native path: llama.cpp loads our tiny GGUF, tokenises, generates, stops and follows grammars. */
class LlamaCppChatModelTest {
    @TempDir
    static Path dir;
    static Path withTemplate;
    static Path withoutTemplate;

    @BeforeAll
    static void writeModels() throws Exception {
        withTemplate = TinyLlamaGguf.write(dir.resolve("tiny-chatml.gguf"), 7, TinyLlamaGguf.CHATML_TEMPLATE);
        withoutTemplate = TinyLlamaGguf.write(dir.resolve("tiny-plain.gguf"), 7, null);
    }

    @AfterAll
    static void free() {
        LlamaCppModels.closeAll();
    }

    private static LlamaCppChatModel model(Path file, String options) {
        return (LlamaCppChatModel) Providers.connect("local:" + file + options).model();
    }

    @Test
    void aLocalSpecOpensAnInProcessEndpointThatThePrivacyGateTreatsAsLocal() {
        LlmEndpoint e = Providers.connect("local:" + withTemplate + "?threads=1&seed=3");
        assertThat(e.locality()).isEqualTo(Locality.LOCAL);
        assertThat(e.structuredOutput()).isTrue();
        assertThat(e.model()).isInstanceOf(LlamaCppChatModel.class);
        PrivacyGate.strict().check(e, TextOrigin.REAL, "test"); // no exception: real text may reach an in-process model
        assertThat(Providers.connect("local:" + withTemplate + "?threads=1&seed=3").model()).isSameAs(e.model()); // loaded once
    }

    @Test
    void generationStreamsUpToTheTokenBudgetAndIsReproducible() {
        LlamaCppChatModel m = model(withTemplate, "?threads=1&seed=5");
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from("Write a pathology report."),
                UserMessage.from("Carcinome canalaire infiltrant, grade 2.")).maxOutputTokens(12).temperature(0.0).build();
        ChatResponse a = m.chat(request);
        ChatResponse b = m.chat(request);
        assertThat(a.aiMessage().text()).isNotEmpty().isEqualTo(b.aiMessage().text());
        assertThat(a.tokenUsage().inputTokenCount()).isGreaterThan(40); // the templated prompt, one token per character or byte
        assertThat(a.tokenUsage().outputTokenCount()).isBetween(1, 12);
        assertThat(a.finishReason()).isEqualTo(FinishReason.LENGTH); // random weights never choose </s> this early
        LocalThroughput t = m.throughput();
        assertThat(t.calls()).isGreaterThanOrEqualTo(2);
        assertThat(t.promptTokensPerSecond()).isPositive();
        assertThat(t.generatedTokensPerSecond()).isPositive();
    }

    @Test
    void aStopStringEndsTheAnswerBeforeIt() {
        // The grammar forces the text "ab|cd" (as a JSON string); the stop string cuts it at '|'.
        ResponseFormat forced = ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("forced").rootElement(JsonEnumSchema.builder().enumValues("ab|cd").build()).build()).build();
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Say it.")).responseFormat(forced).stopSequences(List.of("|"))
                .maxOutputTokens(50).build();
        ChatResponse r = model(withTemplate, "?threads=1").chat(request);
        assertThat(r.aiMessage().text()).isEqualTo("\"ab");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void theExtractorGetsGrammarConstrainedJsonThatParsesAgainstTheSchema() throws Exception {
        Schema schema = Schema.breastCancer();
        LlmExtractor extractor = LlmExtractor.builder(Providers.connect("local:" + withTemplate + "?threads=1")).schema(schema).language("fr")
                .maxReasks(0).build();
        Extraction x = extractor.extract(Report.of("r1", "Carcinome canalaire infiltrant de 14 mm, grade II. RE 90 %, HER2 score 0.", "fr"));
        assertThat(x.reportId()).isEqualTo("r1");
        for (Attribute a : schema.attributes()) { // whatever nonsense it chose, every value is one the schema allows
            Object v = x.values().get(a.name());
            if (v != null && !a.values().isEmpty()) {
                assertThat(a.values()).contains(String.valueOf(v));
            }
        }
        // and the raw answer is JSON with every attribute
        LlamaCppChatModel m = model(withTemplate, "?threads=1");
        ChatResponse raw = m.chat(ChatRequest.builder().messages(UserMessage.from("Extract."))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name("x").rootElement(org.pathosynth.llm.extraction.ExtractionSchema.of(schema).rootElement()).build()).build())
                .maxOutputTokens(100).build());
        JsonNode json = new ObjectMapper().readTree(raw.aiMessage().text());
        assertThat(json.size()).isEqualTo(schema.attributes().size());
        assertThat(raw.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void localSpecsNameTeachersAndExtractorsOnceThisArtifactIsThere() {
        ComponentContext context = ComponentContext.of(Schema.breastCancer(), "fr");
        String spec = "local:" + withTemplate + "?threads=1";
        ReportGenerator teacher = Generators.create(spec, Map.of("words", 40), context);
        assertThat(teacher).isInstanceOf(LlmReportGenerator.class);
        assertThat(teacher.name()).isEqualTo(spec);
        PathologyExtractor extractor = Extractors.create(spec, Map.of("max_reasks", 0), context);
        assertThat(extractor.name()).isEqualTo("llm:" + spec);
        // real text (the default origin) reaches the in-process model through the default strict gate
        ExtractionBatch batch = extractor.extractAll(List.of(Report.of("r1", "Carcinome canalaire infiltrant de 14 mm, grade II.", "fr")),
                (stage, done, total) -> { });
        assertThat(batch.extractions()).extracting(Extraction::reportId).containsExactly("r1");
        assertThat(batch.failures()).isEmpty();
    }

    @Test
    void theJudgeGetsAVerdictItCanRead() {
        Schema schema = Schema.breastCancer();
        var record = org.pathosynth.core.data.ClinicalRecord.builder(schema).set("sbr_grade", "2").set("tumor_size_mm", 14.0).build();
        var pair = new org.pathosynth.core.report.ReportPair("p1", record, Report.of("p1", "Carcinome de 14 mm, grade SBR 2.", "fr"));
        var judge = org.pathosynth.llm.judge.FaithfulnessJudge.builder(Providers.connect("local:" + withTemplate + "?threads=1"))
                .language("fr").maxReasks(0).build();
        var decision = judge.judge(pair);
        // nonsense either way, but a verdict: the grammar made it parse
        assertThat(decision.reasons()).noneMatch(r -> r.contains("no usable verdict"));
        assertThat(decision.filter()).startsWith("judge:local:");
    }

    @Test
    void aModelWithoutTemplateIsPromptedInChatMl() {
        LlamaCppChatModel m = model(withoutTemplate, "?threads=1");
        assertThat(m.usesOwnChatTemplate()).isFalse();
        assertThat(m.prompt(List.of(SystemMessage.from("S"), UserMessage.from("U"))))
                .isEqualTo("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n");
        LlamaCppChatModel own = model(withTemplate, "?threads=1");
        assertThat(own.usesOwnChatTemplate()).isTrue();
        assertThat(own.prompt(List.of(UserMessage.from("U")))).isEqualTo("<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void aMissingOrForeignFileIsAClearError() throws Exception {
        assertThatThrownBy(() -> Providers.connect("local:" + dir.resolve("absent.gguf"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absent.gguf").hasMessageContaining("does not exist");
        Path text = Files.writeString(dir.resolve("readme.gguf"), "not a model");
        assertThatThrownBy(() -> Providers.connect("local:" + text)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a GGUF model file");
        assertThatThrownBy(() -> Providers.connect("local:" + withTemplate + "?context=10")).hasMessageContaining("unknown local model option");
    }

    @Test
    void aPromptLongerThanTheContextIsRefusedWithTheFix() {
        LlamaCppChatModel m = model(withTemplate, "?threads=1&ctx=256");
        assertThatThrownBy(() -> m.chat(ChatRequest.builder().messages(UserMessage.from("x".repeat(400))).build()))
                .hasMessageContaining("does not fit the context of 256").hasMessageContaining("ctx=");
    }
}
