package org.pathosynth.examples.cli;

import org.pathosynth.examples.run.SchemaOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.examples.run.QualityFilters;
import org.pathosynth.extraction.export.ExportFormat;
import org.pathosynth.extraction.export.TrainingSetExport;
import org.pathosynth.extraction.filter.CorpusFiltering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pathosynth export}: (filtered) pairs as fine-tuning files, split into train and validation. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write (record, report) pairs as fine-tuning data (train.jsonl, validation.jsonl) in OpenAI chat, Mistral, "
                + "Hugging Face messages or Alpaca format, with the LLM extractor's own instruction. --filters applies quality "
                + "filters first and prints what each removed and why.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--pairs", required = true, description = "Pairs (JSONL from 'generate' or 'demo').")
    Path pairs;

    @Option(names = "--format", required = true, description = "openai, mistral, hf-messages or alpaca.")
    String format;

    @Option(names = "--out", required = true, description = "Folder to write train.jsonl and validation.jsonl to.")
    Path out;

    @Option(names = "--schema", defaultValue = "breast-cancer", description = "Schema preset or JSON file (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--lang", defaultValue = "fr", description = "Language of the instruction: fr or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of pairs held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the train/validation split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--filters", split = ",", description = "Filters applied in order before export: length (15 to 2,000 words), language, "
            + "near-duplicate, round-trip (the rule-based extractor must read back every value).")
    List<String> filters;

    @Override
    public Integer call() {
        Schema s = SchemaOption.resolve(schema);
        ExportFormat f = ExportFormat.parse(format);
        List<ReportPair> input = Jsonl.readCorpus(pairs, s).pairs();
        List<ReportPair> kept = input;
        if (filters != null && !filters.isEmpty()) {
            FilterChain chain;
            try {
                chain = QualityFilters.chain(filters, s, lang);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--filters: " + e.getMessage(), e);
            }
            CorpusFiltering.Outcome outcome = CorpusFiltering.apply(input, chain);
            kept = outcome.kept();
            System.out.printf(Locale.ROOT, "filters kept %d of %d pairs%n", kept.size(), input.size());
            outcome.rejectedByFilter().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s removed %d%n", k, v));
            outcome.reasons().forEach((k, v) -> System.out.printf(Locale.ROOT, "    %s: %d%n", k, v));
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no pairs left to export" + (input.isEmpty() ? " (" + pairs + " is empty)" : " after the filters"));
        }
        TrainingSetExport.Result r = TrainingSetExport.of(f, validation, seed, lang).write(kept, s, out);
        System.out.printf(Locale.ROOT, "%s: %d training and %d validation examples -> %s, %s%n", f.cliName(), r.trainCount(),
                r.validationCount(), r.train(), r.validation());
        return 0;
    }
}
