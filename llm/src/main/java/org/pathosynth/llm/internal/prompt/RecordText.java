package org.pathosynth.llm.internal.prompt;

import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.io.PromptTexts;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/**
 * A record written for a prompt: one "- label: value" line per present attribute, in schema order, with the
 * schema's labels and value labels in the prompt's language; missing values are left out.
 */
public final class RecordText {
    private final PromptTexts words;

    private RecordText(PromptTexts words) {
        this.words = words;
    }

    public static RecordText inLanguage(String language) {
        return new RecordText(PromptResource.load("record", language));
    }

    public String render(ClinicalRecord record) {
        String language = words.language();
        StringBuilder out = new StringBuilder();
        for (Attribute a : record.schema().attributes()) {
            Object v = record.get(a.name());
            if (v == null) {
                continue;
            }
            out.append("- ").append(a.label(language)).append(language.equals("fr") ? " : " : ": ").append(value(a, v)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private String value(Attribute a, Object v) {
        if (a.kind() == AttributeKind.BOOLEAN) {
            return words.get((Boolean) v ? "yes" : "no");
        }
        String formatted = a.format(v);
        if (a.kind() == AttributeKind.CATEGORICAL || a.kind() == AttributeKind.ORDINAL) {
            String label = a.valueLabel(formatted, words.language());
            return label.equals(formatted) ? formatted : label + " (" + formatted + ")";
        }
        if (words.language().equals("fr")) {
            formatted = formatted.replace('.', ','); // French decimal comma
        }
        return a.unit() == null ? formatted : formatted + " " + a.unit();
    }
}
