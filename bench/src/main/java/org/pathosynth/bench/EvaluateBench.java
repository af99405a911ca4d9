package org.pathosynth.bench;

import java.util.Locale;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.report.QualityEvaluator;
import org.pathosynth.eval.report.QualityReport;
import org.pathosynth.synth.copula.GaussianCopulaSynthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: the whole quality evaluation (accuracy, encoding, exact nearest neighbours, exact Gower DCR) on
 * N training, N holdout and N synthetic rows, each a Gaussian-copula sample of --real, stage by stage.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Quality evaluation of N synthetic vs N training vs N holdout rows shaped like the real table, time per stage.")
final class EvaluateBench extends Benchmark {
    @Option(names = "--rows", defaultValue = "200000", description = "Rows per table (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    RealTableOption real;

    @Mixin
    RepeatedRuns runs;

    @Override
    void measure() throws Exception {
        Table table = real.read(Schema.breastCancer()).table();
        var model = GaussianCopulaSynthesizer.create().fit(table);
        EvalTable training = EvalTable.fromTable("training", model.sample(rows, 1));
        EvalTable holdout = EvalTable.fromTable("holdout", model.sample(rows, 2));
        EvalTable synthetic = EvalTable.fromTable("synthetic", model.sample(rows, 3));
        runs.each((run, label) -> {
            long t = System.nanoTime();
            QualityReport r = QualityEvaluator.builder().seed(run).build().evaluate(training, holdout, synthetic);
            System.out.printf(Locale.ROOT, "%s evaluate %d x %d x %d rows (%d columns): %.1f s; stages (ms) %s; DCR overfitting %.3f%n",
                    label, rows, rows, rows, training.columnNames().size(), (System.nanoTime() - t) / 1e9, r.timingsMillis(),
                    r.overfitting().score());
        });
    }
}
