package org.pathosynth.extraction.rules.internal;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matchers kept per thread and lent to the scans of one report: a page-long report runs about 150 scans, and a
 * matcher with its group arrays was the largest allocation of each. A matcher lent is not lent again before the
 * report gives it back, so two scans of one rule in the same report never share one.
 */
final class MatcherPool {
    private final ThreadLocal<Map<Pattern, ArrayDeque<Matcher>>> free = ThreadLocal.withInitial(IdentityHashMap::new);

    /** A matcher of {@code pattern} over {@code subject}, recorded in {@code lent} until {@link #giveBack}. */
    Matcher borrow(Pattern pattern, CharSequence subject, List<Matcher> lent) {
        ArrayDeque<Matcher> idle = free.get().get(pattern);
        Matcher m = idle == null ? null : idle.poll();
        m = m == null ? pattern.matcher(subject) : m.reset(subject);
        lent.add(m);
        return m;
    }

    /** Returns a report's matchers, detached from its text so the pool keeps no report alive. */
    void giveBack(List<Matcher> lent) {
        Map<Pattern, ArrayDeque<Matcher>> idle = free.get();
        for (Matcher m : lent) {
            idle.computeIfAbsent(m.pattern(), p -> new ArrayDeque<>()).push(m.reset(""));
        }
        lent.clear();
    }
}
