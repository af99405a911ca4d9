package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * One "Label : value" line per stated attribute, in schema order: a "compte rendu fixe" ({@link ReportStyle#STRUCTURED})
 * or, with dot leaders up to a value column and often capitalised labels, a printed synoptic checklist
 * ({@link ReportStyle#SYNOPTIC}). Each line is the span of its attribute (up to the value's {@code ⟦...⟧} end when its
 * template adds flavour after the value). With the extended vocabulary both node counts sometimes share one line
 * ("Statut ganglionnaire : 2N+/14N").
 */
final class ChecklistLayout implements ReportLayout {
    private final TemplateSet templates;
    private final Schema schema;
    private final boolean synoptic;
    private final GenericPhrases generic;

    ChecklistLayout(TemplateSet templates, Schema schema, boolean synoptic, GenericPhrases generic) {
        this.templates = templates;
        this.schema = schema;
        this.synoptic = synoptic;
        this.generic = generic;
    }

    @Override
    public String write(Composition c) {
        return lines(c, true);
    }

    /** The checklist without title or distractor header and footer (a block of a longer report). */
    String body(Composition c) {
        return lines(c, false);
    }

    private String lines(Composition c, boolean whole) {
        RecordSlots v = c.values();
        Picker p = c.pick();
        List<String> lines = new ArrayList<>(whole ? c.distractions().header() : List.of());
        String title = p.pick(synoptic ? "synoptic" : "structured", "titles");
        if (whole && title != null && !title.isEmpty()) {
            lines.add(v.render(title));
        }
        String separator = p.pick("structured", "separators");
        boolean capitals = synoptic && c.rng().nextInt(3) == 0;
        int column = 28 + c.rng().nextInt(14);
        JsonNode labels = templates.node("structured", "labels");
        JsonNode valueTemplates = templates.node("structured", "values");
        if (whole) {
            lines.addAll(c.distractions().historyLines());
        }
        boolean jointNodes = p.extended() && v.present("lymph_nodes_taken") && v.present("lymph_nodes_affected")
                && v.vocabulary().nextInt(4) == 0;
        for (Attribute a : schema.attributes()) {
            if (!v.present(a.name())) {
                continue;
            }
            String name = a.name();
            String[] stated = {name};
            String label;
            String value;
            if (jointNodes && name.startsWith("lymph_nodes_")) {
                if (name.equals("lymph_nodes_affected")) {
                    continue; // stated with the count taken
                }
                stated = new String[] {"lymph_nodes_taken", "lymph_nodes_affected"};
                label = p.pick("structured", "jointNodes", "labels");
                value = p.pick("structured", "jointNodes", "values");
            } else {
                label = p.pick(labels.path(name));
                value = p.pickValue(valueTemplates.path(name), a.kind().isCoded() ? v.text(name) : "*");
            }
            if (label == null || value == null) {
                label = generic.label(v, a);
                value = generic.value(v, a);
            } else {
                value = v.render(value);
            }
            lines.add(line(v, label, separator, value, capitals, column, stated));
            if (name.equals("tumor_size_mm")) {
                lines.addAll(c.distractions().focusLines());
            }
        }
        lines.addAll(c.distractions().pendingLines());
        if (!synoptic && p.extended() && v.vocabulary().nextInt(4) == 0) {
            lines = compact(lines, v);
        }
        if (whole) {
            lines.addAll(c.distractions().footer());
        }
        return String.join("\n", lines);
    }

    /**
     * The same items, several to a row ("Grade : II | Taille : 1,3 cm | Marges : R0"), as short structured reports
     * write them; a line that is not an item (a title, a recalled result) keeps its row.
     */
    private static List<String> compact(List<String> lines, RecordSlots v) {
        String[] joins = {" | ", " | ", " / ", "   ", " - "};
        String join = joins[v.vocabulary().nextInt(joins.length)];
        List<String> out = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        int inRow = 0;
        int width = 2 + v.vocabulary().nextInt(3);
        for (String l : lines) {
            boolean item = SpanMarks.isMark(l.isEmpty() ? ' ' : l.charAt(0));
            if (!item || inRow == width) {
                if (inRow > 0) {
                    out.add(row.toString());
                    row.setLength(0);
                    inRow = 0;
                }
                if (!item) {
                    out.add(l);
                    continue;
                }
            }
            row.append(inRow > 0 ? join : "").append(l);
            inRow++;
        }
        if (inRow > 0) {
            out.add(row.toString());
        }
        return out;
    }

    private String line(RecordSlots v, String label, String separator, String value, boolean capitals, int column, String[] stated) {
        String head;
        if (synoptic) {
            String l = capitals ? label.toUpperCase(Locale.ROOT) : label;
            int dots = Math.max(3, column - l.length());
            head = l + " " + ".".repeat(dots) + " ";
        } else {
            head = label + separator;
        }
        return v.mark("⟦" + head + (value.indexOf(SpanMarks.NARROW_CLOSE) >= 0 ? value.replace("⟦", "") : value + "⟧"), stated);
    }
}
