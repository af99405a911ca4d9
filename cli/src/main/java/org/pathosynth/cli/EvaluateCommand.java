package org.pathosynth.cli;

import org.pathosynth.cli.run.SchemaOption;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.io.CsvReadResult;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.encoding.HashingLabelEmbedder;
import org.pathosynth.eval.encoding.LabelEmbedder;
import org.pathosynth.eval.langchain4j.EmbeddingModelLabelEmbedder;
import org.pathosynth.eval.report.QualityEvaluator;
import org.pathosynth.eval.report.QualityReport;
import org.pathosynth.eval.report.QualityReportConsole;
import org.pathosynth.eval.report.QualityReportHtml;
import org.pathosynth.eval.report.QualityReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth evaluate}: fidelity, similarity, novelty and privacy of a synthetic table. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a synthetic table against its training table and a holdout: accuracy (uni/bi/trivariate), "
                + "similarity, identical matches, DCR, DCR share, NNDR and DCR overfitting protection.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, description = "Training CSV (the rows the synthesizer was fitted on).")
    Path train;

    @Option(names = "--holdout", description = "Holdout CSV (real rows the synthesizer never saw); needed for DCR share and overfitting.")
    Path holdout;

    @Option(names = "--synthetic", required = true, description = "Synthetic CSV.")
    Path synthetic;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    CsvOptions csv;

    @Option(names = "--infer-schema", description = "Read the CSVs without a schema, inferring numeric, datetime and categorical columns.")
    boolean inferSchema;

    @Option(names = "--label-embedder", defaultValue = "hashing",
            description = "Category label embeddings for similarity and distances: hashing (the reference stand-in) or minilm "
                    + "(in-process MiniLM, offline) (default: ${DEFAULT-VALUE}).")
    String labelEmbedder;

    @Option(names = "--skip-invalid-rows",
            description = "Skip the synthetic rows that break the schema (a value it does not allow, or a constraint such as "
                    + "lymph_nodes_affected <= lymph_nodes_taken), count them by reason and say so in the report, instead of "
                    + "stopping at the first; the scores then cover the rows kept. Training and holdout rows are never skipped.")
    boolean skipInvalidRows;

    @Mixin
    SeedOption seedOption;

    @Option(names = "--json", description = "Write the report as JSON here.")
    Path json;

    @Option(names = "--html", description = "Write the report as one self-contained HTML page here.")
    Path html;

    @Override
    public Integer call() {
        new OutputFiles().input("--train", train).input("--holdout", holdout).input("--synthetic", synthetic).output("--json", json)
                .output("--html", html).check();
        EvalTable trn;
        EvalTable hol = null;
        EvalTable syn;
        org.pathosynth.eval.coherence.Coherence coherence = null;
        String skipped = null;
        if (inferSchema && skipInvalidRows) {
            throw new IllegalArgumentException("--skip-invalid-rows needs a schema: --infer-schema reads every row as text");
        }
        if (inferSchema) {
            trn = EvalTable.fromCsv(csv.readRaw(train));
            hol = holdout == null ? null : EvalTable.fromCsv(csv.readRaw(holdout));
            syn = EvalTable.fromCsv(csv.readRaw(synthetic));
        } else {
            Schema s = schemaOptions.resolve(train, csv, holdout, synthetic);
            CsvReadResult t = csv.read(train, s);
            // Only the schema columns the training file actually has are data; the others would be all-missing.
            java.util.List<String> present = s.names().stream().filter(n -> !t.missingColumns().contains(n)).toList();
            trn = EvalTable.fromTable(train.toString(), t.table()).withColumns(present);
            Table holTable = holdout == null ? null : csv.read(holdout, s).table();
            CsvReadResult synRead = csv.read(synthetic, s, skipInvalidRows);
            Table synTable = synRead.table();
            skipped = skippedRows(synRead);
            hol = holTable == null ? null : EvalTable.fromTable(holdout.toString(), holTable).withColumns(present);
            syn = EvalTable.fromTable(synthetic.toString(), synTable).withColumns(present);
            coherence = org.pathosynth.eval.coherence.Coherence.of(s, t.table(), holTable, synTable);
        }
        QualityReport report = QualityEvaluator.builder().labelEmbedder(embedder(labelEmbedder)).seed(seedOption.seed).skipBlankColumns(true)
                .progress(ConsoleProgress.onStderr()).build().evaluate(trn, hol, syn).withCoherence(coherence);
        if (skipped != null) {
            report = report.withWarning(skipped);
        }
        System.out.print(QualityReportConsole.render(report));
        if (json != null) {
            QualityReportJson.write(report, json);
        }
        if (html != null) {
            QualityReportHtml.write(report, "PathoSynth quality report: " + synthetic.getFileName(), html);
        }
        return 0;
    }

    /**
     * {@code "synthetic: 55 of 879 rows skipped as invalid (lymph_nodes_affected: lymph_nodes_affected <= lymph_nodes_taken, 55);
     * the scores cover the other 824"}, or null when none was skipped. Reasons name the column and the rule, never a value.
     */
    private String skippedRows(CsvReadResult read) {
        if (read.skippedRowCount() == 0) {
            return null;
        }
        java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (org.pathosynth.core.io.DataFormatException e : read.skippedRows()) {
            String reason = (e.column() != null ? e.column() + ": " : "") + (e.expected() != null ? e.expected() : "unreadable row");
            reasons.merge(reason, 1, Integer::sum);
        }
        int kept = read.table().rowCount();
        if (kept == 0) {
            throw new IllegalArgumentException(synthetic + ": every one of its " + read.skippedRowCount()
                    + " rows breaks the schema; nothing is left to score");
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        reasons.forEach((reason, count) -> parts.add(String.format(java.util.Locale.ROOT, "%s, %,d", reason, count)));
        return String.format(java.util.Locale.ROOT, "synthetic: %,d of %,d rows skipped as invalid (%s); the scores cover the other %,d",
                read.skippedRowCount(), read.skippedRowCount() + kept, String.join("; ", parts), kept);
    }

    static LabelEmbedder embedder(String name) {
        return switch (name) {
            case "hashing" -> new HashingLabelEmbedder();
            case "minilm" -> new EmbeddingModelLabelEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), "minilm");
            default -> throw new IllegalArgumentException("--label-embedder must be hashing or minilm, got '" + name + "'");
        };
    }
}
