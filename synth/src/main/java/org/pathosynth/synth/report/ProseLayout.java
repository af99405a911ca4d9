package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Narrative sentences ending in a conclusion, as dictated reports read. Its sentence builders (specimen, tumour, local
 * findings, nodes, markers) are shared with the sectioned and one-page layouts, which spread the same sentences over
 * sections. Each value's phrase is marked as its span.
 */
final class ProseLayout implements ReportLayout {
    /** How short reports list their markers ("RE 90 %, RP 40 %", "RE 60 % | RP 0 %", "ER pos 75% PR pos 25%"). */
    private static final String[] LIST_SEPARATORS = {", ", ", ", " / ", " | ", " "};

    private final TemplateSet templates;
    private final GenericPhrases generic;

    ProseLayout(TemplateSet templates, GenericPhrases generic) {
        this.templates = templates;
        this.generic = generic;
    }

    @Override
    public String write(Composition c) {
        List<String> sentences = new ArrayList<>();
        Distractions d = c.distractions();
        String title = c.pick().pick("prose", "titles");
        d.history().forEach(s -> add(sentences, s));
        String specimen = specimen(c);
        if (c.pick().extended() && c.values().vocabulary().nextInt(4) == 0 && startsWithTumour(c.values())) {
            // "Microbiopsies du sein gauche : carcinome lobulaire infiltrant, grade 1.": specimen and diagnosis in one
            add(sentences, withoutFinalStop(specimen) + " : " + tumour(c, false));
        } else {
            add(sentences, specimen);
            add(sentences, tumour(c));
        }
        d.afterTumour().forEach(s -> add(sentences, s));
        local(c).forEach(s -> add(sentences, s));
        add(sentences, nodes(c));
        markers(c).forEach(s -> add(sentences, s));
        d.pending().forEach(s -> add(sentences, s));
        generic.sentences(c, String.join(" ", sentences)).forEach(s -> add(sentences, s));
        StringBuilder out = new StringBuilder();
        d.header().forEach(h -> out.append(h).append('\n'));
        if (title != null && !title.isEmpty()) {
            out.append(title).append('\n');
        }
        out.append(String.join(c.rng().nextInt(3) == 0 ? "\n" : " ", sentences));
        d.footer().forEach(f -> out.append('\n').append(f));
        return out.toString().strip();
    }

    private JsonNode clauses() {
        return templates.node("prose", "clauses");
    }

    String specimen(Composition c) {
        RecordSlots v = c.values();
        String test = v.text("test_used_for_diagnosis");
        if (test == null) {
            return v.render(c.pick().pick("prose", "specimenUnknown"));
        }
        return v.clause(c.pick().pickValue(templates.node("prose", "specimen"), test), "test_used_for_diagnosis");
    }

    /** Morphology, grade and size in one sentence ("Carcinome ..., SBR II, mesurant 28 mm"). */
    String tumour(Composition c) {
        return tumour(c, true);
    }

    private static boolean startsWithTumour(RecordSlots v) {
        return v.present("test_used_for_diagnosis") && v.present("morphology_icdo");
    }

    private static String withoutFinalStop(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private String tumour(Composition c, boolean prefixed) {
        RecordSlots v = c.values();
        Picker p = c.pick();
        List<String> tumour = new ArrayList<>();
        boolean sizeInside = false;
        if (v.present("morphology_icdo")) {
            String prefix = p.pick("prose", "morphologyPrefix");
            prefix = prefixed ? prefix : "";
            String morphology = v.clause(p.pickValue(clauses().path("morphology_icdo"), "*"), "morphology_icdo");
            String inside = sizeWithMorphology(c);
            if (inside != null) {
                // "carcinome tubuleux de 9 mm", "a 9 mm invasive lobular carcinoma": the size inside the diagnosis
                sizeInside = true;
                int at = inside.indexOf("{morphology}");
                java.util.Map<String, Integer> size = java.util.Map.of("size", v.index("tumor_size_mm"));
                tumour.add(prefix + SpanMarks.statedParts(v.render(inside.substring(0, at)), size) + morphology
                        + SpanMarks.statedParts(v.render(inside.substring(at + "{morphology}".length())), size));
            } else {
                tumour.add(prefix + morphology);
            }
        } else if (v.present("sbr_grade") || v.present("tumor_size_mm")) {
            tumour.add(p.pick("prose", "tumourWithoutMorphology"));
        }
        for (String a : List.of("sbr_grade", "tumor_size_mm")) {
            if (v.present(a) && !(sizeInside && a.equals("tumor_size_mm"))) {
                String clause = v.clause(p.pickValue(clauses().path(a), "*"), a);
                if (p.extended() && !tumour.isEmpty() && SpanMarks.visible(clause).startsWith("de ")) {
                    // "carcinome lobulaire infiltrant de grade 1": the grade inside the diagnosis, no comma (the
                    // classic wording keeps its comma, byte for byte)
                    tumour.set(tumour.size() - 1, tumour.get(tumour.size() - 1) + " " + clause);
                } else {
                    tumour.add(clause);
                }
            }
        }
        return String.join(", ", tumour);
    }

    /**
     * Sometimes, with the wider vocabulary, a form that puts the size inside the diagnosis, with {@code {morphology}}
     * where the morphology goes and {@code ⟦size:...⟧} around the size; null otherwise.
     */
    private String sizeWithMorphology(Composition c) {
        RecordSlots v = c.values();
        JsonNode forms = templates.node("prose", "sizeWithMorphology");
        if (!c.pick().extended() || !v.present("tumor_size_mm") || !forms.isArray() || forms.isEmpty()
                || v.vocabulary().nextInt(4) != 0) {
            return null;
        }
        List<String> usable = new ArrayList<>();
        for (String f : TemplateSet.strings(forms)) {
            if ((!f.contains("{cm}") || v.available("cm")) && (!f.contains("{mm}") || v.available("mm"))) {
                usable.add(f);
            }
        }
        return usable.isEmpty() ? null : usable.get(v.vocabulary().nextInt(usable.size()));
    }

    /** Margins and lymphovascular invasion, in either order. */
    List<String> local(Composition c) {
        RecordSlots v = c.values();
        List<String> local = new ArrayList<>();
        for (String a : List.of("clear_margins", "lymphovascular_invasion")) {
            if (v.present(a)) {
                local.add(v.clause(c.pick().pickValue(clauses().path(a), v.text(a)), a));
            }
        }
        if (local.size() == 2 && c.rng().nextBoolean()) {
            Collections.reverse(local);
        }
        return local;
    }

    String nodes(Composition c) {
        RecordSlots v = c.values();
        List<String> nodes = new ArrayList<>();
        boolean taken = v.present("lymph_nodes_taken");
        boolean affected = v.present("lymph_nodes_affected");
        if (taken && affected) {
            int t = v.record().getInteger("lymph_nodes_taken");
            int a = v.record().getInteger("lymph_nodes_affected");
            JsonNode none = a == 0 && t >= 2 ? clauses().path("nodes_none").path("*") : null;
            JsonNode single = a == 0 && t == 1 ? clauses().path("nodes_single_free").path("*") : null;
            nodes.add(v.clause(c.pick().pick(clauses().path("nodes_both").path("*"), present(none, single)),
                    "lymph_nodes_taken", "lymph_nodes_affected"));
        } else if (taken || affected) {
            String key = taken ? "nodes_taken" : "nodes_affected";
            nodes.add(v.clause(c.pick().pickValue(clauses().path(key), "*"), taken ? "lymph_nodes_taken" : "lymph_nodes_affected"));
        }
        if (v.present("extracapsular_spread")) {
            nodes.add(v.clause(c.pick().pickValue(clauses().path("extracapsular_spread"), v.text("extracapsular_spread")),
                    "extracapsular_spread"));
        }
        // "3N+/14N dont 1 avec rupture capsulaire": a clause that goes on from the count takes no comma
        return nodes.size() == 2 && SpanMarks.visible(nodes.get(1)).matches("(dont|\\d) .*") ? nodes.get(0) + " " + nodes.get(1)
                : String.join(", ", nodes);
    }

    private static JsonNode[] present(JsonNode... lists) {
        return java.util.Arrays.stream(lists).filter(java.util.Objects::nonNull).toArray(JsonNode[]::new);
    }

    /** Receptors, HER2 and Ki-67: one sentence or several. */
    List<String> markers(Composition c) {
        RecordSlots v = c.values();
        Picker p = c.pick();
        List<String> markers = new ArrayList<>();
        for (String a : List.of("er_status", "pr_status")) {
            if (v.present(a)) {
                markers.add(v.clause(p.pickValue(clauses().path(a), v.text(a)), a));
            }
        }
        String receptors = markers.isEmpty() ? "" : p.pick("prose", "receptorsPrefix") + String.join(", ", markers);
        String joint = jointReceptors(c);
        if (joint != null) {
            receptors = joint; // in place of the separate statements (their draws stay, for the classic wording's sake)
        }
        List<String> others = new ArrayList<>();
        for (String a : List.of("her2_status", "ki67_percent")) {
            if (v.present(a)) {
                others.add(v.clause(p.pickValue(clauses().path(a), v.attribute(a).kind().isCoded() ? v.text(a) : "*"), a));
            }
        }
        if (p.extended() && tripleNegative(v) && v.vocabulary().nextInt(3) == 0) {
            others.add(TemplateSet.strings(templates.node("prose", "tripleNegative")).get(v.vocabulary().nextInt(
                    templates.node("prose", "tripleNegative").size())));
        }
        List<String> out = new ArrayList<>();
        if (!receptors.isEmpty() && c.rng().nextBoolean()) {
            List<String> joined = new ArrayList<>();
            joined.add(receptors);
            joined.addAll(others);
            // with the wider vocabulary, sometimes a plain list ("RE 90 %, RP 40 %, HER2 négatif"): a reader must
            // not learn that a statement ends in a semicolon
            out.add(String.join(p.extended() && v.vocabulary().nextInt(2) == 0 ? LIST_SEPARATORS[v.vocabulary().nextInt(LIST_SEPARATORS.length)]
                    : " ; ", joined));
        } else {
            out.add(receptors);
            out.addAll(others);
        }
        return out;
    }

    /**
     * Sometimes, with the extended vocabulary, both receptors in one phrase ("RH+ (RE 90 % / RP 40 %)", "statut
     * hormonal : RE+ RP-"), each with its own span; null otherwise.
     */
    private String jointReceptors(Composition c) {
        RecordSlots v = c.values();
        if (!c.pick().extended() || !v.present("er_status") || !v.present("pr_status") || v.vocabulary().nextInt(6) != 0) {
            return null;
        }
        boolean positive = v.text("er_status").equals("positive") && v.text("pr_status").equals("positive")
                && v.available("erPct") && v.available("prPct");
        List<String> forms = TemplateSet.strings(templates.node("prose", "receptorsJoint", positive && v.vocabulary().nextBoolean() ? "positive" : "*"));
        String form = forms.get(v.vocabulary().nextInt(forms.size()));
        return SpanMarks.statedParts(v.render(form), java.util.Map.of("er", v.index("er_status"), "pr", v.index("pr_status")));
    }

    private static boolean tripleNegative(RecordSlots v) {
        return List.of("er_status", "pr_status", "her2_status").stream().allMatch(a -> "negative".equals(v.text(a)));
    }

    /** Adds a non-blank sentence, capitalised and ending in a full stop. */
    static void add(List<String> sentences, String text) {
        if (text == null || SpanMarks.isBlank(text)) {
            return;
        }
        String s = SpanMarks.capitalised(text.strip());
        char last = SpanMarks.lastVisible(s);
        if (last != '.' && last != ':') {
            s = s + ".";
        }
        sentences.add(s);
    }
}
