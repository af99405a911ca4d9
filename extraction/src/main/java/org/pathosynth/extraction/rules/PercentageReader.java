package org.pathosynth.extraction.rules;

import java.util.regex.Pattern;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.Region;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/** A percentage stated just after its marker's cue (Ki-67 "15 %"), rounded as the schema's attribute says. */
final class PercentageReader implements AttributeReader {
    /** How far after the cue the percentage may be, at most, besides the end of the marker's statement. */
    private static final int WIDTH = 40;

    private final RuleBook rules;
    private final MarkerStatements statements;
    private final Attribute attribute;
    private final Pattern cue;
    private final Pattern percent;

    PercentageReader(RuleBook rules, ReaderEntry entry, MarkerStatements statements, Attribute attribute) {
        this.rules = rules;
        this.statements = statements;
        this.attribute = attribute;
        this.cue = rules.pattern(entry.cue(ReaderEntry.VALUE));
        this.percent = rules.pattern(entry.rule("percent"));
    }

    @Override
    public void read(Reading reading, Findings found) {
        found.put(attribute.name(), statements.ofThisSpecimen(reading, cue, view -> read(reading, view)));
    }

    private Hit read(Reading reading, TextView view) {
        Scan c = rules.scan(cue, view);
        while (c.find()) {
            int end = Math.min(statements.end(reading, view, c, cue), view.text().windowEnd(c.end(), WIDTH));
            Region p = rules.region(percent, view, c.end(), end);
            if (p.find() && p.group("lt") == null) {
                double value = attribute.round(MarkerStatements.decimal(p.group("p")));
                return new Hit(value, c.start(), p.end(), 1.0);
            }
        }
        return null;
    }
}
