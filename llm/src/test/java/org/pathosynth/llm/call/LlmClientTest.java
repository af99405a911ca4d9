package org.pathosynth.llm.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.fake.Fault;
import org.pathosynth.llm.provider.LlmEndpoint;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;

class LlmClientTest {
    private final FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of("Compte rendu anatomopathologique : "
            + r.prompt().strip()));

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmEndpoint endpoint(Duration timeout) {
        return Providers.connect("openai:gpt-4o-mini", ProviderSettings.builder().environment(Map.of("OPENAI_API_KEY", "k")::get)
                .baseUrl(ProviderKind.OPENAI, server.openAiBaseUrl()).timeout(timeout).build());
    }

    private static LlmCall call(String text) {
        return LlmCall.of(List.of(ChatTurn.user(text)));
    }

    private static RetryPolicy fast() {
        return new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    @Test
    void rateLimitedCallsWaitAtLeastRetryAfterThenSucceed() {
        server.fail(Fault.rateLimited(1));
        LlmClient client = LlmClient.builder().retry(fast()).build();
        long t0 = System.nanoTime();
        LlmAnswer a = client.call(endpoint(Duration.ofSeconds(5)), call("r1"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(a.text()).endsWith("r1");
        assertThat(a.attempts()).isEqualTo(2);
        assertThat(ms).isGreaterThanOrEqualTo(1000); // the backoff alone would be 10-20 ms
        assertThat(client.usage().get(0).retries()).isEqualTo(1);
    }

    @Test
    void serverErrorsStallsAndBrokenBodiesAreRetried() {
        server.fail(Fault.serverError(), Fault.stall(Duration.ofSeconds(2)), Fault.malformedBody());
        LlmClient client = LlmClient.builder().retry(fast()).build();
        LlmAnswer a = client.call(endpoint(Duration.ofMillis(400)), call("r2"));
        assertThat(a.attempts()).isEqualTo(4);
        assertThat(a.text()).endsWith("r2");
        Usage u = client.usage().get(0);
        assertThat(u.retries()).isEqualTo(3);
        assertThat(u.calls()).isEqualTo(1);
        assertThat(u.failures()).isZero();
    }

    @Test
    void givingUpNamesTheModelAndTheStatusButNoText() {
        server.fail(Fault.serverError(), Fault.serverError(), Fault.serverError(), Fault.serverError());
        LlmClient client = LlmClient.builder().retry(fast()).build();
        assertThatThrownBy(() -> client.call(endpoint(Duration.ofSeconds(5)), call("secret patient text")))
                .isInstanceOf(LlmCallException.class)
                .hasMessage("openai:gpt-4o-mini failed after 4 attempt(s): HTTP 500")
                .satisfies(e -> assertThat(((LlmCallException) e).attempts()).isEqualTo(4));
        assertThat(client.usage().get(0).failures()).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetried() {
        LlmEndpoint wrongPath = Providers.connect("openai:gpt-4o-mini", ProviderSettings.builder()
                .environment(Map.of("OPENAI_API_KEY", "k")::get).baseUrl(ProviderKind.OPENAI, server.rootUrl() + "/nowhere").build());
        LlmClient client = LlmClient.builder().retry(fast()).build();
        assertThatThrownBy(() -> client.call(wrongPath, call("x"))).hasMessageEndingWith("after 1 attempt(s): HTTP 404");
    }

    @Test
    void truncatedAnswersAreFlagged() {
        server.fail(Fault.truncated());
        LlmAnswer a = LlmClient.builder().build().call(endpoint(Duration.ofSeconds(5)), call("r3"));
        assertThat(a.truncated()).isTrue();
    }

    @Test
    void theCacheServesRepeatedCallsWithoutTheServer(@TempDir Path dir) {
        LlmClient client = LlmClient.builder().cache(new ResponseCache(dir)).build();
        LlmEndpoint e = endpoint(Duration.ofSeconds(5));
        LlmAnswer first = client.call(e, call("same").withTemperature(0.5).withSeed(7L));
        LlmAnswer second = LlmClient.builder().cache(new ResponseCache(dir)).build() // a new run, same folder
                .call(e, call("same").withTemperature(0.5).withSeed(7L));
        LlmAnswer otherSeed = client.call(e, call("same").withTemperature(0.5).withSeed(8L));
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.cached()).isTrue();
        assertThat(otherSeed.cached()).isFalse();
        assertThat(server.answered()).isEqualTo(2);
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (FakeLlmServer counting = FakeLlmServer.start(r -> {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            return FakeReply.of("ok");
        })) {
            LlmEndpoint e = Providers.connect("ollama:m", ProviderSettings.builder().baseUrl(ProviderKind.OLLAMA,
                    counting.rootUrl()).build());
            LlmClient client = LlmClient.builder().concurrency(3).build();
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<LlmAnswer>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int k = i;
                futures.add(pool.submit(() -> client.call(e, call("c" + k))));
            }
            for (Future<LlmAnswer> f : futures) {
                assertThat(f.get().text()).isEqualTo("ok");
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(peak.get()).isEqualTo(3);
        }
    }

    @Test
    void requestRateLimitSpacesCalls() {
        LlmClient client = LlmClient.builder().requestsPerMinute(600).build(); // 10 a second, bursts of 10
        LlmEndpoint e = endpoint(Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            client.call(e, call("q" + i));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(seconds).isGreaterThan(0.9); // the second ten wait ~0.1 s each
    }

    @Test
    void backoffDoublesWithJitterAndHonoursRetryAfter() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            assertThat(p.delay(1, java.util.Optional.empty(), r).toMillis()).isBetween(50L, 100L);
            assertThat(p.delay(3, java.util.Optional.empty(), r).toMillis()).isBetween(200L, 400L);
            assertThat(p.delay(10, java.util.Optional.empty(), r).toMillis()).isBetween(500L, 1000L);
            assertThat(p.delay(1, java.util.Optional.of(Duration.ofSeconds(3)), r).toMillis()).isEqualTo(3000L);
        }
    }

    @Test
    void retryAfterParsesSecondsAndDates() {
        assertThat(org.pathosynth.llm.internal.http.JdkProviderHttpClientAccess.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(org.pathosynth.llm.internal.http.JdkProviderHttpClientAccess.retryAfter("soon")).isNull();
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
        assertThat(org.pathosynth.llm.internal.http.JdkProviderHttpClientAccess.retryAfter(inTenSeconds).toSeconds()).isBetween(8L, 10L);
    }
}
