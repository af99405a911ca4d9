package org.pathosynth.extraction.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The compiled regular expressions of {@code rules/rules.json}: the extractor's French and English lexicon. */
final class RuleBook {
    /**
     * Word boundaries that see accented letters on every JDK. Up to JDK 18 a plain {@code \\b} tests
     * {@code Character.isLetterOrDigit}; since JDK 19 it follows the ASCII-only {@code \\w}, so "é" is no longer a word
     * character and "\\bérythème" or "négatif\\b" stop matching. There, Unicode character classes restore it (on 17
     * the flag would only cost time). {@code \\w} itself is spelled out in {@link #compile}, the same on every JDK.
     */
    static final int UNICODE_WORDS = Runtime.version().feature() >= 19 ? Pattern.UNICODE_CHARACTER_CLASS : 0;

    /** What {@code \\w} stands for in rules: a letter, a decimal digit or '_', whatever the JDK. */
    static final String WORD_CHAR = "[\\p{L}\\p{Nd}_]";
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | UNICODE_WORDS;

    private final JsonNode root;
    private final Map<String, Integer> numberWords = new HashMap<>();
    private final String numberPattern;
    private final List<String> numberWordsLowerCase;
    private final Map<String, Pattern> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<Pattern>> compiledLists = new java.util.concurrent.ConcurrentHashMap<>();

    private RuleBook(JsonNode root) {
        this.root = root;
        root.path("numberWords").properties().forEach(e -> numberWords.put(e.getKey(), e.getValue().asInt()));
        // Longest words first so that "dix-sept" wins over "dix".
        String words = numberWords.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // Words only where a letter is: after "12" fails further on, the regex does not try the sixty words at a digit.
        this.numberPattern = "(?:\\d{1,3}|(?=\\p{L})(?:" + words + "))";
        this.numberWordsLowerCase = numberWords.keySet().stream().map(w -> w.toLowerCase(Locale.ROOT)).sorted().toList();
    }

    static RuleBook load() {
        try (InputStream in = RuleBook.class.getResourceAsStream("/org/pathosynth/extraction/rules/rules.json")) {
            if (in == null) {
                throw new IllegalStateException("extraction rules resource is missing");
            }
            return new RuleBook(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read extraction rules", e);
        }
    }


    /**
     * The matches of {@code p} over the whole text, tried only where its anchors occur. A case-insensitive rule runs
     * as its lower-case twin (compiled case-sensitive) over the lower-cased text, which has the same length, so spans
     * are the same and comparisons are plain character tests instead of Unicode case folding.
     */
    Scan scan(Pattern p, ReportText text) {
        Prepared r = prepared.get(p);
        if (r == null) {
            r = prepared.computeIfAbsent(p, q -> new Prepared(intern(Anchors.of(q.pattern())), twinOf(q), numberLead(q)));
        }
        Scan scan = r.twin() != null ? new Scan(r.twin(), r.anchors(), text, text.lowered(), matchers)
                : new Scan(p, r.anchors(), text, text.matched(), matchers);
        return r.lead() == null ? scan : scan.led(r.lead());
    }

    private final MatcherPool matchers = new MatcherPool();

    /**
     * The rule over [from, to) of the report, as {@code p.matcher(text.matched()).region(from, to)} would be (the
     * region's bounds opaque and anchoring), but run as its lower-case twin over the lower-cased text when it has one,
     * with a matcher lent until the report is done instead of a new one.
     */
    Matcher in(Pattern p, ReportText text, int from, int to) {
        Pattern twin = twinOf(p);
        Matcher m = twin != null ? matchers.borrow(twin, text.lowered(), text.lentMatchers())
                : matchers.borrow(p, text.matched(), text.lentMatchers());
        m.useTransparentBounds(false);
        m.useAnchoringBounds(true);
        return m.region(from, to);
    }

    /** The rule's lower-case twin, compiled once whether the rule is scanned or checked in windows; null when it has none. */
    private Pattern twinOf(Pattern p) {
        return twins.computeIfAbsent(p, q -> lowerCaseTwin(q)).orElse(null);
    }

    private final Map<Pattern, java.util.Optional<Pattern>> twins = new java.util.concurrent.ConcurrentHashMap<>();

    /** Takes back the matchers lent to a report's scans, once the report is read. */
    void done(ReportText text) {
        matchers.giveBack(text.lentMatchers());
    }

    /** A rule ready to scan: its anchors and its lower-case twin (null for rules with case-sensitive parts). */
    private record Prepared(Anchors anchors, Pattern twin, NumberLead lead) {
    }

    private final Map<Pattern, Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile AnchorLexicon lexicon = AnchorLexicon.EMPTY;

    /** Every anchor word met so far, for reports to find in one pass (grows while rules are first used). */
    AnchorLexicon lexicon() {
        return lexicon;
    }

    /**
     * One instance per distinct set of anchors, its words in the lexicon: rules that start alike (every "{NUM} ..."
     * node rule) and number leads share it, so a report lists their positions once.
     */
    private Anchors intern(Anchors a) {
        if (!a.usable()) {
            return a;
        }
        synchronized (this) {
            Anchors same = distinctAnchors.putIfAbsent(a.key(), a);
            if (same != null) {
                return same;
            }
            lexicon = lexicon.with(a.words());
        }
        return a;
    }

    private final Map<String, Anchors> distinctAnchors = new HashMap<>();

    /** The number lead of a rule, its anchors shared and in the lexicon like a rule's own; null when it has none. */
    private NumberLead numberLead(Pattern p) {
        NumberLead lead = NumberLead.of(p.pattern(), numberPattern, numberWordsLowerCase);
        if (lead == null) {
            return null;
        }
        List<Anchors> shared = lead.rest().stream().map(this::intern).toList();
        return new NumberLead(shared, lead.restChars(), lead.blankRequired(), lead.blankAllowed(), lead.words());
    }

    /** The rule with its letters lower-cased, or empty for rules with case-sensitive parts ("(?-i:RE)"). */
    static java.util.Optional<Pattern> lowerCaseTwin(Pattern p) {
        String src = p.pattern();
        if (src.contains("(?-i:")) {
            return java.util.Optional.empty();
        }
        StringBuilder out = new StringBuilder(src.length());
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < src.length()) {
                char e = src.charAt(i + 1);
                if (e == 'p' || e == 'P') { // \p{L}: copied as is
                    int close = src.indexOf('}', i);
                    out.append(src, i, close + 1);
                    i = close;
                } else if (e == 'Q') { // \Q...\E: the literal is lower-cased
                    int end = src.indexOf("\\E", i);
                    out.append("\\Q").append(ReportText.lower(src.substring(i + 2, end))).append("\\E");
                    i = end + 1;
                } else {
                    out.append(c).append(e);
                    i++;
                }
            } else if (c == '(' && src.startsWith("(?<", i) && i + 3 < src.length() && Character.isLetter(src.charAt(i + 3))) {
                int close = src.indexOf('>', i); // a group name: kept
                out.append(src, i, close + 1);
                i = close;
            } else {
                out.append(Character.isLetter(c) ? Character.toLowerCase(c) : c);
            }
        }
        return java.util.Optional.of(Pattern.compile(out.toString(), UNICODE_WORDS));
    }

    Pattern pattern(String... path) {
        return compiled.computeIfAbsent(String.join(".", path), k -> compile(text(path)));
    }

    /** {@link #pattern(String...)} for the common two-level path, without building a key on every report. */
    Pattern pattern(String group, String name) {
        Map<String, Pattern> byName = compiledPairs.get(group);
        Pattern p = byName == null ? null : byName.get(name);
        if (p == null) {
            p = pattern(new String[] {group, name});
            compiledPairs.computeIfAbsent(group, g -> new java.util.concurrent.ConcurrentHashMap<>()).put(name, p);
        }
        return p;
    }

    private final Map<String, Map<String, Pattern>> compiledPairs = new java.util.concurrent.ConcurrentHashMap<>();

    String text(String... path) {
        JsonNode n = node(path);
        if (!n.isTextual()) {
            throw new IllegalStateException("extraction rule " + String.join(".", path) + " is missing");
        }
        return n.asText();
    }

    int integer(String... path) {
        return node(path).asInt();
    }

    List<Pattern> patterns(String... path) {
        return compiledLists.computeIfAbsent(String.join(".", path), k -> {
            List<Pattern> out = new ArrayList<>();
            node(path).forEach(n -> out.add(compile(n.asText())));
            return List.copyOf(out);
        });
    }

    List<String> strings(String... path) {
        List<String> out = new ArrayList<>();
        node(path).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Ordered map of key to compiled pattern lists at {@code path} (e.g. value to its phrases). */
    Map<String, List<Pattern>> patternLists(String... path) {
        Map<String, List<Pattern>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node(path).properties()) {
            List<Pattern> list = new ArrayList<>();
            e.getValue().forEach(n -> list.add(compile(n.asText())));
            out.put(e.getKey(), list);
        }
        return out;
    }

    /** A count written in digits or as a French or English number word; null when not a count. */
    Integer count(String token) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
            return Integer.valueOf(t);
        }
        return numberWords.get(t);
    }

    /** Compiles a rule; white space in rules never crosses a line, so structured "Label : value" lines stay apart. */
    Pattern compile(String regex) {
        String source = unicodeWordChars(regex.replace("{NUM}", numberPattern).replace("\\s", "\\h"));
        return Pattern.compile(WordBoundaries.factored(source), FLAGS);
    }

    /** {@code \\w} spelled out as {@link #WORD_CHAR} (escaped backslashes left alone). */
    static String unicodeWordChars(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
                out.append(e == 'w' ? WORD_CHAR : "\\" + e);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private JsonNode node(String... path) {
        JsonNode n = root;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }
}
