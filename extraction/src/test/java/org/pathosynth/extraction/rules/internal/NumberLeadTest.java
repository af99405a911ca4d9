package org.pathosynth.extraction.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NumberLeadTest {
    private final RuleBook rules = RuleBook.load();

    private NumberLead lead(String rule) {
        Pattern p = rules.compile(rule);
        String numberPattern = rules.compile("{NUM}").pattern();
        return NumberLead.of(p.pattern(), numberPattern, List.of("deux", "trois", "un"));
    }

    private boolean mayMatch(NumberLead lead, String text, int at) {
        ReportText t = new ReportText(text, AnchorLexicon.EMPTY);
        return lead.mayMatchAt(t, at);
    }

    @Test
    void aNodeRuleIsTriedOnlyWhereItsNextWordFollowsTheNumber() {
        NumberLead lead = lead("\\b(?<a>{NUM})\\s+(?:des\\s+)?ganglions?\\s+envahis\\s+sur\\s+(?<t>{NUM})\\b");
        assertThat(lead).isNotNull();
        assertThat(lead.blankRequired()).isTrue();
        assertThat(lead.words()).isNotEmpty();
        assertThat(mayMatch(lead, "3 ganglions envahis", 0)).isTrue();
        assertThat(mayMatch(lead, "2 des ganglions", 0)).isTrue();
        assertThat(mayMatch(lead, "trois  ganglions", 0)).isTrue();
        assertThat(mayMatch(lead, "12 mm", 0)).isFalse();
        assertThat(mayMatch(lead, "1234 ganglions", 0)).isFalse(); // \d{1,3} cannot take it, nor a part of it
        assertThat(mayMatch(lead, "3ganglions", 0)).isFalse(); // the blank is required
    }

    @Test
    void punctuationAndAlternativesAreLeadsToo() {
        NumberLead ratio = lead("(?<![\\d/])(?<a>\\d{1,3})\\s*/\\s*(?<t>\\d{1,3})\\s+(?:ganglions?|GS)\\b");
        assertThat(ratio.restChars()).isEqualTo("/");
        assertThat(mayMatch(ratio, "2 /14 ganglions", 0)).isTrue();
        assertThat(mayMatch(ratio, "2 mm", 0)).isFalse();
        NumberLead of = lead("\\b(?<a>{NUM})\\s*(?:/|of|out\\s+of)\\s*(?<t>{NUM})\\s+nodes?\\b");
        assertThat(mayMatch(of, "1 of 4 nodes", 0)).isTrue();
        assertThat(mayMatch(of, "1/4 nodes", 0)).isTrue();
        assertThat(mayMatch(of, "1 cm", 0)).isFalse();
    }

    @Test
    void rulesOfOtherShapesHaveNone() {
        assertThat(lead("\\bganglions?\\s+(?<t>{NUM})")).isNull(); // not led by a number
        assertThat(lead("\\b(?<a>{NUM})?\\s+ganglions")).isNull(); // an optional number
        assertThat(lead("\\b(?<a>{NUM})\\s+(?:\\w+\\s+)?ganglions")).isNull(); // a word class: not read
        assertThat(lead("\\b(?<a>{NUM})\\s+ganglions|\\bGS")).isNull(); // alternatives
    }
}
