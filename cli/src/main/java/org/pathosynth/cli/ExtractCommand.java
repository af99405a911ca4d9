package org.pathosynth.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.component.Components;
import org.pathosynth.core.extraction.ExtractorProvider;
import org.pathosynth.core.extraction.ExtractionBatch;
import org.pathosynth.core.extraction.ExtractionFailure;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.DataFingerprint;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.call.PriceTable;
import org.pathosynth.llm.call.ResponseCache;
import org.pathosynth.llm.call.Usage;
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
        new OutputFiles().input("--reports", reports).input("--shots-from", shotsFrom).output("--out", out).check();
        Schema s = schemaOptions.resolve();
        List<Report> input = Jsonl.readReports(reports, languageOption.lang);
        List<String> known;
        try {
            known = Components.optionNames(ExtractorProvider.class, extractor);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--extractor: " + e.getMessage(), e);
        }
        boolean llmSpec = known.contains("shots"); // an LLM extractor: worked examples, input origin, remote gate
        Map<String, Object> options = new LinkedHashMap<>();
        ComponentContext context = ComponentContext.of(s, languageOption.lang);
        LlmClient client = null;
        if (!llmSpec) {
            if (shots > 0) {
                throw new IllegalArgumentException("--shots applies to LLM extractors, not to '" + extractor + "'");
            }
        } else {
            if (shots > 0 && shotsFrom == null) {
                throw new IllegalArgumentException("--shots " + shots + " needs --shots-from pairs.jsonl (synthetic pairs)");
            }
            if (!List.of("real", "synthetic").contains(inputOrigin)) {
                throw new IllegalArgumentException("--input-origin must be real or synthetic, got '" + inputOrigin + "'");
            }
            client = LlmClient.builder().concurrency(llm.concurrency)
                    .cache(new ResponseCache(cacheDir != null ? cacheDir : out.resolveSibling(out.getFileName() + ".cache"))).build();
            context = context.with(LlmClient.class, client);
            options.put("shots", shots);
            if (shotsFrom != null) {
                options.put("shots_from", shotsFrom.toString());
            }
            options.put("input_origin", inputOrigin);
            options.put("allow_remote_real_text", allowRemote);
            options.put("timeout_seconds", llm.timeoutSeconds);
        }
        PathologyExtractor x;
        try {
            x = Extractors.create(extractor, options, context);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--extractor: " + e.getMessage(), e);
        }
        ConsoleProgress progress = ConsoleProgress.onStderr();
        ExtractionBatch batch = x.extractAll(input, progress);
        for (ExtractionFailure f : batch.failures()) {
            System.err.printf(Locale.ROOT, "pathosynth: report %s not extracted: %s%n", f.reportId(), f.reason());
        }
        Map<String, String> texts = new HashMap<>();
        input.forEach(r -> texts.put(r.id(), r.text()));
        Jsonl.writePredictions(batch.extractions(), texts, out);
        ProvenanceJson.writeSideFile(out, ArtifactProvenance.of("predictions", x.name(), Map.of("spec", extractor, "reports", input.size(),
                "failures", batch.failures().size())).withInput(DataFingerprint.ofFile(reports)));
        int failed = batch.failures().size();
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
}
