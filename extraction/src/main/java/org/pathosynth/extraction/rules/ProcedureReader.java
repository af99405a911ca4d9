package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;

/**
 * The procedure the specimen comes from (biopsy, lumpectomy, mastectomy...): every phrase of every value, the longest
 * where they overlap, tried in the order of preference until one is about this specimen.
 */
final class ProcedureReader implements AttributeReader {
    private final RuleBook rules;
    private final String attribute;
    private final Map<String, List<Pattern>> phrases;
    private final List<String> priority;
    private final Pattern priorBefore;
    private final Pattern priorAfter;
    private final Pattern sentinelAfter;
    private final Pattern sentinelBefore;
    private final String sentinelValue;

    ProcedureReader(RuleBook rules, ReaderEntry entry) {
        this.rules = rules;
        this.attribute = entry.attribute(ReaderEntry.VALUE);
        this.phrases = new LinkedHashMap<>();
        rules.patternLists(entry.rule("patterns")).forEach((value, list) -> phrases.put(value, rules.joined(list)));
        this.priority = rules.strings(entry.rule("priority"));
        this.priorBefore = rules.pattern(entry.rule("priorBefore"));
        this.priorAfter = rules.pattern(entry.rule("priorAfter"));
        this.sentinelAfter = rules.pattern(entry.rule("sentinelAfter"));
        this.sentinelBefore = rules.pattern(entry.rule("sentinelBefore"));
        this.sentinelValue = rules.text(entry.rule("sentinelValue"));
    }

    @Override
    public void read(Reading reading, Findings found) {
        // the specimen at hand, else the one the clinical history names when the report names no other
        Hit current = read(reading.current());
        found.put(attribute, current != null ? current : read(reading.whole()));
    }

    private Hit read(TextView view) {
        List<Hit> found = new ArrayList<>();
        phrases.forEach((value, patterns) -> {
            for (Pattern p : patterns) {
                Scan m = rules.scan(p, view);
                while (m.find()) {
                    found.add(new Hit(value, m.start(), m.end(), 1.0));
                }
            }
        });
        // the context checks are the costly part: run them in the order of preference, until one hit passes
        List<Hit> kept = Hit.longestNonOverlapping(found);
        kept.sort(Comparator.comparingInt((Hit h) -> priority.indexOf((String) h.value())).thenComparingInt(Hit::start));
        for (Hit h : kept) {
            if (aboutThisSpecimen(view, h)) {
                return h;
            }
        }
        return null;
    }

    /** Not a restated earlier procedure ("biopsie antérieure"), and no sentinel-node biopsy taken for the breast specimen. */
    private boolean aboutThisSpecimen(TextView view, Hit h) {
        int beforeStart = Math.max(0, h.start() - 40);
        int afterEnd = Math.min(view.text().length(), h.end() + 40);
        if (rules.region(priorBefore, view, beforeStart, h.start()).find() || rules.region(priorAfter, view, h.end(), afterEnd).find()) {
            return false;
        }
        // "biopsie du ganglion sentinelle", "sentinel node biopsy": a node procedure, not the breast specimen
        return !(h.value().equals(sentinelValue) && (rules.region(sentinelAfter, view, h.end(), afterEnd).find()
                && !view.text().matched().substring(h.end(), afterEnd).isBlank()
                || rules.region(sentinelBefore, view, beforeStart, h.start()).find()));
    }
}
