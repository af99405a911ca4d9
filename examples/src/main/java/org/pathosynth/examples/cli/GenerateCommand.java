package org.pathosynth.examples.cli;

import org.pathosynth.examples.run.SchemaOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationFailure;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.examples.run.RunConfig;
import org.pathosynth.examples.run.Teachers;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.call.PriceTable;
import org.pathosynth.llm.call.ResponseCache;
import org.pathosynth.llm.generation.AssignmentPolicy;
import org.pathosynth.llm.generation.TeacherEnsemble;
import org.pathosynth.llm.run.Journal;
import org.pathosynth.llm.run.RunSummary;
import org.pathosynth.examples.run.LocalModelFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pathosynth generate}: one report per synthetic record, by one or several teachers, journaled and resumable. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a report for every record of a (synthetic) CSV with one or several teachers: 'template' "
                + "(offline) or LLM specs (openai:gpt-4o-mini, ollama:mistral, mistral:..., anthropic:..., gemini:..., "
                + "openai-compatible:URL#model). Finished reports are journaled: re-running the same command resumes.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--records", required = true, description = "Records to write reports for (CSV in the schema).")
    Path records;

    @Option(names = "--schema", defaultValue = "breast-cancer", description = "Schema preset or JSON file (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--generator", defaultValue = "template", split = ",",
            description = "Teachers, comma-separated: template or LLM specs (default: ${DEFAULT-VALUE}).")
    List<String> generators;

    @Option(names = "--weights", split = ",", description = "Teacher weights for --policy weighted, in --generator order.")
    List<Double> weights;

    @Option(names = "--policy", defaultValue = "round-robin", description = "round-robin, weighted or every (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--lang", defaultValue = "fr", description = "Report language: fr or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--style", defaultValue = "prose", description = "LLM report style: prose, structured, synoptic or sectioned (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--words", defaultValue = "250", description = "LLM report length in words (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--temperature", defaultValue = "0.7", description = "LLM sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--concurrency", defaultValue = "16", description = "LLM calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rpm", description = "Client-side limit on requests per minute.")
    Double requestsPerMinute;

    @Option(names = "--tpm", description = "Client-side limit on tokens per minute.")
    Double tokensPerMinute;

    @Option(names = "--journal", description = "Journal folder (default: <out>.journal next to --out); holds the LLM cache too.")
    Path journalDir;

    @Option(names = "--prices", description = "Price table JSON for the cost estimate (default: bundled list prices).")
    Path prices;

    @Option(names = "--seed", defaultValue = "42", description = "Base seed of the per-record seeds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds before an LLM call times out (and is retried) (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--out", required = true, description = "Pairs to write (JSONL: id, record, report).")
    Path out;

    @Option(names = "--summary", description = "Also write the run summary (counts, tokens, cost) as JSON here.")
    Path summaryFile;

    @Override
    public Integer call() throws IOException {
        Schema s = SchemaOption.resolve(schema);
        Table table = CsvTables.read(records, s).table();
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(records + ": no records to write reports for");
        }
        Path journalFolder = journalDir != null ? journalDir : out.resolveSibling(out.getFileName() + ".journal");
        LlmClient.Builder cb = LlmClient.builder().concurrency(concurrency).cache(new ResponseCache(journalFolder.resolve("cache")));
        if (requestsPerMinute != null) {
            cb.requestsPerMinute(requestsPerMinute);
        }
        if (tokensPerMinute != null) {
            cb.tokensPerMinute(tokensPerMinute);
        }
        LlmClient client = cb.build();
        TeacherEnsemble ensemble = ensemble(s, client);
        List<GenerationRequest> requests = new ArrayList<>(table.rowCount());
        for (int i = 0; i < table.rowCount(); i++) {
            requests.add(new GenerationRequest("r" + (i + 1), table.record(i), Seeds.derive(seed, "generate", i)));
        }
        long t0 = System.nanoTime();
        GenerationBatch batch;
        try (Journal journal = Journal.open(journalFolder, s)) {
            int before = journal.doneCount();
            if (before > 0) {
                System.err.printf(Locale.ROOT, "resuming: %d reports already in %s%n", before, journal.file());
            }
            batch = ensemble.generateAll(requests, journal, ConsoleProgress.onStderr());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Jsonl.writePairs(batch.pairs(), out);
        RunSummary summary = RunSummary.of(batch, client.usage(), prices == null ? PriceTable.bundled() : PriceTable.fromJson(prices), seconds);
        System.out.println(summary.toText());
        System.out.print(LocalModelFigures.text());
        for (GenerationFailure f : batch.failures()) {
            System.out.printf(Locale.ROOT, "  failed %s (%s): %s%n", f.id(), f.generator(), f.reason());
        }
        if (summaryFile != null) {
            var json = summary.toJson();
            LocalModelFigures.addTo(json);
            Files.writeString(summaryFile, json.toPrettyString());
        }
        return batch.failures().isEmpty() ? 0 : 1;
    }

    private TeacherEnsemble ensemble(Schema s, LlmClient client) {
        if (weights != null && weights.size() != generators.size()) {
            throw new IllegalArgumentException("--weights has " + weights.size() + " values for " + generators.size() + " generators");
        }
        List<RunConfig.GeneratorConfig> teachers = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            teachers.add(new RunConfig.GeneratorConfig(generators.get(i).strip(), weights == null ? 1.0 : weights.get(i)));
        }
        parsePolicy(); // an unknown policy is refused with the option's name
        return Teachers.ensemble(teachers, policy, s, lang, 0, client,
                new RunConfig.LlmConfig(concurrency, timeoutSeconds, style, words, temperature));
    }

    private AssignmentPolicy parsePolicy() {
        try {
            return Teachers.policy(policy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }
}
