package org.pathosynth.synth.report;

import org.pathosynth.core.generation.ReportStyle;

/** One way of laying a report out from a record's slots (see {@link ReportStyle}); the text carries span marks. */
interface ReportLayout {
    String write(Composition c);
}
