package org.pathosynth.examples;

import org.pathosynth.core.data.Table;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.report.QualityEvaluator;
import org.pathosynth.eval.report.QualityReport;
import org.pathosynth.eval.report.QualityReportConsole;
import org.pathosynth.synth.copula.GaussianCopulaSynthesizer;

/** Fit a Gaussian copula on 80 % of the public TCGA-BRCA rows, sample, and score fidelity and privacy. */
public final class SynthesizeAndEvaluate {
    private SynthesizeAndEvaluate() {
    }

    public static void main(String[] args) {
        QualityReport report = run(500);
        System.out.print(QualityReportConsole.render(report));
    }

    static QualityReport run(int n) {
        Table real = DemoData.tcgaBrca();
        int cut = real.rowCount() * 4 / 5;
        Table training = real.rows(java.util.stream.IntStream.range(0, cut).toArray());
        Table holdout = real.rows(java.util.stream.IntStream.range(cut, real.rowCount()).toArray());

        FittedSynthesizer model = GaussianCopulaSynthesizer.builder().build().fit(training);
        Table synthetic = model.sample(n, 42);

        return QualityEvaluator.builder().seed(42).build().evaluate(
                EvalTable.fromTable("training", training),
                EvalTable.fromTable("holdout", holdout),
                EvalTable.fromTable("synthetic", synthetic));
    }
}
