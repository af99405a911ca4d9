package org.pathosynth.synth.report;

/**
 * What the offline writer may add to a report without changing its record: statements a reader must <em>not</em>
 * extract as the record's values (see {@link TemplateReportWriter.Builder#distractors}).
 */
public enum Distractor {
    /**
     * Values recalled from an earlier examination: a clinical history or "Rappel :" passage restating the core biopsy
     * ("on core biopsy: grade 3, ER 90%"), whose grade, size or Ki-67 may differ from the specimen's.
     */
    HISTORY,
    /** Sizes measured on imaging ("lésion de 22 mm à l'IRM", "3 cm mass on ultrasound"). */
    IMAGING,
    /** Exam numbers, patient identifiers, dates, block and slide counts, page numbers ("bloc 3/14", "page 1/2"). */
    IDENTIFIERS,
    /** A second, smaller focus described in its own sentence (tumours of 2 mm or more); the size stays the largest focus's. */
    SECOND_FOCUS,
    /**
     * Tests planned or pending for every marker the record leaves missing ("HER2 : amplification en cours par FISH",
     * "Ki-67 demandé", "IHC to follow in an addendum"), and for one other attribute without a value.
     */
    PENDING_TEST,
    /**
     * Findings and markers that no attribute of the schema states, said with the words values use ("E-cadhérine
     * négative", "necrosis present", "no skin involvement"), and a history of cancer in the other breast; a finding
     * is left out when an attribute's name or label names it.
     */
    OTHER_FINDINGS
}
