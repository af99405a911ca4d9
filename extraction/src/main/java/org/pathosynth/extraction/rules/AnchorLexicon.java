package org.pathosynth.extraction.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every anchor word of a rule book in one Aho–Corasick automaton, so that a report's folded text is read once, one
 * table step per character, to find all of them (instead of one {@code indexOf} pass per word). Immutable: a rule book
 * that meets new words builds a larger lexicon ({@link #with}); a report scanned with an older one looks the missing
 * words up on its own.
 */
final class AnchorLexicon {
    static final AnchorLexicon EMPTY = new AnchorLexicon(Map.of());

    private static final int ASCII = 128;
    private static final int MAX_LENGTH = 12;
    private static final int OUTPUT = 0x8000; // flag in the packed table: anchors end in the next state

    private final Map<String, Integer> ids; // anchor (with its WORD_START marker) -> id
    private final boolean[] wordStartOnly; // per id
    private final String[] exactCase; // per id: the word as the text must have it, or null when any case does
    private final int[] length; // per id, without the marker
    private final byte[] asciiSymbol; // character -> symbol; 0 for characters in no anchor
    private final char[] wideChars; // sorted characters beyond ASCII that anchors use; symbol = ASCII_SYMBOLS + index
    private final int[] wideSymbol;
    private final int symbols;
    private final char[] step; // state * symbols + symbol -> next state (failures folded in), plus OUTPUT when anchors end there
    private final int[] outputStart; // per state, into outputIds: every anchor ending there, its own and its suffixes'
    private final int[] outputIds;
    private final int ring; // a power of two above the longest anchor: the text positions of the last symbols read

    private AnchorLexicon(Map<String, Integer> ids) {
        this.ids = Map.copyOf(ids);
        int n = ids.size();
        this.wordStartOnly = new boolean[n];
        this.exactCase = new String[n];
        this.length = new int[n];
        String[] words = new String[n];
        ids.forEach((anchor, id) -> {
            boolean wordStart = anchor.startsWith(Anchors.WORD_START);
            String word = wordStart ? anchor.substring(1) : anchor;
            if (word.startsWith(Anchors.EXACT_CASE)) {
                word = word.substring(1);
                exactCase[id] = word;
            }
            wordStartOnly[id] = wordStart;
            // A prefix of an anchor still marks every place a match can start: long anchors are cut, which keeps the
            // automaton small enough to stay in cache (a 30-letter label adds 30 states for little gain in selectivity).
            words[id] = Anchors.foldAll(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
            length[id] = words[id].length();
        });
        // The alphabet: characters the anchors use, numbered from 1.
        java.util.TreeSet<Character> used = new java.util.TreeSet<>();
        for (String w : words) {
            w.chars().forEach(c -> used.add((char) c));
        }
        this.asciiSymbol = new byte[ASCII];
        List<Character> wide = new java.util.ArrayList<>();
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
        this.symbols = next;
        int longest = java.util.Arrays.stream(length).max().orElse(0);
        this.ring = Integer.highestOneBit(Math.max(1, longest)) * 2;
        // The trie, then failure links breadth first, which turn it into a complete transition table.
        int maxStates = 1 + java.util.Arrays.stream(words).mapToInt(String::length).sum();
        int[] trie = new int[maxStates * symbols];
        List<List<Integer>> ends = new java.util.ArrayList<>();
        ends.add(new java.util.ArrayList<>());
        int states = 1;
        for (int id = 0; id < n; id++) {
            int state = 0;
            for (int i = 0; i < words[id].length(); i++) {
                int slot = state * symbols + symbol(words[id].charAt(i));
                if (trie[slot] == 0) {
                    trie[slot] = states++;
                    ends.add(new java.util.ArrayList<>());
                }
                state = trie[slot];
            }
            ends.get(state).add(id);
        }
        int[] delta = java.util.Arrays.copyOf(trie, states * symbols);
        int[][] output = new int[states][];
        int[] failure = new int[states];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        output[0] = new int[0];
        for (int s = 1; s < symbols; s++) {
            if (delta[s] != 0) {
                queue.add(delta[s]);
            }
        }
        int[] rank = new int[states]; // breadth-first numbering: the shallow states, where scans spend their time, share cache lines
        int ranked = 1;
        while (!queue.isEmpty()) {
            int state = queue.poll();
            rank[state] = ranked++;
            int[] own = ends.get(state).stream().mapToInt(Integer::intValue).toArray();
            int[] inherited = output[failure[state]];
            output[state] = java.util.stream.IntStream.concat(java.util.Arrays.stream(own), java.util.Arrays.stream(inherited)).toArray();
            for (int s = 1; s < symbols; s++) {
                int slot = state * symbols + s;
                int fallback = delta[failure[state] * symbols + s];
                if (delta[slot] != 0) {
                    failure[delta[slot]] = fallback;
                    queue.add(delta[slot]);
                } else {
                    delta[slot] = fallback;
                }
            }
        }
        if (states > OUTPUT) {
            throw new IllegalStateException("too many anchor words for one lexicon: " + states + " states, at most " + OUTPUT);
        }
        this.step = new char[delta.length];
        int[][] outputByRank = new int[states][];
        for (int state = 0; state < states; state++) {
            outputByRank[rank[state]] = output[state];
            for (int sym = 0; sym < symbols; sym++) {
                int target = delta[state * symbols + sym];
                step[rank[state] * symbols + sym] = (char) (rank[target] | (output[target].length > 0 ? OUTPUT : 0));
            }
        }
        this.outputStart = new int[states + 1];
        for (int state = 0; state < states; state++) {
            outputStart[state + 1] = outputStart[state] + outputByRank[state].length;
        }
        this.outputIds = java.util.Arrays.stream(outputByRank).flatMapToInt(java.util.Arrays::stream).toArray();
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
        int i = java.util.Arrays.binarySearch(wideChars, c);
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
     * Every occurrence of every anchor in {@code folded}, grouped by anchor id, each group in increasing order: where
     * the anchor starts (word-start anchors only where no letter or digit precedes; exact-case anchors only where
     * {@code text}, the same text unfolded, has them in that case).
     */
    Occurrences find(String folded, String text) {
        int[] foundIds = new int[64];
        int[] foundAt = new int[64];
        int found = 0;
        int state = 0;
        int[] read = new int[ring]; // text position of each symbol read, by count modulo the ring size
        int count = 0;
        boolean afterSpace = false;
        char[] chars = folded.toCharArray();
        for (int j = 0; j < chars.length; j++) {
            char c = chars[j];
            boolean space = isSpace(c);
            if (space && afterSpace) {
                continue;
            }
            afterSpace = space;
            read[count++ & (ring - 1)] = j;
            int packed = step[state * symbols + symbol(space ? ' ' : c)]; // a char table: half the cache of an int one
            state = packed & (OUTPUT - 1);
            if (packed < OUTPUT) {
                continue;
            }
            for (int o = outputStart[state]; o < outputStart[state + 1]; o++) {
                int id = outputIds[o];
                int start = read[(count - length[id]) & (ring - 1)];
                if (wordStartOnly[id] && start > 0 && isLetterOrDigit(chars[start - 1])) {
                    continue; // "un" inside "aucun"
                }
                String exact = exactCase[id];
                if (exact != null && (text.charAt(start) != exact.charAt(0) || !text.startsWith(exact, start))) {
                    continue; // "n" of "(?-i:N\\h*\\+)"
                }
                if (found == foundIds.length) {
                    foundIds = Arrays.copyOf(foundIds, found * 2);
                    foundAt = Arrays.copyOf(foundAt, found * 2);
                }
                foundIds[found] = id;
                foundAt[found++] = start;
            }
        }
        // Counting sort by id; positions within an id stay in text order.
        int[] start = new int[ids.size() + 1];
        for (int k = 0; k < found; k++) {
            start[foundIds[k] + 1]++;
        }
        for (int id = 0; id < ids.size(); id++) {
            start[id + 1] += start[id];
        }
        int[] fill = Arrays.copyOf(start, ids.size());
        int[] positions = new int[found];
        for (int k = 0; k < found; k++) {
            positions[fill[foundIds[k]]++] = foundAt[k];
        }
        return new Occurrences(start, positions);
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
