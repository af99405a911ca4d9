package org.pathosynth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.io.CsvReadOptions;
import org.pathosynth.core.io.CsvReadResult;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.pipeline.Pipeline;
import org.pathosynth.core.pipeline.PipelineResult;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.report.QualityReportJson;
import org.pathosynth.extraction.filter.RoundTripFilter;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.synth.copula.GaussianCopulaSynthesizer;
import org.pathosynth.synth.report.TemplateReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth demo}: the whole loop offline on the bundled TCGA-BRCA table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole loop offline on bundled demo data (TCGA-BRCA): fit, sample, write reports, "
                + "filter by round trip, extract, and write synthetic.csv, corpus.jsonl and summary.json.")
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_DATA = org.pathosynth.examples.DemoData.RESOURCE;

    @Option(names = "--out", required = true, description = "Output folder (created if needed; a folder holding other files is "
            + "refused unless --force).")
    Path out;

    @Option(names = "--force", description = "Write into a folder that holds files other than a demo's (files of the demo's names are replaced).")
    boolean force;

    /** What the demo writes: a folder holding only these is a demo's own, written again. */
    static final java.util.Set<String> FILES = java.util.Set.of("synthetic.csv", "synthetic.csv.provenance.json", "corpus.jsonl",
            "corpus.jsonl.provenance.json", "summary.json");

    @Option(names = "--n", defaultValue = "500", description = "Number of synthetic records (default: ${DEFAULT-VALUE}).")
    int n;

    @Mixin
    SeedOption seedOption;

    @Mixin
    LanguageOption languageOption;

    @Option(names = "--min-recovered", defaultValue = "1.0",
            description = "Round-trip filter: share of a record's values the extractor must read back (default: ${DEFAULT-VALUE}).")
    double minRecovered;

    @Override
    public Integer call() throws IOException {
        if (n <= 0) {
            throw new IllegalArgumentException("--n must be positive, got " + n);
        }
        if (!force && Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.anyMatch(p -> !FILES.contains(p.getFileName().toString()))) {
                    throw new IllegalArgumentException("--out " + out + " holds files the demo did not write; give a new folder, or --force "
                            + "to write into it (files named " + String.join(", ", new java.util.TreeSet<>(FILES)) + " are replaced)");
                }
            }
        }
        long start = System.nanoTime();
        // every column of the table, as synthesize and run keep them: the preset plus the others, typed from the data
        String demoTable;
        try (InputStream in = DemoCommand.class.getResourceAsStream(DEMO_DATA)) {
            demoTable = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        org.pathosynth.core.io.RawCsv raw = org.pathosynth.core.io.RawCsv.read(new java.io.StringReader(demoTable), "demo:tcga-brca.csv");
        org.pathosynth.core.schema.SchemaInference.Result inferred = org.pathosynth.core.schema.SchemaInference.infer(raw.header(),
                raw.rows(), Schema.breastCancer(), Schema.breastCancer().name());
        Schema tableSchema = inferred.schema();
        Schema schema = tableSchema.reportable(); // what the reports state
        CsvReadResult input = CsvTables.read(new java.io.StringReader(demoTable), "demo:tcga-brca.csv", tableSchema, CsvReadOptions.DEFAULT);
        System.err.printf("demo: %d real rows (TCGA-BRCA); %s%n", input.table().rowCount(), String.join("; ", inferred.notices()));

        RuleBasedExtractor extractor = RuleBasedExtractor.builder().schema(schema).build();
        Pipeline pipeline = Pipeline.builder()
                .synthesizer(GaussianCopulaSynthesizer.create()) // the default synthesizer, as run and synthesize use it
                .generator(TemplateReportWriter.builder().schema(schema).language(languageOption.lang).build())
                .filter(RoundTripFilter.of(extractor, minRecovered))
                .extractor(extractor)
                .seed(seedOption.seed)
                .progress(ConsoleProgress.onStderr())
                .build();
        PipelineResult result = pipeline.run(input.table(), n);

        Files.createDirectories(out);
        org.pathosynth.core.io.AtomicFiles.write(out.resolve("synthetic.csv"), tmp -> CsvTables.write(result.synthetic(), tmp));
        ProvenanceJson.writeSideFile(out.resolve("synthetic.csv"), result.synthesis().provenance());
        Jsonl.writePairs(result.accepted(), out.resolve("corpus.jsonl"));
        ProvenanceJson.writeSideFile(out.resolve("corpus.jsonl"), org.pathosynth.core.provenance.ArtifactProvenance.of("corpus",
                        "round-trip", java.util.Map.of("min_recovered_share", minRecovered, "extractor", extractor.name()))
                .withInput(org.pathosynth.core.provenance.DataFingerprint.ofPairs(result.accepted().pairs()))
                .withSource("synthetic_table", result.synthesis().provenance()));
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        ObjectNode summary = summary(result, input, inferred.inferred(), extractor.name(), totalMillis);
        org.pathosynth.core.io.AtomicFiles.writeString(out.resolve("summary.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));

        System.err.printf("demo: %d reports, %d accepted (%.1f %%), %d rejected, %d failed; wrote %s in %.1f s%n",
                result.counts().generated(), result.counts().accepted(), 100 * result.counts().acceptanceRate(),
                result.counts().rejected(), result.counts().generationFailures(), out, totalMillis / 1000.0);
        return 0;
    }

    private ObjectNode summary(PipelineResult result, CsvReadResult input, List<String> inferredColumns, String extractorName, long totalMillis) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode s = mapper.createObjectNode();
        s.put("command", "demo");
        s.put("seed", seedOption.seed);
        s.put("records_requested", n);
        s.put("language", languageOption.lang);

        ObjectNode in = s.putObject("input");
        in.put("source", "TCGA-BRCA (bundled demo data)");
        in.put("rows", input.table().rowCount());
        inferredColumns.forEach(in.putArray("inferred_columns")::add);
        input.unknownColumns().forEach(in.putArray("ignored_columns")::add);
        input.missingColumns().forEach(in.putArray("missing_columns")::add);
        in.put("skipped_rows", input.skippedRowCount());

        ObjectNode synth = s.putObject("synthesizer");
        synth.put("name", result.model().synthesizerName());
        synth.set("privacy", ProvenanceJson.privacy(result.model().privacyGuarantee()));
        s.set("provenance", ProvenanceJson.toJson(result.synthesis().provenance())); // the synthetic table's, with its model's

        ObjectNode counts = s.putObject("counts");
        counts.put("records", result.counts().records());
        counts.put("reports_generated", result.counts().generated());
        counts.put("generation_failures", result.counts().generationFailures());
        counts.put("accepted", result.counts().accepted());
        counts.put("rejected", result.counts().rejected());
        ObjectNode by = counts.putObject("rejected_by_filter");
        result.counts().rejectedByFilter().forEach(by::put);
        counts.put("filter_errors", result.counts().filterErrors());
        counts.put("extraction_failures", result.counts().extractionFailures());

        ObjectNode filter = s.putObject("filter");
        filter.put("name", RoundTripFilter.NAME);
        filter.put("extractor", extractorName);
        filter.put("min_recovered_share", minRecovered);
        filter.put("acceptance_rate", result.counts().acceptanceRate());

        ObjectNode timings = s.putObject("timings_ms");
        result.stageMillis().forEach(timings::put);
        timings.put("total", totalMillis);

        List<ClinicalRecord> gold = new ArrayList<>();
        List<ClinicalRecord> read = new ArrayList<>();
        for (ReportPair pair : result.generated()) {
            Extraction e = result.extractions().get(pair.id());
            if (e != null) {
                gold.add(pair.record());
                read.add(e.values());
            }
        }
        ExtractionScores scores = ExtractionScorer.score(result.synthetic().schema().reportable(), gold, read);
        // Same per-attribute fields as score-extraction (accuracy, gold_present, accuracy_gold_nonnull, presence P/R/F1, ...).
        ObjectNode roundTrip = QualityReportJson.extractionJson(scores);
        roundTrip.put("extractor", extractorName);
        roundTrip.put("pairs", gold.size());
        roundTrip.put("mean_accuracy", scores.meanAccuracy());
        roundTrip.put("pooled_presence_f1", scores.pooledPresence().f1());
        s.set("round_trip", roundTrip);
        return s;
    }
}
