package org.pathosynth.extraction.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.provenance.LibraryVersion;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.Schema;

/** A student learns any schema from the offline writer's pairs, reproducibly, and its file says what made it. */
class StudentTrainerTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static Corpus corpus;
    private static StudentModel model;

    @BeforeAll
    static void train() {
        corpus = TrainingPairs.corpus(SCHEMA, 1200, 3);
        model = StudentTrainer.builder().seed(5).build().train(corpus);
    }

    private static List<ReportPair> unseen(Schema schema, int n) {
        return TrainingPairs.corpus(schema, n, 99).pairs();
    }

    private static double accuracy(StudentExtractor x, List<ReportPair> pairs) {
        int right = 0;
        int total = 0;
        for (ReportPair p : pairs) {
            Extraction e = x.extract(p.report());
            for (String name : p.record().schema().names()) {
                right += Objects.equals(e.values().get(name), p.record().get(name)) ? 1 : 0;
                total++;
            }
        }
        return right / (double) total;
    }

    @Test
    void readsTheWritersReportsItNeverSaw() {
        assertThat(accuracy(model.extractor(), unseen(SCHEMA, 200))).isGreaterThanOrEqualTo(0.95);
        TrainingReport t = model.training();
        assertThat(t.trainingPairs()).isEqualTo(1080);
        assertThat(t.validationPairs()).isEqualTo(120);
        assertThat(t.meanAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(t.eceCalibrated()).isBetween(0.0, 0.1);
    }

    @Test
    void everyValueComesWithItsEvidenceAndAProbability() {
        for (ReportPair p : unseen(SCHEMA, 40)) {
            Extraction e = model.extractor().extract(p.report());
            for (String name : SCHEMA.names()) {
                if (e.values().get(name) != null) {
                    var ev = e.evidence().get(name);
                    assertThat(ev).as(name).isNotNull();
                    assertThat(ev.end()).isLessThanOrEqualTo(p.report().text().length());
                    assertThat(ev.end()).isGreaterThan(ev.start());
                    assertThat(ev.confidence()).isBetween(0.0, 1.0);
                }
            }
        }
    }

    /**
     * A number is read from one of the evidence's numbers, or from its words when it has no digits: never a value
     * learnt from statements without digits put on a clause that writes other numbers (a specimen's dimensions).
     */
    @Test
    void aNumberIsWrittenInItsEvidenceOrImpliedByIt() {
        java.util.List<org.pathosynth.extraction.corpus.LabelledReport> reports = new java.util.ArrayList<>();
        reports.addAll(org.pathosynth.extraction.corpus.LabelledCorpus.development(SCHEMA));
        reports.addAll(org.pathosynth.extraction.corpus.LabelledCorpus.heldOut(SCHEMA));
        int numbers = 0;
        for (var r : reports) {
            Extraction e = model.extractor().extract(r.report());
            for (String name : SCHEMA.names()) {
                if (e.values().get(name) instanceof Number n && n.doubleValue() > 1) {
                    numbers++;
                    String quote = e.evidence().get(name).quote(r.report().text()).replace(',', '.');
                    double v = n.doubleValue();
                    boolean written = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?").matcher(quote).results()
                            .mapToDouble(m -> Double.parseDouble(m.group())).anyMatch(d -> Math.abs(d - v) <= 0.5 || Math.abs(d * 10 - v) <= 0.5); // rounded to the millimetre, cm to mm
                    boolean inWords = !quote.matches("(?s).*\\d.*"); // "eighteen", "indemne": no digit to disagree with
                    assertThat(written || inWords).as("%s=%s read from '%s' in %s", name, v, quote, r.report().id()).isTrue();
                }
            }
        }
        assertThat(numbers).as("numbers read").isGreaterThan(200);
    }

    @Test
    void theSameCorpusAndSeedGiveTheSameModelFile(@TempDir Path dir) throws Exception {
        StudentModel again = StudentTrainer.builder().seed(5).threads(1).build().train(corpus);
        model.save(dir.resolve("a.bin"));
        again.save(dir.resolve("b.bin"));
        // the header holds the training time; everything the model reads with is the same
        for (ReportPair p : unseen(SCHEMA, 30)) {
            assertThat(again.extractor().extract(p.report())).isEqualTo(model.extractor().extract(p.report()));
        }
        StudentModel other = StudentTrainer.builder().seed(6).build().train(corpus);
        assertThat(other.training().accuracy()).isNotEqualTo(Map.of());
    }

    @Test
    void aSavedModelLoadsWithItsProvenanceAndReadsTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("student.bin");
        model.save(file);
        assertThat(Files.size(file)).isLessThan(20_000_000);
        StudentModel loaded = StudentModel.load(file);
        for (ReportPair p : unseen(SCHEMA, 30)) {
            Extraction a = model.extractor().extract(p.report());
            Extraction b = loaded.extractor().extract(p.report());
            assertThat(b.values()).isEqualTo(a.values());
            assertThat(b.evidence().keySet()).isEqualTo(a.evidence().keySet());
        }
        var prov = loaded.provenance();
        assertThat(prov.producer()).isEqualTo("student");
        assertThat(prov.parameters()).containsEntry("schema", "breast-cancer").containsEntry("seed", 5)
                .containsEntry("teachers", Map.of("template", 1200));
        assertThat(prov.input().rows()).isEqualTo(1200);
        assertThat(prov.libraryVersion()).isEqualTo(LibraryVersion.current());
        assertThat(loaded.training().trainingPairs()).isEqualTo(1080);
        assertThat(loaded.coPresenceRules()).as("saved with the model").isEqualTo(model.coPresenceRules());
        Files.writeString(dir.resolve("bad.bin"), "not a model");
        assertThatThrownBy(() -> StudentModel.load(dir.resolve("bad.bin"))).hasMessageContaining("not a PathoSynth student model");
        assertThatThrownBy(() -> StudentModel.load(dir.resolve("none.bin"))).hasMessageContaining("does not exist");
        // a model of an earlier format was trained on other features: refused, not read wrongly
        Path old = dir.resolve("old.bin");
        try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(Files.newOutputStream(old)))) {
            byte[] header = "{\"format\":\"pathosynth-student\",\"version\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(header.length);
            out.write(header);
        }
        assertThatThrownBy(() -> StudentModel.load(old)).hasMessageContaining("student model format 2 is not supported by this version (4)")
                .hasMessageContaining("train it again");
    }

    /** A schema that is not breast cancer, with one attribute of each kind: nothing in the student knows its names. */
    @Test
    void learnsAnySchemaWithoutCode() {
        Schema lung = new Schema("lung", "test", List.of(
                new Attribute("egfr_status", AttributeKind.CATEGORICAL, List.of("mutated", "wild_type"), null, null, null, null,
                        Map.of("fr", "Statut EGFR", "en", "EGFR status"), "", Map.of("mutated", Map.of("fr", "muté", "en", "mutated"),
                        "wild_type", Map.of("fr", "sauvage", "en", "wild type"))),
                new Attribute("pleural_invasion", AttributeKind.BOOLEAN, null, null, null, null, null,
                        Map.of("fr", "Invasion pleurale", "en", "Pleural invasion"), "", null),
                new Attribute("stage", AttributeKind.ORDINAL, List.of("I", "II", "III", "IV"), null, null, null, null,
                        Map.of("fr", "Stade", "en", "Stage"), "", null),
                new Attribute("nodes_positive", AttributeKind.INTEGER, null, 0.0, 60.0, null, null,
                        Map.of("fr", "Ganglions envahis", "en", "Positive nodes"), "", null),
                new Attribute("tumour_size_mm", AttributeKind.NUMERIC, null, 0.0, 200.0, 0, "mm",
                        Map.of("fr", "Taille de la tumeur", "en", "Tumour size"), "", null)),
                List.of());
        StudentModel m = StudentTrainer.builder().seed(1).build().train(TrainingPairs.corpus(lung, 800, 4));
        assertThat(accuracy(m.extractor(), unseen(lung, 150))).isGreaterThanOrEqualTo(0.95);
    }

    /** Records shuffled across reports: nothing links text and values, and the student must learn nothing. */
    @Test
    void shuffledLabelsFallToChance() {
        List<ReportPair> pairs = corpus.pairs();
        List<ClinicalRecord> records = new ArrayList<>();
        pairs.forEach(p -> records.add(p.record()));
        java.util.Collections.shuffle(records, new java.util.Random(11));
        List<ReportPair> shuffled = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            var r = pairs.get(i).report();
            shuffled.add(new ReportPair(pairs.get(i).id(), records.get(i),
                    new org.pathosynth.core.report.Report(r.id(), r.text(), r.language(), r.provenance())));
        }
        StudentModel control = StudentTrainer.builder().seed(5).build().train(new Corpus(SCHEMA, shuffled));
        List<ReportPair> test = unseen(SCHEMA, 200);
        double chance = majorityBaseline(test);
        double real = accuracy(model.extractor(), test);
        double shuffledAccuracy = accuracy(control.extractor(), test);
        assertThat(shuffledAccuracy).as("trained on shuffled labels").isLessThanOrEqualTo(chance + 0.05);
        assertThat(real).isGreaterThan(chance + 0.3);
    }

    /** Accuracy of always answering each attribute's most frequent value (missing included). */
    private static double majorityBaseline(List<ReportPair> pairs) {
        double sum = 0;
        for (String name : SCHEMA.names()) {
            Map<Object, Integer> counts = new HashMap<>();
            pairs.forEach(p -> counts.merge(String.valueOf(p.record().get(name)), 1, Integer::sum));
            sum += counts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) pairs.size();
        }
        return sum / SCHEMA.size();
    }

    @Test
    void tooSmallACorpusIsRefused() {
        List<ReportPair> few = corpus.pairs().subList(0, 5);
        assertThatThrownBy(() -> StudentTrainer.builder().build().train(new Corpus(SCHEMA, few)))
                .hasMessage("a student needs at least 10 pairs to learn from, the corpus has 5");
        assertThatThrownBy(() -> StudentTrainer.builder().validationShare(0.7)).hasMessageContaining("validation share");
    }
}
