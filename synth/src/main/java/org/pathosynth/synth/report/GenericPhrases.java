package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/**
 * Phrases for attributes the templates have no hand-written wording for (any schema): sentences and checklist lines
 * built from the schema's label, value labels and synonyms in the report's language, with the language's generic
 * patterns ({@code generic} in the templates) per kind: "{label} : {value}" and "{value} ({label})" for coded values,
 * presence and absence phrasings for yes/no values, numbers with their unit. The label varies among the label and its
 * synonyms, a value among its label and its synonyms. Choices come from the vocabulary stream.
 */
final class GenericPhrases {
    private static final Pattern ELISION = Pattern.compile("\\b([Dd])e ([aeiouyhéèêàâîôûœAEIOUYHÉÈÊÀÂÎÔÛ])");

    private final TemplateSet templates;

    GenericPhrases(TemplateSet templates) {
        this.templates = templates;
    }

    /** Whether the templates write this attribute themselves. */
    boolean templated(Attribute a) {
        return templates.node("structured", "labels").has(a.name());
    }

    /**
     * One sentence per present attribute without hand-written wording, marked as its span; an attribute that flavour
     * already stated in {@code written} (the side of a specimen line) is not restated.
     */
    List<String> sentences(Composition c, String written) {
        RecordSlots v = c.values();
        List<String> out = new ArrayList<>();
        for (Attribute a : v.schema().attributes()) {
            if (templated(a) || a.tableOnly() || !v.present(a.name()) || SpanMarks.marks(written, v.index(a.name()))) {
                continue;
            }
            SplittableRandom rng = v.vocabulary();
            String pattern = switch (a.kind()) {
                case BOOLEAN -> pick(templates.node("generic", v.record().getBoolean(a.name()) ? "yes" : "no"), rng);
                case INTEGER -> pick(templates.node("generic", "count"), rng);
                case NUMERIC -> pick(templates.node("generic", "number"), rng);
                case CATEGORICAL, ORDINAL -> pick(templates.node("generic", "coded"), rng);
            };
            out.add(v.mark(fill(pattern, label(v, a), value(v, a)), a.name()));
        }
        return out;
    }

    /** The attribute's label or one of its synonyms. */
    String label(RecordSlots v, Attribute a) {
        return label(a, v.vocabulary());
    }

    String label(Attribute a, SplittableRandom rng) {
        List<String> forms = new ArrayList<>();
        forms.add(a.label(templates.language()));
        forms.addAll(a.synonyms(Attribute.LABEL, templates.language()));
        return forms.get(rng.nextInt(forms.size()));
    }

    /** The value as a report writes it: a value label or synonym, yes/no words, or the number with its unit. */
    String value(RecordSlots v, Attribute a) {
        String language = templates.language();
        SplittableRandom rng = v.vocabulary();
        if (a.kind() == AttributeKind.INTEGER || a.kind() == AttributeKind.NUMERIC) {
            return number(v, a);
        }
        String value = v.text(a.name());
        List<String> forms = new ArrayList<>();
        String label = a.valueLabel(value, language);
        if (a.kind() != AttributeKind.BOOLEAN || !label.equals(value)) {
            forms.add(label);
        }
        forms.addAll(a.synonyms(value, language));
        if (a.kind() == AttributeKind.BOOLEAN) {
            forms.addAll(TemplateSet.strings(templates.node("generic", value + "Values")));
        }
        return forms.get(rng.nextInt(forms.size()));
    }

    private String number(RecordSlots v, Attribute a) {
        String unit = a.unit();
        String n = v.number(a.name());
        if (unit == null || unit.isBlank()) {
            return n;
        }
        if (unit.equals("mm") && v.vocabulary().nextInt(3) == 0) {
            return v.decimal(BigDecimal.valueOf(((Number) v.record().get(a.name())).doubleValue()).movePointLeft(1)) + " cm";
        }
        return n + (unit.equals("%") ? templates.node("generic", "percentSpace").asText(" ") + "%" : " " + unit);
    }

    private static String pick(JsonNode list, SplittableRandom rng) {
        List<String> all = TemplateSet.strings(list);
        return all.get(rng.nextInt(all.size()));
    }

    private String fill(String pattern, String label, String value) {
        String lower = label.length() > 1 && Character.isUpperCase(label.charAt(1)) ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
        String out = pattern.replace("{labelLower}", lower).replace("{label}", label).replace("{value}", value)
                .replace("{number}", value);
        return templates.language().equals("fr") ? ELISION.matcher(out).replaceAll("$1'$2") : out;
    }
}
