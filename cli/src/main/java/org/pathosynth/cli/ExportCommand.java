package org.pathosynth.cli;

import org.pathosynth.cli.run.SchemaOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.cli.run.QualityFilters;
import org.pathosynth.extraction.export.ExportFormat;
import org.pathosynth.extraction.export.TrainingSetExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    LanguageOption languageOption;

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of pairs held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Mixin
    SeedOption seedOption;

    @Option(names = "--filters", split = ",", description = "Filters applied in order before export: length (15 to 2,000 words), language, "
            + "near-duplicate, round-trip (the rule-based extractor must read back every value).")
    List<String> filters;

    @Override
    public Integer call() {
        new OutputFiles().input("--pairs", pairs).output("--out", out.resolve("train.jsonl")).output("--out", out.resolve("validation.jsonl"))
                .check();
        Schema s = schemaOptions.resolve();
        ExportFormat f = ExportFormat.parse(format);
        List<ReportPair> input = Jsonl.readCorpus(pairs, s).pairs();
        List<ReportPair> kept = input;
        if (filters != null && !filters.isEmpty()) {
            FilterChain chain;
            try {
                chain = QualityFilters.chain(filters, s, languageOption.lang);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--filters: " + e.getMessage(), e);
            }
            FilterChain.Outcome outcome = chain.apply(input);
            kept = outcome.kept();
            System.out.printf(Locale.ROOT, "filters kept %d of %d pairs%n", kept.size(), input.size());
            outcome.rejectedByFilter().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s removed %d%n", k, v));
            outcome.reasons().forEach((k, v) -> System.out.printf(Locale.ROOT, "    %s: %d%n", k, v));
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no pairs left to export" + (input.isEmpty() ? " (" + pairs + " is empty)" : " after the filters"));
        }
        TrainingSetExport.Result r = TrainingSetExport.of(f, validation, seedOption.seed, languageOption.lang).write(kept, s, out);
        System.out.printf(Locale.ROOT, "%s: %d training and %d validation examples -> %s, %s%n", f.cliName(), r.trainCount(),
                r.validationCount(), r.train(), r.validation());
        return 0;
    }
}
