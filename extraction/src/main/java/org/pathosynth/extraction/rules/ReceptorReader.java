package org.pathosynth.extraction.rules;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.Region;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * Hormone receptor status (ER and PR): both in one statement ("RE/RP : 100 % / 95 %"), else each from its cue, as a
 * word ("positifs") or a percentage against the language's positivity threshold, in the examination at hand (see
 * {@link MarkerStatements#ofThisSpecimen}).
 */
final class ReceptorReader implements AttributeReader {
    static final String ER = "er";
    static final String PR = "pr";

    private final RuleBook rules;
    private final MarkerStatements statements;
    private final String er;
    private final String pr;
    private final Pattern erCue;
    private final Pattern prCue;
    private final Pattern pair;
    private final Pattern status;
    private final Pattern percent;
    private final Pattern planned;
    private final Pattern control;
    private final Pattern tripleNegative;
    private final Pattern hormoneNegative;
    private final double frenchThreshold;
    private final double englishThreshold;

    ReceptorReader(RuleBook rules, ReaderEntry entry, MarkerStatements statements, double frenchThreshold, double englishThreshold) {
        this.rules = rules;
        this.statements = statements;
        this.er = entry.attribute(ER);
        this.pr = entry.attribute(PR);
        this.erCue = rules.pattern(entry.cue(ER));
        this.prCue = rules.pattern(entry.cue(PR));
        this.pair = rules.pattern(entry.rule("receptorPair"));
        this.status = rules.pattern(entry.rule("receptorStatus"));
        this.percent = rules.pattern(entry.rule("percent"));
        this.planned = rules.pattern(entry.rule("planned"));
        this.control = rules.pattern(entry.rule("control"));
        this.tripleNegative = rules.pattern(entry.rule("tripleNegative"));
        this.hormoneNegative = rules.pattern(entry.rule("hormoneNegative"));
        this.frenchThreshold = frenchThreshold;
        this.englishThreshold = englishThreshold;
    }

    @Override
    public void read(Reading reading, Findings found) {
        double threshold = reading.language().startsWith("fr") ? frenchThreshold : englishThreshold;
        Map<TextView, Hit[]> pairs = new IdentityHashMap<>(4); // both read from one statement, scanned once per view
        found.put(er, statements.ofThisSpecimen(reading, erCue, view -> read(reading, view, pairs, 0, erCue, threshold)));
        found.put(pr, statements.ofThisSpecimen(reading, prCue, view -> read(reading, view, pairs, 1, prCue, threshold)));
    }

    /**
     * One receptor ({@code which}: 0 for ER, 1 for PR): from a statement of both ("RE/RP : 100 % / 95 %"), else from
     * its own cue, else from a statement that both receptors are negative ("triple négatif", "RH-"; "RH+" says only
     * that one of them is positive).
     */
    private Hit read(Reading reading, TextView view, Map<TextView, Hit[]> pairs, int which, Pattern cue, double threshold) {
        Hit[] both = pairs.computeIfAbsent(view, v -> pair(v, threshold));
        if (both.length > 0) {
            return both[which];
        }
        Hit own = receptor(reading, view, cue, threshold);
        if (own != null) {
            return own;
        }
        for (Pattern bothNegative : new Pattern[] {tripleNegative, hormoneNegative}) {
            Scan n = rules.scan(bothNegative, view);
            if (n.find()) {
                return new Hit("negative", n.start(), n.end(), 0.9);
            }
        }
        return null;
    }

    /** ER and PR from one statement of both, or none. */
    private Hit[] pair(TextView view, double threshold) {
        Scan m = rules.scan(pair, view);
        if (!m.find()) {
            return new Hit[0];
        }
        return new Hit[] {
            new Hit(MarkerStatements.decimal(m.group(ER)) >= threshold ? "positive" : "negative", m.start(), m.end(), 0.9),
            new Hit(MarkerStatements.decimal(m.group(PR)) >= threshold ? "positive" : "negative", m.start(), m.end(), 0.9)};
    }

    private Hit receptor(Reading reading, TextView view, Pattern cue, double thresholdPercent) {
        Scan c = rules.scan(cue, view);
        while (c.find()) {
            int end = statements.end(reading, view, c, cue);
            Region p0 = rules.region(percent, view, c.end(), end);
            boolean hasPercent = p0.find();
            if (!hasPercent && (rules.region(planned, view, c.end(), end).find() || rules.region(control, view, c.end(), end).find())) {
                continue; // planned or pending, or only the run's controls: no result here
            }
            Region s = rules.region(status, view, c.end(), end);
            if (s.find()) {
                return new Hit(s.group("pos") != null ? "positive" : "negative", c.start(), s.end(), 1.0);
            }
            Region p = rules.region(percent, view, c.end(), end);
            if (p.find()) {
                double value = MarkerStatements.decimal(p.group("p"));
                boolean below = p.group("lt") != null;
                boolean positive = below ? value > thresholdPercent : value >= thresholdPercent;
                return new Hit(positive ? "positive" : "negative", c.start(), p.end(), 0.9);
            }
        }
        return null;
    }
}
