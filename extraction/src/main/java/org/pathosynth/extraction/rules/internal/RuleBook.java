package org.pathosynth.extraction.rules.internal;

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

/**
 * The rules of a rules file ({@code rules/rules.json}: the extractor's French and English lexicon, and which reader
 * reads which attribute), and the one way readers run them: {@link #open} a report, {@link #scan} a view of it or
 * check a {@link #region} of it, {@link #close} it. How rules run fast (anchor words found in one pass, lower-case
 * twins, number leads, pooled matchers) stays behind this class. Thread-safe; a report is read by one thread.
 */
public final class RuleBook {
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
    private static final String RESOURCE = "/org/pathosynth/extraction/rules/rules.json";

    private final JsonNode root;
    private final Map<String, Integer> numberWords = new HashMap<>();
    private final String numberPattern;
    private final List<String> numberWordsLowerCase;
    private final Map<String, Pattern> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<Pattern>> compiledLists = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile EarlierExaminations earlier;

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

    /** The rules that ship with PathoSynth. */
    public static RuleBook load() {
        try (InputStream in = RuleBook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("extraction rules resource is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read extraction rules", e);
        }
    }

    /** Rules from a rules file of the same form (e.g. a copy that maps one more attribute to a reader). */
    public static RuleBook read(InputStream rulesFile) throws IOException {
        return new RuleBook(new ObjectMapper().readTree(rulesFile));
    }

    /** A report ready to scan, its passages about earlier examinations marked (see {@link EarlierExaminations}). */
    public ReportText open(String text) {
        ReportText t = new ReportText(text, lexicon);
        EarlierExaminations e = earlier;
        if (e == null) {
            e = new EarlierExaminations(this); // not in the constructor: it compiles rules through this rule book
            earlier = e;
        }
        e.mark(t);
        return t;
    }

    /** Takes back what the report's scans hold, once it is read. */
    public void close(ReportText text) {
        matchers.giveBack(text.lentMatchers());
    }

    /** Which reader reads which attributes, with which rules, in reading order ({@code readers} of the rules file). */
    public List<ReaderEntry> readers() {
        List<ReaderEntry> out = new ArrayList<>();
        for (JsonNode r : node("readers")) {
            out.add(new ReaderEntry(r.path("family").asText(), names(r, "attribute", "attributes"), r.path("rules").asText(),
                    names(r, "cue", "cues")));
        }
        return List.copyOf(out);
    }

    /** A single name under {@code one} (as role "value"), or the roles and names under {@code many}. */
    private static Map<String, String> names(JsonNode reader, String one, String many) {
        Map<String, String> out = new LinkedHashMap<>();
        if (reader.path(one).isTextual()) {
            out.put(ReaderEntry.VALUE, reader.path(one).asText());
        }
        reader.path(many).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /**
     * The matches of {@code p} in a view of a report, tried only where its anchors occur (see {@link Scan}). A
     * case-insensitive rule runs as its lower-case twin (compiled case-sensitive) over the lower-cased text, which has
     * the same length, so spans are the same and comparisons are plain character tests instead of Unicode case folding.
     */
    public Scan scan(Pattern p, TextView view) {
        Prepared r = prepared.get(p);
        if (r == null) {
            r = prepared.computeIfAbsent(p, q -> new Prepared(intern(Anchors.of(q.pattern())), twinOf(q), numberLead(q)));
        }
        Scan scan = r.twin() != null ? new Scan(r.twin(), r.anchors(), view, view.text().lowered(), matchers)
                : new Scan(p, r.anchors(), view, view.text().matched(), matchers);
        return r.lead() == null ? scan : scan.led(r.lead());
    }

    /** The matches of {@code p} over the whole text. */
    Scan scan(Pattern p, ReportText text) {
        return scan(p, text.whole());
    }

    private final MatcherPool matchers = new MatcherPool();

    /**
     * The rule over [from, to) of the report, as {@code p.matcher(text.matched()).region(from, to)} would be (the
     * region's bounds opaque and anchoring), but run as its lower-case twin over the lower-cased text when it has one,
     * with a matcher lent until the report is closed instead of a new one.
     */
    public Region region(Pattern p, TextView view, int from, int to) {
        ReportText text = view.text();
        Pattern twin = twinOf(p);
        Matcher m = twin != null ? matchers.borrow(twin, text.lowered(), text.lentMatchers())
                : matchers.borrow(p, text.matched(), text.lentMatchers());
        m.useTransparentBounds(false);
        m.useAnchoringBounds(true);
        return new Region(m.region(from, to));
    }

    /** The rule's lower-case twin, compiled once whether the rule is scanned or checked in windows; null when it has none. */
    private Pattern twinOf(Pattern p) {
        return twins.computeIfAbsent(p, q -> lowerCaseTwin(q)).orElse(null);
    }

    private final Map<Pattern, java.util.Optional<Pattern>> twins = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * The number lead of a rule; null when it has none. Its anchors are checked where a number ends, not looked for in
     * the whole report: they stay out of the lexicon (most begin anywhere, "of" among them, and would cost a pass over
     * every report).
     */
    private NumberLead numberLead(Pattern p) {
        return NumberLead.of(p.pattern(), numberPattern, numberWordsLowerCase);
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
                    out.append("\\Q").append(CleanText.lower(src.substring(i + 2, end))).append("\\E");
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

    /** The compiled rule with this id: its path in the rules file, dotted ({@code "markers.her2"}). */
    public Pattern pattern(String id) {
        return compiled.computeIfAbsent(id, k -> compile(text(id)));
    }

    /** The rule's source text. */
    public String text(String id) {
        JsonNode n = node(id);
        if (!n.isTextual()) {
            throw new IllegalStateException("extraction rule " + id + " is missing");
        }
        return n.asText();
    }

    /** A number setting (a window width). */
    public int integer(String id) {
        JsonNode n = node(id);
        if (!n.isNumber()) {
            throw new IllegalStateException("extraction rule setting " + id + " is missing");
        }
        return n.asInt();
    }

    /** The compiled rules of a list. */
    public List<Pattern> patterns(String id) {
        return compiledLists.computeIfAbsent(id, k -> {
            List<Pattern> out = new ArrayList<>();
            node(id).forEach(n -> out.add(compile(n.asText())));
            return List.copyOf(out);
        });
    }

    public List<String> strings(String id) {
        List<String> out = new ArrayList<>();
        node(id).forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The same matches as scanning each of {@code rules} in turn and keeping the earliest, with fewer scans: the rules
     * without case-sensitive parts joined into one alternation, in their order (where two start together the earlier
     * listed wins), and the others as they are. A report is scanned once per rule, so a value with twenty phrases
     * costs one scan instead of twenty.
     */
    public List<Pattern> joined(List<Pattern> rules) {
        List<Pattern> out = new ArrayList<>();
        List<String> caseless = new ArrayList<>();
        for (Pattern p : rules) {
            if (p.pattern().contains("(?-i:") || p.flags() != FLAGS) {
                out.add(p);
            } else {
                caseless.add("(?:" + p.pattern() + ")");
            }
        }
        if (caseless.size() == 1) {
            out.add(0, rules.stream().filter(p -> caseless.get(0).equals("(?:" + p.pattern() + ")")).findFirst().orElseThrow());
        } else if (!caseless.isEmpty()) {
            out.add(0, Pattern.compile(WordBoundaries.factored(String.join("|", caseless)), FLAGS));
        }
        return List.copyOf(out);
    }

    /** Ordered map of key to compiled rule lists (e.g. a value to its phrases). */
    public Map<String, List<Pattern>> patternLists(String id) {
        Map<String, List<Pattern>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node(id).properties()) {
            List<Pattern> list = new ArrayList<>();
            e.getValue().forEach(n -> list.add(compile(n.asText())));
            out.put(e.getKey(), list);
        }
        return out;
    }

    /** A rule for a schema value label, tolerant of lost accents and white space (see {@link LabelPattern}). */
    public Pattern label(String label) {
        return LabelPattern.of(label);
    }

    /** A count written in digits or as a French or English number word; null when not a count. */
    public Integer count(String token) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
            return Integer.valueOf(t);
        }
        return numberWords.get(t);
    }

    /** Compiles a rule; white space in rules never crosses a line, so structured "Label : value" lines stay apart. */
    public Pattern compile(String regex) {
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

    private JsonNode node(String id) {
        JsonNode n = root;
        for (String p : id.split("\\.")) {
            n = n.path(p);
        }
        if (n.isMissingNode()) {
            throw new IllegalStateException("extraction rule " + id + " is missing");
        }
        return n;
    }
}
