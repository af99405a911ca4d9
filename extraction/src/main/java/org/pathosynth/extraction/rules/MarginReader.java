package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.Region;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/** Whether the margins are clear: the earliest of a fixed phrase ("in sano") and a margin cue with its status. */
final class MarginReader implements AttributeReader {
    private final RuleBook rules;
    private final String attribute;
    private final List<Pattern> yesPhrases;
    private final List<Pattern> noPhrases;
    private final Pattern cue;
    private final Pattern status;
    private final int window;

    MarginReader(RuleBook rules, ReaderEntry entry) {
        this.rules = rules;
        this.attribute = entry.attribute(ReaderEntry.VALUE);
        this.yesPhrases = rules.joined(rules.patterns(entry.rule("yesPhrases")));
        this.noPhrases = rules.joined(rules.patterns(entry.rule("noPhrases")));
        this.cue = rules.pattern(entry.rule("cue"));
        this.status = rules.pattern(entry.rule("status"));
        this.window = rules.integer(entry.rule("window"));
    }

    @Override
    public void read(Reading reading, Findings found) {
        found.put(attribute, read(reading.current()));
    }

    private Hit read(TextView view) {
        ReportText text = view.text();
        List<Hit> found = new ArrayList<>();
        for (Pattern p : yesPhrases) {
            firstMatch(p, view, true, found);
        }
        for (Pattern p : noPhrases) {
            firstMatch(p, view, false, found);
        }
        Scan c = rules.scan(cue, view);
        while (c.find()) {
            int end = Math.min(text.clauseEnd(c.end(), CLAUSE_ENDS), text.windowEnd(c.end(), window));
            Region s = rules.region(status, view, c.end(), end);
            if (s.find()) {
                found.add(new Hit(s.group("yes") != null, c.start(), s.end(), 0.95));
                break;
            }
        }
        return found.stream().min(Comparator.comparingInt(Hit::start)).orElse(null);
    }

    private void firstMatch(Pattern p, TextView view, boolean value, List<Hit> found) {
        Scan m = rules.scan(p, view);
        if (m.find()) {
            found.add(new Hit(value, m.start(), m.end(), 1.0));
        }
    }
}
