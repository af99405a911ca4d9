package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tumour size among all the measurements of a report. A measurement is dropped when its surroundings say
 * it measures something else (specimen, node, metastasis, margin distance, in situ extent, imaging, distance to the
 * nipple) or when its sentence names neither a size nor a tumour. Statements outside the macroscopy section
 * (microscopy, conclusion, forms) win over macroscopic ones, and restated earlier results come last. Within the
 * first sentence that holds a size, the largest measurement is taken: "trois foyers de 12, 8 et 31 mm" is 31 mm,
 * "18 x 15 x 12 mm" is 18 mm.
 */
final class TumourSize {
    private static final String SENTENCE = ".;\n";

    private final RuleBook rules;

    TumourSize(RuleBook rules) {
        this.rules = rules;
    }

    /** @return the size in mm (unrounded), or null */
    Hit find(ReportText text) {
        boolean[] macro = macroSections(text);
        List<Hit> candidates = candidates(text);
        for (int tier = 0; tier < 3; tier++) {
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
                return best;
            }
        }
        return null;
    }

    private static int tier(ReportText text, boolean[] macro, int position) {
        if (text.isPrior(position)) {
            return 2;
        }
        return macro[position] ? 1 : 0;
    }

    private List<Hit> candidates(ReportText text) {
        Pattern cue = rules.pattern("size", "cue");
        Pattern excludeBefore = rules.pattern("size", "excludeBefore");
        Pattern excludeAfter = rules.pattern("size", "excludeAfter");
        List<Hit> out = new ArrayList<>();
        int previousEnd = 0;
        List<Measure> found = new ArrayList<>();
        for (String name : List.of("measure", "labelledUnit")) {
            Scan m = rules.scan(rules.pattern("size", name), text);
            while (m.find()) {
                found.add(new Measure(m.start(), m.end(), m.group("n"), m.group("more"), m.group("u")));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Measure::start));
        for (Measure m : found) {
            int sentenceStart = text.clauseStart(m.start(), SENTENCE);
            int sentenceEnd = text.clauseEnd(m.end(), SENTENCE);
            int from = Math.max(Math.max(sentenceStart, previousEnd), m.start() - 40);
            String before = text.matched().substring(Math.min(from, m.start()), m.start());
            String after = text.matched().substring(m.end(), Math.min(text.length(), m.end() + 30));
            previousEnd = m.end();
            if (excludeBefore.matcher(before).find() || excludeAfter.matcher(after).find()) {
                continue;
            }
            if (!cue.matcher(text.matched()).region(sentenceStart, sentenceEnd).find()) {
                continue;
            }
            double largest = parse(m.n());
            Matcher more = Pattern.compile("\\d{1,3}(?:[.,]\\d{1,2})?").matcher(m.more());
            while (more.find()) {
                largest = Math.max(largest, parse(more.group()));
            }
            double mm = m.unit().equalsIgnoreCase("cm") ? largest * 10 : largest;
            out.add(new Hit(mm, m.start(), m.end(), 0.95));
        }
        return out;
    }

    /** One measurement: its span, its number(s) and its unit. */
    private record Measure(int start, int end, String n, String more, String unit) {
    }

    /** Positions inside a macroscopy section: from its heading to the next heading of another section. */
    private boolean[] macroSections(ReportText text) {
        boolean[] macro = new boolean[text.length() + 1];
        Scan start = rules.scan(rules.pattern("size", "macroSection"), text);
        List<int[]> others = new ArrayList<>();
        Scan other = rules.scan(rules.pattern("size", "otherSection"), text);
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
            java.util.Arrays.fill(macro, start.start(), stop, true);
        }
        return macro;
    }

    private static double parse(String s) {
        return Double.parseDouble(s.replace(',', '.'));
    }
}
