package org.pathosynth.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.export.ExportFormat;
import org.pathosynth.extraction.export.TrainingSetExport;
import org.pathosynth.extraction.filter.CorpusFiltering;
import org.pathosynth.extraction.filter.LengthFilter;
import org.pathosynth.extraction.filter.NearDuplicateFilter;
import org.pathosynth.extraction.filter.RoundTripFilter;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.synth.copula.GaussianCopulaSynthesizer;
import org.pathosynth.synth.report.TemplateReportWriter;

/** Synthetic pairs, filtered, written as OpenAI chat fine-tuning files (train and validation) in the folder given. */
public final class ExportForFineTuning {
    private ExportForFineTuning() {
    }

    public static void main(String[] args) {
        TrainingSetExport.Result r = run(Path.of(args.length > 0 ? args[0] : "finetune"), 300);
        System.out.printf("%d training, %d validation examples in %s%n", r.trainCount(), r.validationCount(), r.train().getParent());
    }

    static TrainingSetExport.Result run(Path dir, int n) {
        Table records = GaussianCopulaSynthesizer.builder().build().fit(DemoData.tcgaBrca()).sample(n, 3);
        TemplateReportWriter writer = TemplateReportWriter.builder().language("fr").noise(0.2).build();
        List<ReportPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GenerationRequest request = new GenerationRequest("r" + i, records.record(i), i);
            pairs.add(new ReportPair(request.id(), request.record(), writer.generate(request)));
        }
        var filters = FilterChain.of(List.of(LengthFilter.words(15, 2000), RoundTripFilter.of(RuleBasedExtractor.create())),
                List.of(NearDuplicateFilter.atSimilarity(0.8)));
        CorpusFiltering.Outcome kept = CorpusFiltering.apply(pairs, filters);
        System.out.printf("filters kept %d of %d pairs, removed: %s%n", kept.kept().size(), n, kept.rejectedByFilter());
        return TrainingSetExport.of(ExportFormat.OPENAI, 0.1, 42, "fr").write(kept.kept(), Schema.breastCancer(), dir);
    }
}
