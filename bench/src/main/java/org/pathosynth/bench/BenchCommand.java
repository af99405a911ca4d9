package org.pathosynth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.distance.DistancePass;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.report.QualityEvaluator;
import org.pathosynth.eval.report.QualityReport;
import org.pathosynth.eval.report.QualityReportHtml;
import org.pathosynth.eval.report.QualityReportJson;
import org.pathosynth.eval.text.TextDiversity;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;
import org.pathosynth.synth.report.TemplateReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathosynth-bench}: timing of the evaluation hot paths on this machine (wall clock, after a
 * warm-up run). Benchmarks, not tests: run them on a quiet machine and repeat.
 */
@Command(name = "pathosynth-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'distances' (N synthetic vs N training vs N holdout rows, exact nearest neighbours), "
                + "'report' (the full quality report with extraction, text diversity, JSON and HTML), "
                + "'synth' (Gaussian copula fit + sample N rows; MST fit at epsilon 1), "
                + "'ctgan', 'pategan', 'patectgan' (one fit with the reference settings on --real; PATE at --epsilon), "
                + "'extract' (the rule-based extractor on one core: labelled corpus, one-page reports, ten reports per page), "
                + "'llm' (--rows reports through the LLM client against a local fake server with --latency-ms and --concurrency), "
                + "'writer' (diversity of 1,000 offline reports per language, clean and noisy, against a single-template baseline), "
                + "'fixtures' (10,000 fixture pairs, first call in this JVM then warm), "
                + "'local' (an in-process GGUF model, --model or the tiny random one: --rows reports written and extracted, tokens/s).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "distances, report, synth, extract, ctgan, pategan, patectgan, llm, writer, fixtures or local")
    String what;

    @Option(names = "--rows", defaultValue = "10000", description = "Rows per set (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--dims", defaultValue = "30", description = "Encoded dimensions for 'distances' (default: ${DEFAULT-VALUE}).")
    int dims;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed repetitions after one warm-up (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--set", defaultValue = "all", description = "For 'extract': all (each set in a JVM of its own), labelled, one-page "
            + "or stress (in this JVM) (default: ${DEFAULT-VALUE}).")
    String extractSet;

    @Option(names = "--warmup-seconds", defaultValue = "8", description = "For 'extract': seconds of warm-up on the set before "
            + "timing, as JMH would (the JIT needs several seconds to compile the rules' regular expressions fully) (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--epochs", defaultValue = "300", description = "Epochs for 'ctgan' (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--latency-ms", defaultValue = "200", description = "Simulated LLM latency for 'llm' (default: ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--concurrency", defaultValue = "32", description = "LLM calls in flight for 'llm' (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--epsilon", defaultValue = "1", description = "Privacy budget for 'pategan' and 'patectgan' (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--model", description = "For 'local': a GGUF file with its options (path?threads=4&ctx=8192); default: the tiny random test model.")
    String localModel;

    @Option(names = "--real", description = "For 'synth' and the GANs: the real table (CSV in the breast-cancer schema); default: the bundled TCGA-BRCA table.")
    Path real;

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "cores: %d, max heap: %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        switch (what) {
            case "distances" -> distances();
            case "report" -> report();
            case "synth" -> synth();
            case "ctgan", "pategan", "patectgan" -> gan();
            case "llm" -> llm();
            case "extract" -> extract();
            case "writer" -> writer();
            case "fixtures" -> fixtures();
            case "local" -> local();
            default -> throw new IllegalArgumentException(
                    "bench target must be distances, report, synth, extract, ctgan, pategan, patectgan, llm, writer, fixtures or local, got '"
                            + what + "'");
        }
        return 0;
    }

    /** Rows shaped like the encoding: a few clusters of L2-normalised vectors, so neighbours are realistic. */
    private double[][] encodedLike(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom centres = new SplittableRandom(7);
        double[][] c = new double[40][dims];
        for (double[] row : c) {
            for (int j = 0; j < dims; j++) {
                row[j] = centres.nextGaussian();
            }
        }
        double[][] out = new double[rows][dims];
        for (double[] row : out) {
            double[] centre = c[rng.nextInt(c.length)];
            double norm = 0;
            for (int j = 0; j < dims; j++) {
                row[j] = centre[j] + 0.35 * rng.nextGaussian();
                norm += row[j] * row[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dims; j++) {
                row[j] /= norm;
            }
        }
        return out;
    }

    private void distances() {
        double[][] syn = encodedLike(1);
        double[][] trn = encodedLike(2);
        double[][] hol = encodedLike(3);
        long memoryBefore = usedMemory();
        for (int run = 0; run <= repeat; run++) {
            long t = System.nanoTime();
            DistancePass st = DistancePass.between(syn, trn);
            DistancePass sh = DistancePass.between(syn, hol);
            DistancePass ht = DistancePass.between(hol, trn);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "%s distances, %d x %d x %d rows, %d dims: %.2f s (mean DCR %.4f %.4f %.4f)%n",
                    run == 0 ? "warm-up" : "run " + run, rows, rows, rows, dims, seconds, st.meanDcr(), sh.meanDcr(), ht.meanDcr());
        }
        System.out.printf(Locale.ROOT, "memory used beyond the inputs: about %d MB (no %d x %d matrix)%n",
                Math.max(0, usedMemory() - memoryBefore) >> 20, rows, rows);
    }

    private void report() throws Exception {
        Schema schema = Schema.breastCancer();
        Table training = domainTable(schema, rows, 11);
        Table holdout = domainTable(schema, rows, 12);
        Table synthetic = IndependentMarginalsSynthesizer.create().fit(training).sample(rows, 13);
        TemplateReportWriter writer = TemplateReportWriter.builder().build();
        RuleBasedExtractor extractor = RuleBasedExtractor.create();
        Path dir = Files.createTempDirectory("pathosynth-bench");
        for (int run = 0; run <= repeat; run++) {
            long t = System.nanoTime();
            QualityReport report = QualityEvaluator.builder().build().evaluate(EvalTable.fromTable("training", training),
                    EvalTable.fromTable("holdout", holdout), EvalTable.fromTable("synthetic", synthetic));
            long tableDone = System.nanoTime();
            List<ClinicalRecord> gold = synthetic.records();
            List<ClinicalRecord> read = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < gold.size(); i++) {
                Report r = writer.generate(new GenerationRequest("r" + i, gold.get(i), Seeds.derive(5, "bench", i)));
                texts.add(r.text());
                read.add(extractor.extract(r).values());
            }
            long corpusDone = System.nanoTime();
            report = report.with(ExtractionScorer.score(schema, gold, read), TextDiversity.of(texts, 200, 1));
            QualityReportJson.write(report, dir.resolve("report.json"));
            QualityReportHtml.write(report, "bench", dir.resolve("report.html"));
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s report, %d rows x %d columns: %.2f s total (table metrics %.2f s %s; "
                            + "writing and reading back %d reports %.2f s; scoring, diversity, JSON, HTML %.2f s)%n",
                    run == 0 ? "warm-up" : "run " + run, rows, schema.size(), (end - t) / 1e9, (tableDone - t) / 1e9,
                    report.timingsMillis(), rows, (corpusDone - tableDone) / 1e9, (end - corpusDone) / 1e9);
        }
    }

    private void synth() throws Exception {
        Schema schema = Schema.breastCancer();
        org.pathosynth.core.io.CsvReadResult input = realTable(schema);
        Table table = input.table();
        List<String> present = schema.names().stream().filter(n -> !input.missingColumns().contains(n)).toList();
        synthRuns(table, present);
    }

    /** One GAN fit with the reference settings (CTGAN: 300 epochs unless --epochs): a long fit is its own warm-up. */
    private void gan() throws Exception {
        Table table = realTable(Schema.breastCancer()).table();
        org.pathosynth.core.synthesis.TabularSynthesizer synthesizer = switch (what) {
            case "ctgan" -> org.pathosynth.synth.gan.CtganSynthesizer.builder().epochs(epochs).seed(0).build();
            case "pategan" -> org.pathosynth.synth.gan.PateGanSynthesizer.builder().epsilon(epsilon).seed(0).build();
            default -> org.pathosynth.synth.gan.PateCtganSynthesizer.builder().epsilon(epsilon).seed(0).build();
        };
        long t0 = System.nanoTime();
        var model = (org.pathosynth.synth.gan.GanModel) synthesizer.fit(table);
        double fit = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        model.sample(table.rowCount(), 1);
        double sample = (System.nanoTime() - t1) / 1e9;
        String unit = what.equals("ctgan") ? "epochs" : "iterations";
        System.out.printf(Locale.ROOT, "%s on %d real rows, %d %s: fit %.1f s (%.3f s per %s), sample %d rows %.2f s%s%n",
                what, table.rowCount(), model.epochsTrained(), unit, fit, fit / Math.max(1, model.epochsTrained()),
                unit.substring(0, unit.length() - 1), table.rowCount(), sample,
                what.equals("ctgan") ? "" : String.format(Locale.ROOT, ", epsilon spent %.3f", model.privacyGuarantee().epsilon()));
    }

    /**
     * Report generation through the whole LLM stack (client, retries, cache, journal, cleaning) against the fake
     * server, after two warm-up rounds of as many calls: wall time against the ideal rows x latency / concurrency, and CPU
     * per call outside the fake server's threads (PathoSynth, LangChain4j and the JDK HTTP client).
     */
    private void llm() throws Exception {
        String text = "Compte rendu anatomopathologique. Microbiopsie du sein droit : carcinome infiltrant de type non "
                + "spécifique, grade SBR 2 (3-2-1). Emboles vasculaires absents. RE 90 %, RP 40 %, HER2 score 0. Ki-67 15 %.";
        Table table = IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build()
                .fit(realTable(Schema.breastCancer()).table()).sample(rows, 7);
        Path dir = Files.createTempDirectory("pathosynth-bench-llm");
        var server = org.pathosynth.llm.fake.FakeLlmServer.start(r -> org.pathosynth.llm.fake.FakeReply.of(text), concurrency * 2);
        try (server; var journal = org.pathosynth.llm.run.Journal.open(dir, Schema.breastCancer())) {
            server.latency(java.time.Duration.ofMillis(latencyMs));
            var client = org.pathosynth.llm.call.LlmClient.builder().concurrency(concurrency)
                    .cache(new org.pathosynth.llm.call.ResponseCache(dir.resolve("cache"))).build();
            var endpoint = org.pathosynth.llm.provider.Providers.connect("openai-compatible:" + server.openAiBaseUrl() + "#bench");
            var teacher = org.pathosynth.llm.generation.LlmReportGenerator.builder(endpoint).client(client).build();
            var ensemble = org.pathosynth.llm.generation.TeacherEnsemble.builder().teacher(teacher).threads(concurrency).build();
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
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
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
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * An in-process GGUF model through the whole LLM path: --rows reports written from TCGA-BRCA records (free text) and
     * read back by the LLM extractor (grammar-constrained JSON), then prompt and generation tokens per second. Without
     * --model, the tiny random model the tests use: its figures measure the machinery, not a real model.
     */
    private void local() throws Exception {
        String spec = localModel;
        if (spec == null) {
            Path tiny = Files.createTempFile("pathosynth-tiny", ".gguf");
            tiny.toFile().deleteOnExit();
            org.pathosynth.llm.local.TinyLlamaGguf.write(tiny, 7, org.pathosynth.llm.local.TinyLlamaGguf.CHATML_TEMPLATE);
            spec = tiny + "?threads=1";
            System.out.println("model: the tiny random test model (2 layers, 32 dimensions, 354 tokens), one thread");
        }
        var endpoint = org.pathosynth.llm.provider.Providers.connect("local:" + spec);
        Schema schema = Schema.breastCancer();
        var client = org.pathosynth.llm.call.LlmClient.builder().concurrency(1).build();
        var writer = org.pathosynth.llm.generation.LlmReportGenerator.builder(endpoint).client(client).language("fr").build();
        var extractor = org.pathosynth.llm.extraction.LlmExtractor.builder(endpoint).client(client).schema(schema).language("fr").maxReasks(0).build();
        Table table = org.pathosynth.examples.DemoData.tcgaBrca();
        int n = Math.min(rows, 20);
        long t0 = System.nanoTime();
        List<Report> written = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            written.add(writer.generate(new GenerationRequest("r" + i, table.record(i), i)));
        }
        double writing = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        for (Report r : written) {
            extractor.extract(r);
        }
        double reading = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "local: %d reports written in %.2f s, read back in %.2f s%n", n, writing, reading);
        System.out.print(org.pathosynth.cli.run.LocalModelFigures.text());
    }

    /**
     * The rule-based extractor on this thread only (one core): the 80 labelled reports as they are; the six one-page
     * reports of {@link org.pathosynth.extraction.corpus.LabelledCorpus#pageLong()}; and a stress test of pages of about
     * 3,000 characters made of ten labelled reports each (ten times the values of a real page). Each set runs in a JVM of
     * its own (as JMH forks one per benchmark): --warmup-seconds on it, then --repeat timed runs, best and median.
     */
    private void extract() throws Exception {
        if (extractSet.equals("all")) {
            // One JVM per set, as JMH forks one per benchmark: the JIT compiles the rules for the workload it times.
            for (String name : List.of("labelled", "one-page", "stress")) {
                List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                        System.getProperty("java.class.path"), PathoSynthBench.class.getName(), "extract", "--set", name,
                        "--repeat", String.valueOf(repeat), "--warmup-seconds", String.valueOf(warmupSeconds)));
                Process child = new ProcessBuilder(command).inheritIO().start();
                if (child.waitFor() != 0) {
                    throw new IllegalStateException("bench extract --set " + name + " failed");
                }
            }
            return;
        }
        var corpus = org.pathosynth.extraction.corpus.LabelledCorpus.breastCancer();
        List<Report> plain = corpus.stream().map(org.pathosynth.extraction.corpus.LabelledReport::report).toList();
        List<Report> pages = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            StringBuilder page = new StringBuilder(plain.get(i).text());
            for (int k = 1; page.length() < 3000; k++) {
                page.append("\n\n").append(plain.get((i + 7 * k) % plain.size()).text());
            }
            pages.add(Report.of("page-" + i, page.toString(), plain.get(i).language()));
        }
        List<Report> onePage = org.pathosynth.extraction.corpus.LabelledCorpus.pageLong().stream()
                .map(org.pathosynth.extraction.corpus.LabelledReport::report).toList();
        RuleBasedExtractor extractor = RuleBasedExtractor.create();
        var sets = switch (extractSet) {
            case "labelled" -> List.of(java.util.Map.entry("labelled corpus", plain));
            case "one-page" -> List.of(java.util.Map.entry("one-page reports", onePage));
            case "stress" -> List.of(java.util.Map.entry("ten labelled reports per page (stress)", pages));
            default -> throw new IllegalArgumentException("--set must be all, labelled, one-page or stress, got '" + extractSet + "'");
        };
        long warmUntil = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < warmUntil) {
            for (var set : sets) {
                for (Report r : set.getValue()) {
                    sink += extractor.extract(r).evidence().size();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: warm-up %d s, then %d timed runs of 4,000 reports, in a JVM of its own%n", extractSet, warmupSeconds, repeat);
        for (var set : sets) {
            List<Report> reports = set.getValue();
            long chars = reports.stream().mapToLong(r -> r.text().length()).sum();
            int passes = Math.max(1, 4_000 / reports.size());
            double[] rates = new double[repeat];
            long values = 0;
            for (int run = 0; run < repeat; run++) {
                long t = System.nanoTime();
                values = 0;
                for (int p = 0; p < passes; p++) {
                    for (Report r : reports) {
                        values += extractor.extract(r).evidence().size();
                    }
                }
                rates[run] = (long) passes * reports.size() / ((System.nanoTime() - t) / 1e9);
            }
            java.util.Arrays.sort(rates);
            double best = rates[rates.length - 1];
            double median = rates[rates.length / 2];
            System.out.printf(Locale.ROOT, "extract, %s (%d reports, %.0f characters on average): best %.0f reports/s (%.0f us each), "
                    + "median %.0f reports/s, %.1f MB/s at best, on one thread (%d values found per run)%n", set.getKey(), reports.size(),
                    (double) chars / reports.size(), best, 1e6 / best, median, best * chars / reports.size() / 1e6, values);
        }
        if (sink == 42) {
            System.out.println(); // keeps the warm-up from being optimised away
        }
    }

    /**
     * Diversity of the offline writer: 1,000 records sampled from the bundled TCGA-BRCA table (independent marginals),
     * one report each in all styles, clean and with noise 0.3, against the single-template baseline; plus the time to
     * write them.
     */
    private void writer() throws Exception {
        Schema schema = Schema.breastCancer();
        List<ClinicalRecord> records = org.pathosynth.synth.independent.IndependentMarginalsSynthesizer.builder().enforceConstraints(true)
                .build().fit(realTable(schema).table()).sample(1000, 5).records();
        for (String language : List.of("fr", "en")) {
            for (double noise : new double[] {0, 0.3}) {
                TemplateReportWriter writer = TemplateReportWriter.builder().schema(schema).language(language).noise(noise).build();
                long t = System.nanoTime();
                var d = org.pathosynth.bench.WriterDiversity.measure(records, writer, 1);
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "writer %s, noise %.1f: %s%n", language, noise, line(d.writer()));
                if (noise == 0) {
                    System.out.printf(Locale.ROOT, "single template %s:     %s%n", language, line(d.singleTemplate()));
                }
                System.out.printf(Locale.ROOT, "  (1,000 reports and both diversity measures in %.2f s)%n", seconds);
            }
        }
    }

    /** 10,000 fixture pairs: the first call pays for loading the model and the templates and for the JIT. */
    private void fixtures() {
        for (int run = 0; run <= repeat; run++) {
            long t = System.nanoTime();
            int n = org.pathosynth.fixtures.PathologyFixtures.breastCancer().seed(run).pairs(10_000).size();
            System.out.printf(Locale.ROOT, "fixtures, %s: %d pairs in %.3f s%n", run == 0 ? "first call" : "run " + run, n,
                    (System.nanoTime() - t) / 1e9);
        }
    }

    private static String line(TextDiversity d) {
        return String.format(Locale.ROOT, "distinct-1 %.4f, distinct-2 %.4f, self-BLEU-4 %.3f, tokens %.1f +/- %.1f (min %d, median %d, max %d)",
                d.distinct1(), d.distinct2(), d.selfBleu(), d.meanLength(), d.stdLength(), d.minLength(), d.medianLength(), d.maxLength());
    }

    /** CPU time of the fake server's threads (its handlers and the JDK server's dispatcher). */
    private static long fakeServerCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("fake-llm") || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private org.pathosynth.core.io.CsvReadResult realTable(Schema schema) throws Exception {
        org.pathosynth.core.io.CsvReadResult input;
        if (real != null) {
            input = org.pathosynth.core.io.CsvTables.read(real, schema);
        } else {
            try (var reader = new java.io.InputStreamReader(BenchCommand.class.getResourceAsStream(org.pathosynth.examples.DemoData.RESOURCE),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                input = org.pathosynth.core.io.CsvTables.read(reader, "tcga-brca.csv", schema, org.pathosynth.core.io.CsvReadOptions.DEFAULT);
            }
        }
        return input;
    }

    private void synthRuns(Table table, List<String> present) {
        for (int run = 0; run <= repeat; run++) {
            long t0 = System.nanoTime();
            var copula = org.pathosynth.synth.copula.GaussianCopulaSynthesizer.create().fit(table);
            long t1 = System.nanoTime();
            copula.sample(rows, run);
            long t2 = System.nanoTime();
            var mst = org.pathosynth.synth.mst.MstSynthesizer.builder().epsilon(1).delta(1e-9).seed(run).attributes(present).build().fit(table);
            long t3 = System.nanoTime();
            mst.sample(rows, run);
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s synth on %d real rows: gaussian copula fit %.3f s + sample %d %.3f s = %.3f s; "
                            + "MST (eps 1, %d attributes) fit %.3f s, sample %d %.3f s%n",
                    run == 0 ? "warm-up" : "run " + run, table.rowCount(), (t1 - t0) / 1e9, rows, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
                    present.size(), (t3 - t2) / 1e9, rows, (t4 - t3) / 1e9);
        }
    }

    /** A table over the whole breast-cancer domain with some dependence (ER drives PR), so every column is active. */
    static Table domainTable(Schema schema, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Table.Builder t = Table.builder(schema, n);
        for (int i = 0; i < n; i++) {
            ClinicalRecord.Builder b = ClinicalRecord.builder(schema);
            for (Attribute a : schema.attributes()) {
                if (rng.nextDouble() < 0.1) {
                    continue;
                }
                switch (a.kind()) {
                    case CATEGORICAL, ORDINAL -> b.set(a.name(), a.values().get(Math.min(a.values().size() - 1,
                            (int) Math.abs(rng.nextGaussian() * 2))));
                    case BOOLEAN -> b.set(a.name(), rng.nextDouble() < 0.3);
                    case INTEGER -> b.set(a.name(), (int) Math.min(40, Math.abs(rng.nextGaussian() * 6)));
                    case NUMERIC -> b.set(a.name(), a.round(Math.min(a.max(), a.min() + Math.abs(rng.nextGaussian() * 25))));
                }
            }
            ClinicalRecord r = b.build();
            if (!r.violations().isEmpty()) {
                r = r.with("lymph_nodes_affected", r.getInteger("lymph_nodes_taken"));
            }
            if (r.get("er_status") != null && rng.nextDouble() < 0.8) {
                r = r.with("pr_status", r.getString("er_status"));
            }
            t.add(r);
        }
        return t.build();
    }

    private static long usedMemory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
