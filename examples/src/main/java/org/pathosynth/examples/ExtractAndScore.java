package org.pathosynth.examples;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.extraction.ExtractionScorer;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.report.QualityReportConsole;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;
import org.pathosynth.extraction.rules.RuleBasedExtractor;

/** Read the 13 attributes out of the bundled hand-labelled reports and score accuracy and F1 per attribute. */
public final class ExtractAndScore {
    private ExtractAndScore() {
    }

    public static void main(String[] args) {
        System.out.print(QualityReportConsole.extraction(run()));
    }

    static ExtractionScores run() {
        PathologyExtractor extractor = RuleBasedExtractor.create();
        List<ClinicalRecord> gold = new ArrayList<>();
        List<ClinicalRecord> read = new ArrayList<>();
        for (LabelledReport r : LabelledCorpus.breastCancer()) {
            gold.add(r.gold());
            read.add(extractor.extract(r.report()).values()); // values, each with its evidence span in the text
        }
        return ExtractionScorer.score(Schema.breastCancer(), gold, read);
    }
}
