package org.pathosynth.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;
import org.pathosynth.synth.report.TemplateReportWriter;

/** The README's usage example: fit, sample, generate, extract, evaluate. Argument: a CSV in the breast-cancer schema. */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        ExtractionScores scores = run(Path.of(args[0]), 200);
        System.out.printf("mean per-attribute accuracy: %.3f%n", scores.meanAccuracy());
    }

    static ExtractionScores run(Path realCsv, int n) {
        Schema schema = Schema.breastCancer();
        Table real = CsvTables.read(realCsv, schema).table();
        FittedSynthesizer model = IndependentMarginalsSynthesizer.create().fit(real);          // fit
        Table synthetic = model.sample(n, 42);                                                  // sample
        ReportGenerator writer = TemplateReportWriter.builder().language("fr").build();         // generate
        PathologyExtractor extractor = RuleBasedExtractor.create();                             // extract
        List<ClinicalRecord> gold = synthetic.records();
        List<ClinicalRecord> read = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            Report report = writer.generate(new GenerationRequest("r" + i, gold.get(i), i));
            read.add(extractor.extract(report).values());
        }
        return ExtractionScorer.score(schema, gold, read);                                      // evaluate
    }
}
