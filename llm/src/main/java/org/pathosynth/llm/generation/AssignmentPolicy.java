package org.pathosynth.llm.generation;

import java.util.Locale;

/** Which teacher writes which record. */
public enum AssignmentPolicy {
    /** Teachers take turns in batch order. */
    ROUND_ROBIN,
    /** Each record draws a teacher with probability proportional to its weight, from the record's seed. */
    WEIGHTED,
    /** Every teacher writes every record (ids get a {@code #teacher} suffix). */
    EVERY;

    /** The name users write: {@code round-robin}, {@code weighted}, {@code every}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException naming the policies for an unknown name
     */
    public static AssignmentPolicy parse(String name) {
        for (AssignmentPolicy p : values()) {
            if (p.cliName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("policy must be round-robin, weighted or every, got '" + name + "'");
    }
}
