package org.pathosynth.extraction.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;

/** Anchored scanning must find exactly what a full {@code find()} scan finds, for every rule and every report. */
class ScanEquivalenceTest {
    @Test
    void everyRuleMatchesTheSameSpansWithAndWithoutAnchors() throws Exception {
        RuleBook rules = RuleBook.load();
        List<String> regexes = new ArrayList<>();
        try (InputStream in = RuleBook.class.getResourceAsStream("/org/pathosynth/extraction/rules/rules.json")) {
            collect(new ObjectMapper().readTree(in), "", regexes);
        }
        List<String> texts = new ArrayList<>();
        for (LabelledReport r : LabelledCorpus.breastCancer()) {
            texts.add(r.report().text());
        }
        texts.add("RE/RP : 100 % / 95 %. M-8500/3, c-erbB-2 3+, HER-2/neu. R0, R1. Dix-sept ganglions, dont trois envahis. "
                + "Œstrogen receptors; oestrogen receptor. Cf. biopsie antérieure. 1/12/2023 3N+/14 pN1a (2/14).");
        // numbers that node rules begin with, followed by what they need and by what they do not (number leads)
        texts.add("Ganglions : 1234 ganglions, 12 mm, 3  ganglions envahis sur 14 ; deux ganglions, dont un envahi ; 2 des ganglions "
                + "envahis sur 9 ; 12, dont 3 envahis ; 0/3 GS ; 2 /14 ganglions ; 1 of 4 nodes ; one out of two lymph nodes ; "
                + "3N+/12 ; 4 N + / 15 N ; trois\u2003ganglions ; une ganglion ; aucun ganglion envahi ; 5 positive / 12 examined ; "
                + "12,5 ganglions ; 7ganglions ; quatorze/quinze nodes ; 3 positive lymph nodes ; 003 ganglions.");
        texts.add("Carcinome  lobulaire\ninfiltrant ; carcinome\u2003canalaire in   situ, grand \t axe 12 mm ; in\nsano ; "
                + "CARCINOME LOBULAIRE INFILTRANT, carcinome lobulaire\n\n\ninfiltrant. Microbiopsie  échoguidée.");
        for (String regex : regexes) { // every anchor word into the rule book's lexicon, as after warm-up
            rules.scan(rules.compile(regex), new ReportText("", AnchorLexicon.EMPTY));
        }
        AnchorLexicon lexicon = rules.lexicon();
        assertThat(lexicon.id(Anchors.WORD_START + "ganglion")).isGreaterThanOrEqualTo(0);
        int anchored = 0;
        for (String regex : regexes) {
            Pattern p = rules.compile(regex);
            Anchors anchors = Anchors.of(p.pattern());
            anchored += anchors.usable() ? 1 : 0;
            for (String t : texts) {
                ReportText text = new ReportText(t, AnchorLexicon.EMPTY); // every word looked up on its own
                List<String> expected = new ArrayList<>();
                Matcher m = p.matcher(text.matched());
                while (m.find()) {
                    expected.add(m.start() + "-" + m.end());
                }
                List<String> actual = new ArrayList<>();
                Scan s = new Scan(p, anchors, text);
                while (s.find()) {
                    actual.add(s.start() + "-" + s.end());
                }
                assertThat(actual).as("%s (anchors %s)", regex, anchors).isEqualTo(expected);
                List<String> lowered = new ArrayList<>();
                Scan f = rules.scan(p, new ReportText(t, lexicon)); // the lower-case twin where there is one, one-pass anchors
                while (f.find()) {
                    lowered.add(f.start() + "-" + f.end());
                }
                assertThat(lowered).as("lower-case twin of %s", regex).isEqualTo(expected);
            }
        }
        assertThat(anchored).as("patterns with anchors").isGreaterThan(regexes.size() / 2);
    }

    @Test
    void anchorsAreReadFromThePatternStart() {
        assertThat(Anchors.of("\\bmicro-?biopsies?\\b").words()).containsExactly(Anchors.WORD_START + "micro");
        assertThat(Anchors.of("(?<![\\p{L}])[cç][aàâ]rcinome\\s+x").words()).containsExactly(Anchors.WORD_START + "carcinome x");
        assertThat(Anchors.of("\\b(?:mastectomie|tumorectomie)\\b|(?-i:\\bRE\\b)|[eé]tendu").words())
                .containsExactly(Anchors.WORD_START + "mastectomie", Anchors.WORD_START + "tumorectomie", Anchors.WORD_START + Anchors.EXACT_CASE + "RE", "etendu");
        assertThat(Anchors.of("(?<![\\d/])(?<n>\\d{1,3})\\s*mm").digitStart()).isEqualTo(Anchors.DigitStart.RUN_START);
        assertThat(Anchors.of("\\b\\d+\\s*mm").digitStart()).isEqualTo(Anchors.DigitStart.WORD_START);
        assertThat(Anchors.of("\\b\\d+\\s*mm|x?\\d+").usable()).isFalse();
        assertThat(Anchors.of("\\b\\d+\\s*mm|\\d+\\s*cm").digitStart()).isEqualTo(Anchors.DigitStart.ANY); // the weakest start wins
        assertThat(Anchors.of("(?<![\\d/])(?<code>[89]\\d{3})").words()).containsExactly("8", "9");
        assertThat(Anchors.of("\\bcarcinome\\s+lobulaire\\s+(?:in\\s+situ|infiltrant)").words())
                .containsExactly(Anchors.WORD_START + "carcinome lobulaire");
        assertThat(Anchors.of("\\bgrand\\s*axe").words()).containsExactly(Anchors.WORD_START + "grand");
        assertThat(Anchors.of("\\bpN|(?-i:N\\s*\\+)|(?-i:\\bGS\\b)").words())
                .containsExactly(Anchors.WORD_START + "pn", Anchors.EXACT_CASE + "N", Anchors.WORD_START + Anchors.EXACT_CASE + "GS");
        assertThat(Anchors.of("\\b(?:o|œ)?estrogen").usable()).isFalse(); // an optional first token: scanned everywhere
        assertThat(Anchors.of("^\\s*:").usable()).isFalse();
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (path.startsWith(".numberWords") || path.endsWith("comment")) {
            return;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isContainerNode()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path + "." + e.getKey(), out));
            if (node.isArray()) {
                for (JsonNode n : node) {
                    collect(n, path, out);
                }
            }
        }
    }
}
