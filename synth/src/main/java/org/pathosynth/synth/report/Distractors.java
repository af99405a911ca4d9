package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/**
 * Writes the distractors of one report ({@link Distractor}), from the language's {@code distractors} templates and
 * their own random stream: the record is unchanged and no distractor states a value of it. Restated biopsy results
 * only recall attributes the record states (a reader must prefer the specimen's value); pending tests only name
 * attributes the record leaves missing; a second focus is always smaller than the tumour.
 */
final class Distractors {
    private static final Pattern LOCAL = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final List<String> MARKERS = List.of("er_status", "pr_status", "her2_status", "ki67_percent");
    /** Slots derived from a figure of the record, which a recalled statement with another figure must not repeat. */
    private static final Set<String> RECORD_FIGURES = Set.of("a", "n", "m", "sum", "ki67Level", "erPct", "prPct", "ki67");

    /**
     * How rarely the other breast's history is added: often enough to be learnt, rarely enough that the side's words
     * stay strong evidence of the record's side (each such sentence is a side word that is not the record's).
     */
    private static final int CONTRALATERAL_ONE_IN = 4;

    private final TemplateSet templates;
    private final GenericPhrases generic;
    private final double rate;
    private final Set<Distractor> kinds;

    Distractors(TemplateSet templates, GenericPhrases generic, double rate, Set<Distractor> kinds) {
        this.templates = templates;
        this.generic = generic;
        this.rate = rate;
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(Distractor.class) : EnumSet.copyOf(kinds);
    }

    boolean active() {
        return rate > 0 && !kinds.isEmpty();
    }

    /** The distractors of one report: each kind that applies, with probability {@code rate}. */
    Distractions draw(RecordSlots v, SplittableRandom rng) {
        if (!active()) {
            return Distractions.NONE;
        }
        Set<Distractor> drawn = EnumSet.noneOf(Distractor.class);
        for (Distractor k : Distractor.values()) {
            if (rng.nextDouble() < rate && kinds.contains(k)) {
                drawn.add(k);
            }
        }
        return write(v, rng, drawn, false);
    }

    /** The given kinds, written for the record (those that do not apply are left out). */
    Distractions write(RecordSlots v, SplittableRandom rng, Set<Distractor> drawn, boolean onePage) {
        Map<String, String> local = locals(v, rng);
        List<String> header = new ArrayList<>();
        List<String> history = new ArrayList<>();
        List<String> historyBody = new ArrayList<>();
        List<String> afterTumour = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> footer = new ArrayList<>();
        List<String> historyLines = new ArrayList<>();
        List<String> focusLines = new ArrayList<>();
        List<String> pendingLines = new ArrayList<>();
        if (drawn.contains(Distractor.IDENTIFIERS)) {
            header.add(say(v, rng, local, "distractors", "identifiers", "header"));
            if (rng.nextBoolean()) {
                footer.add(say(v, rng, local, "distractors", "identifiers", "footer"));
            }
        }
        List<String> leads = TemplateSet.strings(templates.node("distractors", "leads"));
        local.put("lead", leads.get(rng.nextInt(leads.size())));
        if (drawn.contains(Distractor.IMAGING)) {
            String template = template(v, rng, local, "distractors", "imaging", "sentences");
            history.add(fill(v, template, local));
            historyBody.add(fill(v, template.replace("{lead}", ""), local));
            historyLines.add(say(v, rng, local, "distractors", "imaging", "lines"));
            local.put("lead", "");
        }
        if (drawn.contains(Distractor.HISTORY)) {
            String findings = priorFindings(v, rng);
            String procedure = v.text("test_used_for_diagnosis");
            if (findings != null && procedure != null && !procedure.equals("biopsy")) {
                local.put("priorFindings", findings);
                String template = template(v, rng, local, "distractors", "history", "sentences");
                history.add(fill(v, template, local));
                historyBody.add(fill(v, template.replace("{lead}", ""), local));
                historyLines.add(say(v, rng, local, "distractors", "history", "lines"));
            }
        }
        if (drawn.contains(Distractor.SECOND_FOCUS) && local.containsKey("focusMm")) {
            afterTumour.add(say(v, rng, local, "distractors", "secondFocus", "sentences"));
            focusLines.add(say(v, rng, local, "distractors", "secondFocus", "lines"));
        }
        if (drawn.contains(Distractor.PENDING_TEST)) {
            pending(v, rng, local, pending, pendingLines);
        }
        if (drawn.contains(Distractor.OTHER_FINDINGS) && v.available(RecordSlots.BREAST)) { // breast findings only
            otherFindings(v, rng, local, afterTumour, focusLines);
            if (v.available("otherSide") && rng.nextInt(CONTRALATERAL_ONE_IN) == 0) {
                String contralateral = say(v, rng, local, "distractors", "history", "contralateral");
                history.add(contralateral);
                historyBody.add(contralateral);
                historyLines.add(contralateral);
            }
        }
        return new Distractions(header, history, historyBody, afterTumour, pending, footer, historyLines, focusLines, pendingLines);
    }

    /** Look-alike numbers: exam numbers, patient ids, dates, block counts, and sizes that are not the tumour's. */
    private Map<String, String> locals(RecordSlots v, SplittableRandom rng) {
        Map<String, String> m = new HashMap<>();
        int year = 2015 + rng.nextInt(10);
        m.put("year", Integer.toString(year));
        m.put("yy", Integer.toString(year % 100));
        m.put("id", Integer.toString(1000 + rng.nextInt(9000)));
        m.put("id5", Integer.toString(10000 + rng.nextInt(90000)));
        m.put("ipp", Long.toString(8_000_000L + rng.nextInt(1_999_999)));
        m.put("letter", String.valueOf("BHSCP".charAt(rng.nextInt(5))));
        int day = 1 + rng.nextInt(27);
        m.put("day", twoDigits(day));
        m.put("day2", twoDigits(day + 1));
        m.put("month", twoDigits(1 + rng.nextInt(12)));
        m.put("hh", twoDigits(8 + rng.nextInt(10)));
        m.put("min", twoDigits(rng.nextInt(60)));
        int a = 1 + rng.nextInt(9);
        m.put("a", Integer.toString(a));
        m.put("b", Integer.toString(a + 1 + rng.nextInt(12)));
        m.put("pages", Integer.toString(2 + rng.nextInt(2)));
        m.put("priorExam", m.get("letter") + m.get("yy") + "-" + (10000 + rng.nextInt(90000)));
        // telephone numbers of the lab, in each country's format: long digit runs that are no value
        m.put("phoneFr", "0" + (1 + rng.nextInt(5)) + " " + twoDigits(10 + rng.nextInt(90)) + " " + twoDigits(rng.nextInt(100)) + " "
                + twoDigits(rng.nextInt(100)) + " " + twoDigits(rng.nextInt(100)));
        m.put("phoneEn", "(0" + (2 + rng.nextInt(7)) + ") " + (1000 + rng.nextInt(9000)) + " " + (1000 + rng.nextInt(9000)));
        ClinicalRecord r = v.record();
        Double size = v.present("tumor_size_mm") ? r.getDouble("tumor_size_mm") : null;
        long imaging = size == null ? 8 + rng.nextInt(35) : Math.max(3, Math.round(size * (0.6 + 0.8 * rng.nextDouble())));
        if (size != null && imaging == Math.round(size)) {
            imaging += 2;
        }
        m.put("imgMm", Long.toString(imaging));
        m.put("imgCm", v.decimal(java.math.BigDecimal.valueOf(imaging).movePointLeft(1)));
        String morphology = v.present("morphology_icdo") ? v.text("morphology_icdo") : null;
        if (size != null && morphology != null && morphology.endsWith("/3")) {
            // an in situ component beside an invasive tumour, measured on its own: never the tumour's size
            long insitu = 3 + rng.nextInt(58);
            m.put("insituMm", Long.toString(insitu == Math.round(size) ? insitu + 5 : insitu));
        }
        if (size != null && size >= 2) {
            long focus = Math.max(1, Math.min((long) Math.floor(size) - 1, Math.round(size * (0.15 + 0.5 * rng.nextDouble()))));
            m.put("focusMm", Long.toString(focus));
            m.put("gapMm", Integer.toString(5 + rng.nextInt(30)));
        }
        return m;
    }

    /**
     * Results of the earlier core biopsy, for attributes the record states: the same morphology, a grade and Ki-67
     * that may differ, receptors of the same status with other percentages; null when there is nothing to recall.
     * Half of the statements use the report's own phrasings, so that only the context (a recall, an earlier
     * examination) tells a recalled value from the specimen's, never the wording.
     */
    private String priorFindings(RecordSlots v, SplittableRandom rng) {
        List<String> parts = new ArrayList<>();
        JsonNode words = templates.node("distractors", "history", "findings");
        boolean noTumour = v.schema().has("morphology_icdo") && !v.present("morphology_icdo") && !v.present("sbr_grade")
                && !v.present("tumor_size_mm");
        if (v.present("morphology_icdo") && rng.nextInt(4) > 0) {
            parts.add(SpanMarks.visible(v.render("{morph}")));
        } else if (noTumour) {
            // a specimen without carcinoma (a re-excision, a complete response) recalls the carcinoma that led to it:
            // the record states no morphology or grade, so any is possible there and none is the specimen's
            List<String> carcinomas = TemplateSet.strings(words.path("carcinoma"));
            parts.add(carcinomas.get(rng.nextInt(carcinomas.size())));
            if (v.schema().has("sbr_grade") && rng.nextBoolean()) {
                parts.add(words.path("grade").asText().replace("{g}", new String[] {"I", "II", "III"}[rng.nextInt(3)]));
            }
        }
        if (v.present("sbr_grade") && rng.nextInt(3) > 0) {
            int g = Integer.parseInt(v.text("sbr_grade"));
            int prior = rng.nextBoolean() ? g : Math.max(1, Math.min(3, g + (rng.nextBoolean() ? 1 : -1)));
            String roman = new String[] {"I", "II", "III"}[prior - 1];
            parts.add(statement(v, rng, "sbr_grade", "*", Map.of("roman", roman, "arabic", Integer.toString(prior)),
                    () -> words.path("grade").asText().replace("{g}", roman)));
        }
        for (String[] receptor : new String[][] {{"er_status", "er"}, {"pr_status", "pr"}}) {
            if (v.present(receptor[0]) && rng.nextInt(3) > 0) {
                String status = v.text(receptor[0]);
                boolean positive = status.equals("positive");
                int pct = positive ? 10 + 10 * rng.nextInt(10) : 0;
                Map<String, String> literal = positive ? Map.of(receptor[1] + "Pct", Integer.toString(pct)) : Map.of();
                parts.add(statement(v, rng, receptor[0], status, literal,
                        () -> words.path(receptor[1]).asText().replace("{p}", Integer.toString(pct))));
            }
        }
        if (v.present("her2_status") && rng.nextInt(3) > 0) {
            String status = v.text("her2_status");
            List<String> forms = TemplateSet.strings(words.path(status.equals("positive") ? "her2Positive" : "her2Negative"));
            int form = rng.nextInt(forms.size());
            parts.add(statement(v, rng, "her2_status", status, Map.of(), () -> forms.get(form)));
        }
        if (v.present("ki67_percent") && rng.nextInt(3) > 0) {
            double ki67 = ((Number) v.record().get("ki67_percent")).doubleValue();
            long prior = Math.max(1, Math.min(95, Math.round(ki67 + (rng.nextBoolean() ? 1 : -1) * (5 + rng.nextInt(20)))));
            parts.add(statement(v, rng, "ki67_percent", "*", Map.of("ki67", Long.toString(prior)),
                    () -> words.path("ki67").asText().replace("{p}", Long.toString(prior))));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /**
     * One recalled statement: half the time a phrasing of the report's own clauses for {@code attribute} (at
     * {@code prose.clauses.<attribute>.<key>}) with the {@code literal} slots set to the earlier examination's values,
     * and only those phrasings whose other slots the record fills and that name no other figure of the record;
     * otherwise, or when none fits, the short form.
     */
    private String statement(RecordSlots v, SplittableRandom rng, String attribute, String key, Map<String, String> literal,
                             java.util.function.Supplier<String> shortForm) {
        if (!rng.nextBoolean()) {
            return shortForm.get();
        }
        TemplateSet.Variants variants = templates.variants(templates.node("prose", "clauses", attribute, key));
        if (variants == null) {
            return shortForm.get();
        }
        List<String> usable = new ArrayList<>();
        for (List<TemplateSet.Variant> list : List.of(variants.classic(), variants.extended())) {
            for (TemplateSet.Variant t : list) {
                boolean fits = true;
                for (String slot : t.slots()) {
                    fits &= literal.containsKey(slot) || (v.available(slot) && !RECORD_FIGURES.contains(slot));
                }
                if (fits) {
                    usable.add(t.text());
                }
            }
        }
        if (usable.isEmpty()) {
            return shortForm.get();
        }
        return fill(v, usable.get(rng.nextInt(usable.size())), literal);
    }

    /**
     * One or two findings no attribute of the schema names, in the tumour's description (and as lines); a phrase with
     * a local slot (an in situ component's extent) only where that slot is set. An entry whose condition the record
     * meets ("no invasive carcinoma" beside a DCIS, "no residual carcinoma" without tumour) is always said, first: real
     * reports of such specimens almost always say it, and it alone tells a student why such a report names a carcinoma
     * and states no morphology.
     */
    private void otherFindings(RecordSlots v, SplittableRandom rng, Map<String, String> local, List<String> sentences,
                               List<String> lines) {
        List<JsonNode> calledFor = new ArrayList<>();
        List<JsonNode> usable = new ArrayList<>();
        for (JsonNode entry : templates.node("distractors", "otherFindings", "entries")) {
            String about = entry.path("about").asText();
            if (v.schema().attributes().stream().noneMatch(a -> names(a, about)) && holds(v, entry.path("when"), true)
                    && !holds(v, entry.path("unless"), false)) {
                (entry.path("when").isObject() && !entry.path("when").isEmpty() ? calledFor : usable).add(entry);
            }
        }
        for (int k = Math.max(calledFor.size(), 1 + rng.nextInt(2)); k > 0 && !(calledFor.isEmpty() && usable.isEmpty()); k--) {
            JsonNode entry = calledFor.isEmpty() ? usable.remove(rng.nextInt(usable.size())) : calledFor.remove(0);
            List<String> phrases = new ArrayList<>(TemplateSet.strings(entry.path("phrases")));
            phrases.removeIf(p -> LOCAL.matcher(p).results().anyMatch(m -> !local.containsKey(m.group(1))));
            if (phrases.isEmpty()) {
                continue;
            }
            String said = fill(v, phrases.get(rng.nextInt(phrases.size())), local);
            sentences.add(said);
            lines.add(said);
        }
    }

    /**
     * Whether the record meets an entry's condition: each attribute named has one of the values listed (null: the
     * record leaves it missing), as "no residual carcinoma" needs a record without a tumour, and "nipple uninvolved"
     * one without Paget disease. An attribute the schema lacks fails the condition; no condition gives {@code empty}.
     */
    private static boolean holds(RecordSlots v, JsonNode condition, boolean empty) {
        if (!condition.isObject() || condition.isEmpty()) {
            return empty;
        }
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) condition::fields) {
            if (!v.schema().has(field.getKey())) {
                return false;
            }
            String value = v.text(field.getKey());
            boolean listed = false;
            for (JsonNode allowed : field.getValue()) {
                listed |= allowed.isNull() ? value == null : allowed.asText().equals(value);
            }
            if (!listed) {
                return false;
            }
        }
        return true;
    }

    /** Whether an attribute's name or one of its labels contains {@code word} (case and accents aside). */
    private static boolean names(Attribute a, String word) {
        StringBuilder all = new StringBuilder(a.name()).append(' ').append(a.label("fr")).append(' ').append(a.label("en"));
        String folded = java.text.Normalizer.normalize(all.toString(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
        return folded.contains(word);
    }

    /** A pending test for every marker the record leaves missing (ER and PR often together), and for one other attribute. */
    private void pending(RecordSlots v, SplittableRandom rng, Map<String, String> local, List<String> sentences, List<String> lines) {
        List<String> markers = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Attribute a : v.schema().attributes()) {
            if (!v.present(a.name())) {
                if (MARKERS.contains(a.name())) {
                    markers.add(a.name());
                } else if (!generic.templated(a)) {
                    others.add(a.name());
                }
            }
        }
        if (markers.contains("er_status") && markers.contains("pr_status") && rng.nextBoolean()) {
            sentences.add(say(v, rng, local, "distractors", "pending", "receptors"));
            lines.add(say(v, rng, local, "distractors", "pending", "receptorsLines"));
            markers.remove("er_status");
            markers.remove("pr_status");
        }
        for (String name : markers) {
            String key = name.substring(0, name.indexOf('_'));
            sentences.add(say(v, rng, local, "distractors", "pending", key));
            lines.add(say(v, rng, local, "distractors", "pending", key + "Lines"));
        }
        if (!others.isEmpty()) {
            local.put("label", generic.label(v.attribute(others.get(rng.nextInt(others.size()))), rng));
            sentences.add(say(v, rng, local, "distractors", "pending", "generic"));
            lines.add(say(v, rng, local, "distractors", "pending", "genericLines"));
        }
        // a missing yes/no or coded finding said to be not assessable or not applicable ("Emboles : non évaluables"):
        // named, yet no value. Attributes with wording of their own have their own phrases (a label such as "limites
        // d'exérèse saines" states a value); the others are named by their label.
        JsonNode unassessed = templates.node("distractors", "pending", "unassessed");
        List<String> unassessable = v.schema().attributes().stream()
                .filter(a -> !v.present(a.name()) && !MARKERS.contains(a.name()) && (a.kind() == AttributeKind.BOOLEAN || a.kind().isCoded()))
                .filter(a -> unassessed.has(a.name()) || !generic.templated(a))
                .map(Attribute::name).toList();
        if (!unassessable.isEmpty() && rng.nextBoolean()) {
            String name = unassessable.get(rng.nextInt(unassessable.size()));
            local.put("label", generic.label(v.attribute(name), rng));
            String said = say(v, rng, local, "distractors", "pending", "unassessed", unassessed.has(name) ? name : "*");
            sentences.add(said);
            lines.add(said);
        }
    }

    /** A variant of the template list at {@code full} whose slots can be filled, written without span marks. */
    String say(RecordSlots v, SplittableRandom rng, Map<String, String> local, String... full) {
        return fill(v, template(v, rng, local, full), local);
    }

    /** A variant of the template list at {@code full} whose slots can be filled. */
    private String template(RecordSlots v, SplittableRandom rng, Map<String, String> local, String... full) {
        TemplateSet.Variants variants = templates.variants(templates.node(full));
        if (variants == null) {
            throw new IllegalStateException("no distractor templates at " + String.join(".", full));
        }
        List<String> usable = new ArrayList<>();
        for (TemplateSet.Variant t : variants.classic()) {
            if (t.slots().stream().allMatch(s -> local.containsKey(s) || v.available(s))) {
                usable.add(t.text());
            }
        }
        return usable.get(rng.nextInt(usable.size()));
    }

    /** The template with local slots, then the record's, filled; span marks removed but for flavour (the record's side). */
    private static String fill(RecordSlots v, String template, Map<String, String> local) {
        Matcher m = LOCAL.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = local.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(sb);
        return SpanMarks.flavourOnly(v.render(sb.toString()));
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
