package org.pathosynth.extraction.rules;

/**
 * Reads the attributes of one family (procedure, grade, node counts, a yes/no finding...) from a report. Which
 * attributes, and with which rules, comes from the rules file (see {@link ReaderFamilies}). Stateless: one instance
 * reads every report, from any thread.
 */
interface AttributeReader {
    /** Where a statement ends: a full stop, a semicolon or a line break. */
    String CLAUSE_ENDS = ".;\n";

    /** Puts what it reads in {@code found}, under its attributes' names; nothing when the report does not say. */
    void read(Reading reading, Findings found);
}
