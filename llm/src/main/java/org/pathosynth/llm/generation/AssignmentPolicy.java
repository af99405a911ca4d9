package org.pathosynth.llm.generation;

/** Which teacher writes which record. */
public enum AssignmentPolicy {
    /** Teachers take turns in batch order. */
    ROUND_ROBIN,
    /** Each record draws a teacher with probability proportional to its weight, from the record's seed. */
    WEIGHTED,
    /** Every teacher writes every record (ids get a {@code #teacher} suffix). */
    EVERY
}
