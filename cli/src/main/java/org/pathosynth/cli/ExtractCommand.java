package org.pathosynth.cli;

import org.pathosynth.cli.run.SchemaOption;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.io.RecordJson;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.call.PriceTable;
import org.pathosynth.llm.call.ResponseCache;
import org.pathosynth.llm.call.Usage;
import org.pathosynth.llm.extraction.LlmExtractor;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.Providers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth extract}: structured values (with evidence spans) from report texts, by rules or by an LLM. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the schema's values from reports (JSONL lines {\"id\", \"text\"[, \"lang\"]}) with the rule-based "
                + "extractor ('rules') or an LLM spec, zero-shot or with --shots K worked examples from --shots-from. "
                + "Output lines: {\"id\", \"record\", \"evidence\"}. Reports count as real patient text: a remote LLM needs "
                + "--allow-remote-real-text (or --input-origin synthetic).")
final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--reports", required = true, description = "Reports to read (JSONL).")
    Path reports;

    @Option(names = "--extractor", defaultValue = "rules", description = "rules or an LLM spec (default: ${DEFAULT-VALUE}).")
    String extractor;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    LanguageOption languageOption;

    @Option(names = "--shots", defaultValue = "0", description = "Worked examples for an LLM (default: ${DEFAULT-VALUE}).")
    int shots;

    @Option(names = "--shots-from", description = "Synthetic pairs (JSONL from 'generate') to take the worked examples from.")
    Path shotsFrom;

    @Option(names = "--input-origin", defaultValue = "real", description = "real or synthetic: where the reports come from (default: ${DEFAULT-VALUE}).")
    String inputOrigin;

    @Option(names = "--allow-remote-real-text", description = "Allow real report text to go to a remote LLM (your data agreement must cover it).")
    boolean allowRemote;

    @Mixin
    LlmOptions llm;

    @Option(names = "--cache", description = "LLM answer cache folder (default: <out>.cache); a re-run repeats no call.")
    Path cacheDir;


    @Option(names = "--out", required = true, description = "Predictions to write (JSONL).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Schema s = schemaOptions.resolve();
        List<Report> input = Jsonl.readReports(reports, languageOption.lang);
        LlmClient client = null;
        PathologyExtractor x;
        if (extractor.equals("rules")) {
            if (shots > 0) {
                throw new IllegalArgumentException("--shots applies to LLM extractors, not to 'rules'");
            }
            x = RuleBasedExtractor.builder().schema(s).build();
        } else {
            client = LlmClient.builder().concurrency(llm.concurrency)
                    .cache(new ResponseCache(cacheDir != null ? cacheDir : out.resolveSibling(out.getFileName() + ".cache"))).build();
            x = llmExtractor(s, client);
        }
        List<Extraction> results = extractAll(x, input);
        ObjectMapper json = new ObjectMapper();
        long failed = results.stream().filter(r -> r == null).count();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < input.size(); i++) {
                Extraction e = results.get(i);
                if (e == null) {
                    continue;
                }
                ObjectNode line = json.createObjectNode();
                line.put("id", e.reportId());
                line.set("record", RecordJson.toJson(e.values()));
                ObjectNode ev = line.putObject("evidence");
                for (String name : s.names()) {
                    Evidence span = e.evidence().get(name);
                    if (span != null) {
                        ev.putObject(name).put("start", span.start()).put("end", span.end()).put("confidence", span.confidence())
                                .put("quote", span.quote(input.get(i).text()));
                    }
                }
                w.write(line.toString());
                w.newLine();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d reports extracted, %d failed -> %s%n", x.name(), input.size() - failed, failed, out);
        if (client != null) {
            PriceTable prices = PriceTable.bundled();
            for (Usage u : client.usage()) {
                System.out.printf(Locale.ROOT, "  model %s: %d calls, %d from cache, %d retries, %d+%d tokens, cost %s%n", u.model(), u.calls(),
                        u.cacheHits(), u.retries(), u.inputTokens(), u.outputTokens(),
                        prices.cost(u).map(c -> String.format(Locale.ROOT, "%.4f USD", c)).orElse("unknown"));
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private LlmExtractor llmExtractor(Schema s, LlmClient client) {
        LlmExtractor.Builder b = LlmExtractor.builder(Providers.connect(extractor, org.pathosynth.llm.provider.ProviderSettings.builder().timeout(java.time.Duration.ofSeconds(llm.timeoutSeconds)).build())).client(client).schema(s).language(languageOption.lang)
                .inputOrigin(switch (inputOrigin) {
                    case "real" -> TextOrigin.REAL;
                    case "synthetic" -> TextOrigin.SYNTHETIC;
                    default -> throw new IllegalArgumentException("--input-origin must be real or synthetic, got '" + inputOrigin + "'");
                })
                .privacyGate(allowRemote ? PrivacyGate.allowingRealTextToRemote() : PrivacyGate.strict());
        if (shots > 0) {
            if (shotsFrom == null) {
                throw new IllegalArgumentException("--shots " + shots + " needs --shots-from pairs.jsonl (synthetic pairs)");
            }
            List<ReportPair> pairs = Jsonl.readCorpus(shotsFrom, s).pairs();
            if (pairs.size() < shots) {
                throw new IllegalArgumentException("--shots-from " + shotsFrom + " has " + pairs.size() + " pairs, fewer than --shots " + shots);
            }
            b.shots(pairs.subList(0, shots), TextOrigin.SYNTHETIC);
        }
        return b.build();
    }

    /** Extractions in input order; null where a report failed (counted, reported, never silently dropped). */
    private List<Extraction> extractAll(PathologyExtractor x, List<Report> input) throws Exception {
        int threads = x instanceof LlmExtractor ? llm.concurrency : 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        ConsoleProgress progress = ConsoleProgress.onStderr();
        try {
            List<Future<Extraction>> futures = new ArrayList<>();
            for (Report r : input) {
                futures.add(pool.submit(() -> {
                    try {
                        return x.extract(r);
                    } catch (org.pathosynth.llm.privacy.PrivacyViolationException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        System.err.printf(Locale.ROOT, "pathosynth: report %s not extracted: %s%n", r.id(), e.getMessage());
                        return null;
                    } finally {
                        progress.onProgress("extract", done.incrementAndGet(), input.size());
                    }
                }));
            }
            List<Extraction> out = new ArrayList<>(input.size());
            for (Future<Extraction> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
