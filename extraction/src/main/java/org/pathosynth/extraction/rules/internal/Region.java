package org.pathosynth.extraction.rules.internal;

import java.util.regex.Matcher;

/**
 * A rule over a stretch [from, to) of a report, as {@code pattern.matcher(text).region(from, to)} would be (bounds
 * opaque and anchoring), its matcher lent by the rule book until the report is done.
 */
public final class Region {
    private final Matcher m;

    Region(Matcher m) {
        this.m = m;
    }

    /** The next match in the stretch. */
    public boolean find() {
        return m.find();
    }

    /** Whether the rule matches at the start of the stretch. */
    public boolean lookingAt() {
        return m.lookingAt();
    }

    public int start() {
        return m.start();
    }

    public int end() {
        return m.end();
    }

    public String group(String name) {
        return m.group(name);
    }
}
