package org.pathosynth.extraction.student;

import java.util.Arrays;

/**
 * A report's clauses and their context. Clauses end at commas, semicolons, full stops, question and exclamation marks,
 * bars, spaced slashes before a word and line breaks (a run of dots is a leader, not an end), and before a second
 * "label :" in a clause that already has one; sentences end at all of these but commas, bars, slashes and labels. Each clause knows
 * its sentence, its line, the heading it stands under (the last short line ending in a colon or written in capitals)
 * and its line's label (what precedes the line's first colon).
 */
final class Clauses {
    final TextTokens tokens;
    int size;
    /** Token ranges [first, last) of each clause. */
    int[] first = new int[32];
    int[] last = new int[32];
    int[] sentence = new int[32];
    /** Token range of each sentence. */
    int[] sentenceFirst = new int[32];
    int[] sentenceLast = new int[32];
    /** Token range of the heading line each clause stands under ([0, 0) when none). */
    int[] headingFirst = new int[32];
    int[] headingLast = new int[32];
    /** Token range of the label of each clause's line ([0, 0) when none). */
    int[] labelFirst = new int[32];
    int[] labelLast = new int[32];
    /** Clause of each token. */
    int[] clauseOf;

    private static final long DOT = TextTokens.punctHash('.');
    private static final long COMMA = TextTokens.punctHash(',');
    private static final long SEMICOLON = TextTokens.punctHash(';');
    private static final long COLON = TextTokens.punctHash(':');
    private static final long QUESTION = TextTokens.punctHash('?');
    private static final long BANG = TextTokens.punctHash('!');
    private static final long BAR = TextTokens.punctHash('|');
    private static final long SLASH = TextTokens.punctHash('/');
    private static final long PERCENT = TextTokens.punctHash('%');
    private static final long CLOSE = TextTokens.punctHash(')');
    private static final long PLUS = TextTokens.punctHash('+');
    private static final long MINUS = TextTokens.punctHash('-');

    private Clauses(TextTokens tokens) {
        this.tokens = tokens;
        this.clauseOf = new int[Math.max(1, tokens.size)];
    }

    static Clauses of(TextTokens tokens) {
        Clauses c = new Clauses(tokens);
        c.split();
        return c;
    }

    private void split() {
        TextTokens t = tokens;
        int n = t.size;
        int clauseStart = 0;
        int sentenceStart = 0;
        int sentences = 0;
        int headingF = 0;
        int headingL = 0;
        int lineStart = 0;
        int labelF = 0;
        int labelL = 0;
        int firstClauseOfSentence = 0;
        for (int i = 0; i <= n; i++) {
            boolean lineBreak = i == n || (i > 0 && t.newLineBefore[i] && !wrapped(i));
            boolean endsClause = lineBreak;
            boolean endsSentence = lineBreak;
            if (!lineBreak && t.type[i] == TextTokens.PUNCT) {
                long h = t.hash[i];
                boolean leader = h == DOT && ((i + 1 < n && t.hash[i + 1] == DOT) || (i > 0 && t.hash[i - 1] == DOT));
                if (!leader && (h == DOT || h == SEMICOLON || h == QUESTION || h == BANG)) {
                    endsClause = true;
                    endsSentence = true;
                } else if (h == COMMA || h == BAR || (h == SLASH && spacedBeforeWord(i))) {
                    endsClause = true;
                }
            }
            if (!endsClause && i > clauseStart + 1 && newStatement(i)) {
                // "ER pos 75% PR pos 25% HER2 neg ( 1+ ) Ki67 14%": a capitalised word after a figure starts a statement
                addClause(clauseStart, i, sentences, headingF, headingL, labelF, labelL);
                clauseStart = i;
            } else if (!endsClause && secondLabel(clauseStart, i)) {
                // "RE : 0 % RP : 0 % HER2 : 3+": a new label after a labelled value starts a clause of its own
                addClause(clauseStart, i, sentences, headingF, headingL, labelF, labelL);
                clauseStart = i;
            }
            if (endsClause) {
                int stop = lineBreak ? i : i + 1; // the punctuation belongs to the clause it ends
                if (stop > clauseStart) {
                    addClause(clauseStart, stop, sentences, headingF, headingL, labelF, labelL);
                }
                clauseStart = stop;
                if (endsSentence) {
                    for (int c = firstClauseOfSentence; c < size; c++) {
                        sentenceFirst[c] = sentenceStart;
                        sentenceLast[c] = stop;
                    }
                    if (size > firstClauseOfSentence) {
                        sentences++;
                    }
                    firstClauseOfSentence = size;
                    sentenceStart = stop;
                }
            }
            if (lineBreak && i > lineStart && isHeading(lineStart, i)) {
                headingF = lineStart; // what follows stands under this line
                headingL = i;
            }
            if (i < n && (i == 0 || (t.newLineBefore[i] && !wrapped(i)))) {
                lineStart = i;
                clauseStart = i;
                sentenceStart = i;
                int colon = labelEnd(i);
                labelF = colon < 0 ? 0 : i;
                labelL = colon < 0 ? 0 : colon;
            }
        }
        for (int c = 0; c < size; c++) {
            for (int k = first[c]; k < last[c]; k++) {
                clauseOf[k] = c;
            }
        }
    }

    /**
     * Whether the line break before token {@code i} only wraps a sentence: the line before ends with a word or a number
     * (no punctuation, no colon) and this line starts with a lower-case word.
     */
    private boolean wrapped(int i) {
        TextTokens t = tokens;
        if (t.type[i - 1] == TextTokens.PUNCT || t.type[i] != TextTokens.WORD) {
            return false;
        }
        return Character.isLowerCase(t.text.charAt(t.start[i]));
    }

    /** A slash with spaces on both sides and a word after it ("RE 100 % / RP 90 %"), not a fraction ("1 / 14"). */
    private boolean spacedBeforeWord(int i) {
        TextTokens t = tokens;
        return i > 0 && i + 1 < t.size && t.start[i] > t.end[i - 1] && t.start[i + 1] > t.end[i]
                && t.type[i + 1] == TextTokens.WORD && !t.newLineBefore[i + 1];
    }

    /**
     * Whether token {@code i}, on the same line as the token before it, is a word with a capital and a lower-case
     * letter or a short capitalised name ("PR", "HER2", "Ki67") after a percent sign, a closing bracket or a
     * plus or minus sign, in a line that is not all in capitals.
     */
    private boolean newStatement(int i) {
        TextTokens t = tokens;
        if (i >= t.size || t.type[i] != TextTokens.WORD || t.newLineBefore[i] || t.start[i] == t.end[i - 1]) {
            return false;
        }
        long before = t.hash[i - 1];
        if (before != PERCENT && before != CLOSE && before != PLUS && before != MINUS) {
            return false;
        }
        char first = t.text.charAt(t.start[i]);
        if (!Character.isUpperCase(first)) {
            return false;
        }
        return !capitalsOnly(i);
    }

    /** Whether the letters of token {@code i}'s line, up to 40 characters on each side of it, are all capitals. */
    private boolean capitalsOnly(int i) {
        String text = tokens.text;
        int from = tokens.start[i];
        while (from > 0 && from > tokens.start[i] - 40 && text.charAt(from - 1) != '\n') {
            from--;
        }
        int to = tokens.end[i];
        while (to < text.length() && to < tokens.end[i] + 40 && text.charAt(to) != '\n') {
            to++;
        }
        for (int c = from; c < to; c++) {
            if (Character.isLowerCase(text.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether token {@code i} is a word followed by a colon while the clause begun at {@code from} already holds a
     * colon with something after it.
     */
    private boolean secondLabel(int from, int i) {
        TextTokens t = tokens;
        if (i + 1 >= t.size || t.type[i] != TextTokens.WORD || t.hash[i + 1] != COLON || t.newLineBefore[i + 1]) {
            return false;
        }
        for (int k = from; k < i - 1; k++) {
            if (t.hash[k] == COLON) {
                return true;
            }
        }
        return false;
    }

    /** A short line ending in a colon, or written in capitals, with no number. */
    private boolean isHeading(int from, int to) {
        TextTokens t = tokens;
        int words = 0;
        boolean upper = true;
        for (int k = from; k < to; k++) {
            if (t.type[k] == TextTokens.NUMBER) {
                return false;
            }
            if (t.type[k] == TextTokens.WORD) {
                words++;
                for (int c = t.start[k]; c < t.end[k]; c++) {
                    if (Character.isLowerCase(t.text.charAt(c))) {
                        upper = false;
                        break;
                    }
                }
            }
        }
        if (words == 0 || words > 6) {
            return false;
        }
        return t.hash[to - 1] == COLON || upper;
    }

    /** The index of the line's first colon when at most five tokens precede it, else -1. */
    private int labelEnd(int lineStart) {
        TextTokens t = tokens;
        for (int k = lineStart; k < t.size && k < lineStart + 6; k++) {
            if (k > lineStart && t.newLineBefore[k]) {
                return -1;
            }
            if (t.hash[k] == COLON) {
                return k > lineStart ? k : -1;
            }
        }
        return -1;
    }

    private void addClause(int from, int to, int sentenceIndex, int hF, int hL, int lF, int lL) {
        if (size == first.length) {
            int cap = size * 2;
            first = Arrays.copyOf(first, cap);
            last = Arrays.copyOf(last, cap);
            sentence = Arrays.copyOf(sentence, cap);
            sentenceFirst = Arrays.copyOf(sentenceFirst, cap);
            sentenceLast = Arrays.copyOf(sentenceLast, cap);
            headingFirst = Arrays.copyOf(headingFirst, cap);
            headingLast = Arrays.copyOf(headingLast, cap);
            labelFirst = Arrays.copyOf(labelFirst, cap);
            labelLast = Arrays.copyOf(labelLast, cap);
        }
        first[size] = from;
        last[size] = to;
        sentence[size] = sentenceIndex;
        headingFirst[size] = hF;
        headingLast[size] = hL;
        labelFirst[size] = lF;
        labelLast[size] = lL;
        size++;
    }

    /** Character span of a clause in the text, trimmed to its tokens. */
    int startChar(int clause) {
        return tokens.start[first[clause]];
    }

    int endChar(int clause) {
        return tokens.end[last[clause] - 1];
    }
}
