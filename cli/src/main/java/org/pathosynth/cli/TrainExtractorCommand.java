package org.pathosynth.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;
import org.pathosynth.extraction.student.StudentExtractor;
import org.pathosynth.extraction.student.StudentModel;
import org.pathosynth.extraction.student.StudentTrainer;
import org.pathosynth.extraction.student.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth train-extractor}: a student extractor learnt from (record, report) pairs, for any schema. */
@Command(name = "train-extractor", mixinStandardHelpOptions = true,
        description = "Train a student extractor on (record, report) pairs (JSONL from 'generate', 'run' or 'export') for any "
                + "schema, on this machine's CPU. Prints accuracy per attribute on the held-out validation pairs and, for schemas "
                + "the bundled labelled reports cover, on those reports. Use it with 'extract --extractor student:MODEL' or "
                + "'rules+student:MODEL'.")
final class TrainExtractorCommand implements Callable<Integer> {
    @Option(names = "--pairs", required = true, description = "Training pairs (JSONL lines {\"id\", \"record\", \"report\"}).")
    Path pairs;

    @Mixin
    SchemaOptions schemaOptions;

    @Option(names = "--out", required = true, description = "Model file to write.")
    Path out;

    @Mixin
    SeedOption seedOption;

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of the pairs held out to score and calibrate (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--epochs", defaultValue = "10", description = "Passes over the pairs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() throws Exception {
        new OutputFiles().input("--pairs", pairs).output("--out", out).check();
        Schema schema = schemaOptions.resolve();
        Corpus corpus = Jsonl.readCorpus(pairs, schema);
        StudentModel model = StudentTrainer.builder().schema(schema).seed(seedOption.seed).validationShare(validation).epochs(epochs)
                .progress(ConsoleProgress.onStderr()).build().train(corpus);
        model.save(out);
        TrainingReport t = model.training();
        System.out.printf(Locale.ROOT, "student trained on %d pairs in %.1f s (%d features), validated on %d pairs -> %s (%.1f MB)%n",
                t.trainingPairs(), t.seconds(), t.features(), t.validationPairs(), out, Files.size(out) / 1e6);
        t.aligned().forEach((teacher, c) -> System.out.printf(Locale.ROOT, "  values placed for %s: %d of %d (%d by the writer's spans, %d by search)%n",
                teacher, c[1] + c[2], c[0], c[1], c[2]));
        System.out.printf(Locale.ROOT, "  confidence calibration on the validation pairs: ECE %.3f raw, %.3f after Platt scaling (cross-fitted; %d values)%n",
                t.eceRaw(), t.eceCalibrated(), t.calibrationValues());
        if (!model.coPresenceRules().isEmpty()) {
            System.out.println("  learnt from the training records, and kept to: " + String.join("; ", model.coPresenceRules()));
        }
        List<String> header = new ArrayList<>(List.of("validation"));
        List<Map<String, Double>> columns = new ArrayList<>(List.of(t.accuracy()));
        StudentExtractor x = model.extractor();
        if (coveredByBundledReports(schema)) {
            for (var set : List.of(Map.entry("labelled", LabelledCorpus.breastCancer(schema)), Map.entry("one-page", LabelledCorpus.pageLong(schema)),
                    Map.entry("held-out", LabelledCorpus.heldOut(schema)))) {
                header.add(set.getKey());
                columns.add(score(x, schema, set.getValue()).perAttribute().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().accuracy(), (a, b) -> a,
                                java.util.LinkedHashMap::new)));
            }
        }
        System.out.printf(Locale.ROOT, "%-26s", "accuracy");
        header.forEach(h -> System.out.printf(Locale.ROOT, " %10s", h));
        System.out.println();
        for (String name : schema.names()) {
            System.out.printf(Locale.ROOT, "%-26s", name);
            columns.forEach(c -> System.out.printf(Locale.ROOT, " %10.3f", c.getOrDefault(name, Double.NaN)));
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "%-26s", "mean");
        columns.forEach(c -> System.out.printf(Locale.ROOT, " %10.3f", c.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        System.out.println();
        if (coveredByBundledReports(schema)) {
            System.out.println("  labelled: 80 hand-written reports, used while developing the rules; one-page: 6 reports written after "
                    + "the rules; held-out: 70 reports written by someone who saw neither rules nor writer, never tuned on");
        }
        return 0;
    }

    /** Whether the bundled labelled reports label every attribute of the schema (the breast-cancer attributes and laterality). */
    private static boolean coveredByBundledReports(Schema schema) {
        List<String> labelled = new ArrayList<>(Schema.breastCancer().names());
        labelled.add("laterality");
        return labelled.containsAll(schema.names());
    }

    private static ExtractionScores score(StudentExtractor x, Schema schema, List<LabelledReport> reports) {
        List<ClinicalRecord> gold = new ArrayList<>();
        List<ClinicalRecord> read = new ArrayList<>();
        for (LabelledReport r : reports) {
            gold.add(r.gold());
            read.add(x.extract(r.report()).values());
        }
        return ExtractionScorer.score(schema, gold, read);
    }
}
