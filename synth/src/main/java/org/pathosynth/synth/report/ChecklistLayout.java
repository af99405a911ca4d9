package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * One "Label : value" line per stated attribute, in schema order: a "compte rendu fixe" ({@link ReportStyle#STRUCTURED})
 * or, with dot leaders up to a value column and often capitalised labels, a printed synoptic checklist
 * ({@link ReportStyle#SYNOPTIC}).
 */
final class ChecklistLayout implements ReportLayout {
    private final TemplateSet templates;
    private final Schema schema;
    private final boolean synoptic;

    ChecklistLayout(TemplateSet templates, Schema schema, boolean synoptic) {
        this.templates = templates;
        this.schema = schema;
        this.synoptic = synoptic;
    }

    @Override
    public String write(RecordSlots v, SplittableRandom rng) {
        List<String> lines = new ArrayList<>();
        String title = templates.pick(rng, synoptic ? "synoptic" : "structured", "titles");
        if (title != null && !title.isEmpty()) {
            lines.add(v.render(title));
        }
        String separator = templates.pick(rng, "structured", "separators");
        boolean capitals = synoptic && rng.nextInt(3) == 0;
        int column = 28 + rng.nextInt(14);
        JsonNode labels = templates.node("structured", "labels");
        JsonNode valueTemplates = templates.node("structured", "values");
        for (Attribute a : schema.attributes()) {
            if (!v.present(a.name())) {
                continue;
            }
            String label = TemplateSet.pick(labels.path(a.name()), rng);
            String value = templates.pickValue(rng, valueTemplates.path(a.name()), a.kind().isCoded() ? v.text(a.name()) : "*");
            if (label == null || value == null) {
                label = a.label(templates.language());
                value = a.kind().isCoded() ? a.valueLabel(v.text(a.name()), templates.language()) : v.number(a.name());
            }
            if (synoptic) {
                label = capitals ? label.toUpperCase(Locale.ROOT) : label;
                int dots = Math.max(3, column - label.length());
                lines.add(label + " " + ".".repeat(dots) + " " + v.render(value));
            } else {
                lines.add(label + separator + v.render(value));
            }
        }
        return String.join("\n", lines);
    }
}
