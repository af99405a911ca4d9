package org.pathosynth.extraction.student;

import java.util.List;
import org.pathosynth.core.schema.Attribute;

/**
 * What the student learnt for one attribute. For a coded attribute: which clause states it ({@code mention}) and which
 * value it states ({@code values}, over {@code classes}). For a number: which number of the report is its value
 * ({@code number}); and, when the training reports also stated it without digits ("ganglion sentinelle indemne"), the
 * clause and value for those statements, as for a coded attribute. A categorical attribute may also have an anchor
 * model ({@link AnchorWords}): which occurrence of one of its anchor words states it.
 */
final class AttributeModel {
    final Attribute attribute;
    final BinaryModel mention;
    final ValueModel values;
    final List<String> classes;
    final BinaryModel number;
    final Calibration calibration;
    /** Categorical attributes, when trained with anchors: the words that anchor a statement, and which occurrence states it. */
    final AnchorWords anchorWords;
    final BinaryModel anchor;

    AttributeModel(Attribute attribute, BinaryModel mention, ValueModel values, List<String> classes, BinaryModel number,
                   Calibration calibration) {
        this(attribute, mention, values, classes, number, calibration, AnchorWords.none(), null);
    }

    AttributeModel(Attribute attribute, BinaryModel mention, ValueModel values, List<String> classes, BinaryModel number,
                   Calibration calibration, AnchorWords anchorWords, BinaryModel anchor) {
        this.attribute = attribute;
        this.mention = mention;
        this.values = values;
        this.classes = List.copyOf(classes);
        this.number = number;
        this.calibration = calibration;
        this.anchorWords = anchorWords;
        this.anchor = anchor;
    }

    AttributeModel withCalibration(Calibration c) {
        return new AttributeModel(attribute, mention, values, classes, number, c, anchorWords, anchor);
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
        if (mention != null && best == null) {
            Decision clause = bestClause(v, scratch);
            Decision word = bestAnchor(v, scratch);
            best = word != null && (clause == null || word.probability() > clause.probability()) ? word : clause;
            if (best != null && number != null && !impliedOrWritten(v, best)) {
                best = null;
            }
        }
        return best;
    }

    /**
     * Whether a number read from a clause's words rather than from one of its numbers is one words imply (none or one:
     * "ganglion sentinelle indemne") or is written in the clause: a class learnt from statements without digits is not
     * to be read off a specimen's dimensions ("LUMP 4.0 X 3.5 X 2.5 CM" read as 78 mm).
     */
    private boolean impliedOrWritten(ReportView v, Decision d) {
        double value;
        try {
            value = Double.parseDouble(d.value());
        } catch (NumberFormatException e) {
            return true;
        }
        if (value == 0 || value == 1) {
            return true;
        }
        for (int i = 0; i < v.numbers.size; i++) {
            int from = v.tokens.start[v.numbers.token[i]];
            if (from >= d.start() && from < d.end() && v.numbers.valueFor(i, attribute, v.tokens) == value) {
                return true;
            }
        }
        return false;
    }

    /** The clause most probably stating the attribute, with the value it states; null when none reaches 0.5. */
    private Decision bestClause(ReportView v, double[] scratch) {
        int bestClause = -1;
        double bestP = 0;
        for (int c = 0; c < v.clauses.size; c++) {
            double p = mention.probability(v.clauseIds, v.clauseFrom[c], v.clauseFrom[c + 1]);
            if (p > bestP) {
                bestP = p;
                bestClause = c;
            }
        }
        return bestP < 0.5 ? null : clauseValue(v, bestClause, bestP, scratch);
    }

    /**
     * The anchor word most probably stating the attribute, with the value its clause states; null when none reaches
     * 0.5. A word's evidence adds to its clause's (logits summed): the word lifts a short line the clause model doubts
     * ("Microbiopsies – sein D" at 0.5 alone), while a word in a clause that clearly states something else (a nuclear
     * grade, node levels) stays unread.
     */
    private Decision bestAnchor(ReportView v, double[] scratch) {
        if (anchor == null) {
            return null;
        }
        int best = -1;
        double bestP = 0;
        for (int i = 0; i < v.anchorToken.length; i++) {
            int k = v.anchorToken[i];
            if (!anchorWords.contains(v.tokens.hash[k])) {
                continue;
            }
            int c = v.clauses.clauseOf[k];
            double p = BinaryModel.sigmoid(anchor.logit(v.anchorIds, v.anchorFrom[i], v.anchorFrom[i + 1])
                    + mention.logit(v.clauseIds, v.clauseFrom[c], v.clauseFrom[c + 1]));
            if (p > bestP) {
                bestP = p;
                best = i;
            }
        }
        return bestP < 0.5 ? null : clauseValue(v, v.clauses.clauseOf[v.anchorToken[best]], bestP, scratch);
    }

    /** The value clause {@code c} states, with probability {@code p} that it states one times the value's. */
    private Decision clauseValue(ReportView v, int c, double p, double[] scratch) {
        values.probabilities(v.clauseIds, v.clauseFrom[c], v.clauseFrom[c + 1], scratch);
        int k = argmax(scratch, values.classes);
        return new Decision(classes.get(k), v.clauses.startChar(c), v.clauses.endChar(c), p * scratch[k]);
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
