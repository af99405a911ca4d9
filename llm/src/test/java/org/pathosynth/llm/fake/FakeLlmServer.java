package org.pathosynth.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An LLM server on 127.0.0.1 for tests and benchmarks, speaking the wire protocols of OpenAI chat completions
 * (also Mistral and OpenAI-compatible servers), Ollama {@code /api/chat}, Anthropic messages and Gemini
 * {@code generateContent}. Answers come from a script; latency and faults (429 with Retry-After, 5xx, stalls,
 * malformed bodies, truncated answers) can be injected, and every request is recorded.
 *
 * <pre>
 * try (FakeLlmServer server = FakeLlmServer.start(request -> FakeReply.of("Compte rendu ..."))) {
 *     LlmEndpoint e = Providers.connect("openai-compatible:" + server.openAiBaseUrl() + "#fake", settings);
 * }
 * </pre>
 */
public final class FakeLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the client's
        // delayed ACK add ~40 ms to every answer (real inference servers set it). Read once, when the server class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<FakeRequest, FakeReply> script;
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final List<FakeRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answered = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;

    private FakeLlmServer(Function<FakeRequest, FakeReply> script, int threads) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fake-llm");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server answering with the script; 64 handler threads. */
    public static FakeLlmServer start(Function<FakeRequest, FakeReply> script) {
        return start(script, 64);
    }

    public static FakeLlmServer start(Function<FakeRequest, FakeReply> script, int threads) {
        try {
            return new FakeLlmServer(script, threads);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL for OpenAI, Mistral and OpenAI-compatible clients. */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Base URL for Ollama and Gemini clients (Gemini's paths start with /v1beta). */
    public String rootUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String geminiBaseUrl() {
        return rootUrl() + "/v1beta";
    }

    public String anthropicBaseUrl() {
        return rootUrl() + "/v1/";
    }

    /** Delay before every answer. */
    public FakeLlmServer latency(Duration d) {
        latency = d;
        return this;
    }

    /** Queues faults, played one per request, in order, before normal answers resume. */
    public FakeLlmServer fail(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** Every request received so far, faulty ones included. */
    public List<FakeRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests answered with HTTP 200 and a well-formed answer (the ones a provider would bill). */
    public int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (IOException e) {
                send(exchange, 400, "{\"error\":\"request is not JSON\"}");
                return;
            }
            FakeRequest request = parse(path, root, body);
            if (request == null) {
                send(exchange, 404, "{\"error\":\"no such endpoint: " + path + "\"}");
                return;
            }
            requests.add(request);
            sleep(latency);
            Fault fault = faults.pollFirst();
            if (fault instanceof Fault.RateLimited r) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(r.retryAfterSeconds()));
                send(exchange, 429, "{\"error\":{\"message\":\"rate limited\",\"type\":\"rate_limit\"}}");
                return;
            }
            if (fault instanceof Fault.ServerError s) {
                send(exchange, s.status(), "{\"error\":{\"message\":\"internal error\"}}");
                return;
            }
            if (fault instanceof Fault.Stall s) {
                sleep(s.delay());
            }
            if (fault instanceof Fault.MalformedBody) {
                send(exchange, 200, "{\"choices\": [ {\"message\": oops");
                return;
            }
            FakeReply reply = script.apply(request);
            if (fault instanceof Fault.Truncated) {
                reply = new FakeReply(reply.text().substring(0, reply.text().length() / 2), true);
            }
            String body200 = answer(request, reply);
            answered.incrementAndGet(); // before sending: a client that has the answer must see it counted
            send(exchange, 200, body200);
        } catch (RuntimeException e) {
            send(exchange, 500, "{\"error\":\"fake server script failed: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static FakeRequest parse(String path, JsonNode root, String body) {
        StringBuilder prompt = new StringBuilder();
        if (path.equals("/v1/chat/completions") || path.equals("/api/chat")) {
            for (JsonNode m : root.path("messages")) {
                appendText(prompt, m.path("content"));
            }
            boolean schema = path.endsWith("/api/chat") ? root.path("format").isObject()
                    : "json_schema".equals(root.path("response_format").path("type").asText());
            return new FakeRequest(path.endsWith("/api/chat") ? "ollama" : "openai", path, root.path("model").asText(),
                    prompt.toString(), schema, body);
        }
        if (path.equals("/v1/messages")) {
            appendText(prompt, root.path("system"));
            for (JsonNode m : root.path("messages")) {
                appendText(prompt, m.path("content"));
            }
            return new FakeRequest("anthropic", path, root.path("model").asText(), prompt.toString(),
                    root.path("output_config").path("format").isObject(), body);
        }
        if (path.startsWith("/v1beta/models/") && path.endsWith(":generateContent")) {
            for (JsonNode p : root.path("systemInstruction").path("parts")) {
                appendText(prompt, p.path("text"));
            }
            for (JsonNode c : root.path("contents")) {
                for (JsonNode p : c.path("parts")) {
                    appendText(prompt, p.path("text"));
                }
            }
            String model = path.substring(path.indexOf("/models/") + 8, path.indexOf(':', path.indexOf("/models/")));
            return new FakeRequest("gemini", path, model, prompt.toString(),
                    root.path("generationConfig").has("responseSchema") || root.path("generationConfig").has("responseJsonSchema"), body);
        }
        return null;
    }

    private static void appendText(StringBuilder out, JsonNode content) {
        if (content.isTextual()) {
            out.append(content.asText()).append('\n');
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.has("text")) {
                    out.append(part.path("text").asText()).append('\n');
                }
            }
        }
    }

    private static String answer(FakeRequest request, FakeReply reply) {
        int in = Math.max(1, request.prompt().length() / 4);
        int out = Math.max(1, reply.text().length() / 4);
        ObjectNode root = JSON.createObjectNode();
        switch (request.protocol()) {
            case "openai" -> {
                root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L)
                        .put("model", request.model());
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", reply.truncated() ? "length" : "stop");
                choice.putObject("message").put("role", "assistant").put("content", reply.text());
                root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
            }
            case "ollama" -> {
                root.put("model", request.model()).put("created_at", "2026-01-01T00:00:00Z").put("done", true)
                        .put("done_reason", reply.truncated() ? "length" : "stop")
                        .put("prompt_eval_count", in).put("eval_count", out);
                root.putObject("message").put("role", "assistant").put("content", reply.text());
            }
            case "anthropic" -> {
                root.put("id", "msg_fake").put("type", "message").put("role", "assistant").put("model", request.model())
                        .put("stop_reason", reply.truncated() ? "max_tokens" : "end_turn");
                root.putArray("content").addObject().put("type", "text").put("text", reply.text());
                root.putObject("usage").put("input_tokens", in).put("output_tokens", out);
            }
            default -> {
                ObjectNode candidate = root.putArray("candidates").addObject();
                ArrayNode parts = candidate.putObject("content").put("role", "model").putArray("parts");
                parts.addObject().put("text", reply.text());
                candidate.put("finishReason", reply.truncated() ? "MAX_TOKENS" : "STOP");
                root.putObject("usageMetadata").put("promptTokenCount", in).put("candidatesTokenCount", out)
                        .put("totalTokenCount", in + out);
            }
        }
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
