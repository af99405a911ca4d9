package org.pathosynth.cli;

import org.pathosynth.cli.run.SchemaOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationFailure;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.GenerationRequests;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.cli.run.ContentFingerprint;
import org.pathosynth.cli.run.RunConfig;
import org.pathosynth.cli.run.Teachers;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.call.PriceTable;
import org.pathosynth.llm.call.ResponseCache;
import org.pathosynth.llm.generation.AssignmentPolicy;
import org.pathosynth.llm.generation.TeacherEnsemble;
import org.pathosynth.llm.run.Journal;
import org.pathosynth.llm.run.RunSummary;
import org.pathosynth.cli.run.LocalModelFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth generate}: one report per synthetic record, by one or several teachers, journaled and resumable. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a report for every record of a (synthetic) CSV with one or several teachers: 'template' "
                + "(offline) or LLM specs (openai:gpt-4o-mini, ollama:mistral, mistral:..., anthropic:..., gemini:..., "
                + "openai-compatible:URL#model). Finished reports are journaled: re-running the same command resumes.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--records", required = true, description = "Records to write reports for (CSV in the schema).")
    Path records;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    CsvOptions csv;

    @Option(names = "--generator", defaultValue = "template", split = ",",
            description = "Teachers, comma-separated: template or LLM specs (default: ${DEFAULT-VALUE}).")
    List<String> generators;

    @Option(names = "--allow-remote-real-text", description = "Allow records that are not PathoSynth's synthetic output (a CSV "
            + "without the matching .provenance.json that synthesize and sample write) to go to a remote LLM teacher (your data "
            + "agreement must cover it).")
    boolean allowRemote;

    @Option(names = "--writer-option", paramLabel = "KEY=VALUE", description = "An option of the offline writer ('template'), "
            + "repeatable: e.g. distractors=0.5 (values it must not extract), one_page=0.3, noise=0.3, vocabulary=classic, spans=false. "
            + "Pairs for training a student want distractors.")
    Map<String, String> writerOptions;

    @Option(names = "--weights", split = ",", description = "Teacher weights for --policy weighted, in --generator order.")
    List<Double> weights;

    @Option(names = "--policy", defaultValue = "round-robin", description = "round-robin, weighted or every (default: ${DEFAULT-VALUE}).")
    String policy;

    @Mixin
    LanguageOption languageOption;

    @Option(names = "--style", description = "Report style of every teacher: prose, structured, synoptic or sectioned (default: LLM "
            + "teachers write prose, the template writer draws from all four).")
    String style;

    @Option(names = "--words", defaultValue = "" + org.pathosynth.llm.generation.LlmGeneratorOptions.DEFAULT_WORDS, description = "LLM report length in words (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--temperature", defaultValue = "0.7", description = "LLM sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Mixin
    LlmOptions llm;

    @Option(names = "--rpm", description = "Client-side limit on requests per minute.")
    Double requestsPerMinute;

    @Option(names = "--tpm", description = "Client-side limit on tokens per minute.")
    Double tokensPerMinute;

    @Option(names = "--journal", description = "Journal folder (default: <out>.journal next to --out); holds the LLM cache too.")
    Path journalDir;

    @Option(names = "--prices", description = "Price table JSON for the cost estimate (default: bundled list prices).")
    Path prices;

    @Mixin
    SeedOption seedOption;


    @Option(names = "--out", required = true, description = "Pairs to write (JSONL: id, record, report).")
    Path out;

    @Option(names = "--summary", description = "Also write the run summary (counts, tokens, cost) as JSON here.")
    Path summaryFile;

    /** In the journal folder: the fingerprint of what it was started for (see {@link #requireSameInputs}). */
    private static final String INPUTS = "inputs.sha256";

    @Override
    public Integer call() throws IOException {
        new OutputFiles().input("--records", records).input("--prices", prices).output("--out", out).output("--summary", summaryFile).check();
        Schema s = schemaOptions.resolve(records, csv); // as synthesize read its table: a kept column outside the preset stays (and the fingerprint matches)
        Table table = csv.read(records, s).table();
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(records + ": no records to write reports for");
        }
        mayGoToTheTeachers(table);
        Path journalFolder = journalDir != null ? journalDir : out.resolveSibling(out.getFileName() + ".journal");
        String inputs = requireSameInputs(journalFolder, s);
        LlmClient.Builder cb = LlmClient.builder().concurrency(llm.concurrency).cache(new ResponseCache(journalFolder.resolve("cache")));
        if (requestsPerMinute != null) {
            cb.requestsPerMinute(requestsPerMinute);
        }
        if (tokensPerMinute != null) {
            cb.tokensPerMinute(tokensPerMinute);
        }
        LlmClient client = cb.build();
        TeacherEnsemble ensemble = ensemble(s, client);
        Files.createDirectories(journalFolder); // the teachers are valid: the journal is this generation's from now on
        org.pathosynth.core.io.AtomicFiles.writeString(journalFolder.resolve(INPUTS), inputs + "\n");
        List<GenerationRequest> requests = GenerationRequests.forTable(table, seedOption.seed);
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
            org.pathosynth.core.io.AtomicFiles.writeString(summaryFile, json.toPrettyString());
        }
        return batch.failures().isEmpty() ? 0 : 1;
    }

    /**
     * Records are real until shown otherwise: synthetic only when {@code <records>.provenance.json} says PathoSynth
     * sampled them and its fingerprint is that of the table read. Real records go to a remote LLM teacher only when
     * the caller allows it; checked for every LLM teacher before the first call.
     */
    private void mayGoToTheTeachers(Table table) {
        org.pathosynth.core.provenance.ArtifactProvenance made = org.pathosynth.core.provenance.ProvenanceJson.readSideFile(records);
        boolean synthetic = made != null && made.kind().equals("synthetic-table")
                && org.pathosynth.core.provenance.DataFingerprint.of(table).equals(made.input());
        org.pathosynth.llm.privacy.PrivacyGate gate = allowRemote ? org.pathosynth.llm.privacy.PrivacyGate.allowingRealTextToRemote()
                : org.pathosynth.llm.privacy.PrivacyGate.strict();
        for (String spec : generators) {
            if (!org.pathosynth.core.component.ComponentSpec.parse(spec.strip()).name().equals("template")) {
                org.pathosynth.cli.run.RemoteModels.check(spec.strip(), gate, synthetic ? org.pathosynth.llm.privacy.TextOrigin.SYNTHETIC
                        : org.pathosynth.llm.privacy.TextOrigin.REAL, "the records of " + records);
            }
        }
    }

    /**
     * A journal resumes only the generation it was started for: the records' content, the schema, the teachers and every
     * option that shapes a report. Another one is refused (its reports would be of other records) with what to do.
     */
    private String requireSameInputs(Path journalFolder, Schema s) throws IOException {
        String options = String.join("\n", s.name(), String.valueOf(generators), String.valueOf(weights), policy, languageOption.lang, style,
                String.valueOf(words), String.valueOf(temperature), String.valueOf(writerOptions == null ? Map.of() : new java.util.TreeMap<>(writerOptions)),
                String.valueOf(seedOption.seed));
        String fingerprint = ContentFingerprint.of(List.of(records), options);
        Path marker = journalFolder.resolve(INPUTS);
        if (Files.exists(marker) && !Files.readString(marker).strip().equals(fingerprint)) {
            throw new IllegalArgumentException("the journal " + journalFolder + " holds reports of other records or options (the content of "
                    + records + " or an option changed): delete it to start again, or give another --journal");
        }
        return fingerprint;
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
        Map<String, Object> writer = new java.util.LinkedHashMap<>(writerOptions == null ? Map.of() : writerOptions);
        if (style != null) {
            writer.putIfAbsent("styles", List.of(style)); // --style means the same for every teacher; --writer-option styles wins
        }
        return Teachers.ensemble(teachers, policy, s, languageOption.lang, 0, writer, client,
                new RunConfig.LlmConfig(llm.concurrency, llm.timeoutSeconds, style, words, temperature));
    }

    private AssignmentPolicy parsePolicy() {
        try {
            return Teachers.policy(policy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }
}
