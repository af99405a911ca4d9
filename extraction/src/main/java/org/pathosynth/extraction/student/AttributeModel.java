package org.pathosynth.extraction.student;

import java.util.List;
import org.pathosynth.core.schema.Attribute;

/**
 * What the student learnt for one attribute. For a coded attribute: which clause states it ({@code mention}) and which
 * value it states ({@code values}, over {@code classes}). For a number: which number of the report is its value
 * ({@code number}); and, when the training reports also stated it without digits ("ganglion sentinelle indemne"), the
 * clause and value for those statements, as for a coded attribute.
 */
final class AttributeModel {
    final Attribute attribute;
    final BinaryModel mention;
    final ValueModel values;
    final List<String> classes;
    final BinaryModel number;
    final Calibration calibration;

    AttributeModel(Attribute attribute, BinaryModel mention, ValueModel values, List<String> classes, BinaryModel number,
                   Calibration calibration) {
        this.attribute = attribute;
        this.mention = mention;
        this.values = values;
        this.classes = List.copyOf(classes);
        this.number = number;
        this.calibration = calibration;
    }

    AttributeModel withCalibration(Calibration c) {
        return new AttributeModel(attribute, mention, values, classes, number, c);
    }

    /**
     * What this model reads in a report: a value's text (as the attribute parses it), its character span and the
     * model's probability that the report states it; or null when it reads nothing.
     */
    Decision decide(ReportView v, double[] scratch) {
        Decision best = null;
        if (number != null) {
            for (int i = 0; i < v.numbers.size; i++) {
                double value = v.numbers.valueFor(i, attribute, v.tokens);
                if (Double.isNaN(value)) {
                    continue;
                }
                double p = number.probability(v.numberIds, v.numberFrom[i], v.numberFrom[i + 1]);
                if (p >= 0.5 && (best == null || p > best.probability())) {
                    int k = v.numbers.token[i];
                    best = new Decision(format(value), v.tokens.start[k], v.numbers.endChar(i, v.tokens), p);
                }
            }
        }
        if (mention != null && (best == null)) {
            int bestClause = -1;
            double bestP = 0;
            for (int c = 0; c < v.clauses.size; c++) {
                double p = mention.probability(v.clauseIds, v.clauseFrom[c], v.clauseFrom[c + 1]);
                if (p > bestP) {
                    bestP = p;
                    bestClause = c;
                }
            }
            if (bestP >= 0.5) {
                values.probabilities(v.clauseIds, v.clauseFrom[bestClause], v.clauseFrom[bestClause + 1], scratch);
                int k = argmax(scratch, values.classes);
                best = new Decision(classes.get(k), v.clauses.startChar(bestClause), v.clauses.endChar(bestClause), bestP * scratch[k]);
            }
        }
        return best;
    }

    /**
     * The model's raw probability that a number of the report written within {@code [start, end)} and read as
     * {@code value} is this attribute's value: the highest over such numbers, or NaN when none is there or this model
     * reads no numbers.
     */
    double numberProbability(ReportView v, int start, int end, double value) {
        if (number == null) {
            return Double.NaN;
        }
        double best = Double.NaN;
        for (int i = 0; i < v.numbers.size; i++) {
            int from = v.tokens.start[v.numbers.token[i]];
            if (from < start || from >= end || v.numbers.valueFor(i, attribute, v.tokens) != value) {
                continue;
            }
            double p = number.probability(v.numberIds, v.numberFrom[i], v.numberFrom[i + 1]);
            best = Double.isNaN(best) ? p : Math.max(best, p);
        }
        return best;
    }

    private String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static int argmax(double[] p, int n) {
        int k = 0;
        for (int j = 1; j < n; j++) {
            if (p[j] > p[k]) {
                k = j;
            }
        }
        return k;
    }

    /** A value read, with its evidence span and raw probability. */
    record Decision(String value, int start, int end, double probability) {
    }
}
