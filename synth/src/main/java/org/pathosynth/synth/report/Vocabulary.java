package org.pathosynth.synth.report;

/** The offline writer's wording (see {@link TemplateReportWriter.Builder#vocabulary}). */
public enum Vocabulary {
    /**
     * The classic phrasings and, in place of some of them, the wider vocabulary of French and English reports
     * (procedure and morphology synonyms, grade sub-scores, margin distances, node notations, receptor intensities and
     * scores, HER2 in situ hybridisation, Ki-67 forms): what a student extractor should be trained on.
     */
    EXTENDED,
    /**
     * The default: the phrasings of template version 2 only; for the breast-cancer schema the same seed gives the same
     * text as before the extended vocabulary.
     */
    CLASSIC
}
