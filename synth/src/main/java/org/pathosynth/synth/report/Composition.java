package org.pathosynth.synth.report;

import java.util.SplittableRandom;

/**
 * What a layout needs to write one report: the record's slots, the variant picker, the main random stream (layout
 * choices of template version 2) and the distractors to place.
 */
record Composition(RecordSlots values, Picker pick, SplittableRandom rng, Distractions distractions) {
}
