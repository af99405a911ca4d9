package org.pathosynth.extraction.student;

import org.pathosynth.core.report.Report;

/**
 * An extractor that can say how probable it finds another reader's number: the probability that the number written
 * within {@code [start, end)} and read as {@code value} states {@code attribute}, or NaN when it has no opinion there.
 * {@link RulesAndStudentExtractor} asks it before overruling the rules.
 */
public interface NumberOpinion {
    double numberProbability(Report report, String attribute, int start, int end, double value);
}
