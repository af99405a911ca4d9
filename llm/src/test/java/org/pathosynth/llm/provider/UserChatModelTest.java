package org.pathosynth.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.generation.LlmReportGenerator;

/** A ChatModel the user built (here in-process) works wherever a spec-built one does. */
class UserChatModelTest {
    @Test
    void aUserBuiltModelWritesReportsThroughTheSameStack() {
        ChatModel mine = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                List<ChatMessage> m = request.messages();
                return ChatResponse.builder().aiMessage(AiMessage.from("Compte rendu : carcinome infiltrant, grade SBR 1, "
                        + m.size() + " messages reçus, température " + request.temperature() + "."))
                        .tokenUsage(new TokenUsage(100, 20)).build();
            }
        };
        LlmEndpoint endpoint = LlmEndpoint.of("my-hospital-model", mine, Locality.LOCAL);
        LlmClient client = LlmClient.builder().build();
        Report r = LlmReportGenerator.builder(endpoint).client(client).temperature(0.3).build()
                .generate(new GenerationRequest("x", ClinicalRecord.of(Schema.breastCancer(), Map.of("sbr_grade", "1")), 5));
        assertThat(r.text()).isEqualTo("Compte rendu : carcinome infiltrant, grade SBR 1, 2 messages reçus, température 0.3.");
        assertThat(r.provenance().get("model")).isEqualTo("my-hospital-model");
        assertThat(client.usage().get(0).inputTokens()).isEqualTo(100);
        assertThat(client.usage().get(0).outputTokens()).isEqualTo(20);
    }
}
