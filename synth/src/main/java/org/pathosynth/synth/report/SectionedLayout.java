package org.pathosynth.synth.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A resection report in sections, as laboratories print them: macroscopy (the specimen), microscopy (tumour, margins,
 * emboli, nodes), immunohistochemistry (markers) and a short conclusion restating the diagnosis. Headings and the
 * conclusion's wording come from the language's {@code sectioned} templates; sentences from the prose layout.
 */
final class SectionedLayout implements ReportLayout {
    private final TemplateSet templates;
    private final ProseLayout sentences;
    private final GenericPhrases generic;

    SectionedLayout(TemplateSet templates, ProseLayout sentences, GenericPhrases generic) {
        this.templates = templates;
        this.sentences = sentences;
        this.generic = generic;
    }

    @Override
    public String write(Composition c) {
        RecordSlots v = c.values();
        Distractions d = c.distractions();
        boolean capitals = c.rng().nextBoolean();
        StringBuilder out = new StringBuilder();
        d.header().forEach(h -> out.append(h).append('\n'));
        if (!d.historyBody().isEmpty()) {
            List<String> history = new ArrayList<>();
            d.historyBody().forEach(s -> ProseLayout.add(history, s));
            String heading = templates.node("sectioned", "history").path(0).asText();
            out.append(capitals ? heading.toUpperCase(Locale.ROOT) : heading).append(templates.language().equals("fr") ? " :" : ":")
                    .append('\n').append(String.join(" ", history)).append("\n\n");
        }
        List<String> macro = new ArrayList<>();
        ProseLayout.add(macro, sentences.specimen(c));
        section(out, "macroscopy", macro, capitals, c);

        List<String> micro = new ArrayList<>();
        ProseLayout.add(micro, sentences.tumour(c));
        d.afterTumour().forEach(s -> ProseLayout.add(micro, s));
        sentences.local(c).forEach(s -> ProseLayout.add(micro, s));
        ProseLayout.add(micro, sentences.nodes(c));
        generic.sentences(c, out + String.join(" ", micro)).forEach(s -> ProseLayout.add(micro, s));
        if (!v.breast()) {
            d.pending().forEach(s -> ProseLayout.add(micro, s)); // no marker section for other organs
        }
        section(out, "microscopy", micro, capitals, c);

        List<String> markers = new ArrayList<>();
        sentences.markers(c).forEach(s -> ProseLayout.add(markers, s));
        if (v.breast()) {
            d.pending().forEach(s -> ProseLayout.add(markers, s));
        }
        section(out, "immunohistochemistry", markers, capitals, c);

        if (v.present("morphology_icdo")) {
            List<String> conclusion = new ArrayList<>();
            String label = v.mark(SpanMarks.visible(v.render("{label}")), "morphology_icdo"); // the conclusion restates it
            ProseLayout.add(conclusion, v.render(c.pick().pick("sectioned", "conclusionSentences").replace("{diagnosis}", label)));
            section(out, "conclusion", conclusion, capitals, c);
        }
        d.footer().forEach(f -> out.append(f).append('\n'));
        return out.toString().strip();
    }

    private void section(StringBuilder out, String name, List<String> body, boolean capitals, Composition c) {
        if (body.isEmpty()) {
            return;
        }
        String heading = c.pick().pick("sectioned", name);
        out.append(capitals ? heading.toUpperCase(Locale.ROOT) : heading).append(c.pick().pick("sectioned", "colons")).append('\n');
        out.append(String.join(c.rng().nextBoolean() ? "\n" : " ", body)).append("\n\n");
    }
}
