package org.pathosynth.llm.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.pathosynth.llm.internal.http.JdkProviderHttpClient;

/**
 * Turns specs into LangChain4j chat models. Every model gets PathoSynth's HTTP client (which keeps
 * Retry-After) and no retries of its own: retries, backoff and rate limits live in one place, the
 * {@link org.pathosynth.llm.call.LlmClient}.
 */
public final class Providers {
    private Providers() {
    }

    /** Parses and connects a spec with keys and URLs from the environment. */
    public static LlmEndpoint connect(String spec) {
        return connect(ModelSpec.parse(spec), ProviderSettings.fromEnvironment());
    }

    public static LlmEndpoint connect(String spec, ProviderSettings settings) {
        return connect(ModelSpec.parse(spec), settings);
    }

    public static LlmEndpoint connect(ModelSpec spec, ProviderSettings settings) {
        if (spec.provider() == ProviderKind.LOCAL) {
            return InProcessModelProvider.installed().open(spec);
        }
        String baseUrl = settings.baseUrl(spec);
        String key = settings.apiKey(spec.provider());
        if (key == null && spec.provider().requiresApiKey()) {
            throw new IllegalStateException("no API key for " + spec + ": set the environment variable "
                    + spec.provider().apiKeyVariable() + " or pass one through ProviderSettings.builder().apiKey(...)");
        }
        Duration timeout = settings.timeout();
        JdkProviderHttpClient.Builder http = JdkProviderHttpClient.builder();
        ChatModel model = switch (spec.provider()) {
            case OPENAI, OPENAI_COMPATIBLE -> OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(baseUrl)
                    .apiKey(key == null ? "none" : key).modelName(spec.model()).timeout(timeout).maxRetries(0)
                    .strictJsonSchema(true).build();
            case OLLAMA -> OllamaChatModel.builder().httpClientBuilder(http).baseUrl(baseUrl).modelName(spec.model())
                    .timeout(timeout).maxRetries(0).build();
            case MISTRAL -> MistralAiChatModel.builder().httpClientBuilder(http).baseUrl(baseUrl).apiKey(key)
                    .modelName(spec.model()).timeout(timeout).maxRetries(0).strictJsonSchema(true).build();
            case ANTHROPIC -> AnthropicChatModel.builder().httpClientBuilder(http).baseUrl(baseUrl).apiKey(key)
                    .modelName(spec.model()).timeout(timeout).maxRetries(0).maxTokens(4096).build();
            case GEMINI -> GoogleAiGeminiChatModel.builder().httpClientBuilder(http).baseUrl(baseUrl).apiKey(key)
                    .modelName(spec.model()).timeout(timeout).maxRetries(0).build();
            case LOCAL -> throw new IllegalStateException("local models are opened in process"); // handled above
        };
        return new LlmEndpoint(spec.toString(), model, locality(baseUrl, settings), true);
    }

    /**
     * LOCAL when the endpoint's host is loopback, a private or link-local address literal, {@code localhost},
     * or declared on-premise in the settings; REMOTE otherwise (the safe default). No DNS lookup is made.
     */
    public static Locality locality(String baseUrl, ProviderSettings settings) {
        String host = URI.create(baseUrl).getHost();
        if (host == null) {
            return Locality.REMOTE;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || settings.localHosts().contains(h)) {
            return Locality.LOCAL;
        }
        if (!isAddressLiteral(h)) {
            return Locality.REMOTE;
        }
        try {
            InetAddress a = InetAddress.getByName(h); // a literal: parsed, not resolved
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() ? Locality.LOCAL : Locality.REMOTE;
        } catch (java.net.UnknownHostException e) {
            return Locality.REMOTE;
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
