package org.pathosynth.examples;

import java.nio.file.Path;
import java.util.Map;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.synthesis.Synthesizers;
import org.pathosynth.extraction.student.StudentModel;
import org.pathosynth.extraction.student.StudentTrainer;

/**
 * The loop's last step, offline: synthetic records, the offline writer's reports of them (with distractors and the
 * spans of their values), a student extractor trained on the pairs, saved with its provenance and loaded again.
 * Any schema works the same way: read the real table with your schema file. Arguments: a CSV in the breast-cancer
 * schema, the model file to write.
 */
public final class TrainAStudent {
    /** The writer's options for training pairs: every phrasing it knows, what not to extract, exact labels. */
    static final Map<String, Object> WRITER = Map.of("vocabulary", "extended", "distractors", 0.5, "noise", 0.3, "spans", true);

    private TrainAStudent() {
    }

    public static void main(String[] args) {
        StudentModel model = train(DemoData.tcgaBrca(), 4000, Path.of(args[0]));
        Report report = Report.of("r1", "Tumorectomie gauche : carcinome lobulaire infiltrant de 14 mm, grade II. RE 90 %, RP 0 %.", "fr");
        System.out.println(StudentModel.load(Path.of(args[0])).extractor().extract(report).values());
        System.out.println(model.provenance());
    }

    static StudentModel train(Table real, int n, Path file) {
        Table records = Synthesizers.create().fit(real).sample(n, 42);                                        // synthetic records
        ComponentContext french = ComponentContext.of(real.schema(), "fr");
        Corpus pairs = new Corpus(real.schema(), Generators.create("template", WRITER, french).generateAll(records, 42).pairs()); // write
        StudentModel model = StudentTrainer.builder().schema(real.schema()).seed(42).build().train(pairs);   // train
        model.save(file);                                                                                     // one file, with provenance
        return model;
    }
}
