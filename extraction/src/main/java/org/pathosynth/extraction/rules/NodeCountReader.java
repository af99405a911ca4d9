package org.pathosynth.extraction.rules;

import java.util.List;
import java.util.regex.Pattern;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.ReportText;
import org.pathosynth.extraction.rules.internal.RuleBook;
import org.pathosynth.extraction.rules.internal.Scan;
import org.pathosynth.extraction.rules.internal.TextView;
import org.pathosynth.extraction.rules.internal.Windows;

/**
 * Lymph node counts (taken, affected), from the most explicit statement found: a notation or phrase giving both counts
 * ("3N+/14", "pN1a (2/14)", "2 ganglions envahis sur 13", "1 of 4 involved"), else a bare ratio next to a node word
 * ("GS : 0/3", "Sentinel lymph nodes: 0/2"; dates and scores are not next to one), else "deux ganglions, tous
 * indemnes", else each count on its own. Without any count, a single sentinel node stated negative ("le ganglion
 * sentinelle est indemne", "sentinel node: negative") is one node taken, none affected; negative nodes without a
 * count ("ganglions sentinelles indemnes", "pN0(sn)") say only that none is affected.
 */
final class NodeCountReader implements AttributeReader {
    static final String TAKEN = "taken";
    static final String AFFECTED = "affected";

    private final RuleBook rules;
    private final String taken;
    private final String affected;
    private final Pattern mention;
    private final List<Pattern> pairs;
    private final Pattern cue;
    private final Pattern ratio;
    private final List<Pattern> allNegative;
    private final List<Pattern> takenCounts;
    private final List<Pattern> affectedCounts;
    private final Pattern sentinelNegative;
    private final Pattern negativeWithoutCount;

    NodeCountReader(RuleBook rules, ReaderEntry entry) {
        this.rules = rules;
        this.taken = entry.attribute(TAKEN);
        this.affected = entry.attribute(AFFECTED);
        this.mention = rules.pattern(entry.rule("mention"));
        this.pairs = rules.patterns(entry.rule("pair"));
        this.cue = rules.pattern(entry.rule("cue"));
        this.ratio = rules.pattern(entry.rule("ratio"));
        this.allNegative = rules.patterns(entry.rule("allNegative"));
        this.takenCounts = rules.patterns(entry.rule("taken"));
        this.affectedCounts = rules.patterns(entry.rule("affected"));
        this.sentinelNegative = rules.pattern(entry.rule("sentinelNegative"));
        this.negativeWithoutCount = rules.pattern(entry.rule("negativeWithoutCount"));
    }

    @Override
    public void read(Reading reading, Findings found) {
        TextView view = reading.current();
        Windows nodeSentences = nodeSentences(view);
        if (nodeSentences.isEmpty()) {
            return;
        }
        Hit[] pair = firstPair(view, nodeSentences);
        if (pair == null) {
            pair = ratioNearNodeWord(view);
        }
        if (pair == null) {
            for (Pattern p : allNegative) {
                Scan m = rules.scan(p, view).within(nodeSentences);
                if (m.find() && rules.count(m.group("t")) != null) {
                    pair = new Hit[] {new Hit(0, m.start(), m.end(), 0.9), new Hit(rules.count(m.group("t")), m.start(), m.end(), 0.9)};
                    break;
                }
            }
        }
        Hit affectedHit = pair == null ? null : pair[0];
        Hit takenHit = pair == null ? null : pair[1];
        if (pair == null) {
            takenHit = firstCount(takenCounts, "t", view, nodeSentences);
            affectedHit = firstCount(affectedCounts, "a", view, nodeSentences);
        }
        if (takenHit == null && affectedHit == null) {
            Scan s = rules.scan(sentinelNegative, view).within(nodeSentences);
            if (s.find()) {
                takenHit = new Hit(1, s.start(), s.end(), 0.9);
                affectedHit = new Hit(0, s.start(), s.end(), 0.9);
            }
        }
        if (affectedHit == null) {
            Scan s = rules.scan(negativeWithoutCount, view).within(nodeSentences);
            affectedHit = s.find() ? new Hit(0, s.start(), s.end(), 0.9) : null;
        }
        found.put(taken, takenHit);
        found.put(affected, affectedHit);
    }

    /**
     * The sentences that name nodes (a node word or notation), where node counts are looked for; none in most
     * biopsies, and then no count is read.
     */
    private Windows nodeSentences(TextView view) {
        ReportText text = view.text();
        Scan m = rules.scan(mention, view);
        Windows sentences = new Windows();
        int covered = -1;
        while (m.find()) {
            if (m.start() < covered) {
                continue;
            }
            int from = text.clauseStart(m.start(), CLAUSE_ENDS);
            int to = text.clauseEnd(m.start(), CLAUSE_ENDS);
            sentences.add(from, to);
            covered = to;
        }
        return sentences;
    }

    /** The earliest match of any pair pattern with affected &lt;= taken, as {affected, taken}. */
    private Hit[] firstPair(TextView view, Windows nodeSentences) {
        Hit[] best = null;
        for (Pattern p : pairs) {
            Scan m = rules.scan(p, view).within(nodeSentences).before(best == null ? Integer.MAX_VALUE : best[0].start());
            while (m.find()) {
                Integer a = rules.count(m.group("a"));
                Integer t = rules.count(m.group("t"));
                if (a != null && t != null && a <= t) {
                    if (best == null || m.start() < best[0].start()) {
                        best = new Hit[] {new Hit(a, m.start(), m.end(), 1.0), new Hit(t, m.start(), m.end(), 1.0)};
                    }
                    break;
                }
            }
        }
        return best;
    }

    /**
     * A bare ratio ("0/3", "2 of 14") within 40 characters before or 80 after a node word, in the same clause; the
     * windows of all node words are scanned together, in text order, so overlapping windows are read once.
     */
    private Hit[] ratioNearNodeWord(TextView view) {
        ReportText text = view.text();
        Windows windows = new Windows();
        Scan c = rules.scan(cue, view);
        while (c.find()) {
            int from = Math.max(text.clauseStart(c.start(), CLAUSE_ENDS), c.start() - 40);
            int to = Math.min(text.clauseEnd(c.end(), CLAUSE_ENDS), c.end() + 80);
            windows.add(from, to);
        }
        if (windows.isEmpty()) {
            return null;
        }
        Scan m = rules.scan(ratio, view).within(windows);
        while (m.find()) {
            if (m.end() > windows.endAt(m.start())) {
                continue; // runs past every window it starts in
            }
            int a = Integer.parseInt(m.group("a"));
            int t = Integer.parseInt(m.group("t"));
            if (a <= t && t > 0) {
                return new Hit[] {new Hit(a, m.start(), m.end(), 0.9), new Hit(t, m.start(), m.end(), 0.9)};
            }
        }
        return null;
    }

    /** The earliest count any pattern reads in a sentence naming nodes, outside the pair already read. */
    private Hit firstCount(List<Pattern> patterns, String group, TextView view, Windows nodeSentences) {
        Hit best = null;
        for (Pattern p : patterns) {
            Scan m = rules.scan(p, view).within(nodeSentences).before(best == null ? Integer.MAX_VALUE : best.start());
            while (m.find()) {
                Integer n = rules.count(m.group(group));
                if (n != null && (best == null || m.start() < best.start())) {
                    best = new Hit(n, m.start(), m.end(), 1.0);
                }
                break;
            }
        }
        return best;
    }
}
