package org.pathosynth.extraction.rules.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The successive non-overlapping matches of a pattern in a report, as {@link Matcher#find()} would give them, but
 * tried only at the positions where the pattern's {@link Anchors} occur in the folded text ({@code lookingAt} with
 * transparent bounds, so look-behinds and word boundaries still see the text before). Patterns without anchors
 * fall back to {@code find()}.
 */
public final class Scan {
    private final Pattern pattern;
    private final String subject;
    private Matcher m; // made on the first anchor position: most rules have none in a given report
    private final ReportText text;
    private final TextView view;
    private final MatcherPool pool; // null: a matcher of its own
    private final Anchors anchors;
    private int[] positions;
    private int next;
    private int from;
    private Windows allowed;

    private int limit = Integer.MAX_VALUE;

    /** Stops at matches starting at or after {@code position}: a caller that keeps the earliest match needs no later one. */
    public Scan before(int position) {
        limit = position;
        return this;
    }

    private boolean skipped(int position) {
        return view.skipped(position);
    }

    private NumberLead lead; // null, or what must follow the number the rule begins with

    /** Tries the rule only where its number lead may match (see {@link NumberLead}). */
    Scan led(NumberLead numberLead) {
        lead = numberLead;
        return this;
    }

    /** Restricts matches to those starting at allowed positions (anchored patterns only; others ignore it). */
    public Scan within(Windows windows) {
        allowed = windows;
        return this;
    }

    /** A scan of the whole text with a matcher of its own. */
    Scan(Pattern p, Anchors anchors, ReportText text) {
        this(p, anchors, text.whole(), text.matched(), null);
    }

    /** @param subject the text matched: the report's matched copy, or its lower-cased copy for a rule's lower-case twin */
    Scan(Pattern p, Anchors anchors, TextView view, String subject, MatcherPool pool) {
        this.pool = pool;
        this.pattern = p;
        this.subject = subject;
        this.view = view;
        this.text = view.text();
        this.anchors = anchors;
    }

    private Matcher matcher() {
        if (m == null) {
            m = pool == null ? pattern.matcher(subject) : pool.borrow(pattern, subject, text.lentMatchers());
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
        }
        return m;
    }

    public boolean find() {
        if (!anchors.usable()) {
            while (matcher().find()) {
                if (m.start() >= limit) {
                    return false;
                }
                if (!skipped(m.start())) {
                    return true;
                }
            }
            return false;
        }
        if (positions == null) {
            positions = text.anchorPositions(anchors);
        }
        while (next < positions.length) {
            int p = positions[next++];
            if (p >= limit) {
                next = positions.length;
                return false;
            }
            int resume = allowed == null ? p : allowed.nextHeld(p);
            if (resume != p) { // outside every window: jump to the next one rather than test every position before it
                if (resume < 0) {
                    next = positions.length;
                    return false;
                }
                int at = java.util.Arrays.binarySearch(positions, next, positions.length, resume);
                next = at >= 0 ? at : -at - 1;
                continue;
            }
            if (p < from || skipped(p) || (lead != null && !lead.mayMatchAt(text, p))) {
                continue;
            }
            Matcher mm = matcher();
            mm.region(p, text.length());
            if (mm.lookingAt()) {
                from = Math.max(m.end(), p + 1);
                return true;
            }
        }
        return false;
    }

    public int start() {
        return m.start();
    }

    public int end() {
        return m.end();
    }

    public String group() {
        return m.group();
    }

    public String group(String name) {
        return m.group(name);
    }
}
