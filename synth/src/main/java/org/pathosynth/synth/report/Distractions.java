package org.pathosynth.synth.report;

import java.util.List;

/**
 * The distractors drawn for one report, already written, by place: header lines (identifiers), history sentences
 * (before the findings; {@code historyBody} the same without their lead, for under a history heading), sentences
 * after the tumour's description (a second focus), sentences after the markers (pending tests) and footer lines; and
 * their checklist forms. None carries a span.
 */
record Distractions(List<String> header, List<String> history, List<String> historyBody, List<String> afterTumour,
                    List<String> pending, List<String> footer, List<String> historyLines, List<String> focusLines,
                    List<String> pendingLines) {
    static final Distractions NONE = new Distractions(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());
}
