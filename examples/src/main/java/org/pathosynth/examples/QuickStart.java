package org.pathosynth.examples;

import java.nio.file.Path;
import java.util.List;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.ExtractionBatch;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.Synthesizers;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;

/**
 * The README's usage example: fit, sample, write, extract, evaluate. Argument: a CSV with columns of the breast-cancer
 * schema; its other columns are kept, typed from the data.
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        ExtractionScores scores = run(Path.of(args[0]), 200);
        System.out.printf("mean per-attribute accuracy: %.3f%n", scores.meanAccuracy());
    }

    static ExtractionScores run(Path realCsv, int n) {
        Schema schema = Schema.infer(realCsv, Schema.breastCancer()).schema();  // the preset plus the table's other columns
        Table real = CsvTables.read(realCsv, schema).table();
        FittedSynthesizer model = Synthesizers.create().fit(real);                                       // fit (Gaussian copula)
        Table synthetic = model.sample(n, 42);                                                           // sample
        ComponentContext french = ComponentContext.of(schema.reportable(), "fr");                        // what reports state
        List<ReportPair> pairs = Generators.create("template", french).generateAll(synthetic, 42).pairs(); // write
        ExtractionBatch read = Extractors.create("rules", french).extractAll(ReportPair.reports(pairs));     // extract
        return ExtractionScorer.scorePairs(pairs, read.extractions());                                      // evaluate
    }
}
