package org.pathosynth.extraction.rules;

import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.Region;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * A yes/no finding named by a cue (lymphovascular invasion, extracapsular spread...): its presence from the nearest
 * polarity cue before it ("absence d'emboles"), else the status just after it ("emboles : présents").
 */
final class FindingReader implements AttributeReader {
    private final RuleBook rules;
    private final String attribute;
    private final Pattern cue;
    private final Pattern before;
    private final Pattern after;
    private final Pattern uncertain;
    private final int window;

    FindingReader(RuleBook rules, ReaderEntry entry) {
        this.rules = rules;
        this.attribute = entry.attribute(ReaderEntry.VALUE);
        this.cue = rules.pattern(entry.cue(ReaderEntry.VALUE));
        this.before = rules.pattern(entry.rule("before"));
        this.after = rules.pattern(entry.rule("after"));
        this.uncertain = rules.pattern(entry.rule("uncertainBefore"));
        this.window = rules.integer(entry.rule("window"));
    }

    @Override
    public void read(Reading reading, Findings found) {
        found.put(attribute, read(reading.current()));
    }

    private Hit read(TextView view) {
        ReportText text = view.text();
        Scan c = rules.scan(cue, view);
        while (c.find()) {
            int from = Math.max(text.clauseStart(c.start(), CLAUSE_ENDS + ",:"), c.start() - window);
            if (rules.region(uncertain, view, from, c.start()).find()) {
                continue; // "image suspecte d'embole": not a finding; a later statement decides
            }
            Region b = rules.region(before, view, from, c.start());
            Boolean value = null;
            int start = c.start();
            while (b.find()) { // the last cue before the finding is the nearest
                value = b.group("pos") != null;
                start = b.start();
            }
            int end = c.end();
            if (value == null) {
                int to = Math.min(text.clauseEnd(c.end(), CLAUSE_ENDS + ","), text.windowEnd(c.end(), window));
                Region a = rules.region(after, view, c.end(), to);
                if (a.find()) {
                    if (a.group("unk") != null) {
                        return null; // "non évaluables", "douteux": stated as unknown
                    }
                    value = a.group("pos") != null;
                    end = a.end();
                }
            }
            if (value != null) {
                return new Hit(value, start, end, 0.95);
            }
        }
        return null;
    }
}
