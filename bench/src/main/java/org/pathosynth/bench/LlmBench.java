package org.pathosynth.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.call.ResponseCache;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;
import org.pathosynth.llm.generation.LlmReportGenerator;
import org.pathosynth.llm.generation.TeacherEnsemble;
import org.pathosynth.llm.provider.Providers;
import org.pathosynth.llm.run.Journal;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code llm}: report generation through the whole LLM stack (client, retries, cache, journal, cleaning) against the
 * fake server, after two warm-up rounds of as many calls: wall time against the ideal rows x latency / concurrency, and
 * CPU per call outside the fake server's threads (PathoSynth, LangChain4j and the JDK HTTP client).
 */
@Command(name = "llm", mixinStandardHelpOptions = true,
        description = "--rows reports through the LLM client against a local fake server with --latency-ms and --concurrency.")
final class LlmBench extends Benchmark {
    private static final String REPLY = "Compte rendu anatomopathologique. Microbiopsie du sein droit : carcinome infiltrant de type non "
            + "spécifique, grade SBR 2 (3-2-1). Emboles vasculaires absents. RE 90 %, RP 40 %, HER2 score 0. Ki-67 15 %.";

    @Option(names = "--rows", defaultValue = "10000", description = "Reports to generate, each one LLM call (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--latency-ms", defaultValue = "200", description = "Simulated LLM latency (default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--concurrency", defaultValue = "32", description = "LLM calls in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Mixin
    RealTableOption real;

    @Override
    void measure() throws Exception {
        Table table = IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build()
                .fit(real.read(Schema.breastCancer()).table()).sample(rows, 7);
        Path dir = Files.createTempDirectory("pathosynth-bench-llm");
        var server = FakeLlmServer.start(r -> FakeReply.of(REPLY), concurrency * 2);
        try (server; var journal = Journal.open(dir, Schema.breastCancer())) {
            server.latency(Duration.ofMillis(latencyMs));
            var client = LlmClient.builder().concurrency(concurrency).cache(new ResponseCache(dir.resolve("cache"))).build();
            var endpoint = Providers.connect("openai-compatible:" + server.openAiBaseUrl() + "#bench");
            var teacher = LlmReportGenerator.builder(endpoint).client(client).build();
            var ensemble = TeacherEnsemble.builder().teacher(teacher).threads(concurrency).build();
            List<GenerationRequest> requests = new ArrayList<>();
            for (int i = 0; i < table.rowCount(); i++) {
                requests.add(new GenerationRequest("r" + i, table.record(i), i));
            }
            // warm-up, as JMH would: two rounds of the same path on other seeds (JIT, class loading, connection pool)
            for (int round = 1; round <= 2; round++) {
                List<GenerationRequest> warm = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    warm.add(new GenerationRequest("w" + round + "-" + i, table.record(i), -round * (long) rows - i));
                }
                ensemble.generateAll(warm, (stage, done, total) -> { });
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long server0 = fakeServerCpu();
            long t0 = System.nanoTime();
            var batch = ensemble.generateAll(requests, journal, (stage, done, total) -> { });
            double wall = (System.nanoTime() - t0) / 1e9;
            double serverMs = (fakeServerCpu() - server0) / 1e6;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 - serverMs;
            double ideal = (double) rows * latencyMs / 1000 / concurrency;
            System.out.printf(Locale.ROOT, "llm: %d reports (%d failed) at %d ms latency, concurrency %d: %.2f s (ideal %.2f s, "
                            + "ratio %.3f); CPU per call: %.2f ms in the library and HTTP client (process CPU minus the fake "
                            + "server's threads, %.2f ms)%n", batch.pairs().size(),
                    batch.failures().size(), latencyMs, concurrency, wall, ideal, wall / ideal, cpuMs / rows, serverMs / rows);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** CPU time of the fake server's threads (its handlers and the JDK server's dispatcher). */
    private static long fakeServerCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("fake-llm") || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }
}
