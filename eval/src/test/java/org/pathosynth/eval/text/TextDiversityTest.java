package org.pathosynth.eval.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiversityTest {
    @Test
    void distinctNgramsAndLengths() {
        TextDiversity d = TextDiversity.of(List.of("le chat dort", "le chat mange le pain"), 10, 1);
        // unigrams: le chat dort le chat mange le pain -> 8 tokens, 5 distinct
        assertThat(d.distinct1()).isCloseTo(5 / 8.0, within(1e-12));
        // bigrams: (le chat)(chat dort)(le chat)(chat mange)(mange le)(le pain) -> 6, 5 distinct
        assertThat(d.distinct2()).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(d.meanLength()).isEqualTo(4.0);
        assertThat(d.minLength()).isEqualTo(3);
        assertThat(d.maxLength()).isEqualTo(5);
    }

    @Test
    void dotLeadersAreLayoutNotTokens() {
        assertThat(TextDiversity.tokens("Taille ........ 14 mm. Grade… 2")).containsExactly("taille", "14", "mm", ".", "grade", "2");
    }

    @Test
    void selfBleuIsOneForCopiesAndLowForUnrelatedTexts() {
        String text = "carcinome infiltrant de type non spécifique de grade deux mesurant vingt millimètres";
        assertThat(TextDiversity.of(List.of(text, text, text), 3, 1).selfBleu()).isCloseTo(1.0, within(1e-12));
        List<String> varied = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            varied.add("mot" + i + " autre" + i + " encore" + i + " fin" + i + " plus" + i);
        }
        assertThat(TextDiversity.of(varied, 20, 1).selfBleu()).isLessThan(0.05);
    }

    @Test
    void sameSeedSameSample() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            texts.add("rapport " + (i % 7) + " grade " + (i % 3) + " taille " + i);
        }
        assertThat(TextDiversity.of(texts, 10, 5)).isEqualTo(TextDiversity.of(texts, 10, 5));
    }
}
