package org.pathosynth.extraction.rules;

import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.Region;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * HER2 status from the IHC score and in situ hybridisation: 3+ is positive, 0 and 1+ negative, an equivocal 2+ is
 * settled by amplification (often in the next clause) and unknown while ISH is pending; without a score, the words of
 * the statement decide.
 */
final class Her2Reader implements AttributeReader {
    private final RuleBook rules;
    private final MarkerStatements statements;
    private final String attribute;
    private final Pattern cue;
    private final Pattern score;
    private final Pattern amplified;
    private final Pattern notAmplified;
    private final Pattern negative;
    private final Pattern low;
    private final Pattern positive;
    private final Pattern pending;
    private final Pattern planned;
    private final Pattern control;
    private final Pattern tripleNegative;

    Her2Reader(RuleBook rules, ReaderEntry entry, MarkerStatements statements) {
        this.rules = rules;
        this.statements = statements;
        this.attribute = entry.attribute(ReaderEntry.VALUE);
        this.cue = rules.pattern(entry.cue(ReaderEntry.VALUE));
        this.score = rules.pattern(entry.rule("her2Score"));
        this.amplified = rules.pattern(entry.rule("amplified"));
        this.notAmplified = rules.pattern(entry.rule("notAmplified"));
        this.negative = rules.pattern(entry.rule("her2Negative"));
        this.low = rules.pattern(entry.rule("her2Low"));
        this.positive = rules.pattern(entry.rule("her2Positive"));
        this.pending = rules.pattern(entry.rule("pending"));
        this.planned = rules.pattern(entry.rule("planned"));
        this.control = rules.pattern(entry.rule("control"));
        this.tripleNegative = rules.pattern(entry.rule("tripleNegative"));
    }

    @Override
    public void read(Reading reading, Findings found) {
        found.put(attribute, statements.ofThisSpecimen(reading, cue, view -> read(reading, view)));
    }

    /** The status from HER2's own statements, else from "triple négatif". */
    private Hit read(Reading reading, TextView view) {
        Hit own = statements(reading, view);
        if (own != null) {
            return own;
        }
        Scan n = rules.scan(tripleNegative, view);
        return n.find() ? new Hit("negative", n.start(), n.end(), 0.9) : null;
    }

    private Hit statements(Reading reading, TextView view) {
        ReportText text = view.text();
        Scan c = rules.scan(cue, view);
        while (c.find()) {
            int end = statements.end(reading, view, c, cue);
            int from = c.end();
            int to = end; // the statement's window, [from, to)
            Integer s = score(view, from, to);
            if (s != null && s == 2 && !has(amplified, view, from, to)) {
                // An equivocal 2+ is settled by in situ hybridisation, often reported in the next clause of the sentence.
                int sentenceEnd = Math.min(text.sentenceEnd(end), end + 150);
                to = Math.max(end, sentenceEnd);
            }
            boolean isNotAmplified = has(notAmplified, view, from, to);
            boolean isAmplified = !isNotAmplified && has(amplified, view, from, to);
            if (s == null && !isAmplified && !isNotAmplified && has(planned, view, from, to)) {
                continue; // a test planned, requested or pending is not a result, whatever else the statement says
            }
            // Words about the run's controls ("témoins positifs", "positive control") are not the tumour's status.
            boolean controls = has(control, view, from, to);
            boolean negativeWord = !controls && has(negative, view, from, to);
            boolean positiveWord = !controls && !negativeWord && has(positive, view, from, to);
            // Wording that precedes the cue ("absence de surexpression de HER2") counts too.
            int clauseStart = text.clauseStart(c.start(), CLAUSE_ENDS);
            if (!negativeWord && !positiveWord) {
                negativeWord = has(negative, view, clauseStart, c.start());
                positiveWord = !negativeWord && has(positive, view, clauseStart, c.start());
            }
            String value = null;
            if (s != null && s == 3) {
                value = "positive";
            } else if (s != null && s == 2) {
                if (!isAmplified && !isNotAmplified && has(pending, view, from, to)) {
                    return null; // ISH pending: the status is not known yet
                }
                value = isAmplified ? "positive" : isNotAmplified ? "negative" : null; // ISH decides
            } else if (s != null) {
                value = "negative";
            } else if (isNotAmplified) {
                value = "negative";
            } else if (isAmplified) {
                value = "positive";
            } else if (negativeWord) {
                value = "negative";
            } else if (positiveWord) {
                value = "positive";
            } else if (!controls && has(low, view, from, to)) {
                value = "negative"; // "HER2-low", "ultra-low", "zéro": not overexpressed
            }
            if (value != null) {
                return new Hit(value, c.start(), end, s != null ? 1.0 : 0.9);
            }
        }
        return null;
    }

    private boolean has(Pattern p, TextView view, int from, int to) {
        return rules.region(p, view, from, to).find();
    }

    /** The IHC score stated in [from, to): "2+", "++", "score 0"; null when none is. */
    private Integer score(TextView view, int from, int to) {
        Region m = rules.region(score, view, from, to);
        if (!m.find()) {
            return null;
        }
        if (m.group("s") != null) {
            return Integer.valueOf(m.group("s"));
        }
        if (m.group("plus") != null) {
            return m.group("plus").length();
        }
        return 0;
    }
}
