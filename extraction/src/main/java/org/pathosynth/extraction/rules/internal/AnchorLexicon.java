package org.pathosynth.extraction.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every anchor word of a rule book, found in a report's folded text in one pass (instead of one {@code indexOf} pass
 * per word). Almost every anchor begins a word ("\\bganglion"): those sit in a {@link WordStartTrie} walked from each
 * word start, a few steps per word. The few that may begin anywhere ("m[ée]tastases?", a listed digit, "N" of "N+")
 * are looked for one by one with {@code indexOf}. Immutable: a rule book that meets new words builds a larger lexicon
 * ({@link #with}); a report scanned with an older one looks the missing words up on its own.
 */
final class AnchorLexicon {
    static final AnchorLexicon EMPTY = new AnchorLexicon(Map.of());

    private static final int ASCII = 128;
    private static final int MAX_LENGTH = 12;

    private final Map<String, Integer> ids; // anchor (with its WORD_START and EXACT_CASE markers) -> id
    private final String[] exactCase; // per id: the word as the text must have it, or null when any case does
    private final byte[] asciiSymbol; // character -> trie symbol; 0 for characters in no trie anchor
    private final char[] wideChars; // sorted characters beyond ASCII that trie anchors use; symbol = ASCII symbols + index
    private final int[] wideSymbol;
    private final WordStartTrie wordStarts;
    private final int[] anywhereIds; // the other anchors
    private final String[][] anywhereParts; // per anywhere anchor: its words, which runs of white space separate in the text
    private final boolean[] anywhereWordStart;

    private AnchorLexicon(Map<String, Integer> ids) {
        this.ids = Map.copyOf(ids);
        int n = ids.size();
        this.exactCase = new String[n];
        String[] trieWords = new String[n];
        List<Integer> others = new ArrayList<>();
        List<String> otherWords = new ArrayList<>();
        List<Boolean> otherWordStart = new ArrayList<>();
        TreeSet<Character> used = new TreeSet<>(); // the trie's alphabet, numbered from 1
        ids.forEach((anchor, id) -> {
            boolean wordStart = anchor.startsWith(Anchors.WORD_START);
            String word = wordStart ? anchor.substring(1) : anchor;
            if (word.startsWith(Anchors.EXACT_CASE)) {
                word = word.substring(1);
                exactCase[id] = word;
            }
            // A prefix of an anchor still marks every place a match can start: long anchors are cut, which keeps the
            // trie small enough to stay in cache (a 30-letter label adds 30 states for little gain in selectivity).
            String folded = Anchors.foldAll(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
            if (wordStart && !folded.isEmpty() && Character.isLetter(folded.charAt(0))) { // Anchors marks no other
                trieWords[id] = folded;
                folded.chars().forEach(c -> used.add((char) c));
            } else {
                others.add(id);
                otherWords.add(exactCase[id] != null ? exactCase[id] : folded);
                otherWordStart.add(wordStart);
            }
        });
        this.asciiSymbol = new byte[ASCII];
        List<Character> wide = new ArrayList<>();
        int next = 1;
        for (char c : used) {
            if (c < ASCII) {
                asciiSymbol[c] = (byte) next++;
            } else {
                wide.add(c);
            }
        }
        this.wideChars = new char[wide.size()];
        this.wideSymbol = new int[wide.size()];
        for (int i = 0; i < wide.size(); i++) {
            wideChars[i] = wide.get(i);
            wideSymbol[i] = next++;
        }
        this.wordStarts = new WordStartTrie(trieWords, c -> symbol((char) c), next);
        this.anywhereIds = others.stream().mapToInt(Integer::intValue).toArray();
        this.anywhereParts = otherWords.stream().map(w -> w.split(" ")).toArray(String[][]::new);
        this.anywhereWordStart = new boolean[others.size()];
        for (int i = 0; i < others.size(); i++) {
            anywhereWordStart[i] = otherWordStart.get(i);
        }
    }

    /** What {@code \\s} or {@code \\h} matches: a run of it reads as one space. */
    static boolean isSpace(char c) {
        return c == ' ' || (c <= '\r' && c >= '\t') || c == '\u00A0' || c == '\u1680' || c == '\u180E'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    private int symbol(char c) {
        if (c < ASCII) {
            return asciiSymbol[c];
        }
        int i = Arrays.binarySearch(wideChars, c);
        return i < 0 ? 0 : wideSymbol[i];
    }

    /** This lexicon plus {@code words}; itself when it has them all. */
    AnchorLexicon with(List<String> words) {
        if (ids.keySet().containsAll(words)) {
            return this;
        }
        Map<String, Integer> grown = new LinkedHashMap<>(ids);
        for (String w : words) {
            grown.putIfAbsent(w, grown.size());
        }
        return new AnchorLexicon(grown);
    }

    /** The id of an anchor word, or -1 when this lexicon does not have it. */
    int id(String anchor) {
        Integer id = ids.get(anchor);
        return id == null ? -1 : id;
    }

    /**
     * Every occurrence of every anchor in the folded text, grouped by anchor id, each group in increasing order: where
     * the anchor starts (word-start anchors only where no letter or digit precedes; exact-case anchors only where
     * {@code text}, the same text unfolded, has them in that case). {@code chars} holds the folded text in its first
     * {@code textLength} characters.
     */
    Occurrences find(char[] chars, int textLength, String text) {
        Found found = new Found();
        findAtWordStarts(chars, textLength, text, found);
        if (anywhereIds.length > 0) {
            findAnywhere(new String(chars, 0, textLength), text, found);
        }
        return found.byId(ids.size());
    }

    /** The word-start anchors: from each letter after no letter nor digit, the trie is walked while the text follows it. */
    private void findAtWordStarts(char[] chars, int textLength, String text, Found found) {
        WordStartTrie trie = wordStarts;
        boolean afterWordChar = false;
        for (int j = 0; j < textLength; j++) {
            char c = chars[j];
            boolean wordChar = isLetterOrDigit(c);
            if (afterWordChar || !wordChar) {
                afterWordChar = wordChar;
                continue;
            }
            afterWordChar = true;
            int state = trie.start(symbol(c));
            boolean afterSpace = false;
            int k = j + 1;
            while (state != 0) {
                for (int o = trie.outputStart(state); o < trie.outputEnd(state); o++) {
                    found.add(trie.output(o), j, text);
                }
                while (afterSpace && k < textLength && isSpace(chars[k])) {
                    k++; // a run of white space is one space
                }
                if (k >= textLength) {
                    break;
                }
                char d = chars[k++];
                afterSpace = isSpace(d);
                int symbol = symbol(afterSpace ? ' ' : d);
                state = symbol == 0 ? 0 : trie.next(state, symbol);
            }
        }
    }

    /**
     * The anchors that may begin anywhere, each by {@code indexOf} (in {@code text} for exact-case ones, else in the
     * folded text); the words of an anchor with spaces may be separated by any run of white space.
     */
    private void findAnywhere(String folded, String text, Found found) {
        for (int a = 0; a < anywhereIds.length; a++) {
            int id = anywhereIds[a];
            String[] parts = anywhereParts[a];
            String in = exactCase[id] != null ? text : folded;
            for (int at = in.indexOf(parts[0]); at >= 0; at = in.indexOf(parts[0], at + 1)) {
                if (anywhereWordStart[a] && at > 0 && isLetterOrDigit(folded.charAt(at - 1))) {
                    continue;
                }
                if (parts.length == 1 || restFollows(in, at + parts[0].length(), parts)) {
                    found.add(id, at, text);
                }
            }
        }
    }

    /** Whether the words of {@code parts} after the first follow from {@code from}, each after a run of white space. */
    private static boolean restFollows(String in, int from, String[] parts) {
        int i = from;
        for (int p = 1; p < parts.length; p++) {
            if (i >= in.length() || !isSpace(in.charAt(i))) {
                return false;
            }
            while (i < in.length() && isSpace(in.charAt(i))) {
                i++;
            }
            if (!in.startsWith(parts[p], i)) {
                return false;
            }
            i += parts[p].length();
        }
        return true;
    }

    /** Occurrences as they are found: (id, start) pairs, each anchor's in text order. */
    private final class Found {
        private int[] foundIds = new int[64];
        private int[] foundAt = new int[64];
        private int size;

        void add(int id, int start, String text) {
            String exact = exactCase[id];
            if (exact != null && (text.charAt(start) != exact.charAt(0) || !text.startsWith(exact, start))) {
                return; // "re" where the rule says "(?-i:\\bRE\\b)"
            }
            if (size == foundIds.length) {
                foundIds = Arrays.copyOf(foundIds, size * 2);
                foundAt = Arrays.copyOf(foundAt, size * 2);
            }
            foundIds[size] = id;
            foundAt[size++] = start;
        }

        /** Counting sort by id; positions within an id stay in text order (each id is found by one pass only). */
        Occurrences byId(int idCount) {
            int[] start = new int[idCount + 1];
            for (int k = 0; k < size; k++) {
                start[foundIds[k] + 1]++;
            }
            for (int id = 0; id < idCount; id++) {
                start[id + 1] += start[id];
            }
            int[] fill = Arrays.copyOf(start, idCount);
            int[] positions = new int[size];
            for (int k = 0; k < size; k++) {
                positions[fill[foundIds[k]]++] = foundAt[k];
            }
            return new Occurrences(start, positions);
        }
    }

    private static boolean isLetterOrDigit(char c) {
        return c < ASCII ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') : Character.isLetterOrDigit(c);
    }

    /** The anchors found in one text, grouped by anchor id. */
    record Occurrences(int[] start, int[] positions) {
        int count(int id) {
            return start[id + 1] - start[id];
        }

        /** Copies the positions of anchor {@code id} into {@code out} at {@code at}. */
        void copy(int id, int[] out, int at) {
            System.arraycopy(positions, start[id], out, at, count(id));
        }
    }
}
