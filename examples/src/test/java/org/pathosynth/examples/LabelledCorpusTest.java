package org.pathosynth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.extraction.AttributeScore;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

/** The rule-based extractor against the hand-written labelled corpus, scored with eval's extraction metrics. */
class LabelledCorpusTest {
    private static ExtractionScores score(List<LabelledReport> corpus) {
        RuleBasedExtractor rules = RuleBasedExtractor.create();
        List<ClinicalRecord> gold = new ArrayList<>();
        List<ClinicalRecord> read = new ArrayList<>();
        for (LabelledReport r : corpus) {
            gold.add(r.gold());
            read.add(rules.extract(r.report()).values());
        }
        return ExtractionScorer.score(Schema.breastCancer(), gold, read);
    }

    @Test
    void theBenchmarkHasTheRequiredStylesAndLanguages() {
        List<LabelledReport> corpus = LabelledCorpus.breastCancer();
        assertThat(corpus.stream().filter(r -> r.report().language().equals("fr")).count()).isGreaterThanOrEqualTo(60);
        assertThat(corpus.stream().filter(r -> r.report().language().equals("en")).count()).isGreaterThanOrEqualTo(20);
        assertThat(corpus.stream().map(LabelledReport::style).distinct().count()).isGreaterThanOrEqualTo(8);
    }

    /** A held-out set of 60 reports with unique ids, {@code english} of them in English. */
    private static void assertSet(List<LabelledReport> set, int english) {
        assertThat(set).hasSize(60);
        assertThat(set.stream().filter(r -> r.report().language().equals("en")).count()).isEqualTo(english);
        assertThat(set.stream().map(r -> r.report().id()).distinct().count()).isEqualTo(60);
    }

    /** How many reports' gold states the attribute. */
    private static long stating(List<LabelledReport> set, String attribute) {
        return set.stream().filter(r -> r.gold().get(attribute) != null).count();
    }

    @Test
    void theSecondHeldOutSetReadsWholeWithLateralityGold() throws Exception {
        Schema withSide = Schema.fromJson(new String(LabelledCorpusTest.class.getResourceAsStream(
                "/org/pathosynth/examples/schemas/breast-cancer-laterality.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        List<LabelledReport> set = LabelledCorpus.heldOutSecond(withSide);
        assertThat(set).hasSize(60);
        assertThat(set.stream().filter(r -> r.report().language().equals("fr")).count()).isEqualTo(40);
        assertThat(set.stream().map(r -> r.report().id()).distinct().count()).isEqualTo(60);
        assertThat(set.stream().filter(r -> r.gold().get("laterality") != null).count()).isGreaterThan(50);
        assertThat(LabelledCorpus.heldOutSecond(Schema.breastCancer()).get(0).gold().schema().has("laterality")).isFalse();
        assertSet(LabelledCorpus.heldOutThird(withSide), 20);
        List<LabelledReport> fourth = LabelledCorpus.heldOutFourth(withSide);
        assertSet(fourth, 20);
        assertThat(fourth.stream().filter(r -> "lymph_node_dissection".equals(r.gold().get("test_used_for_diagnosis"))).count()).isEqualTo(5);
        List<LabelledReport> fifth = LabelledCorpus.heldOutFifth(Schema.breastCancer());
        assertSet(fifth, 20);
        assertThat(stating(fifth, "morphology_icdo")).isEqualTo(50);
        List<LabelledReport> sixth = LabelledCorpus.heldOutSixth(Schema.breastCancer());
        assertSet(sixth, 20);
        assertThat(stating(sixth, "morphology_icdo")).isEqualTo(50);
        assertThat(stating(sixth, "test_used_for_diagnosis")).isEqualTo(60);
        // the seventh and eighth sets, as their author counted them (the gold is read, not looked at)
        List<LabelledReport> seventh = LabelledCorpus.heldOutSeventh(Schema.breastCancer());
        assertSet(seventh, 15);
        assertThat(stating(seventh, "morphology_icdo")).isEqualTo(50);
        assertThat(stating(seventh, "tumor_size_mm")).isEqualTo(32);
        List<LabelledReport> eighth = LabelledCorpus.heldOutEighth(Schema.breastCancer());
        assertSet(eighth, 30);
        assertThat(stating(eighth, "morphology_icdo")).isEqualTo(49);
        assertThat(stating(eighth, "er_status")).isEqualTo(45);
        List<LabelledReport> dev = LabelledCorpus.development(withSide);
        assertThat(dev).hasSize(75);
        assertThat(dev.stream().map(r -> r.report().id()).distinct().count()).isEqualTo(75);
        assertThat(dev.stream().filter(r -> r.report().id().startsWith("dv-en")).count()).isEqualTo(30);
    }

    @Test
    void everyAttributeReaches95PercentAndTheTotal97() {
        ExtractionScores s = score(LabelledCorpus.breastCancer());
        for (var e : s.perAttribute().entrySet()) {
            AttributeScore a = e.getValue();
            assertThat(a.accuracy()).as(e.getKey()).isGreaterThanOrEqualTo(0.95);
        }
        assertThat(s.meanAccuracy()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void aSecondSetWrittenAfterTheRulesWereTunedStaysAbove95Percent() throws Exception {
        // written after tuning on the main corpus; it scored 0.955 before the fixes it prompted
        Path file = Path.of(LabelledCorpusTest.class.getResource("/holdout-reports.jsonl").toURI());
        assertThat(score(LabelledCorpus.fromJsonl(file, Schema.breastCancer())).meanAccuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void pageLongReportsWrittenAfterTuningStayAbove95Percent() {
        // six one-page reports; they scored 0.923 (72 of 78 values) before the fixes they prompted
        List<LabelledReport> pages = LabelledCorpus.pageLong();
        assertThat(pages).hasSize(6);
        assertThat(pages.stream().mapToInt(r -> r.report().text().length()).min().orElse(0)).isGreaterThan(1800);
        ExtractionScores s = score(pages);
        assertThat(s.meanAccuracy()).isGreaterThanOrEqualTo(0.95);
        s.perAttribute().forEach((name, a) -> assertThat(a.accuracy()).as(name).isGreaterThanOrEqualTo(0.8));
    }
}
