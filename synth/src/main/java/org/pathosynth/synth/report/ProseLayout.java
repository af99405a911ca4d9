package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Narrative sentences ending in a conclusion, as dictated reports read. Its sentence builders (specimen, tumour, local
 * findings, nodes, markers) are shared with the sectioned layout, which spreads the same sentences over sections.
 */
final class ProseLayout implements ReportLayout {
    private final TemplateSet templates;

    ProseLayout(TemplateSet templates) {
        this.templates = templates;
    }

    @Override
    public String write(RecordSlots v, SplittableRandom rng) {
        List<String> sentences = new ArrayList<>();
        String title = templates.pick(rng, "prose", "titles");
        add(sentences, specimen(v, rng));
        add(sentences, tumour(v, rng));
        local(v, rng).forEach(s -> add(sentences, s));
        add(sentences, nodes(v, rng));
        markers(v, rng).forEach(s -> add(sentences, s));
        v.untemplated(templates.language()).forEach(s -> add(sentences, s));
        StringBuilder out = new StringBuilder();
        if (title != null && !title.isEmpty()) {
            out.append(title).append('\n');
        }
        out.append(String.join(rng.nextInt(3) == 0 ? "\n" : " ", sentences));
        return out.toString().strip();
    }

    private JsonNode clauses() {
        return templates.node("prose", "clauses");
    }

    String specimen(RecordSlots v, SplittableRandom rng) {
        String test = v.text("test_used_for_diagnosis");
        String specimen = test == null ? templates.pick(rng, "prose", "specimenUnknown")
                : templates.pickValue(rng, templates.node("prose", "specimen"), test);
        return v.render(specimen);
    }

    /** Morphology, grade and size in one sentence ("Carcinome ..., SBR II, mesurant 28 mm"). */
    String tumour(RecordSlots v, SplittableRandom rng) {
        List<String> tumour = new ArrayList<>();
        if (v.present("morphology_icdo")) {
            tumour.add(templates.pick(rng, "prose", "morphologyPrefix") + v.render(templates.pickValue(rng, clauses().path("morphology_icdo"), "*")));
        } else if (v.present("sbr_grade") || v.present("tumor_size_mm")) {
            tumour.add(templates.pick(rng, "prose", "tumourWithoutMorphology"));
        }
        for (String a : List.of("sbr_grade", "tumor_size_mm")) {
            if (v.present(a)) {
                tumour.add(v.render(templates.pickValue(rng, clauses().path(a), "*")));
            }
        }
        return String.join(", ", tumour);
    }

    /** Margins and lymphovascular invasion, in either order. */
    List<String> local(RecordSlots v, SplittableRandom rng) {
        List<String> local = new ArrayList<>();
        for (String a : List.of("clear_margins", "lymphovascular_invasion")) {
            if (v.present(a)) {
                local.add(v.render(templates.pickValue(rng, clauses().path(a), v.text(a))));
            }
        }
        if (local.size() == 2 && rng.nextBoolean()) {
            Collections.reverse(local);
        }
        return local;
    }

    String nodes(RecordSlots v, SplittableRandom rng) {
        List<String> nodes = new ArrayList<>();
        boolean taken = v.present("lymph_nodes_taken");
        boolean affected = v.present("lymph_nodes_affected");
        if (taken || affected) {
            String key = taken && affected ? "nodes_both" : taken ? "nodes_taken" : "nodes_affected";
            nodes.add(v.render(templates.pickValue(rng, clauses().path(key), "*")));
        }
        if (v.present("extracapsular_spread")) {
            nodes.add(v.render(templates.pickValue(rng, clauses().path("extracapsular_spread"), v.text("extracapsular_spread"))));
        }
        return String.join(", ", nodes);
    }

    /** Receptors, HER2 and Ki-67: one sentence or several. */
    List<String> markers(RecordSlots v, SplittableRandom rng) {
        List<String> markers = new ArrayList<>();
        for (String a : List.of("er_status", "pr_status")) {
            if (v.present(a)) {
                markers.add(v.render(templates.pickValue(rng, clauses().path(a), v.text(a))));
            }
        }
        String receptors = markers.isEmpty() ? "" : templates.pick(rng, "prose", "receptorsPrefix") + String.join(", ", markers);
        List<String> others = new ArrayList<>();
        for (String a : List.of("her2_status", "ki67_percent")) {
            if (v.present(a)) {
                others.add(v.render(templates.pickValue(rng, clauses().path(a), v.attribute(a).kind().isCoded() ? v.text(a) : "*")));
            }
        }
        List<String> out = new ArrayList<>();
        if (!receptors.isEmpty() && rng.nextBoolean()) {
            List<String> joined = new ArrayList<>();
            joined.add(receptors);
            joined.addAll(others);
            out.add(String.join(" ; ", joined));
        } else {
            out.add(receptors);
            out.addAll(others);
        }
        return out;
    }

    /** Adds a non-blank sentence, capitalised and ending in a full stop. */
    static void add(List<String> sentences, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String s = text.strip();
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        if (!s.endsWith(".") && !s.endsWith(":")) {
            s = s + ".";
        }
        sentences.add(s);
    }
}
