package org.pathosynth.llm.fake;

/**
 * One request the fake server received.
 *
 * @param protocol openai, ollama, anthropic or gemini (Mistral and OpenAI-compatible servers speak openai)
 * @param prompt the text of all messages joined by newlines, system first
 * @param jsonSchema whether the request asked for JSON-schema structured output
 */
public record FakeRequest(String protocol, String path, String model, String prompt, boolean jsonSchema, String body) {
}
