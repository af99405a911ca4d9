package org.pathosynth.extraction.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.Schema;

/** Anchor words are learnt from the spans, only for categorical attributes, and a model with them saves and reads back. */
class AnchorWordsTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static StudentModel anchored;

    @BeforeAll
    static void train() {
        anchored = StudentTrainer.builder().seed(5).anchors(true).build().train(TrainingPairs.corpus(SCHEMA, 800, 3));
    }

    /** The hashed lookup answers as a search of the sorted words would, zero and colliding slots included. */
    @Test
    void containsFindsExactlyTheWords() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        java.util.TreeSet<Long> words = new java.util.TreeSet<>(List.of(0L, 1L, -1L, 64L, 128L, Long.MIN_VALUE, Long.MAX_VALUE));
        while (words.size() < 500) {
            words.add(rng.nextLong());
        }
        AnchorWords anchors = new AnchorWords(words.stream().mapToLong(Long::longValue).toArray());
        assertThat(words).allMatch(anchors::contains);
        for (int i = 0; i < 100_000; i++) {
            long other = i < 1000 ? i * 32L : rng.nextLong();
            assertThat(anchors.contains(other)).as("%d", other).isEqualTo(words.contains(other));
        }
        assertThat(new AnchorWords(new long[] {5}).contains(0)).isFalse();
        assertThat(AnchorWords.none().contains(0)).isFalse();
    }

    @Test
    void keepsWordsMostlyFoundInsideTheSpans() {
        AnchorWords.Counter counter = new AnchorWords.Counter(1);
        String stated = "Tumorectomie du sein droit.";
        String other = "Pas de lésion du sein gauche.";
        for (int i = 0; i < 3; i++) {
            counter.add(TextTokens.of(stated), List.of(List.of(new Evidence(0, stated.length(), 1))));
            counter.add(TextTokens.of(other), spansOf(null));
        }
        AnchorWords words = counter.build(0);
        // inside 3 times of 3: kept; "du" and "sein" are inside 3 times of 6 (precision 0.5): kept at the bound
        assertThat(words.contains(TextTokens.wordHash("tumorectomie"))).isTrue();
        assertThat(words.contains(TextTokens.wordHash("Tumorectomie"))).isTrue();
        assertThat(words.contains(TextTokens.wordHash("sein"))).isTrue();
        // never inside a span
        assertThat(words.contains(TextTokens.wordHash("gauche"))).isFalse();
        assertThat(words.contains(TextTokens.wordHash("lesion"))).isFalse();
        counter.add(TextTokens.of(other), spansOf(null));
        // "sein" now inside 3 times of 7: below half
        assertThat(counter.build(0).contains(TextTokens.wordHash("sein"))).isFalse();
    }

    @Test
    void aWordSeenInsideFewerThanThreeTimesIsNoAnchor() {
        AnchorWords.Counter counter = new AnchorWords.Counter(1);
        String stated = "Zonectomie.";
        for (int i = 0; i < AnchorWords.MIN_INSIDE - 1; i++) {
            counter.add(TextTokens.of(stated), List.of(List.of(new Evidence(0, stated.length(), 1))));
        }
        assertThat(counter.build(0).isEmpty()).isTrue();
    }

    @Test
    void onlyCategoricalAttributesGetAnAnchorModel() {
        for (AttributeModel a : anchored.attributes()) {
            boolean categorical = a.attribute.kind() == AttributeKind.CATEGORICAL;
            assertThat(a.anchor != null).as(a.attribute.name()).isEqualTo(categorical);
            assertThat(a.anchorWords.isEmpty()).as(a.attribute.name()).isEqualTo(!categorical);
        }
        assertThat(anchored.provenance().parameters()).containsEntry("anchors", true);
    }

    @Test
    void switchedOffNoAttributeHasOne() {
        StudentModel plain = StudentTrainer.builder().seed(5).anchors(false).build().train(TrainingPairs.corpus(SCHEMA, 200, 3));
        assertThat(plain.attributes()).allSatisfy(a -> assertThat(a.anchor).isNull());
        assertThat(plain.anchors().isEmpty()).isTrue();
        assertThat(StudentTrainer.builder().seed(5).build().train(TrainingPairs.corpus(SCHEMA, 200, 3)).anchors().isEmpty())
                .as("on by default").isFalse();
    }

    @Test
    void theSpecimenWordLiftsItsLineAmongWordsItNeverSaw() {
        Report r = Report.of("r1", "Qwertz zyxwv plonk.\nMicrobiopsies du sein droit.\nBlorp vexu quazzle.", "fr");
        AttributeModel procedure = anchored.attributes().get(SCHEMA.names().indexOf("test_used_for_diagnosis"));
        ReportView v = ReportView.of(r.text(), r.language(), anchored.index(), anchored.anchors());
        int word = -1;
        for (int i = 0; i < v.anchorToken.length; i++) {
            if (v.tokens.hash[v.anchorToken[i]] == TextTokens.wordHash("microbiopsies")) {
                word = i;
            }
        }
        assertThat(word).as("an anchor candidate").isGreaterThanOrEqualTo(0);
        int c = v.clauses.clauseOf[v.anchorToken[word]];
        double clause = procedure.mention.logit(v.clauseIds, v.clauseFrom[c], v.clauseFrom[c + 1]);
        double anchor = procedure.anchor.logit(v.anchorIds, v.anchorFrom[word], v.anchorFrom[word + 1]);
        assertThat(anchor).as("the word's own evidence").isPositive();
        assertThat(anchored.extractor().extract(r).values().get("test_used_for_diagnosis")).isEqualTo("biopsy");
        assertThat(anchored.extractor().extract(r).evidence().get("test_used_for_diagnosis").start())
                .isEqualTo(r.text().indexOf("Microbiopsies"));
        assertThat(BinaryModel.sigmoid(clause + anchor)).isGreaterThan(BinaryModel.sigmoid(clause));
    }

    @Test
    void aSavedModelWithAnchorsReadsTheSame(@TempDir Path dir) {
        Path file = dir.resolve("anchored.bin");
        anchored.save(file);
        StudentModel loaded = StudentModel.load(file);
        assertThat(loaded.anchors().size()).isEqualTo(anchored.anchors().size()).isPositive();
        for (ReportPair p : TrainingPairs.corpus(SCHEMA, 30, 99).pairs()) {
            assertThat(loaded.extractor().extract(p.report()).values()).isEqualTo(anchored.extractor().extract(p.report()).values());
        }
    }

    private static List<List<Evidence>> spansOf(List<Evidence> spans) {
        List<List<Evidence>> out = new ArrayList<>();
        out.add(spans);
        return out;
    }
}
