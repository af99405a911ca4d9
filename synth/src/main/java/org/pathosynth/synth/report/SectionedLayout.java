package org.pathosynth.synth.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A resection report in sections, as laboratories print them: macroscopy (the specimen), microscopy (tumour, margins,
 * emboli, nodes), immunohistochemistry (markers) and a short conclusion restating the diagnosis. Headings and the
 * conclusion's wording come from the language's {@code sectioned} templates; sentences from the prose layout.
 */
final class SectionedLayout implements ReportLayout {
    private final TemplateSet templates;
    private final ProseLayout sentences;

    SectionedLayout(TemplateSet templates, ProseLayout sentences) {
        this.templates = templates;
        this.sentences = sentences;
    }

    @Override
    public String write(RecordSlots v, SplittableRandom rng) {
        boolean capitals = rng.nextBoolean();
        StringBuilder out = new StringBuilder();
        List<String> macro = new ArrayList<>();
        ProseLayout.add(macro, sentences.specimen(v, rng));
        section(out, "macroscopy", macro, capitals, rng);

        List<String> micro = new ArrayList<>();
        ProseLayout.add(micro, sentences.tumour(v, rng));
        sentences.local(v, rng).forEach(s -> ProseLayout.add(micro, s));
        ProseLayout.add(micro, sentences.nodes(v, rng));
        v.untemplated(templates.language()).forEach(s -> ProseLayout.add(micro, s));
        section(out, "microscopy", micro, capitals, rng);

        List<String> markers = new ArrayList<>();
        sentences.markers(v, rng).forEach(s -> ProseLayout.add(markers, s));
        section(out, "immunohistochemistry", markers, capitals, rng);

        if (v.present("morphology_icdo")) {
            List<String> conclusion = new ArrayList<>();
            String label = v.render("{label}");
            ProseLayout.add(conclusion, v.render(templates.pick(rng, "sectioned", "conclusionSentences").replace("{diagnosis}", label)));
            section(out, "conclusion", conclusion, capitals, rng);
        }
        return out.toString().strip();
    }

    private void section(StringBuilder out, String name, List<String> body, boolean capitals, SplittableRandom rng) {
        if (body.isEmpty()) {
            return;
        }
        String heading = templates.pick(rng, "sectioned", name);
        out.append(capitals ? heading.toUpperCase(java.util.Locale.ROOT) : heading).append(templates.pick(rng, "sectioned", "colons")).append('\n');
        out.append(String.join(rng.nextBoolean() ? "\n" : " ", body)).append("\n\n");
    }
}
