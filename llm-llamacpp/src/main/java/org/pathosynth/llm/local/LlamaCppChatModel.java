package org.pathosynth.llm.local;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A LangChain4j {@link ChatModel} over a GGUF file run in this JVM by llama.cpp: usable wherever a remote model is
 * (teachers, the LLM extractor, the judge), and nothing it reads leaves the process. Prompts are formatted with the
 * model's own chat template, or ChatML when it has none; a JSON-schema response format becomes a grammar
 * ({@link JsonGrammar}), so answers are always well-formed JSON. Calls run one at a time on the loaded model, which
 * keeps a seeded run reproducible. Close it to free the native memory.
 */
public final class LlamaCppChatModel implements ChatModel, AutoCloseable {
    private static final int DEFAULT_MAX_TOKENS = 1024;

    private final String name;
    private final LocalModelOptions options;
    private final GgufMetadata metadata;
    private final LlamaModel model;
    private final int contextSize;
    private long calls;
    private long promptTokens;
    private long promptNanos;
    private long generatedTokens;
    private long generationNanos;

    private LlamaCppChatModel(String name, LocalModelOptions options, GgufMetadata metadata, LlamaModel model, int contextSize) {
        this.name = name;
        this.options = options;
        this.metadata = metadata;
        this.model = model;
        this.contextSize = contextSize;
    }

    /**
     * Loads the model: the file must exist and be GGUF (checked in Java first), and the native library must load on
     * this platform; each failure is an {@link IllegalStateException} that says which.
     */
    public static LlamaCppChatModel load(String name, LocalModelOptions options) {
        if (!Files.isRegularFile(options.file())) {
            throw new IllegalStateException("local model file " + options.file() + " does not exist (spec " + name + ")");
        }
        GgufMetadata metadata;
        try {
            metadata = GgufMetadata.read(options.file());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read local model " + options.file() + ": " + e.getMessage(), e);
        }
        int ctx = options.contextSize() > 0 ? options.contextSize()
                : (int) Math.min(LocalModelOptions.DEFAULT_CONTEXT_CAP, metadata.contextLength() == null ? 4096 : metadata.contextLength());
        ModelParameters params = new ModelParameters().setModel(options.file().toString()).setCtxSize(ctx)
                .setThreads(options.threadCount()).setSeed(options.seed());
        if (options.gpuLayers() > 0) {
            params.setGpuLayers(options.gpuLayers()); // a CPU-only build warns about the option even at 0
        }
        if (!NativeLog.debugEnabled()) {
            params.disableLog(); // llama.cpp's server log goes to standard error, past SLF4J: silent unless asked for
        }
        try {
            NativeLog.routeToSlf4j(); // the first use of the native library: it loads here
            return new LlamaCppChatModel(name, options, metadata, new LlamaModel(params), ctx);
        } catch (LinkageError e) {
            throw new IllegalStateException("the llama.cpp native library cannot be loaded on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (" + e.getMessage() + "); the artifact de.kherud:llama bundles it for Linux, "
                    + "macOS and Windows on x86_64 and aarch64", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("llama.cpp could not load " + options.file() + ": " + e.getMessage(), e);
        }
    }

    /** The file's metadata: architecture, context length, chat template. */
    public GgufMetadata metadata() {
        return metadata;
    }

    /** Whether prompts are formatted with the model's own template (else ChatML). */
    public boolean usesOwnChatTemplate() {
        return metadata.chatTemplate() != null;
    }

    public int contextSize() {
        return contextSize;
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = prompt(request.messages());
        int maxTokens = request.maxOutputTokens() == null ? DEFAULT_MAX_TOKENS : request.maxOutputTokens();
        InferenceParameters params = new InferenceParameters(prompt)
                .setTemperature((float) (request.temperature() == null ? options.temperature() : request.temperature()))
                .setSeed((int) options.seed())
                .setCachePrompt(false);
        ResponseFormat format = request.responseFormat();
        if (format != null && format.type() == ResponseFormatType.JSON && format.jsonSchema() != null) {
            JsonGrammar grammar = JsonGrammar.of(format.jsonSchema().rootElement());
            params.setGrammar(grammar.gbnf());
            maxTokens = Math.max(maxTokens, grammar.maxLength() + 8); // the grammar bounds the answer: let it finish
        }
        params.setNPredict(maxTokens);
        List<String> stops = request.stopSequences() == null ? List.of() : request.stopSequences();
        if (!stops.isEmpty()) {
            params.setStopStrings(stops.toArray(String[]::new));
        }
        synchronized (this) {
            int promptLength = model.encode(prompt).length;
            if (promptLength + 1 >= contextSize) {
                throw new IllegalArgumentException("prompt of " + promptLength + " tokens does not fit the context of " + contextSize
                        + " tokens of local model " + name + ": raise ctx in the spec (local:...?ctx=16384)");
            }
            long start = System.nanoTime();
            long first = 0;
            StringBuilder text = new StringBuilder();
            int pieces = 0; // a piece per token, except byte tokens that only make a character together
            LlamaIterator it = model.generate(params).iterator();
            while (it.hasNext()) {
                LlamaOutput piece = it.next();
                if (first == 0) {
                    first = System.nanoTime();
                }
                text.append(piece.text);
                pieces++;
            }
            long end = System.nanoTime();
            String answer = text.toString();
            int reEncoded = answer.isEmpty() ? 0 : model.encode(answer).length;
            int written = Math.min(maxTokens, Math.max(pieces, reEncoded)); // the budget bounds what was sampled
            boolean cut = (pieces >= maxTokens || reEncoded >= maxTokens) && stops.stream().noneMatch(answer::endsWith);
            calls++;
            promptTokens += promptLength;
            promptNanos += (first == 0 ? end : first) - start;
            generatedTokens += written;
            generationNanos += first == 0 ? 0 : end - first;
            return ChatResponse.builder().aiMessage(AiMessage.from(answer)).modelName(name)
                    .tokenUsage(new TokenUsage(promptLength, written))
                    .finishReason(cut ? FinishReason.LENGTH : FinishReason.STOP).build();
        }
    }

    /** The conversation as the model expects it: its chat template, or ChatML. */
    String prompt(List<ChatMessage> messages) {
        List<String> system = new ArrayList<>();
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage s) {
                system.add(s.text());
            } else if (m instanceof UserMessage u) {
                turns.add(new Pair<>("user", u.singleText()));
            } else if (m instanceof AiMessage a) {
                turns.add(new Pair<>("assistant", a.text() == null ? "" : a.text()));
            } else {
                throw new IllegalArgumentException("local models take system, user and assistant messages, not " + m.type());
            }
        }
        String systemText = system.isEmpty() ? null : String.join("\n\n", system);
        if (usesOwnChatTemplate()) {
            synchronized (this) {
                return model.applyTemplate(new InferenceParameters("").setMessages(systemText, turns));
            }
        }
        StringBuilder chatml = new StringBuilder();
        if (systemText != null) {
            chatml.append("<|im_start|>system\n").append(systemText).append("<|im_end|>\n");
        }
        for (Pair<String, String> t : turns) {
            chatml.append("<|im_start|>").append(t.getKey()).append('\n').append(t.getValue()).append("<|im_end|>\n");
        }
        return chatml.append("<|im_start|>assistant\n").toString();
    }

    /** Prompt and generation speed over every call so far. */
    public synchronized LocalThroughput throughput() {
        return new LocalThroughput(calls, promptTokens, promptNanos / 1e9, generatedTokens, generationNanos / 1e9);
    }

    public String name() {
        return name;
    }

    @Override
    public synchronized void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "LlamaCppChatModel[" + name + "]";
    }
}
