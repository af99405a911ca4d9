package org.pathosynth.bench;

import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.report.Report;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;

/** A set of reports {@code extract} times, by the name {@code --set} gives it, with the label its figures print. */
record ExtractionSet(String label, List<Report> reports) {
    /** The names of the sets, in the order {@code --set all} runs them. */
    static final List<String> NAMES = List.of("labelled", "one-page", "stress");

    /**
     * labelled: the labelled reports as they are; one-page: the one-page reports of {@link LabelledCorpus#pageLong()};
     * stress: pages of about 3,000 characters made of ten labelled reports each (ten times the values of a real page).
     */
    static ExtractionSet named(String name) {
        return switch (name) {
            case "labelled" -> new ExtractionSet("labelled corpus", labelled());
            case "one-page" -> new ExtractionSet("one-page reports", LabelledCorpus.pageLong().stream().map(LabelledReport::report).toList());
            case "stress" -> new ExtractionSet("ten labelled reports per page (stress)", stressPages(labelled()));
            default -> throw new IllegalArgumentException("--set must be all, labelled, one-page or stress, got '" + name + "'");
        };
    }

    private static List<Report> labelled() {
        return LabelledCorpus.breastCancer().stream().map(LabelledReport::report).toList();
    }

    private static List<Report> stressPages(List<Report> plain) {
        List<Report> pages = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            StringBuilder page = new StringBuilder(plain.get(i).text());
            for (int k = 1; page.length() < 3000; k++) {
                page.append("\n\n").append(plain.get((i + 7 * k) % plain.size()).text());
            }
            pages.add(Report.of("page-" + i, page.toString(), plain.get(i).language()));
        }
        return pages;
    }
}
