package org.pathosynth.extraction.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Rules read accented words the same on every JDK (JDK 19 made a plain \b ASCII-only). */
class WordCharactersTest {
    private final RuleBook rules = RuleBook.load();

    @Test
    void wordBoundariesSeeAccentedLetters() {
        assertThat(rules.compile("\\bérythème\\b").matcher("Un érythème discret.").find()).isTrue();
        assertThat(rules.compile("\\bnégatif\\b").matcher("RE négatif, RP négatifs").results().count()).isEqualTo(1);
        assertThat(rules.compile("\\bum\\b").matcher("album").find()).isFalse();
        assertThat(rules.compile("\\bme\\b").matcher("mé me").results().map(r -> r.start()).toList()).containsExactly(3);
    }

    @Test
    void wordCharactersAreLettersOfAnyScriptDigitsAndUnderscore() {
        assertThat(RuleBook.unicodeWordChars("\\bmesur\\w*|[\\w%]|\\\\w")).isEqualTo(
                "\\bmesur" + RuleBook.WORD_CHAR + "*|[" + RuleBook.WORD_CHAR + "%]|\\\\w");
        Matcher m = rules.compile("\\bmesur\\w*").matcher("tumeur mesurée à 12 mm");
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("mesurée");
    }
}
