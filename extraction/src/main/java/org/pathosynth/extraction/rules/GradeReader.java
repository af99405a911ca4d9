package org.pathosynth.extraction.rules;

import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.Region;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/** The histological grade (1 to 3, Arabic or Roman) stated after a grade cue, not a nuclear grade. */
final class GradeReader implements AttributeReader {
    private final RuleBook rules;
    private final String attribute;
    private final Pattern cue;
    private final Pattern value;
    private final Pattern excludeBefore;
    private final int window;

    GradeReader(RuleBook rules, ReaderEntry entry) {
        this.rules = rules;
        this.attribute = entry.attribute(ReaderEntry.VALUE);
        this.cue = rules.pattern(entry.rule("cue"));
        this.value = rules.pattern(entry.rule("value"));
        this.excludeBefore = rules.pattern(entry.rule("excludeBefore"));
        this.window = rules.integer(entry.rule("window"));
    }

    @Override
    public void read(Reading reading, Findings found) {
        found.put(attribute, read(reading.current()));
    }

    /** The first grade stated. */
    private Hit read(TextView view) {
        ReportText text = view.text();
        Scan c = rules.scan(cue, view);
        while (c.find()) {
            if (rules.region(excludeBefore, view, Math.max(0, c.start() - 15), c.start()).find() ) {
                continue;
            }
            int end = Math.min(text.clauseEnd(c.end(), CLAUSE_ENDS + ","), text.windowEnd(c.end(), window));
            Region v = rules.region(value, view, c.end(), end);
            if (v.find()) {
                String g = switch (v.group("g")) {
                    case "I", "1" -> "1";
                    case "II", "2" -> "2";
                    default -> "3";
                };
                return new Hit(g, c.start(), v.end(), 1.0);
            }
        }
        return null;
    }
}
