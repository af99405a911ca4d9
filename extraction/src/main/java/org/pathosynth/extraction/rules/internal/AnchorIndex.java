package org.pathosynth.extraction.rules.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where anchors occur in one report's folded text, listed when a rule first needs them: every anchor word of the
 * lexicon in one pass, words the lexicon lacks one by one, and digit starts (see {@link Scan}).
 */
final class AnchorIndex {
    private final CleanText text;
    private final AnchorLexicon lexicon;
    private AnchorLexicon.Occurrences found;
    private int[][] digitStarts; // every digit, run starts, number starts
    private final Map<String, int[]> wordPositions = new HashMap<>();
    /** Sized for the distinct anchors a report's scans ask for (about two hundred): no rehashing while it is read. */
    private final Map<Anchors, int[]> anchorPositions = new IdentityHashMap<>(256);

    /** A text whose anchors are looked up with {@code lexicon} (words it lacks are found one by one). */
    AnchorIndex(CleanText text, AnchorLexicon lexicon) {
        this.text = text;
        this.lexicon = lexicon;
    }

    /** Sorted positions where any of the anchors occurs in the folded text; cached per anchors. */
    int[] positions(Anchors anchors) {
        return anchorPositions.computeIfAbsent(anchors, this::find);
    }

    private int[] find(Anchors anchors) {
        if (found == null) {
            found = lexicon.find(text.folded, text.length(), text.matched);
        }
        int[] ids = anchors.idsIn(lexicon);
        int[][] own = new int[ids.length][]; // words the lexicon lacks, looked up here
        int total = 0;
        for (int w = 0; w < ids.length; w++) {
            if (ids[w] < 0) {
                own[w] = wordPositions.computeIfAbsent(anchors.words().get(w), this::occurrences);
                total += own[w].length;
            } else {
                total += found.count(ids[w]);
            }
        }
        int[] d = digitStarts(anchors.digitStart());
        total += d.length;
        int[] out = new int[total];
        int n = 0;
        int lists = 0;
        for (int w = 0; w < ids.length; w++) {
            int before = n;
            if (ids[w] < 0) {
                System.arraycopy(own[w], 0, out, n, own[w].length);
                n += own[w].length;
            } else {
                found.copy(ids[w], out, n);
                n += found.count(ids[w]);
            }
            lists += n > before ? 1 : 0;
        }
        System.arraycopy(d, 0, out, n, d.length);
        lists += d.length > 0 ? 1 : 0;
        if (lists <= 1) {
            return out; // each list is sorted and free of repeats: only unions need sorting
        }
        Arrays.sort(out);
        int distinct = 0; // "ca" and "carcinom" both start at "carcinome": one position, tried once
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : Arrays.copyOf(out, distinct);
    }

    /** Positions of digits where a match may start: every digit, the first of each run, or those after no letter. */
    private int[] digitStarts(Anchors.DigitStart start) {
        if (start == Anchors.DigitStart.NONE) {
            return new int[0];
        }
        if (digitStarts == null) {
            digitStarts = digitStarts(text.folded, text.length());
        }
        return digitStarts[start.ordinal() - 1];
    }

    /** Every digit, the first digit of each run, and the first digit of each number not glued to a word. */
    private static int[][] digitStarts(char[] text, int length) {
        int[] all = new int[32];
        int[] runs = new int[32];
        int[] numbers = new int[32];
        int n = 0;
        int r = 0;
        int w = 0;
        for (int i = 0; i < length; i++) {
            if (!isDigit(text[i])) {
                continue;
            }
            if (n == all.length) { // runs and numbers are never longer than all
                all = Arrays.copyOf(all, n * 2);
                runs = Arrays.copyOf(runs, n * 2);
                numbers = Arrays.copyOf(numbers, n * 2);
            }
            all[n++] = i;
            char before = i == 0 ? ' ' : text[i - 1];
            if (!isDigit(before)) {
                runs[r++] = i;
                if (!(before < 128 ? (before | 0x20) >= 'a' && (before | 0x20) <= 'z' : Character.isLetter(before))) {
                    numbers[w++] = i;
                }
            }
        }
        return new int[][] {Arrays.copyOf(all, n), Arrays.copyOf(runs, r), Arrays.copyOf(numbers, w)};
    }

    private static boolean isDigit(char c) {
        return c <= '9' ? c >= '0' : c > 127 && Character.isDigit(c);
    }

    /**
     * Occurrences of one anchor word the lexicon did not have when this text was read (rules first used while it is
     * read): a lexicon of that word alone, so word starts, exact case and white space are matched the same way.
     */
    private int[] occurrences(String anchor) {
        return AnchorLexicon.EMPTY.with(List.of(anchor)).find(text.folded, text.length(), text.matched).positions();
    }
}
