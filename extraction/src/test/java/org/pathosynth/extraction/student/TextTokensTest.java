package org.pathosynth.extraction.student;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the student cuts text: folded words, numbers with their values, words cut at a line's end joined again. */
class TextTokensTest {
    @Test
    void wordsAreFoldedNumbersParsedAndOffsetsKept() {
        TextTokens t = TextTokens.of("RÉCEPTEURS aux œstrogènes : 2,8 cm");
        assertThat(t.size).isEqualTo(6);
        assertThat(t.hash[0]).isEqualTo(TextTokens.wordHash("recepteurs"));
        assertThat(t.hash[2]).isEqualTo(TextTokens.wordHash("oestrogenes"));
        assertThat(t.type[4]).isEqualTo(TextTokens.NUMBER);
        assertThat(t.number[4]).isEqualTo(2.8);
        assertThat(t.text.substring(t.start[4], t.end[4])).isEqualTo("2,8");
        assertThat(t.hash[3]).isEqualTo(TextTokens.punctHash(':'));
    }

    @Test
    void aWordCutByALineEndIsOneWordAndAHyphenatedWordIsNot() {
        TextTokens t = TextTokens.of("emboles vas-\nculaires, extra-capsulaire");
        assertThat(t.hash[1]).isEqualTo(TextTokens.wordHash("vasculaires"));
        assertThat(t.text.substring(t.start[1], t.end[1])).isEqualTo("vas-\nculaires");
        assertThat(t.hash[3]).isEqualTo(TextTokens.wordHash("extra"));
    }

    @Test
    void smallWholeNumbersKeepTheirLiteralLargerOnesTheirShape() {
        TextTokens t = TextTokens.of("score 3+ ; 47 % ; 52 %");
        TextTokens u = TextTokens.of("score 2+ ; 98 %");
        assertThat(t.hash[1]).isNotEqualTo(u.hash[1]); // 3 and 2 differ: "3+" and "2+" mean different things
        assertThat(t.hash[4]).isEqualTo(t.hash[7]).isEqualTo(u.hash[4]); // 47, 52 and 98 share the shape "dd"
        assertThat(t.number[4]).isEqualTo(47);
    }

    @Test
    void namesWrittenWithDigitsAreOneWord() {
        TextTokens t = TextTokens.of("HER2 ; Ki-67 20 % ; Ki67 ; pT2 pN1a ; 3 cm");
        assertThat(t.hash[0]).isEqualTo(TextTokens.wordHash("her2"));
        assertThat(t.hash[2]).isEqualTo(t.hash[6]).isEqualTo(TextTokens.wordHash("ki67")); // "Ki-67" and "Ki67" alike
        assertThat(t.type[3]).isEqualTo(TextTokens.NUMBER);
        assertThat(t.hash[8]).isEqualTo(TextTokens.wordHash("pt2"));
        assertThat(t.type[11]).isEqualTo(TextTokens.NUMBER); // "3 cm": a number, then its unit
    }
}
