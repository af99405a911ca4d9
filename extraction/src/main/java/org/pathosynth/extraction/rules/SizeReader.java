package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;
import org.pathosynth.extraction.rules.internal.Windows;

/**
 * Finds the tumour size among all the measurements of a report. A measurement is dropped when its surroundings say
 * it measures something else (specimen, node, metastasis, margin distance, in situ extent, imaging, distance to the
 * nipple) or when its sentence names neither a size nor a tumour; sizes stated in passages about earlier examinations
 * (clinical history, imaging) are not this specimen's. Statements outside the macroscopy section (microscopy,
 * conclusion, forms) win over macroscopic ones. Within the
 * first sentence that holds a size, the largest measurement is taken: "trois foyers de 12, 8 et 31 mm" is 31 mm,
 * "18 x 15 x 12 mm" is 18 mm, rounded as the schema's attribute says. A focus named as secondary ("foyer satellite de
 * 4 mm", "second focus: 9 mm") is the size only when the report measures no other.
 */
final class SizeReader implements AttributeReader {
    private static final String SENTENCE = CLAUSE_ENDS;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[.,]\\d{1,2})?");

    private final RuleBook rules;
    private final Attribute attribute;
    private final Pattern focusCue;
    private final Pattern secondaryFocus;
    private final Pattern excludeJustBefore;
    private final Pattern excludeAfter;
    private final Pattern excludeBefore;
    private final Pattern cue;
    private final Pattern measure;
    private final Pattern labelledUnit;
    private final Pattern unit;
    private final Pattern macroSection;
    private final Pattern otherSection;

    SizeReader(RuleBook rules, ReaderEntry entry, Attribute attribute) {
        this.rules = rules;
        this.attribute = attribute;
        this.focusCue = rules.pattern(entry.rule("focusCue"));
        this.secondaryFocus = rules.pattern(entry.rule("secondaryFocus"));
        this.excludeJustBefore = rules.pattern(entry.rule("excludeJustBefore"));
        this.excludeAfter = rules.pattern(entry.rule("excludeAfter"));
        this.excludeBefore = rules.pattern(entry.rule("excludeBefore"));
        this.cue = rules.pattern(entry.rule("cue"));
        this.measure = rules.pattern(entry.rule("measure"));
        this.labelledUnit = rules.pattern(entry.rule("labelledUnit"));
        this.unit = rules.pattern(entry.rule("unit"));
        this.macroSection = rules.pattern(entry.rule("macroSection"));
        this.otherSection = rules.pattern(entry.rule("otherSection"));
    }

    @Override
    public void read(Reading reading, Findings found) {
        TextView view = reading.whole();
        Candidates c = candidates(view);
        Hit h = find(view, c.main().isEmpty() ? c.all() : c.main());
        found.put(attribute.name(), h == null ? null : new Hit(attribute.round((double) h.value()), h.start(), h.end(), h.confidence()));
    }

    /** @return the size in mm (unrounded), or null */
    private Hit find(TextView view, List<Hit> candidates) {
        ReportText text = view.text();
        Windows macro = macroSections(view);
        for (int tier = 0; tier < 2; tier++) {
            Hit best = null;
            int sentenceStart = -1;
            for (Hit h : candidates) {
                if (tier(text, macro, h.start()) != tier) {
                    continue;
                }
                int s = text.clauseStart(h.start(), SENTENCE);
                if (best == null) {
                    best = h;
                    sentenceStart = s;
                } else if (s == sentenceStart && (double) h.value() > (double) best.value()) {
                    best = new Hit(h.value(), best.start(), Math.max(best.end(), h.end()), h.confidence());
                } else if (s != sentenceStart) {
                    break;
                }
            }
            if (best != null) {
                return largerFocus(view, macro, candidates, tier, best);
            }
        }
        return null;
    }

    /**
     * A focus described in a sentence of its own ("Il existe un second foyer ... de 12 mm") counts too: the size is
     * the largest focus of the tier, so a later, larger focus wins and a smaller one does not.
     */
    private Hit largerFocus(TextView view, Windows macro, List<Hit> candidates, int tier, Hit best) {
        ReportText text = view.text();
        Hit out = best;
        for (Hit h : candidates) {
            if (h.start() <= best.end() || tier(text, macro, h.start()) != tier || (double) h.value() <= (double) out.value()) {
                continue;
            }
            int s = text.clauseStart(h.start(), SENTENCE);
            if (rules.region(focusCue, view, s, h.start()).find()) {
                out = h;
            }
        }
        return out;
    }

    private static int tier(ReportText text, Windows macro, int position) {
        return macro.contains(position) ? 1 : 0;
    }

    /** The measurements that may be the tumour's, in text order: all, and those not of a focus named as secondary. */
    private record Candidates(List<Hit> all, List<Hit> main) {
    }

    private Candidates candidates(TextView view) {
        ReportText text = view.text();
        // exclusion words and cues are found once over the whole text, then looked up per measurement
        int[] excluded = starts(rules.scan(excludeBefore, view));
        int[] cues = starts(rules.scan(cue, view));
        int[] secondary = starts(rules.scan(secondaryFocus, view));
        List<Measure> found = new ArrayList<>();
        Windows unitLines = unitLines(view);
        for (Pattern p : List.of(measure, labelledUnit)) {
            Scan m = rules.scan(p, view);
            if (p == measure) {
                m.within(unitLines); // most numbers of a report (dates, counts, percentages) have no unit on their line
            }
            while (m.find()) {
                found.add(new Measure(m.start(), m.end(), m.group("n"), m.group("more"), m.group("u")));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Measure::start));
        List<Hit> out = new ArrayList<>();
        List<Hit> main = new ArrayList<>();
        int previousEnd = 0;
        for (Measure m : found) {
            int sentenceStart = text.clauseStart(m.start(), SENTENCE);
            int sentenceEnd = text.clauseEnd(m.end(), SENTENCE);
            int from = Math.min(Math.max(Math.max(sentenceStart, previousEnd), m.start() - 40), m.start());
            previousEnd = m.end();
            if (text.isPrior(m.start()) || any(excluded, from, m.start()) || !any(cues, sentenceStart, sentenceEnd)) {
                continue;
            }
            if (rules.region(excludeJustBefore, view, Math.max(from, text.previousWordStart(m.start())), m.start()).find()) {
                continue;
            }
            if (rules.region(excludeAfter, view, m.end(), Math.min(text.length(), m.end() + 30)).lookingAt()) {
                continue;
            }
            double largest = parse(m.n());
            Matcher more = NUMBER.matcher(m.more());
            while (more.find()) {
                largest = Math.max(largest, parse(more.group()));
            }
            double mm = m.unit().equalsIgnoreCase("cm") ? largest * 10 : largest;
            Hit h = new Hit(mm, m.start(), m.end(), 0.95);
            out.add(h);
            if (!any(secondary, from, m.start())) {
                main.add(h);
            }
        }
        return new Candidates(out, main);
    }

    /** From the start of each line that holds a unit to that unit: where a measurement can begin. */
    private Windows unitLines(TextView view) {
        Windows w = new Windows();
        Scan u = rules.scan(unit, view);
        while (u.find()) {
            int lineStart = view.text().matched().lastIndexOf('\n', u.start() - 1) + 1;
            w.add(lineStart, u.start());
        }
        return w;
    }

    private static int[] starts(Scan s) {
        int[] out = new int[8];
        int n = 0;
        while (s.find()) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2);
            }
            out[n++] = s.start();
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Whether a sorted position list has one in [from, to). */
    private static boolean any(int[] positions, int from, int to) {
        int i = java.util.Arrays.binarySearch(positions, from);
        int at = i >= 0 ? i : -i - 1;
        return at < positions.length && positions[at] < to;
    }

    /** One measurement: its span, its number(s) and its unit. */
    private record Measure(int start, int end, String n, String more, String unit) {
    }

    /** Positions inside a macroscopy section: from its heading to the next heading of another section. */
    private Windows macroSections(TextView view) {
        ReportText text = view.text();
        Windows macro = new Windows();
        Scan start = rules.scan(macroSection, view);
        List<int[]> others = new ArrayList<>();
        Scan other = rules.scan(otherSection, view);
        while (other.find()) {
            others.add(new int[] {other.start()});
        }
        while (start.find()) {
            int stop = text.length();
            for (int[] o : others) {
                if (o[0] >= start.end()) {
                    stop = o[0];
                    break;
                }
            }
            macro.add(start.start(), stop);
        }
        return macro;
    }

    private static double parse(String s) {
        return Double.parseDouble(s.replace(',', '.'));
    }
}
