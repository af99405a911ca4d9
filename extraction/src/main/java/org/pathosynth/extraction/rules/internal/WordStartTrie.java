package org.pathosynth.extraction.rules.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The anchors that begin a word, in a trie walked from each word start of a report. Its states are numbered breadth
 * first, so the children of a state are consecutive states: a state stores where its children begin, and each state
 * the symbol that leads to it; the shallow states, where most steps are taken, have full rows instead. A few kilobytes for three hundred anchors, small enough to stay in the first-level
 * cache while the regular expressions run, unlike a full state-by-symbol table.
 */
final class WordStartTrie {
    private final char[] dense; // (state * symbols + symbol) -> child, for the root and its children, where most steps are
    private final int denseStates;
    private static final int DENSE_ENTRIES = 16_384;
    private final int symbols;
    private final int[] firstChild; // per state (and one past the last): its children are states firstChild[s] .. firstChild[s + 1) - 1
    private final char[] symbolOf; // per state: the symbol of the edge into it
    private final int[] outputStart; // per state (and one past the last), into outputIds: the anchors that end there
    private final int[] outputIds;

    /**
     * @param words  the anchors as looked for (folded), by id; null for ids that are not in this trie
     * @param symbol a character's symbol (1 .. symbols - 1), 0 for characters in no anchor
     */
    WordStartTrie(String[] words, IntUnaryOperator symbol, int symbols) {
        // The plain trie first, as maps from symbol to child; then renumbered breadth first.
        List<int[]> children = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(new int[symbols]);
        ends.add(new ArrayList<>());
        for (int id = 0; id < words.length; id++) {
            if (words[id] == null) {
                continue;
            }
            int state = 0;
            for (int i = 0; i < words[id].length(); i++) {
                int s = symbol.applyAsInt(words[id].charAt(i));
                if (children.get(state)[s] == 0) {
                    children.get(state)[s] = children.size();
                    children.add(new int[symbols]);
                    ends.add(new ArrayList<>());
                }
                state = children.get(state)[s];
            }
            ends.get(state).add(id);
        }
        int states = children.size();
        if (states > Character.MAX_VALUE) {
            throw new IllegalStateException("too many anchor words for one trie: " + states + " states, at most " + (int) Character.MAX_VALUE);
        }
        int[] order = new int[states]; // breadth-first position -> trie state
        char[] edge = new char[states];
        int[] first = new int[states + 1];
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
        int placed = 1;
        for (int position = 0; !queue.isEmpty(); position++) {
            int state = queue.poll();
            order[position] = state;
            first[position] = placed;
            for (int s = 1; s < symbols; s++) {
                int child = children.get(state)[s];
                if (child != 0) {
                    edge[placed++] = (char) s;
                    queue.add(child);
                }
            }
        }
        first[states] = placed;
        this.firstChild = first;
        this.symbolOf = edge;
        // The shallow levels (the root, first letters, first two letters...) get a full row each, as long as the rows
        // fit in 32 KB: most steps are taken there, as direct lookups.
        this.symbols = symbols;
        int levelEnd = 1; // states before it are the root and the levels added so far
        while (levelEnd < states && first[levelEnd] * symbols <= DENSE_ENTRIES) {
            levelEnd = first[levelEnd]; // the children of the last level end where the next level's children begin
        }
        this.denseStates = levelEnd;
        this.dense = new char[denseStates * symbols];
        for (int state = 0; state < denseStates; state++) {
            for (int t = first[state]; t < first[state + 1]; t++) {
                dense[state * symbols + edge[t]] = (char) t;
            }
        }
        this.outputStart = new int[states + 1];
        List<Integer> ids = new ArrayList<>();
        for (int position = 0; position < states; position++) {
            ids.addAll(ends.get(order[position]));
            outputStart[position + 1] = ids.size();
        }
        this.outputIds = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The state the root leads to on {@code symbol}, or 0. */
    int start(int symbol) {
        return dense[symbol];
    }

    /** The child of {@code state} on {@code symbol}, or 0. */
    int next(int state, int symbol) {
        if (state < denseStates) {
            return dense[state * symbols + symbol];
        }
        for (int t = firstChild[state]; t < firstChild[state + 1]; t++) {
            if (symbolOf[t] == symbol) {
                return t;
            }
        }
        return 0;
    }

    int outputStart(int state) {
        return outputStart[state];
    }

    int outputEnd(int state) {
        return outputStart[state + 1];
    }

    int output(int index) {
        return outputIds[index];
    }

    int size() {
        return firstChild.length - 1;
    }

    @Override
    public String toString() {
        return "WordStartTrie[" + size() + " states, " + outputIds.length + " anchors, " + (denseStates - 1) + " first letters]";
    }
}
