package org.pathosynth.core.schema;

import java.util.List;
import org.pathosynth.core.data.ClinicalRecord;

/**
 * A rule of clinical coherence between attributes, written in the schema file ({@code rules}): which values a record may
 * state together. Unlike a {@link LessOrEqualConstraint}, a real table may break it (a registry can hold margins for a
 * patient whose diagnosis was a biopsy, from the later surgery): reading counts such rows, synthesizers produce rows that
 * keep every rule (by blanking the values a rule says are absent, which is post-processing and costs no privacy), and
 * the quality report gives the share of coherent rows of each table.
 */
public sealed interface CoherenceRule permits AbsentWhen, PresentOnlyWith {
    /** True when the record keeps the rule. */
    boolean holds(ClinicalRecord record);

    /** Blanks (NaN) the cells of an encoded row (codes as doubles, NaN missing) that the rule says are absent. */
    void enforce(double[] encodedRow, Schema schema);

    /** The attributes the rule names. */
    List<String> attributes();

    /** The rule in words, e.g. {@code "clear_margins, tumor_size_mm absent when test_used_for_diagnosis is biopsy"}. */
    String describe();
}
