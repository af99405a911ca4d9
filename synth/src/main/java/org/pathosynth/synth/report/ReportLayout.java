package org.pathosynth.synth.report;

import java.util.SplittableRandom;
import org.pathosynth.core.generation.ReportStyle;

/** One way of laying a report out from a record's slots (see {@link ReportStyle}). */
interface ReportLayout {
    String write(RecordSlots values, SplittableRandom rng);
}
