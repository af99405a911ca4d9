package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * Reads the 13 breast-cancer attributes from French or English report text with rules, returning
 * each value with the character span of its evidence. Patterns live in {@code rules/rules.json};
 * this class holds the logic: negation and status windows, node notations, unit conversion, HER2
 * IHC/ISH reasoning, receptor thresholds. Attributes of the schema it has no rule for stay null.
 *
 * <p>Thread-safe: compiled patterns are shared, matchers are per call.
 */
public final class RuleBasedExtractor implements PathologyExtractor {
    public static final String NAME = "rules";
    private static final String BOUNDARIES = ".;\n";

    private final Schema schema;
    private final RuleBook rules;
    private final double frenchReceptorThreshold;
    private final double englishReceptorThreshold;
    private final Map<String, List<Pattern>> morphologyPatterns;
    private final Map<String, List<Pattern>> specimenPatterns;
    private final List<String> specimenPriority;
    private final Pattern otherMarkers;
    private final TumourSize tumourSize;

    private RuleBasedExtractor(Builder b) {
        this.schema = b.schema;
        this.rules = RuleBook.load();
        this.frenchReceptorThreshold = b.frenchReceptorThreshold;
        this.englishReceptorThreshold = b.englishReceptorThreshold;
        this.specimenPatterns = rules.patternLists("specimen", "patterns");
        this.specimenPriority = rules.strings("specimen", "priority");
        this.morphologyPatterns = morphologyPatterns(schema, rules);
        this.tumourSize = new TumourSize(rules);
        this.otherMarkers = rules.compile(String.join("|", rules.text("markers", "er"), rules.text("markers", "pr"),
                rules.text("markers", "her2"), rules.text("markers", "ki67")));
    }

    /** An extractor for the breast-cancer schema with default thresholds. */
    public static RuleBasedExtractor create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Extraction extract(Report report) {
        ReportText text = new ReportText(report.text(), rules.lexicon());
        try {
            return extract(report, text);
        } finally {
            rules.done(text);
        }
    }

    private Extraction extract(Report report, ReportText text) {
        Scan priorLines = rules.scan(rules.pattern("priorLine"), text);
        while (priorLines.find()) {
            text.markPrior(priorLines.start(), priorLines.end());
        }
        Map<String, Hit> hits = new LinkedHashMap<>();
        put(hits, "test_used_for_diagnosis", specimen(text));
        put(hits, "morphology_icdo", currentFirst(text, this::morphology));
        put(hits, "sbr_grade", grade(text));
        put(hits, "tumor_size_mm", size(text));
        put(hits, "clear_margins", margins(text));
        nodes(text, hits);
        put(hits, "lymphovascular_invasion", currentFirst(text, t -> polarity(t, rules.pattern("lymphovascularInvasion"))));
        put(hits, "extracapsular_spread", currentFirst(text, t -> polarity(t, rules.pattern("extracapsularSpread"))));
        double threshold = report.language().startsWith("fr") ? frenchReceptorThreshold : englishReceptorThreshold;
        int skipsBefore = text.skips();
        for (boolean skipPrior : new boolean[] {true, false}) {
            if (!skipPrior && text.skips() == skipsBefore) {
                break; // no restated result was passed over
            }
            text.skipPrior(skipPrior);
            receptorPair(text, threshold, hits);
            if (!hits.containsKey("er_status")) {
                put(hits, "er_status", receptor(text, rules.pattern("markers", "er"), threshold));
            }
            if (!hits.containsKey("pr_status")) {
                put(hits, "pr_status", receptor(text, rules.pattern("markers", "pr"), threshold));
            }
        }
        text.skipPrior(false);
        put(hits, "her2_status", currentFirst(text, this::her2));
        put(hits, "ki67_percent", currentFirst(text, this::ki67));

        ClinicalRecord.Builder record = ClinicalRecord.builder(schema);
        Map<String, Evidence> evidence = new HashMap<>();
        for (Map.Entry<String, Hit> e : hits.entrySet()) {
            if (!schema.has(e.getKey())) {
                continue;
            }
            try {
                record.set(e.getKey(), e.getValue().value());
                Hit h = e.getValue();
                evidence.put(e.getKey(), new Evidence(text.originalStart(h.start()), text.originalEnd(h.end()), h.confidence()));
            } catch (IllegalArgumentException outOfDomain) {
                // A value the schema does not allow (e.g. 400 mm) is not reported rather than guessed.
            }
        }
        ClinicalRecord values = record.build();
        if (!values.violations().isEmpty()) {
            // Inconsistent counts (affected > taken) mean one of them was misread: keep neither.
            values.violations().forEach(c -> {
                evidence.remove(c.lesser());
                evidence.remove(c.greater());
            });
            ClinicalRecord.Builder repaired = ClinicalRecord.builder(schema);
            values.asMap().forEach((k, v) -> repaired.set(k, evidence.containsKey(k) ? v : null));
            values = repaired.build();
        }
        return new Extraction(report.id(), values, evidence);
    }

    /**
     * The value read with restated earlier results ("Renseignements cliniques : ... RE 90 %") skipped, else read from
     * the whole text: the specimen at hand wins over its history, which still counts when it is all there is.
     */
    private static Hit currentFirst(ReportText text, java.util.function.Function<ReportText, Hit> read) {
        int skipsBefore = text.skips();
        text.skipPrior(true);
        Hit current = read.apply(text);
        text.skipPrior(false);
        if (current != null || text.skips() == skipsBefore) {
            return current; // nothing was passed over: reading again would find the same nothing
        }
        return read.apply(text);
    }

    private static void put(Map<String, Hit> hits, String attribute, Hit hit) {
        if (hit != null) {
            hits.put(attribute, hit);
        }
    }

    // --- specimen type -------------------------------------------------------------------------

    private Hit specimen(ReportText text) {
        List<Hit> found = new ArrayList<>();
        specimenPatterns.forEach((value, patterns) -> {
            for (Pattern p : patterns) {
                Scan m = rules.scan(p, text);
                while (m.find()) {
                    found.add(new Hit(value, m.start(), m.end(), 1.0));
                }
            }
        });
        // the context checks are the costly part: run them in the order of preference, until one hit passes
        List<Hit> kept = longestNonOverlapping(found);
        kept.sort(Comparator.comparingInt((Hit h) -> specimenPriority.indexOf((String) h.value())).thenComparingInt(Hit::start));
        for (Hit h : kept) {
            if (aboutThisSpecimen(text, h)) {
                return h;
            }
        }
        return null;
    }

    /** Not a restated earlier procedure ("biopsie antérieure"), and no sentinel-node biopsy taken for the breast specimen. */
    private boolean aboutThisSpecimen(ReportText text, Hit h) {
        int beforeStart = Math.max(0, h.start() - 40);
        int afterEnd = Math.min(text.length(), h.end() + 40);
        if (rules.in(rules.pattern("specimen", "priorBefore"), text, beforeStart, h.start()).find()
                || rules.in(rules.pattern("specimen", "priorAfter"), text, h.end(), afterEnd).find()) {
            return false;
        }
        // "biopsie du ganglion sentinelle", "sentinel node biopsy": a node procedure, not the breast specimen
        return !(h.value().equals("biopsy") && (rules.in(rules.pattern("specimen", "sentinelAfter"), text, h.end(), afterEnd).find()
                && !text.matched().substring(h.end(), afterEnd).isBlank()
                || rules.in(rules.pattern("specimen", "sentinelBefore"), text, beforeStart, h.start()).find()));
    }

    // --- morphology ----------------------------------------------------------------------------

    private static Map<String, List<Pattern>> morphologyPatterns(Schema schema, RuleBook rules) {
        Map<String, List<Pattern>> out = new LinkedHashMap<>();
        if (!schema.has("morphology_icdo")) {
            return out;
        }
        Attribute a = schema.attribute("morphology_icdo");
        Map<String, List<Pattern>> synonyms = rules.patternLists("morphology", "synonyms");
        for (String code : a.values()) {
            List<Pattern> list = new ArrayList<>(synonyms.getOrDefault(code, List.of()));
            a.valueLabels().getOrDefault(code, Map.of()).values().forEach(label -> list.add(LabelPattern.of(label)));
            out.put(code, list);
        }
        return out;
    }

    private Hit morphology(ReportText text) {
        if (!schema.has("morphology_icdo")) {
            return null;
        }
        Attribute a = schema.attribute("morphology_icdo");
        Scan code = rules.scan(rules.pattern("morphology", "code"), text);
        while (code.find()) {
            String value = code.group("code") + "/" + code.group("behaviour");
            if (a.values().contains(value)) {
                return new Hit(value, code.start(), code.end(), 1.0);
            }
        }
        List<Hit> found = allHits(morphologyPatterns, text, 0.9);
        // An in-situ component is mentioned beside most invasive carcinomas: invasive codes win.
        return longestNonOverlapping(found).stream()
                .min(Comparator.comparingInt((Hit h) -> ((String) h.value()).endsWith("/3") ? 0 : 1)
                        .thenComparingInt(Hit::start))
                .orElse(null);
    }

    // --- grade ---------------------------------------------------------------------------------

    private Hit grade(ReportText text) {
        Hit current = grade(text, true);
        return current != null ? current : grade(text, false);
    }

    /** The first grade stated, skipping restated earlier results when {@code skipPrior}. */
    private Hit grade(ReportText text, boolean skipPrior) {
        Pattern value = rules.pattern("grade", "value");
        Pattern excludeBefore = rules.pattern("grade", "excludeBefore");
        int window = rules.integer("grade", "window");
        Scan cue = rules.scan(rules.pattern("grade", "cue"), text);
        while (cue.find()) {
            if (rules.in(excludeBefore, text, Math.max(0, cue.start() - 15), cue.start()).find() || (skipPrior && text.isPrior(cue.start()))) {
                continue;
            }
            int end = Math.min(text.clauseEnd(cue.end(), BOUNDARIES + ","), text.windowEnd(cue.end(), window));
            Matcher v = rules.in(value, text, cue.end(), end);
            if (v.find()) {
                String g = switch (v.group("g")) {
                    case "I", "1" -> "1";
                    case "II", "2" -> "2";
                    default -> "3";
                };
                return new Hit(g, cue.start(), v.end(), 1.0);
            }
        }
        return null;
    }

    // --- tumour size ---------------------------------------------------------------------------

    private Hit size(ReportText text) {
        Hit h = tumourSize.find(text);
        if (h == null || !schema.has("tumor_size_mm")) {
            return h;
        }
        return new Hit(schema.attribute("tumor_size_mm").round((double) h.value()), h.start(), h.end(), h.confidence());
    }

    // --- margins -------------------------------------------------------------------------------

    private Hit margins(ReportText text) {
        List<Hit> found = new ArrayList<>();
        for (Pattern p : rules.patterns("margins", "yesPhrases")) {
            firstMatch(p, text, true).ifPresent(found::add);
        }
        for (Pattern p : rules.patterns("margins", "noPhrases")) {
            firstMatch(p, text, false).ifPresent(found::add);
        }
        Pattern status = rules.pattern("margins", "status");
        int window = rules.integer("margins", "window");
        Scan cue = rules.scan(rules.pattern("margins", "cue"), text);
        while (cue.find()) {
            int end = Math.min(text.clauseEnd(cue.end(), BOUNDARIES), text.windowEnd(cue.end(), window));
            Matcher s = rules.in(status, text, cue.end(), end);
            if (s.find()) {
                found.add(new Hit(s.group("yes") != null, cue.start(), s.end(), 0.95));
                break;
            }
        }
        return found.stream().min(Comparator.comparingInt(Hit::start)).orElse(null);
    }

    private java.util.Optional<Hit> firstMatch(Pattern p, ReportText text, Object value) {
        Scan m = rules.scan(p, text);
        return m.find() ? java.util.Optional.of(new Hit(value, m.start(), m.end(), 1.0)) : java.util.Optional.empty();
    }

    // --- lymph nodes ---------------------------------------------------------------------------

    /**
     * Node counts, from the most explicit statement found: a notation or phrase giving both counts ("3N+/14",
     * "pN1a (2/14)", "2 ganglions envahis sur 13", "1 of 4 involved"), else a bare ratio next to a node word
     * ("GS : 0/3", "Sentinel lymph nodes: 0/2"; dates and scores are not next to one), else "deux ganglions, tous
     * indemnes", else each count on its own.
     */
    private void nodes(ReportText text, Map<String, Hit> hits) {
        Windows nodeSentences = nodeSentences(text);
        if (nodeSentences.isEmpty()) {
            return;
        }
        Hit[] pair = firstPair(rules.patterns("nodes", "pair"), text, nodeSentences);
        if (pair == null) {
            pair = ratioNearNodeWord(text);
        }
        if (pair == null) {
            for (Pattern p : rules.patterns("nodes", "allNegative")) {
                Scan m = rules.scan(p, text);
                if (m.find() && rules.count(m.group("t")) != null) {
                    pair = new Hit[] {new Hit(0, m.start(), m.end(), 0.9), new Hit(rules.count(m.group("t")), m.start(), m.end(), 0.9)};
                    break;
                }
            }
        }
        Hit affected = pair == null ? null : pair[0];
        Hit taken = pair == null ? null : pair[1];
        if (pair == null) {
            taken = firstCount(rules.patterns("nodes", "taken"), "t", text, nodeSentences);
            affected = firstCount(rules.patterns("nodes", "affected"), "a", text, nodeSentences);
        }
        put(hits, "lymph_nodes_taken", taken);
        put(hits, "lymph_nodes_affected", affected);
    }

    /**
     * The sentences that name nodes (a node word or notation), where node counts are looked for; none in most
     * biopsies, and then no count is read.
     */
    private Windows nodeSentences(ReportText text) {
        Scan mention = rules.scan(rules.pattern("nodes", "mention"), text);
        Windows sentences = new Windows();
        int covered = -1;
        while (mention.find()) {
            if (mention.start() < covered) {
                continue;
            }
            int from = text.clauseStart(mention.start(), BOUNDARIES);
            int to = text.clauseEnd(mention.start(), BOUNDARIES);
            sentences.add(from, to);
            covered = to;
        }
        return sentences;
    }

    /** The earliest match of any pair pattern with affected <= taken, as {affected, taken}. */
    private Hit[] firstPair(List<Pattern> patterns, ReportText text, Windows nodeSentences) {
        Hit[] best = null;
        for (Pattern p : patterns) {
            Scan m = rules.scan(p, text).within(nodeSentences).before(best == null ? Integer.MAX_VALUE : best[0].start());
            while (m.find()) {
                Integer a = rules.count(m.group("a"));
                Integer t = rules.count(m.group("t"));
                if (a != null && t != null && a <= t) {
                    if (best == null || m.start() < best[0].start()) {
                        best = new Hit[] {new Hit(a, m.start(), m.end(), 1.0), new Hit(t, m.start(), m.end(), 1.0)};
                    }
                    break;
                }
            }
        }
        return best;
    }

    /**
     * A bare ratio ("0/3", "2 of 14") within 40 characters before or 80 after a node word, in the same clause; the
     * windows of all node words are scanned together, in text order, so overlapping windows are read once.
     */
    private Hit[] ratioNearNodeWord(ReportText text) {
        Windows windows = new Windows();
        Scan cue = rules.scan(rules.pattern("nodes", "cue"), text);
        while (cue.find()) {
            int from = Math.max(text.clauseStart(cue.start(), BOUNDARIES), cue.start() - 40);
            int to = Math.min(text.clauseEnd(cue.end(), BOUNDARIES), cue.end() + 80);
            windows.add(from, to);
        }
        if (windows.isEmpty()) {
            return null;
        }
        Scan m = rules.scan(rules.pattern("nodes", "ratio"), text).within(windows);
        while (m.find()) {
            if (m.end() > windows.endAt(m.start())) {
                continue; // runs past every window it starts in
            }
            int a = Integer.parseInt(m.group("a"));
            int t = Integer.parseInt(m.group("t"));
            if (a <= t && t > 0) {
                return new Hit[] {new Hit(a, m.start(), m.end(), 0.9), new Hit(t, m.start(), m.end(), 0.9)};
            }
        }
        return null;
    }

    /** The earliest count any pattern reads in a sentence naming nodes, outside the pair already read. */
    private Hit firstCount(List<Pattern> patterns, String group, ReportText text, Windows nodeSentences) {
        Hit best = null;
        for (Pattern p : patterns) {
            Scan m = rules.scan(p, text).within(nodeSentences).before(best == null ? Integer.MAX_VALUE : best.start());
            while (m.find()) {
                Integer n = rules.count(m.group(group));
                if (n != null && (best == null || m.start() < best.start())) {
                    best = new Hit(n, m.start(), m.end(), 1.0);
                }
                break;
            }
        }
        return best;
    }

    // --- yes/no findings with negation ---------------------------------------------------------

    /** A finding's presence from the nearest polarity cue before it, else the status just after it. */
    private Hit polarity(ReportText text, Pattern cue) {
        Pattern before = rules.pattern("polarity", "before");
        Pattern after = rules.pattern("polarity", "after");
        Pattern uncertain = rules.pattern("polarity", "uncertainBefore");
        int window = rules.integer("polarity", "window");
        Scan c = rules.scan(cue, text);
        while (c.find()) {
            int from = Math.max(text.clauseStart(c.start(), BOUNDARIES + ",:"), c.start() - window);
            if (rules.in(uncertain, text, from, c.start()).find()) {
                continue; // "image suspecte d'embole": not a finding; a later statement decides
            }
            Matcher b = rules.in(before, text, from, c.start());
            Boolean value = null;
            int start = c.start();
            while (b.find()) { // the last cue before the finding is the nearest
                value = b.group("pos") != null;
                start = b.start();
            }
            int end = c.end();
            if (value == null) {
                int to = Math.min(text.clauseEnd(c.end(), BOUNDARIES + ","), text.windowEnd(c.end(), window));
                Matcher a = rules.in(after, text, c.end(), to);
                if (a.find()) {
                    if (a.group("unk") != null) {
                        return null; // "non évaluables", "douteux": stated as unknown
                    }
                    value = a.group("pos") != null;
                    end = a.end();
                }
            }
            if (value != null) {
                return new Hit(value, start, end, 0.95);
            }
        }
        return null;
    }

    // --- receptors, HER2, Ki-67 ----------------------------------------------------------------

    /** "RE/RP : 100 % / 95 %", "ER / PR: 90% / 50%": both receptors in one statement. */
    private void receptorPair(ReportText text, double thresholdPercent, Map<String, Hit> hits) {
        Scan m = rules.scan(rules.pattern("markers", "receptorPair"), text);
        if (m.find()) {
            double er = parseDecimal(m.group("er"));
            double pr = parseDecimal(m.group("pr"));
            hits.put("er_status", new Hit(er >= thresholdPercent ? "positive" : "negative", m.start(), m.end(), 0.9));
            hits.put("pr_status", new Hit(pr >= thresholdPercent ? "positive" : "negative", m.start(), m.end(), 0.9));
        }
    }

    private Hit receptor(ReportText text, Pattern cue, double thresholdPercent) {
        Pattern status = rules.pattern("markers", "receptorStatus");
        Pattern percent = rules.pattern("markers", "percent");
        Scan c = rules.scan(cue, text);
        while (c.find()) {
            int end = markerWindowEnd(text, c, cue);
            Matcher s = rules.in(status, text, c.end(), end);
            if (s.find()) {
                return new Hit(s.group("pos") != null ? "positive" : "negative", c.start(), s.end(), 1.0);
            }
            Matcher p = rules.in(percent, text, c.end(), end);
            if (p.find()) {
                double value = parseDecimal(p.group("p"));
                boolean below = p.group("lt") != null;
                boolean positive = below ? value > thresholdPercent : value >= thresholdPercent;
                return new Hit(positive ? "positive" : "negative", c.start(), p.end(), 0.9);
            }
        }
        return null;
    }

    private Hit her2(ReportText text) {
        Pattern cue = rules.pattern("markers", "her2");
        Scan c = rules.scan(cue, text);
        while (c.find()) {
            int end = markerWindowEnd(text, c, cue);
            int from = c.end();
            int to = end; // the statement's window, [from, to)
            Integer score = her2Score(text, from, to);
            if (score != null && score == 2 && !rules.in(rules.pattern("markers", "amplified"), text, from, to).find()) {
                // An equivocal 2+ is settled by in situ hybridisation, often reported in the next clause of the sentence.
                int sentenceEnd = Math.min(text.sentenceEnd(end), end + 150);
                to = Math.max(end, sentenceEnd);
            }
            boolean notAmplified = rules.in(rules.pattern("markers", "notAmplified"), text, from, to).find();
            boolean amplified = !notAmplified && rules.in(rules.pattern("markers", "amplified"), text, from, to).find();
            boolean negativeWord = rules.in(rules.pattern("markers", "her2Negative"), text, from, to).find();
            boolean positiveWord = !negativeWord && rules.in(rules.pattern("markers", "her2Positive"), text, from, to).find();
            // Wording that precedes the cue ("absence de surexpression de HER2") counts too.
            int clauseStart = text.clauseStart(c.start(), BOUNDARIES);
            if (!negativeWord && !positiveWord) {
                negativeWord = rules.in(rules.pattern("markers", "her2Negative"), text, clauseStart, c.start()).find();
                positiveWord = !negativeWord && rules.in(rules.pattern("markers", "her2Positive"), text, clauseStart, c.start()).find();
            }
            String value = null;
            if (score != null && score == 3) {
                value = "positive";
            } else if (score != null && score == 2) {
                if (!amplified && !notAmplified && rules.in(rules.pattern("markers", "pending"), text, from, to).find()) {
                    return null; // ISH pending: the status is not known yet
                }
                value = amplified ? "positive" : notAmplified ? "negative" : null; // ISH decides
            } else if (score != null) {
                value = "negative";
            } else if (notAmplified) {
                value = "negative";
            } else if (amplified) {
                value = "positive";
            } else if (negativeWord) {
                value = "negative";
            } else if (positiveWord) {
                value = "positive";
            }
            if (value != null) {
                return new Hit(value, c.start(), end, score != null ? 1.0 : 0.9);
            }
        }
        return null;
    }

    private Integer her2Score(ReportText text, int from, int to) {
        Matcher m = rules.in(rules.pattern("markers", "her2Score"), text, from, to);
        if (!m.find()) {
            return null;
        }
        if (m.group("s") != null) {
            return Integer.valueOf(m.group("s"));
        }
        if (m.group("plus") != null) {
            return m.group("plus").length();
        }
        return 0;
    }

    private Hit ki67(ReportText text) {
        Pattern percent = rules.pattern("markers", "percent");
        Pattern cue = rules.pattern("markers", "ki67");
        Scan c = rules.scan(cue, text);
        while (c.find()) {
            int end = Math.min(markerWindowEnd(text, c, cue), text.windowEnd(c.end(), 40));
            Matcher p = rules.in(percent, text, c.end(), end);
            if (p.find() && p.group("lt") == null) {
                double value = parseDecimal(p.group("p"));
                if (schema.has("ki67_percent")) {
                    value = schema.attribute("ki67_percent").round(value);
                }
                return new Hit(value, c.start(), p.end(), 1.0);
            }
        }
        return null;
    }

    /** A marker's statement ends at a clause boundary or where another marker is named. */
    private int markerWindowEnd(ReportText text, Scan cueMatch, Pattern sameMarker) {
        int end = Math.min(text.clauseEnd(cueMatch.end(), BOUNDARIES), text.windowEnd(cueMatch.end(), rules.integer("markers", "window")));
        List<Hit> mentions = text.memo(otherMarkers, () -> {
            List<Hit> all = new ArrayList<>(); // every marker named in the report, found once
            Scan m = rules.scan(otherMarkers, text).includingPrior();
            while (m.find()) {
                all.add(new Hit(m.group(), m.start(), m.end(), 1.0));
            }
            return all;
        });
        for (Hit other : mentions) {
            if (other.start() >= cueMatch.end() && other.end() <= end && !sameMarker.matcher((String) other.value()).matches()) {
                return other.start();
            }
        }
        return end;
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Every match of every value's patterns. */
    private List<Hit> allHits(Map<String, List<Pattern>> patternsByValue, ReportText text, double confidence) {
        List<Hit> found = new ArrayList<>();
        patternsByValue.forEach((value, patterns) -> {
            for (Pattern p : patterns) {
                Scan m = rules.scan(p, text);
                while (m.find()) {
                    found.add(new Hit(value, m.start(), m.end(), confidence));
                }
            }
        });
        return found;
    }

    /** Drops hits contained in a longer hit (e.g. "biopsie" inside "biopsie chirurgicale"). */
    private static List<Hit> longestNonOverlapping(List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(Hit::length).reversed().thenComparingInt(Hit::start));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : sorted) {
            boolean inside = kept.stream().anyMatch(k -> h.start() >= k.start() && h.end() <= k.end());
            if (!inside) {
                kept.add(h);
            }
        }
        return kept;
    }

    private static double parseDecimal(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }

    /** Options: schema (default breast-cancer) and the receptor positivity thresholds per language. */
    public static final class Builder {
        private Schema schema = Schema.breastCancer();
        private double frenchReceptorThreshold = 10.0;
        private double englishReceptorThreshold = 1.0;

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Percentage from which a receptor stated only as a percentage counts as positive: French
         * practice uses 10 % (the default), ASCO/CAP 1 % (the English default).
         */
        public Builder receptorThresholds(double frenchPercent, double englishPercent) {
            this.frenchReceptorThreshold = frenchPercent;
            this.englishReceptorThreshold = englishPercent;
            return this;
        }

        public RuleBasedExtractor build() {
            return new RuleBasedExtractor(this);
        }
    }

}
