package org.pathosynth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.pathosynth.cli.run.SchemaOption;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.extraction.student.RulesAndStudentExtractor;
import org.pathosynth.extraction.student.StudentExtractor;
import org.pathosynth.extraction.student.StudentModel;
import org.pathosynth.extraction.student.StudentTrainer;
import org.pathosynth.extraction.student.TrainingReport;
import org.pathosynth.fixtures.EdgeCase;
import org.pathosynth.fixtures.PathologyFixtures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code student}: a student extractor trained only on pairs the offline writer writes (records from the fixtures'
 * copula, French and English, every style, noise, distractors, one-page reports), then timed and scored: training time,
 * model size, calibration, accuracy per attribute on the bundled labelled reports, the one-page reports and fixtures
 * with full noise beside the rules and rules+student, and one-page extraction speed on one thread (in a JVM of its own,
 * by {@code bench extract --extractor student:FILE}).
 */
@Command(name = "student", mixinStandardHelpOptions = true,
        description = "Train a student on offline pairs only, then time it and score it beside the rules.")
final class StudentBench extends Benchmark {
    @Option(names = "--pairs", defaultValue = "10000", description = "Training pairs, half French, half English (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--schema", defaultValue = "breast-cancer", description = "Schema preset or file; attributes the fixtures "
            + "lack are drawn uniformly (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--noise", defaultValue = "0.3", description = "The writer's typographic noise (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--distractors", defaultValue = "0.5", description = "The writer's distractor rate (default: ${DEFAULT-VALUE}).")
    double distractors;

    @Option(names = "--one-page", defaultValue = "0.3", description = "Share of one-page reports (default: ${DEFAULT-VALUE}).")
    double onePage;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the records, the reports and the training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--held-out", description = "Also score the 70 held-out reports (never tune on them).")
    boolean heldOut;

    @Option(names = "--dev", description = "Also score the 75 development reports (the set to tune on).")
    boolean development;

    @Option(names = "--held-out-2", description = "Also score the 60 reports of the second held-out set (never tune on them).")
    boolean heldOutSecond;

    @Option(names = "--held-out-3", description = "Also score the 60 reports of the third held-out set (never tune on them).")
    boolean heldOutThird;

    @Option(names = "--held-out-4", description = "Also score the 60 reports of the fourth held-out set (never tune on them).")
    boolean heldOutFourth;

    @Option(names = "--held-out-5", description = "Also score the 60 reports of the fifth held-out set (never tune on them).")
    boolean heldOutFifth;

    @Option(names = "--held-out-6", description = "Also score the 60 reports of the sixth held-out set (never tune on them).")
    boolean heldOutSixth;

    @Option(names = "--held-out-7", description = "Also score the 60 reports of the seventh held-out set (never tune on them).")
    boolean heldOutSeventh;

    @Option(names = "--held-out-8", description = "Also score the 60 reports of the eighth held-out set (never tune on them).")
    boolean heldOutEighth;

    @Option(names = "--min-confidence", defaultValue = "0.8", description = "rules+student: the student's confidence from which it "
            + "fills what the rules left (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--epochs", defaultValue = "10", description = "Training passes (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--l2", defaultValue = "1e-4", description = "L2 penalty of the student's logistic models (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--anchors", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Train anchor-word models for categorical attributes (default; --no-anchors to compare; see StudentTrainer.Builder.anchors).")
    boolean anchors;

    @Option(names = "--save", description = "Keep the model here.")
    Path save;

    @Override
    void measure() throws Exception {
        Schema s = SchemaOption.resolve(schema);
        List<ReportPair> corpus = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String lang : List.of("fr", "en")) {
            Table.Builder coherent = Table.builder(s, pairs / 2).coherent(); // an in situ record states no SBR grade, say
            records(s, pairs / 2, seed + lang.hashCode()).forEach(coherent::add);
            Table records = coherent.build();
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("noise", noise);
            options.put("distractors", distractors);
            options.put("one_page", onePage);
            options.put("vocabulary", "extended");
            options.put("spans", true);
            for (ReportPair p : Generators.create("template", options, ComponentContext.of(s, lang)).generateAll(records, seed).pairs()) {
                String id = lang + "-" + p.id();
                Report r = p.report();
                corpus.add(new ReportPair(id, p.record(), new Report(id, r.text(), r.language(), r.provenance(), r.spans())));
            }
        }
        System.out.printf(Locale.ROOT, "student: %d offline pairs written in %.1f s (noise %.2f, distractors %.2f, one-page %.2f)%n",
                corpus.size(), (System.nanoTime() - t0) / 1e9, noise, distractors, onePage);
        long t1 = System.nanoTime();
        StudentModel model = StudentTrainer.builder().schema(s).seed(seed).epochs(epochs).l2(l2).anchors(anchors).build().train(new Corpus(s, corpus));
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        Path file = save != null ? save : Files.createTempFile("student", ".bin");
        model.save(file);
        TrainingReport t = model.training();
        System.out.printf(Locale.ROOT, "student: trained in %.1f s on %d cores (%d pairs, %d held out), %d features, model file %.2f MB%n",
                trainSeconds, Runtime.getRuntime().availableProcessors(), t.trainingPairs(), t.validationPairs(), t.features(),
                Files.size(file) / 1e6);
        System.out.printf(Locale.ROOT, "student: validation mean accuracy %.3f; calibration ECE %.3f raw, %.3f calibrated (%d values)%n",
                t.meanAccuracy(), t.eceRaw(), t.eceCalibrated(), t.calibrationValues());
        System.out.println("student: kept to, as learnt from the training records: " + String.join("; ", model.coPresenceRules()));
        StudentExtractor student = model.extractor();
        PathologyExtractor rules = RuleBasedExtractor.builder().schema(s).build();
        PathologyExtractor both = new RulesAndStudentExtractor(rules, student, minConfidence);
        Map<String, List<LabelledReport>> sets = new LinkedHashMap<>();
        sets.put("labelled", LabelledCorpus.breastCancer(s));
        sets.put("one-page", LabelledCorpus.pageLong(s));
        if (s.names().stream().allMatch(Schema.breastCancer().names()::contains)) {
            sets.put("fixtures noise 1.0", fixtures(s, false));
            sets.put("fixtures noise 1.0, edge cases", fixtures(s, true));
        }
        if (heldOut) {
            sets.put("held-out", LabelledCorpus.heldOut(s));
        }
        if (development) {
            sets.put("development", LabelledCorpus.development(s));
        }
        if (heldOutThird) {
            sets.put("held-out 3", LabelledCorpus.heldOutThird(s));
        }
        if (heldOutSecond) {
            sets.put("held-out 2", LabelledCorpus.heldOutSecond(s));
        }
        if (heldOutFourth) {
            sets.put("held-out 4", LabelledCorpus.heldOutFourth(s));
        }
        if (heldOutFifth) {
            sets.put("held-out 5", LabelledCorpus.heldOutFifth(s));
        }
        if (heldOutSixth) {
            sets.put("held-out 6", LabelledCorpus.heldOutSixth(s));
        }
        if (heldOutSeventh) {
            sets.put("held-out 7", LabelledCorpus.heldOutSeventh(s));
        }
        if (heldOutEighth) {
            sets.put("held-out 8", LabelledCorpus.heldOutEighth(s));
        }
        for (var set : sets.entrySet()) {
            System.out.printf(Locale.ROOT, "%n%s (%d reports)%n%-26s %8s %8s %14s%n", set.getKey(), set.getValue().size(), "accuracy", "rules",
                    "student", "rules+student");
            double[] sum = new double[3];
            for (Attribute a : s.attributes()) {
                double[] acc = {accuracy(rules, set.getValue(), a), accuracy(student, set.getValue(), a), accuracy(both, set.getValue(), a)};
                System.out.printf(Locale.ROOT, "%-26s %8.3f %8.3f %14.3f%n", a.name(), acc[0], acc[1], acc[2]);
                for (int k = 0; k < 3; k++) {
                    sum[k] += acc[k] / s.size();
                }
            }
            System.out.printf(Locale.ROOT, "%-26s %8.4f %8.4f %14.4f%n", "total", sum[0], sum[1], sum[2]);
        }
        // timed in a JVM of its own, as `bench extract` times the rules: this JVM's JIT profiles and heap are the training's
        ExtractBench.inChildJvm(List.of("extract", "--set", "one-page", "--extractor", "student:" + file, "--repeat", "5"));
        if (save == null) {
            Files.delete(file);
        }
    }

    private static final int IN_SITU_ONE_IN = 15;
    /**
     * The copula draws only the morphologies of its public tables (never Paget disease alone, an inflammatory,
     * neuroendocrine or signet-ring carcinoma): one record in {@value #ANY_VALUE_ONE_IN} has its code drawn from the
     * schema's whole list instead, so that the student has seen every code it may have to read. (The procedure's values
     * the copula lacks come with the nodes-only records; the other categorical attributes take all their values.)
     */
    private static final int ANY_VALUE_ONE_IN = 30;
    private static final List<String> IN_SITU = List.of("8500/2", "8520/2");

    /**
     * Records of the fixtures' copula (fitted on public tables), now and then with a morphology drawn from the schema's
     * whole list; attributes it does not know drawn uniformly. The copula,
     * fitted on invasive cohorts, never draws an in situ carcinoma: one record in {@value #IN_SITU_ONE_IN} is made one
     * (ductal three times in four, lobular otherwise), so that the student learns them.
     */
    private static List<ClinicalRecord> records(Schema s, int n, long seed) {
        List<ClinicalRecord> base = PathologyFixtures.breastCancer().seed(seed).missingRate(0.1).records(n);
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> out = new ArrayList<>(n);
        for (ClinicalRecord b : base) {
            ClinicalRecord.Builder r = ClinicalRecord.builder(s);
            for (Attribute a : s.attributes()) {
                if (b.schema().has(a.name())) {
                    r.set(a.name(), b.get(a.name()));
                } else if (rng.nextDouble() >= 0.1) {
                    r.set(a.name(), a.kind() == AttributeKind.BOOLEAN ? rng.nextBoolean()
                            : a.kind().isCoded() ? a.values().get(rng.nextInt(a.values().size())) : (Object) (double) rng.nextInt(30));
                }
            }
            if (s.has("morphology_icdo") && rng.nextInt(ANY_VALUE_ONE_IN) == 0) {
                List<String> codes = s.attribute("morphology_icdo").values();
                r.set("morphology_icdo", codes.get(rng.nextInt(codes.size())));
            }
            if (s.has("morphology_icdo") && s.attribute("morphology_icdo").values().containsAll(IN_SITU) && rng.nextInt(IN_SITU_ONE_IN) == 0) {
                r.set("morphology_icdo", IN_SITU.get(rng.nextInt(4) == 0 ? 1 : 0));
            }
            ClinicalRecord record = withoutInvasiveSize(r.build());
            if (rng.nextInt(NODES_ONLY_ONE_IN) == 0 && nodesOnlyPossible(s)) {
                record = nodesOnly(record, rng);
            } else if (rng.nextInt(NO_RESIDUAL_ONE_IN) == 0) {
                record = withoutTumour(record);
            }
            out.add(record);
        }
        return out;
    }

    /**
     * The copula's values go missing one by one, but a report that names no carcinoma gives no invasive size, and an in
     * situ carcinoma has neither an invasive size nor a Scarff-Bloom-Richardson grade (its extent and nuclear grade are
     * other things): such records lose them, so that the student does not learn to read a specimen's or a lesion's
     * dimensions as the tumour's size.
     */
    private static ClinicalRecord withoutInvasiveSize(ClinicalRecord r) {
        if (!r.schema().has("morphology_icdo")) {
            return r;
        }
        Object morphology = r.get("morphology_icdo");
        boolean inSitu = morphology != null && IN_SITU.contains(morphology); // List.of refuses to look for null
        if (morphology == null || inSitu) {
            r = r.schema().has("tumor_size_mm") ? r.with("tumor_size_mm", null) : r;
        }
        return inSitu && r.schema().has("sbr_grade") ? r.with("sbr_grade", null) : r;
    }

    private static final int NODES_ONLY_ONE_IN = 20;
    private static final int NO_RESIDUAL_ONE_IN = 15;
    private static final List<String> TUMOUR_ATTRIBUTES = List.of("morphology_icdo", "sbr_grade", "tumor_size_mm",
            "lymphovascular_invasion", "er_status", "pr_status", "her2_status", "ki67_percent");

    /**
     * The record as a specimen without carcinoma (a re-excision with no residual tumour, a complete response after
     * neoadjuvant treatment), which the copula never draws: no tumour, grade, size or markers; what the specimen still
     * states (procedure, margins, nodes) kept. The writer may then say that no carcinoma is left, with no morphology.
     */
    private static ClinicalRecord withoutTumour(ClinicalRecord base) {
        ClinicalRecord.Builder r = ClinicalRecord.builder(base.schema());
        for (Attribute a : base.schema().attributes()) {
            if (!TUMOUR_ATTRIBUTES.contains(a.name()) && base.get(a.name()) != null) {
                r.set(a.name(), base.get(a.name()));
            }
        }
        return r.build();
    }
    private static final List<String> NODE_ATTRIBUTES = List.of("lymph_nodes_taken", "lymph_nodes_affected", "extracapsular_spread", "laterality");

    private static boolean nodesOnlyPossible(Schema s) {
        return s.has("test_used_for_diagnosis") && s.attribute("test_used_for_diagnosis").values().contains("lymph_node_dissection")
                && s.has("lymph_nodes_taken") && s.has("lymph_nodes_affected");
    }

    /**
     * The record as a report on lymph nodes alone (a sentinel node or an axillary clearance sent on its own), which the
     * fixtures' copula, fitted on tables of breast specimens, never draws: the node values (at least one node taken), no
     * tumour, margins or markers.
     */
    private static ClinicalRecord nodesOnly(ClinicalRecord base, SplittableRandom rng) {
        ClinicalRecord.Builder r = ClinicalRecord.builder(base.schema());
        r.set("test_used_for_diagnosis", "lymph_node_dissection");
        for (String a : NODE_ATTRIBUTES) {
            if (base.schema().has(a) && base.get(a) != null) {
                r.set(a, base.get(a));
            }
        }
        if (base.get("lymph_nodes_taken") == null || ((Number) base.get("lymph_nodes_taken")).intValue() == 0) {
            int taken = rng.nextInt(4) == 0 ? 6 + rng.nextInt(15) : 1 + rng.nextInt(4);
            r.set("lymph_nodes_taken", (double) taken);
            r.set("lymph_nodes_affected", (double) (rng.nextInt(3) == 0 ? rng.nextInt(taken + 1) : 0));
        } else if (base.get("lymph_nodes_affected") == null) {
            r.set("lymph_nodes_affected", 0.0);
        }
        return r.build();
    }

    /**
     * 300 fixture reports per language with full typographic noise, as labelled reports (their records are the gold);
     * with {@code edgeCases}, each report also carries every edge case of the fixtures (multifocal, HER2 pending, biopsy
     * only, negated findings, size in cm, identifiers that look like values).
     */
    private static List<LabelledReport> fixtures(Schema s, boolean edgeCases) {
        List<LabelledReport> out = new ArrayList<>();
        for (String lang : List.of("fr", "en")) {
            PathologyFixtures f = PathologyFixtures.breastCancer().seed(lang.equals("fr") ? 901 : 902).language(lang).noise(1.0);
            if (edgeCases) {
                EdgeCase[] all = EdgeCase.values();
                f = f.edgeCases(all[0], java.util.Arrays.copyOfRange(all, 1, all.length));
            }
            for (ReportPair p : f.pairs(300)) {
                out.add(new LabelledReport(Report.of(lang + "-" + p.id(), p.report().text(), lang), "fixture", p.record()));
            }
        }
        return out;
    }

    private static double accuracy(PathologyExtractor x, List<LabelledReport> reports, Attribute a) {
        int right = 0;
        for (LabelledReport r : reports) {
            right += Objects.equals(x.extract(r.report()).values().get(a.name()), r.gold().get(a.name())) ? 1 : 0;
        }
        return right / (double) reports.size();
    }
}
