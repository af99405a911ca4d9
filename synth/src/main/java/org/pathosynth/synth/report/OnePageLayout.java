package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.pathosynth.core.generation.ReportStyle;

/**
 * A whole printed page, as laboratories send them: letterhead with identifiers, clinical history, detailed macroscopy
 * (specimen, measurements, slices, cassettes), microscopy, immunohistochemistry (or, for the checklist styles, the
 * "compte rendu fixe" block), a conclusion restating the diagnosis, pTNM and a signature. Values are stated (and
 * spanned) in the body; the conclusion restates them in other words. Letterhead, history and footer come from the
 * distractor templates and the layout's own stream; restated biopsy results only with {@link Distractor#HISTORY}.
 */
final class OnePageLayout {
    private final TemplateSet templates;
    private final ProseLayout sentences;
    private final ChecklistLayout structured;
    private final ChecklistLayout synoptic;
    private final GenericPhrases generic;
    private final Distractors distractors;

    OnePageLayout(TemplateSet templates, ProseLayout sentences, ChecklistLayout structured, ChecklistLayout synoptic,
                  GenericPhrases generic, Distractors distractors) {
        this.templates = templates;
        this.sentences = sentences;
        this.structured = structured;
        this.synoptic = synoptic;
        this.generic = generic;
        this.distractors = distractors;
    }

    String write(Composition c, ReportStyle style, SplittableRandom page) {
        RecordSlots v = c.values();
        Distractions drawn = c.distractions();
        Distractions own = distractors.write(v, page, EnumSet.of(Distractor.IDENTIFIERS), true);
        boolean capitals = page.nextInt(3) > 0;
        StringBuilder out = new StringBuilder();
        for (String line : TemplateSet.strings(templates.node("onePage", "letterhead")).subList(0, 1 + page.nextInt(2))) {
            out.append(line).append('\n');
        }
        (drawn.header().isEmpty() ? own : drawn).header().forEach(h -> out.append(h).append('\n'));
        out.append('\n');

        List<String> history = new ArrayList<>();
        drawn.historyBody().forEach(s -> ProseLayout.add(history, s));
        if (history.isEmpty() && v.breast()) {
            ProseLayout.add(history, distractors.say(v, page, new java.util.HashMap<>(), "onePage", "history"));
        }
        section(out, "history", history, capitals, page);

        List<String> macro = new ArrayList<>();
        ProseLayout.add(macro, sentences.specimen(c));
        if (v.breast()) {
            ProseLayout.add(macro, v.render(pickFilled(v, page, "onePage", "macroscopy", macroKey(v))));
        }
        section(out, "macroscopy", macro, capitals, page);

        if (style == ReportStyle.STRUCTURED || style == ReportStyle.SYNOPTIC) {
            List<String> block = new ArrayList<>();
            block.add((style == ReportStyle.SYNOPTIC ? synoptic : structured).body(c));
            section(out, "checklist", block, capitals, page);
        } else {
            List<String> micro = new ArrayList<>();
            ProseLayout.add(micro, sentences.tumour(c));
            drawn.afterTumour().forEach(s -> ProseLayout.add(micro, s));
            sentences.local(c).forEach(s -> ProseLayout.add(micro, s));
            ProseLayout.add(micro, sentences.nodes(c));
            generic.sentences(c, out + String.join(" ", micro)).forEach(s -> ProseLayout.add(micro, s));
            if (!v.breast()) {
                drawn.pending().forEach(s -> ProseLayout.add(micro, s)); // no marker section for other organs
            }
            section(out, "microscopy", micro, capitals, page);
            List<String> markers = new ArrayList<>();
            sentences.markers(c).forEach(s -> ProseLayout.add(markers, s));
            if (v.breast()) {
                drawn.pending().forEach(s -> ProseLayout.add(markers, s));
            }
            if (!markers.isEmpty()) {
                ProseLayout.add(markers, distractors.say(v, page, new java.util.HashMap<>(), "onePage", "technique"));
            }
            section(out, "immunohistochemistry", markers, capitals, page);
        }
        List<String> conclusion = conclusion(v, page);
        section(out, "conclusion", conclusion, capitals, page);
        out.append(pick(page, "onePage", "signature").replace("{surname}", pick(page, "onePage", "surnames"))).append('\n');
        (drawn.footer().isEmpty() ? own : drawn).footer().forEach(f -> out.append(f).append('\n'));
        return out.toString().strip();
    }

    private static String macroKey(RecordSlots v) {
        String test = v.text("test_used_for_diagnosis");
        return test == null ? "unknown" : test;
    }

    /**
     * The diagnosis restated in telegraphic form ("Carcinome ..., grade II, 28 mm, limites saines, 0N+/3"), each part
     * marked as a statement of its attribute: a restatement states the value too.
     */
    private List<String> conclusion(RecordSlots v, SplittableRandom page) {
        List<String> parts = new ArrayList<>();
        JsonNode words = templates.node("onePage", "conclusion");
        for (var a : v.schema().attributes()) {
            if (!v.present(a.name()) || !words.has(a.name()) || a.name().equals("lymph_nodes_affected")) {
                continue;
            }
            String key = a.name();
            JsonNode byValue = words.path(key);
            if (key.equals("lymph_nodes_taken")) {
                if (!v.present("lymph_nodes_affected")) {
                    continue;
                }
                byValue = words.path("nodes");
            }
            JsonNode list = byValue.has(v.text(key)) ? byValue.path(v.text(key)) : byValue.path("*");
            List<String> forms = TemplateSet.strings(list);
            String part = SpanMarks.visible(v.render(forms.get(page.nextInt(forms.size()))));
            parts.add(key.equals("lymph_nodes_taken") ? v.mark(part, "lymph_nodes_taken", "lymph_nodes_affected") : v.mark(part, key));
        }
        List<String> out = new ArrayList<>();
        if (!parts.isEmpty()) {
            ProseLayout.add(out, String.join(", ", parts));
        }
        if (v.present("tumor_size_mm") && v.present("lymph_nodes_affected")) {
            out.add("pT" + v.render("{pT} pN{pN}"));
        }
        return out;
    }

    /** As {@link #pick}, among the entries whose slots the record fills (a side the record leaves missing is never said). */
    private String pickFilled(RecordSlots v, SplittableRandom page, String... path) {
        List<String> all = new java.util.ArrayList<>();
        TemplateSet.Variants variants = templates.variants(templates.node(path));
        for (List<TemplateSet.Variant> list : List.of(variants.classic(), variants.extended())) {
            for (TemplateSet.Variant t : list) {
                if (t.slots().stream().allMatch(v::available)) {
                    all.add(t.text());
                }
            }
        }
        return all.get(page.nextInt(all.size()));
    }

    private String pick(SplittableRandom page, String... path) {
        List<String> all = TemplateSet.strings(templates.node(path));
        return all.get(page.nextInt(all.size()));
    }

    private void section(StringBuilder out, String name, List<String> body, boolean capitals, SplittableRandom page) {
        if (body.isEmpty()) {
            return;
        }
        String heading = pick(page, "onePage", "headings", name);
        out.append(capitals ? heading.toUpperCase(Locale.ROOT) : heading).append(" :".substring(templates.language().equals("fr") ? 0 : 1))
                .append('\n').append(String.join(" ", body)).append("\n\n");
    }
}
