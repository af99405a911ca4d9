package org.pathosynth.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.filter.Filters;
import org.pathosynth.core.generation.GenerationRequests;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.Synthesizers;
import org.pathosynth.extraction.export.ExportFormat;
import org.pathosynth.extraction.export.TrainingSetExport;

/** Synthetic pairs, filtered, written as OpenAI chat fine-tuning files (train and validation) in the folder given. */
public final class ExportForFineTuning {
    private ExportForFineTuning() {
    }

    public static void main(String[] args) {
        TrainingSetExport.Result r = run(Path.of(args.length > 0 ? args[0] : "finetune"), 300);
        System.out.printf("%d training, %d validation examples in %s%n", r.trainCount(), r.validationCount(), r.train().getParent());
    }

    static TrainingSetExport.Result run(Path dir, int n) {
        Table records = Synthesizers.create().fit(DemoData.tcgaBrca()).sample(n, 3);
        ComponentContext french = ComponentContext.of(Schema.breastCancer(), "fr");
        ReportGenerator writer = Generators.create("template", Map.of("noise", 0.2), french);
        List<ReportPair> pairs = writer.generateAll(GenerationRequests.forTable(records, 3), ProgressListener.NONE).pairs();
        FilterChain.Outcome kept = Filters.chain(List.of("length", "round-trip", "near-duplicate"), french).apply(pairs);
        System.out.printf("filters kept %d of %d pairs, removed: %s%n", kept.kept().size(), n, kept.rejectedByFilter());
        return TrainingSetExport.of(ExportFormat.OPENAI, 0.1, 42, "fr").write(kept.kept(), Schema.breastCancer(), dir);
    }
}
