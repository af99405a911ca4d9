package org.pathosynth.extraction.rules.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites "\\bA|\\bB|(?-i:\\bC|\\bD)" as "\\b(?:A|B|(?-i:C|D))": the same matches, in the same order of preference,
 * since a word boundary takes no characters. {@code java.util.regex} tries alternatives one by one and tests a word
 * boundary slowly (code points and Unicode categories on each side), so a cue list of twenty words used to test it
 * twenty times at every position tried; now once.
 */
final class WordBoundaries {
    private static final String BOUNDARY = "\\b";

    private WordBoundaries() {
    }

    /** The regular expression with the word boundary that begins every alternative tested once, or unchanged. */
    static String factored(String regex) {
        List<String> alternatives = Anchors.splitTopLevel(regex);
        String stripped = strippedAll(alternatives);
        if (stripped == null || (alternatives.size() == 1 && regex.startsWith(BOUNDARY))) {
            return regex; // some alternative does not begin with one, or there is a single one already
        }
        return BOUNDARY + "(?:" + stripped + ")";
    }

    /** The alternatives joined with their leading boundary removed, or null when one has none. */
    private static String strippedAll(List<String> alternatives) {
        List<String> out = new ArrayList<>();
        for (String a : alternatives) {
            String s = stripped(a);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return String.join("|", out);
    }

    /**
     * One alternative without its leading boundary: "\\bword..." or a group that is the whole alternative and whose own
     * alternatives all begin with one ("(?-i:\\bRE\\b|\\bER\\b)"); null otherwise.
     */
    private static String stripped(String alternative) {
        if (alternative.startsWith(BOUNDARY)) {
            return alternative.substring(BOUNDARY.length());
        }
        for (String open : List.of("(?-i:", "(?i:", "(?:")) {
            if (alternative.startsWith(open) && Anchors.close(alternative, 0) == alternative.length() - 1) {
                String body = strippedAll(Anchors.splitTopLevel(alternative.substring(open.length(), alternative.length() - 1)));
                return body == null ? null : open + body + ")";
            }
        }
        return null;
    }
}
