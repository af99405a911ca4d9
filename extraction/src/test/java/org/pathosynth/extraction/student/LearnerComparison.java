package org.pathosynth.extraction.student;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;

/**
 * Not a test: a measurement, run by hand, of the learner the student should use. The same pairs, the same features and
 * the same examples are fitted by the student's own logistic regressions (Adagrad) and by Apache OpenNLP's maxent
 * learners (GIS, L-BFGS "QN", perceptron); OpenNLP's weights are then read into the student's inference, so only the
 * learning differs. Prints training time, accuracy on the bundled labelled and one-page reports, and the time
 * OpenNLP's own string-feature evaluation takes per report.
 * <pre>java -cp ... org.pathosynth.extraction.student.LearnerComparison 4000</pre>
 */
public final class LearnerComparison {
    private LearnerComparison() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        Schema schema = Schema.breastCancer();
        Corpus corpus = TrainingPairs.corpus(schema, n, 3);
        StudentTrainer trainer = StudentTrainer.builder().seed(5).threads(1).build();
        long t0 = System.nanoTime();
        StudentModel own = trainer.train(corpus);
        System.out.printf(Locale.ROOT, "own Adagrad logistic regression: trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        report("own", own);
        StudentTrainer.Supervised d = trainer.supervise(schema, corpus.pairs());
        for (String algorithm : List.of("MAXENT", "MAXENT_QN", "PERCEPTRON")) {
            long t = System.nanoTime();
            List<AttributeModel> models = new ArrayList<>();
            for (int ai = 0; ai < schema.size(); ai++) {
                Attribute a = schema.attribute(ai);
                List<String> classes = new ArrayList<>(d.classes.get(ai).keySet());
                MaxentModel mention = train(algorithm, d.clauses, d.mention[ai], 2);
                MaxentModel values = classes.isEmpty() ? null : train(algorithm, d.clauses, d.value[ai], classes.size());
                MaxentModel number = a.kind().isCoded() ? null : train(algorithm, d.numbers, d.number[ai], 2);
                models.add(new AttributeModel(a, mention == null ? null : binary(mention, d.index.size()),
                        values == null ? new ValueModel(Math.max(1, classes.size()), new float[d.index.size() * Math.max(1, classes.size())])
                                : multiclass(values, d.index.size(), classes.size()), classes,
                        number == null ? null : binary(number, d.index.size()), Calibration.IDENTITY));
            }
            System.out.printf(Locale.ROOT, "OpenNLP %s: trained in %.1f s%n", algorithm, (System.nanoTime() - t) / 1e9);
            report("OpenNLP " + algorithm, new StudentModel(schema, d.index, models, own.provenance(), own.training()));
            if (algorithm.equals("MAXENT_QN")) {
                stringEvaluationTime(d, schema);
            }
        }
    }

    private static MaxentModel train(String algorithm, Rows rows, int[] labels, int outcomes) throws Exception {
        List<Event> events = new ArrayList<>();
        boolean[] seen = new boolean[Math.max(outcomes, 2)];
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0) {
                continue;
            }
            String[] context = new String[rows.to(r) - rows.from(r)];
            for (int j = rows.from(r); j < rows.to(r); j++) {
                context[j - rows.from(r)] = Integer.toString(rows.ids[j]);
            }
            events.add(new Event(Integer.toString(labels[r]), context));
            seen[labels[r]] = true;
        }
        int kinds = 0;
        for (boolean b : seen) {
            kinds += b ? 1 : 0;
        }
        if (kinds < 2) {
            return null;
        }
        TrainingParameters p = TrainingParameters.defaultParams();
        p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        p.put(TrainingParameters.ITERATIONS_PARAM, 100);
        p.put(TrainingParameters.CUTOFF_PARAM, 0);
        EventTrainer trainer = TrainerFactory.getEventTrainer(p, new HashMap<>());
        return trainer.train(ObjectStreamUtils.createObjectStream(events));
    }

    /** The log-odds of outcome "1" against "0", per feature: a binary model in the student's form. */
    private static BinaryModel binary(MaxentModel m, int features) {
        float[] w = new float[features];
        int one = m.getIndex("1");
        int zero = m.getIndex("0");
        double[] probe = new double[m.getNumOutcomes()];
        double base0 = Math.log(m.eval(new String[0])[zero]);
        double base1 = Math.log(m.eval(new String[0])[one]);
        for (int f = 0; f < features; f++) {
            probe = m.eval(new String[] {Integer.toString(f)});
            w[f] = (float) ((Math.log(probe[one]) - base1) - (Math.log(probe[zero]) - base0));
        }
        return new BinaryModel(addBias(w, base1 - base0));
    }

    private static ValueModel multiclass(MaxentModel m, int features, int classes) {
        float[] w = new float[features * classes];
        double[] base = m.eval(new String[0]);
        for (int f = 0; f < features; f++) {
            double[] p = m.eval(new String[] {Integer.toString(f)});
            for (int k = 0; k < classes; k++) {
                int o = m.getIndex(Integer.toString(k));
                if (o >= 0) {
                    w[f * classes + k] = (float) (Math.log(p[o]) - Math.log(base[o]));
                }
            }
        }
        return new ValueModel(classes, w);
    }

    /** The student's features always include the bias; its weight carries the model's prior log-odds. */
    private static float[] addBias(float[] w, double prior) {
        return w; // the bias feature is one of the indexed features: its weight already holds the prior
    }

    private static void report(String name, StudentModel model) {
        StudentExtractor x = model.extractor();
        for (var set : List.of(Map.entry("labelled", LabelledCorpus.breastCancer()), Map.entry("one-page", LabelledCorpus.pageLong()))) {
            int right = 0;
            int total = 0;
            for (LabelledReport r : set.getValue()) {
                ClinicalRecord read = x.extract(r.report()).values();
                for (String a : r.gold().schema().names()) {
                    right += Objects.equals(read.get(a), r.gold().get(a)) ? 1 : 0;
                    total++;
                }
            }
            System.out.printf(Locale.ROOT, "  %-22s %-9s accuracy %.3f%n", name, set.getKey(), right / (double) total);
        }
    }

    /** How long OpenNLP's own evaluation (features as strings) takes to score every clause of the one-page reports. */
    private static void stringEvaluationTime(StudentTrainer.Supervised d, Schema schema) throws Exception {
        MaxentModel m = train("MAXENT_QN", d.clauses, d.mention[2], 2);
        List<Report> pages = LabelledCorpus.pageLong().stream().map(LabelledReport::report).toList();
        long sink = 0;
        long t = 0;
        int reports = 0;
        for (int round = 0; round < 60; round++) {
            long t1 = System.nanoTime();
            for (Report r : pages) {
                ReportView v = ReportView.of(r.text(), r.language(), d.index);
                for (int attr = 0; attr < schema.size(); attr++) {
                    for (int c = 0; c < v.clauses.size; c++) {
                        String[] context = new String[v.clauseFrom[c + 1] - v.clauseFrom[c]];
                        for (int j = v.clauseFrom[c]; j < v.clauseFrom[c + 1]; j++) {
                            context[j - v.clauseFrom[c]] = Integer.toString(v.clauseIds[j]);
                        }
                        sink += (long) (m.eval(context)[0] * 10);
                    }
                }
            }
            if (round >= 30) {
                t += System.nanoTime() - t1;
                reports += pages.size();
            }
        }
        System.out.printf(Locale.ROOT, "  OpenNLP's own evaluation of the clause models alone: %.0f us per one-page report (%d)%n",
                t / 1e3 / reports, sink % 2);
    }
}
