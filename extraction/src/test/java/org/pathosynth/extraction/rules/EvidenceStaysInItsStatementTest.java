package org.pathosynth.extraction.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.report.Report;

/**
 * An evidence span proves one value: it never runs on into the next line's statement, where a report may name the
 * patient, a date of birth or a doctor (a HER2 quote once ended in "Patiente ... née le ..., dossier").
 */
class EvidenceStaysInItsStatementTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "HER2 : score 2+, amplification en FISH\nPatiente née le 01/01/1950, dossier 123456.",
        "Récepteurs hormonaux : RE positifs 80 %\nRP négatifs\nMme Dupont Jeanne née le 3/4/1951",
        "HER2 : négatif (score 1+)\nDr Martin, le 02/03/2024",
        "Ki-67 : 20 %\nPatiente : Durand Marie, née le 12/05/1960",
        "HER2 negative (score 1+)\nPatient: Jane Doe, DOB 01/02/1955, MRN 0012345"})
    void noQuoteCrossesIntoTheNextLine(String text) {
        Report r = Report.of("r", text, text.contains("Patient:") ? "en" : "fr");
        Extraction x = RuleBasedExtractor.create().extract(r);
        assertThat(x.evidence()).isNotEmpty();
        x.evidence().forEach((name, e) -> assertThat(e.quote(text)).as(name).doesNotContain("\n").doesNotContain("née")
                .doesNotContain("Dr ").doesNotContain("DOB").doesNotContain("Patient"));
    }
}
