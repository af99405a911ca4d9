package org.pathosynth.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.ExtractionBatch;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.extraction.student.StudentModel;
import org.pathosynth.extraction.student.StudentTrainer;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.io.CsvReadResult;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.io.RecordJson;
import org.pathosynth.core.pipeline.Pipeline;
import org.pathosynth.core.pipeline.PipelineResult;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.random.Permutations;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.report.QualityEvaluator;
import org.pathosynth.eval.report.QualityReport;
import org.pathosynth.eval.text.TextDiversity;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;
import org.pathosynth.extraction.export.ExportFormat;
import org.pathosynth.extraction.export.TrainingSetExport;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.call.PriceTable;
import org.pathosynth.llm.call.ResponseCache;
import org.pathosynth.llm.extraction.LlmExtractor;
import org.pathosynth.llm.generation.TeacherEnsemble;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.ProviderSettings;
import org.pathosynth.llm.provider.Providers;
import org.pathosynth.llm.run.Journal;
import org.pathosynth.llm.run.RunSummary;

/**
 * The whole loop of one {@link RunConfig}: split the real table into training and holdout rows, fit and sample the
 * synthesizer, write a report per synthetic record with the teachers, filter the pairs, export them for fine-tuning,
 * score the extractors on labelled reports, and write {@code summary.json} and {@code report.html}. Each step's outputs
 * are kept in the run folder; a re-run skips finished steps and report writing resumes from its journal.
 */
public final class FullRun {
    static final List<String> STEPS = List.of("split", Pipeline.SYNTHESIZE, Pipeline.GENERATE, Pipeline.FILTER, "export", "train-student", "extract");

    private final RunConfig config;
    private final Schema schema;
    /** What reports state: the schema without its table-only (inferred, unlabelled) columns. */
    private final Schema reportSchema;
    private final ProgressListener progress;
    private final PrintStream log;
    private final RunFolder folder;
    private final ObjectMapper json = new ObjectMapper();

    private FullRun(RunConfig config, ProgressListener progress, PrintStream log, boolean force, List<Path> moreInputs) {
        SchemaOption.Resolved resolved = RunChecks.validate(config);
        this.config = config;
        this.schema = resolved.schema();
        this.reportSchema = schema.reportable();
        resolved.notices().forEach(line -> log.println("run: " + config.real() + ": " + line));
        this.progress = progress;
        this.log = log;
        List<Path> data = new java.util.ArrayList<>(List.of(Path.of(config.real())));
        if (config.holdout() != null) {
            data.add(Path.of(config.holdout()));
        }
        if (config.labelled() != null) {
            data.add(Path.of(config.labelled()));
        }
        if (config.schema().endsWith(".json")) {
            data.add(Path.of(config.schema()));
        }
        List<Path> inputs = new java.util.ArrayList<>(moreInputs);
        inputs.addAll(data);
        this.folder = RunFolder.open(Path.of(config.out()), config.fingerprint(), ContentFingerprint.of(data, ""), force, inputs);
        if (folder.inputsChanged()) {
            log.printf(Locale.ROOT, "run: the content of %s changed since the last run in %s: every step runs again%n",
                    data.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", ")), folder.dir());
        }
    }

    /** Checks the config (one line naming the key for anything wrong) and opens or resumes its output folder. */
    public static FullRun of(RunConfig config, ProgressListener progress, PrintStream log) {
        return new FullRun(config, progress, log, false, List.of());
    }

    /**
     * As {@link #of(RunConfig, ProgressListener, PrintStream)}; with {@code force}, a non-empty folder that is not a run
     * folder is written into; {@code inputs} (besides the config's own) are files that must not lie in the folder.
     */
    public static FullRun of(RunConfig config, ProgressListener progress, PrintStream log, boolean force, List<Path> inputs) {
        return new FullRun(config, progress, log, force, inputs);
    }

    public Path folder() {
        return folder.dir();
    }

    /** Runs the steps not done yet, then writes the summary and the HTML report; returns the summary. */
    public ObjectNode run() throws IOException {
        folder.writeString("config.json", config.toJson());
        Table[] split = split();
        Table train = split[0];
        Table holdout = split[1];
        Set<String> missing = missingColumns();
        LlmClient client = client();
        var synthesizer = Synthesizers.build(config.synthesizer(), schema, missing);
        TeacherEnsemble teachers = Teachers.ensemble(config.generators(), config.policy(), reportSchema, config.language(), config.noise(),
                config.writer(), client, config.llm());
        FilterChain filters = config.filters().isEmpty() ? FilterChain.none() : QualityFilters.chain(config.filters(), reportSchema, config.language());
        PipelineResult result = Pipeline.builder().synthesizer(synthesizer).generator(teachers).filters(filters)
                .seed(config.seed()).progress(progress).store(new RunStore(folder, log, synthesizer.name(), client))
                .build().run(train, config.records());
        List<ReportPair> corpus = result.accepted().pairs();
        export(corpus);
        Path student = trainStudent(corpus);
        Map<String, ExtractionScores> scores = extract(student);
        Map<String, ExtractionScores> heldOut = config.labelled() == null ? extractHeldOut(student) : Map.of();
        return new RunReport(config, schema, folder, log).write(train, holdout, result.synthetic(), missing, result.generated(), corpus, scores,
                heldOut);
    }

    private boolean skip(String step) {
        if (folder.isDone(step)) {
            log.printf(Locale.ROOT, "run: %s already done, kept%n", step);
            return true;
        }
        return false;
    }

    private Table[] split() {
        if (!skip("split")) {
            CsvReadResult real = CsvTables.read(Path.of(config.real()), schema, config.csvReadOptions());
            if (!real.dialect().isStandard()) {
                log.printf(Locale.ROOT, "run: read %s as %s%n", config.real(), real.dialect().describe());
            }
            if (!real.emptyColumns().isEmpty()) {
                log.printf(Locale.ROOT, "run: %s blank in every row of %s (read as missing)%n", String.join(", ", real.emptyColumns()), config.real());
            }
            real.roundingNotices().forEach(line -> log.printf(Locale.ROOT, "run: %s: %s%n", config.real(), line));
            Table table = real.table();
            if (table.rowCount() < 2) {
                throw new IllegalArgumentException("config key 'real': " + config.real() + " has " + table.rowCount() + " data rows, at least 2 are needed");
            }
            Table training;
            Table held;
            if (config.holdout() != null) {
                // a ready-made holdout (the hospital's own split): the real table is all training rows
                CsvReadResult heldRead = CsvTables.read(Path.of(config.holdout()), schema, config.csvReadOptions());
                heldRead.roundingNotices().forEach(line -> log.printf(Locale.ROOT, "run: %s: %s%n", config.holdout(), line));
                held = heldRead.table();
                training = table;
            } else {
                int[] order = Permutations.shuffled(table.rowCount(), new SplittableRandom(Seeds.derive(config.seed(), "split", 0)));
                int cut = (int) Math.round(config.holdoutShare() * table.rowCount());
                held = table.rows(java.util.Arrays.copyOfRange(order, 0, cut));
                training = table.rows(java.util.Arrays.copyOfRange(order, cut, order.length));
            }
            int holdoutRows = held.rowCount();
            int trainingRows = training.rowCount();
            boolean heldTooFew = holdoutRows < QualityEvaluator.MIN_HOLDOUT_ROWS && (holdoutRows > 0 || config.holdout() != null);
            if (trainingRows < QualityEvaluator.MIN_TRAINING_ROWS || heldTooFew) {
                // found now, not after synthesis, writing and extraction: the evaluation at the end would refuse it
                String what = config.holdout() != null
                        ? "config key 'holdout': " + trainingRows + " rows of " + config.real() + " would train the synthesizer and "
                        + holdoutRows + " of " + config.holdout() + " be held out"
                        : "config key 'real': " + config.real() + " has " + table.rowCount() + " data rows; with holdout_share "
                        + config.holdoutShare() + ", " + trainingRows + " would train the synthesizer and " + holdoutRows + " be held out";
                throw new IllegalArgumentException(what + ", and the table metrics need at least "
                        + QualityEvaluator.MIN_TRAINING_ROWS + " training and " + QualityEvaluator.MIN_HOLDOUT_ROWS
                        + " holdout rows (a synthesizer fitted on so few rows copies patients)");
            }
            folder.write("holdout.csv", p -> CsvTables.write(held, p));
            folder.write("train.csv", p -> CsvTables.write(training, p));
            ObjectNode info = json.createObjectNode();
            info.put("real_rows", table.rowCount());
            info.put("holdout_rows", holdoutRows);
            if (config.holdout() != null) {
                info.put("holdout_file", config.holdout());
            }
            real.missingColumns().forEach(info.putArray("missing_columns")::add);
            real.unknownColumns().forEach(info.putArray("ignored_columns")::add);
            real.emptyColumns().forEach(info.putArray("empty_columns")::add);
            real.roundedValues().forEach(info.putObject("rounded_values")::put);
            info.put("dialect", real.dialect().describe());
            info.put("skipped_rows", real.skippedRowCount());
            folder.writeString("split.json", info.toPrettyString());
            folder.markDone("split");
            log.printf(Locale.ROOT, config.holdout() != null ? "run: %3$d holdout rows from " + config.holdout() + ", %2$d training rows (%1$d real)%n"
                    : "run: split %d real rows into %d training and %d holdout rows%n", table.rowCount(), trainingRows, holdoutRows);
        }
        return new Table[] {CsvTables.read(folder.file("train.csv"), schema).table(), CsvTables.read(folder.file("holdout.csv"), schema).table()};
    }

    /** Schema attributes the real file has no column for, as the split recorded them. */
    private Set<String> missingColumns() throws IOException {
        JsonNode info = json.readTree(folder.file("split.json").toFile());
        Set<String> missing = new HashSet<>();
        info.path("missing_columns").forEach(n -> missing.add(n.asText()));
        return missing;
    }

    private void export(List<ReportPair> corpus) {
        if (skip("export")) {
            return;
        }
        if (corpus.isEmpty()) {
            throw new IllegalStateException("no pair passed the filters (see filters.json): nothing to export");
        }
        for (String format : config.exports()) {
            ExportFormat f = ExportFormat.parse(format);
            Path dir = folder.file("exports").resolve(f.cliName());
            var result = TrainingSetExport.of(f, config.validationShare(), config.seed(), config.language()).write(corpus, reportSchema, dir);
            log.printf(Locale.ROOT, "run: exported %d training and %d validation examples as %s%n", result.trainCount(),
                    result.validationCount(), f.cliName());
        }
        folder.markDone("export");
    }

    /**
     * Trains a student on the filtered corpus (the pairs the run keeps), saves it as {@code student.bin} with its
     * provenance, and writes what it scored on its validation pairs to {@code student.json}. Null when the config says
     * not to, or the corpus is too small.
     */
    private Path trainStudent(List<ReportPair> corpus) {
        if (!config.student().train()) {
            return null;
        }
        Path model = folder.file("student.bin");
        if (!skip("train-student")) {
            if (corpus.size() < 20) {
                log.printf(Locale.ROOT, "run: no student trained: the corpus has %d pairs, at least 20 are needed%n", corpus.size());
                return null;
            }
            StudentModel trained = StudentTrainer.builder().schema(reportSchema).seed(Seeds.derive(config.seed(), "student"))
                    .epochs(config.student().epochs()).progress(progress).build().train(new Corpus(reportSchema, corpus));
            trained.save(model);
            folder.writeString("student.json", trained.describe());
            folder.markDone("train-student");
            log.printf(Locale.ROOT, "run: student trained on %d pairs in %.1f s, %.3f mean accuracy on its %d validation pairs%n",
                    trained.training().trainingPairs(), trained.training().seconds(), trained.training().meanAccuracy(),
                    trained.training().validationPairs());
        }
        return java.nio.file.Files.exists(model) ? model : null;
    }

    /** The extractors to score: the config's, then the run's student alone and behind the rules, by display name. */
    private Map<String, String> extractorSpecs(Path student) {
        Map<String, String> specs = new LinkedHashMap<>();
        config.extractors().forEach(x -> specs.put(x, x));
        if (student != null) {
            specs.put("student", "student:" + student);
            specs.put("rules+student", "rules+student:" + student);
        }
        return specs;
    }

    private Map<String, ExtractionScores> extract(Path student) {
        List<LabelledReport> labelled = config.labelled() == null ? LabelledCorpus.breastCancer(reportSchema)
                : LabelledCorpus.fromJsonl(Path.of(config.labelled()), reportSchema);
        return score(labelled, student, "", "labelled reports");
    }

    /**
     * The bundled held-out reports (70, written outside the project after the rules, never used to tune them), scored
     * apart from the labelled set the rules were developed on.
     */
    private Map<String, ExtractionScores> extractHeldOut(Path student) {
        return score(LabelledCorpus.heldOut(reportSchema), student, "-held-out", "held-out reports");
    }

    private Map<String, ExtractionScores> score(List<LabelledReport> labelled, Path student, String suffix, String what) {
        Map<String, ClinicalRecord> gold = new LinkedHashMap<>();
        labelled.forEach(l -> gold.put(l.report().id(), l.gold()));
        List<Report> reports = labelled.stream().map(LabelledReport::report).toList();
        Map<String, ExtractionScores> scores = new LinkedHashMap<>();
        for (Map.Entry<String, String> named : extractorSpecs(student).entrySet()) {
            String spec = named.getValue();
            String name = named.getKey();
            String file = "predictions-" + name.replaceAll("[^A-Za-z0-9._+-]", "_") + suffix + ".jsonl";
            if (!folder.isDone("extract" + suffix + ":" + name)) {
                PathologyExtractor extractor = extractor(spec);
                ExtractionBatch batch = extractor.extractAll(reports, (stage, done, total) -> progress.onProgress("extract " + spec, done, total));
                folder.write(file, p -> Jsonl.writePredictions(batch.extractions(), null, p));
                ProvenanceJson.writeSideFile(folder.file(file), ArtifactProvenance.of("predictions", extractor.name(),
                        Map.of("spec", spec, "reports", reports.size(), "failures", batch.failures().size())));
                if (!batch.failures().isEmpty()) {
                    log.printf(Locale.ROOT, "run: extractor %s could not read %d reports (scored as nothing extracted)%n", spec,
                            batch.failures().size());
                }
                folder.markDone("extract" + suffix + ":" + name);
            }
            Map<String, ClinicalRecord> read = new LinkedHashMap<>();
            Jsonl.readPredictions(folder.file(file), reportSchema).forEach(e -> read.put(e.reportId(), e.values()));
            scores.put(name, ExtractionScorer.scoreById(reportSchema, gold, read).scores());
            log.printf(Locale.ROOT, "run: extractor %s scores %.3f mean accuracy on %d %s%n", name,
                    scores.get(name).meanAccuracy(), labelled.size(), what);
        }
        return scores;
    }

    /**
     * The extractor a spec names, built by its provider. Labelled reports are real text: LLM extractors get them as
     * such (their default), so a remote endpoint is refused by the strict privacy gate before anything is sent.
     */
    private PathologyExtractor extractor(String spec) {
        ComponentContext context = ComponentContext.of(reportSchema, config.language()).with(LlmClient.class, client());
        Map<String, Object> options = new java.util.HashMap<>();
        List<String> known = org.pathosynth.core.component.Components.optionNames(org.pathosynth.core.extraction.ExtractorProvider.class, spec);
        if (known.contains("timeout_seconds")) {
            options.put("timeout_seconds", config.llm().timeoutSeconds());
        }
        if (known.contains("min_confidence")) {
            options.put("min_confidence", config.student().minConfidence());
        }
        return Extractors.create(spec, options, context);
    }

    private LlmClient client;

    /** One LLM client for the whole run: teachers and extractors share its concurrency, cache and usage counts. */
    private LlmClient client() {
        if (client == null) {
            client = LlmClient.builder().concurrency(config.llm().concurrency())
                    .cache(new ResponseCache(folder.file("journal").resolve("cache"))).build();
        }
        return client;
    }

    /** Used by {@link RunReport}: the quality of the synthetic table against its training and holdout rows. */
    static QualityReport quality(Schema schema, Table train, Table holdout, Table synthetic, long seed, Set<String> missing) {
        List<String> present = schema.names().stream().filter(n -> !missing.contains(n)).toList();
        return QualityEvaluator.builder().seed(seed).skipBlankColumns(true).build().evaluate(EvalTable.fromTable("training", train).withColumns(present),
                holdout.rowCount() == 0 ? null : EvalTable.fromTable("holdout", holdout).withColumns(present),
                EvalTable.fromTable("synthetic", synthetic).withColumns(present))
                .withCoherence(org.pathosynth.eval.coherence.Coherence.of(schema, train, holdout, synthetic));
    }

    static TextDiversity diversity(List<ReportPair> corpus, long seed) {
        return corpus.isEmpty() ? null : TextDiversity.of(corpus.stream().map(p -> p.report().text()).toList(), 200, seed);
    }
}
