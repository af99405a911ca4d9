package org.pathosynth.extraction.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where clauses and sentences end, what a heading is, what a line's label is. */
class ClausesTest {
    private static List<String> clauses(String text) {
        Clauses c = Clauses.of(TextTokens.of(text));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.size; i++) {
            out.add(text.substring(c.startChar(i), c.endChar(i)));
        }
        return out;
    }

    @Test
    void clausesEndAtCommasSemicolonsFullStopsAndLinesButNotAtDotLeadersOrDecimals() {
        assertThat(clauses("RE 90 %, RP 0 % ; HER2 1+. Ki-67 : 2,5 %\nTaille tumorale ........ 28 mm"))
                .containsExactly("RE 90 %,", "RP 0 % ;", "HER2 1+.", "Ki-67 : 2,5 %", "Taille tumorale ........ 28 mm");
    }

    @Test
    void aWrappedLineDoesNotEndItsClause() {
        assertThat(clauses("Carcinome infiltrant de type non\nspécifique, grade II.")).containsExactly("Carcinome infiltrant de type non\nspécifique,",
                "grade II.");
    }

    @Test
    void clausesKnowTheirHeadingSentenceAndLabel() {
        String text = "RENSEIGNEMENTS CLINIQUES\nRappel : biopsie, grade III.\nCONCLUSION :\nGrade : II, RE positifs.";
        Clauses c = Clauses.of(TextTokens.of(text));
        int rappel = 1;
        assertThat(text.substring(c.tokens.start[c.headingFirst[rappel]], c.tokens.end[c.headingLast[rappel] - 1])).isEqualTo("RENSEIGNEMENTS CLINIQUES");
        assertThat(text.substring(c.tokens.start[c.labelFirst[rappel]], c.tokens.end[c.labelLast[rappel] - 1])).isEqualTo("Rappel");
        int grade = c.size - 2;
        assertThat(text.substring(c.startChar(grade), c.endChar(grade))).isEqualTo("Grade : II,");
        assertThat(text.substring(c.tokens.start[c.headingFirst[grade]], c.tokens.end[c.headingLast[grade] - 1])).isEqualTo("CONCLUSION :");
        assertThat(c.sentence[grade]).isEqualTo(c.sentence[grade + 1]); // "Grade : II," and "RE positifs." are one sentence
        assertThat(c.sentence[rappel]).isNotEqualTo(c.sentence[grade]);
    }
}
