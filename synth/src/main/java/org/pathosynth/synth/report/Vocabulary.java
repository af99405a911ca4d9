package org.pathosynth.synth.report;

/** The offline writer's wording (see {@link TemplateReportWriter.Builder#vocabulary}). */
public enum Vocabulary {
    /**
     * The default: the classic phrasings and, in place of some of them, the wider vocabulary of French and English
     * reports (procedure and morphology synonyms, grade sub-scores, margin distances, node notations, receptor
     * intensities and scores, HER2 in situ hybridisation, Ki-67 forms).
     */
    EXTENDED,
    /**
     * The phrasings of template version 2 only: for the breast-cancer schema, the same seed gives the same text as
     * before the extended vocabulary.
     */
    CLASSIC
}
