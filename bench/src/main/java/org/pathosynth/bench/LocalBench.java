package org.pathosynth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pathosynth.cli.run.LocalModelFigures;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.examples.DemoData;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.extraction.LlmExtractor;
import org.pathosynth.llm.generation.LlmReportGenerator;
import org.pathosynth.llm.local.TinyLlamaGguf;
import org.pathosynth.llm.provider.Providers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code local}: an in-process GGUF model through the whole LLM path: --rows reports (at most 20) written from
 * TCGA-BRCA records (free text) and read back by the LLM extractor (grammar-constrained JSON), then prompt and
 * generation tokens per second. Without --model, the tiny random model the tests use: its figures measure the
 * machinery, not a real model.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "An in-process GGUF model, --model or the tiny random one: --rows reports written and extracted, tokens/s.")
final class LocalBench extends Benchmark {
    @Option(names = "--model", description = "A GGUF file with its options (path?threads=4&ctx=8192); default: the tiny random test model.")
    String model;

    @Option(names = "--rows", defaultValue = "10000", description = "Reports written and read back, at most 20 (default: ${DEFAULT-VALUE}).")
    int rows;

    @Override
    void measure() throws Exception {
        String spec = model;
        if (spec == null) {
            Path tiny = Files.createTempFile("pathosynth-tiny", ".gguf");
            tiny.toFile().deleteOnExit();
            TinyLlamaGguf.write(tiny, 7, TinyLlamaGguf.CHATML_TEMPLATE);
            spec = tiny + "?threads=1";
            System.out.println("model: the tiny random test model (2 layers, 32 dimensions, 354 tokens), one thread");
        }
        var endpoint = Providers.connect("local:" + spec);
        Schema schema = Schema.breastCancer();
        var client = LlmClient.builder().concurrency(1).build();
        var writer = LlmReportGenerator.builder(endpoint).client(client).language("fr").build();
        var extractor = LlmExtractor.builder(endpoint).client(client).schema(schema).language("fr").maxReasks(0).build();
        Table table = DemoData.tcgaBrca();
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
        System.out.print(LocalModelFigures.text());
    }
}
