package org.pathosynth.extraction.filter;

import java.util.List;
import java.util.Set;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.report.ReportPair;

/**
 * Keeps reports written in the expected language (fr or en), told apart by their function words: a teacher that
 * drifts into English in a French corpus, or answers in a mix, is dropped. The score is the expected language's
 * share of the function words found.
 */
public final class LanguageFilter implements QualityFilter {
    public static final String NAME = "language";
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "de", "et", "un", "une", "est", "avec", "sans",
            "pour", "dans", "sur", "au", "aux", "par", "pas", "absence", "presence", "taille", "sein", "ganglions", "recepteurs",
            // report words with no English twin, for terse structured reports with few function words
            "prelevement", "mastectomie", "tumorectomie", "exerese", "berges", "marges", "statut", "positifs", "negatifs", "positif",
            "negatif", "infiltrant", "lobulaire", "canalaire", "examines", "atteintes", "saines", "compte", "rendu");
    // no "a": accents are stripped before matching, and French "à" would count as English
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "an", "is", "with", "without", "for", "in", "on",
            "to", "by", "not", "no", "absent", "present", "size", "breast", "nodes", "receptor", "receptors", "tumour", "tumor",
            "infiltrating", "invasive", "lobular", "ductal", "margins", "examined", "positive", "negative", "specimen", "report");
    private final String language;
    private final double minShare;

    private LanguageFilter(String language, double minShare) {
        if (!language.equals("fr") && !language.equals("en")) {
            throw new IllegalArgumentException("language must be fr or en, got '" + language + "'");
        }
        this.language = language;
        this.minShare = minShare;
    }

    /** Requires at least 80 % of the function words to be the expected language's. */
    public static LanguageFilter expecting(String language) {
        return new LanguageFilter(language, 0.8);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilterDecision judge(ReportPair pair) {
        String text = FoldedText.of(pair.report().text());
        int fr = 0;
        int en = 0;
        for (String w : text.split("[^\\p{L}]+")) {
            fr += FRENCH.contains(w) ? 1 : 0;
            en += ENGLISH.contains(w) ? 1 : 0;
        }
        if (fr + en == 0) {
            return FilterDecision.reject(NAME, 0, List.of("no " + language + " function words"));
        }
        double share = (double) (language.equals("fr") ? fr : en) / (fr + en);
        if (share < minShare) {
            return FilterDecision.reject(NAME, share, List.of("not written in " + language));
        }
        return FilterDecision.accept(NAME, share);
    }
}
