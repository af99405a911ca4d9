package org.pathosynth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.data.EvalTable;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code report}: the full quality report on generated tables (table metrics, then --rows reports written and read
 * back for extraction scoring and text diversity, then JSON and HTML), each stage timed.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The full quality report with extraction, text diversity, JSON and HTML, on N training, holdout and synthetic rows.")
final class ReportBench extends Benchmark {
    @Option(names = "--rows", defaultValue = "10000", description = "Rows per set (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    RepeatedRuns runs;

    @Override
    void measure() throws Exception {
        Schema schema = Schema.breastCancer();
        Table training = domainTable(schema, rows, 11);
        Table holdout = domainTable(schema, rows, 12);
        Table synthetic = IndependentMarginalsSynthesizer.create().fit(training).sample(rows, 13);
        TemplateReportWriter writer = TemplateReportWriter.builder().build();
        RuleBasedExtractor extractor = RuleBasedExtractor.create();
        Path dir = Files.createTempDirectory("pathosynth-bench");
        runs.each((run, label) -> {
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
                    label, rows, schema.size(), (end - t) / 1e9, (tableDone - t) / 1e9,
                    report.timingsMillis(), rows, (corpusDone - tableDone) / 1e9, (end - corpusDone) / 1e9);
        });
    }

    /** A table over the whole breast-cancer domain with some dependence (ER drives PR), so every column is active. */
    private static Table domainTable(Schema schema, int n, long seed) {
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
}
