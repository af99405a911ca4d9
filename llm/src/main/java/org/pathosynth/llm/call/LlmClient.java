package org.pathosynth.llm.call;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.pathosynth.llm.provider.LlmEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls chat models the way long paid runs need: at most {@code concurrency} calls in flight, client-side limits on
 * requests and tokens per minute, retries with backoff on transient failures (honouring Retry-After), an optional
 * on-disk cache, and token accounting per model. Thread-safe; one client is shared by every generator, extractor and
 * judge of a run so the limits hold across them.
 */
public final class LlmClient {
    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);

    private final Semaphore inFlight;
    private final int concurrency;
    private final TokenBucket requests;
    private final TokenBucket tokens;
    private final RetryPolicy retry;
    private final ResponseCache cache;
    private final SplittableRandom jitter = new SplittableRandom(0x9E3779B97F4A7C15L);
    private final Map<String, Meter> meters = new ConcurrentHashMap<>();

    private LlmClient(Builder b) {
        concurrency = b.concurrency;
        inFlight = new Semaphore(b.concurrency, true);
        long now = System.nanoTime();
        requests = b.requestsPerMinute == null ? null : new TokenBucket(b.requestsPerMinute, now);
        tokens = b.tokensPerMinute == null ? null : new TokenBucket(b.tokensPerMinute, now);
        retry = b.retry;
        cache = b.cache;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int concurrency() {
        return concurrency;
    }

    /**
     * Sends one call (or serves it from the cache) and returns the answer.
     *
     * @throws LlmCallException when it failed for good; the message names the model and the failure, not the text
     */
    public LlmAnswer call(LlmEndpoint endpoint, LlmCall call) {
        Objects.requireNonNull(endpoint, "endpoint");
        Meter meter = meters.computeIfAbsent(endpoint.name(), k -> new Meter());
        String key = cache == null ? null : call.cacheKey(endpoint.name());
        if (cache != null) {
            Optional<LlmAnswer> hit = cache.get(key);
            if (hit.isPresent()) {
                meter.cacheHits.increment();
                return hit.get().fromCache();
            }
        }
        ChatRequest request = toRequest(endpoint, call);
        for (int attempt = 1; ; attempt++) {
            try {
                LlmAnswer answer = attempt(endpoint, call, request, attempt);
                meter.calls.increment();
                meter.inputTokens.add(answer.inputTokens());
                meter.outputTokens.add(answer.outputTokens());
                if (cache != null) {
                    cache.put(key, answer);
                }
                return answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                meter.failures.increment();
                throw new LlmCallException("interrupted while calling " + endpoint.name(), attempt, e);
            } catch (RuntimeException e) {
                boolean again = Failures.retryable(e) && attempt < retry.maxAttempts();
                if (!again) {
                    meter.failures.increment();
                    throw new LlmCallException(endpoint.name() + " failed after " + attempt + " attempt(s): "
                            + Failures.describe(e), attempt, e);
                }
                meter.retries.increment();
                Duration wait;
                synchronized (jitter) {
                    wait = retry.delay(attempt, Failures.retryAfter(e), jitter);
                }
                LOG.debug("{}: attempt {} failed ({}), retrying in {} ms", endpoint.name(), attempt, Failures.describe(e),
                        wait.toMillis());
                sleepNanos(wait.toNanos());
            }
        }
    }

    private LlmAnswer attempt(LlmEndpoint endpoint, LlmCall call, ChatRequest request, int attempt) throws InterruptedException {
        int estimate = call.estimatedTokens();
        inFlight.acquire();
        try {
            long now = System.nanoTime();
            long wait = 0;
            if (requests != null) {
                wait = Math.max(wait, requests.reserve(1, now));
            }
            if (tokens != null) {
                wait = Math.max(wait, tokens.reserve(estimate, now));
            }
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            ChatResponse response = endpoint.model().chat(request);
            TokenUsage usage = response.tokenUsage();
            int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
            if (tokens != null && in + out > 0) {
                tokens.adjust(estimate - (in + out));
            }
            AiMessage message = response.aiMessage();
            String text = message == null ? "" : message.text();
            return new LlmAnswer(text, response.finishReason() == FinishReason.LENGTH, in, out, attempt, false);
        } finally {
            inFlight.release();
        }
    }

    private static ChatRequest toRequest(LlmEndpoint endpoint, LlmCall call) {
        List<ChatMessage> messages = new ArrayList<>(call.messages().size());
        for (ChatTurn t : call.messages()) {
            messages.add(switch (t.role()) {
                case SYSTEM -> SystemMessage.from(t.text());
                case USER -> UserMessage.from(t.text());
                case ASSISTANT -> AiMessage.from(t.text());
            });
        }
        ChatRequest.Builder b = ChatRequest.builder().messages(messages);
        if (call.temperature() != null) {
            b.temperature(call.temperature());
        }
        if (call.maxOutputTokens() != null) {
            b.maxOutputTokens(call.maxOutputTokens());
        }
        if (call.jsonSchema() != null && endpoint.structuredOutput()) {
            b.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(call.jsonSchema()).build());
        }
        return b.build();
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmCallException("interrupted during backoff", 0, e);
        }
    }

    /** Usage per model name, in no particular order. */
    public List<Usage> usage() {
        List<Usage> out = new ArrayList<>();
        meters.forEach((name, m) -> out.add(new Usage(name, m.calls.sum(), m.cacheHits.sum(), m.retries.sum(),
                m.failures.sum(), m.inputTokens.sum(), m.outputTokens.sum())));
        out.sort(java.util.Comparator.comparing(Usage::model));
        return out;
    }

    private static final class Meter {
        final LongAdder calls = new LongAdder();
        final LongAdder cacheHits = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder inputTokens = new LongAdder();
        final LongAdder outputTokens = new LongAdder();
    }

    public static final class Builder {
        private int concurrency = 8;
        private Double requestsPerMinute;
        private Double tokensPerMinute;
        private RetryPolicy retry = RetryPolicy.defaults();
        private ResponseCache cache;

        /** Calls in flight at once (default 8). */
        public Builder concurrency(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + n);
            }
            concurrency = n;
            return this;
        }

        public Builder requestsPerMinute(double n) {
            requestsPerMinute = n;
            return this;
        }

        public Builder tokensPerMinute(double n) {
            tokensPerMinute = n;
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder cache(ResponseCache c) {
            cache = c;
            return this;
        }

        public LlmClient build() {
            return new LlmClient(this);
        }
    }
}
