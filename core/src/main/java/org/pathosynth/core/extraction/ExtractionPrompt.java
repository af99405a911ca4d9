package org.pathosynth.core.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.io.PromptTexts;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * The extraction instruction shared by every LLM student: the system text with the schema's variables, the user
 * message wrapping a report, and the expected answer for a record ({"attribute": {"value", "evidence"}}). The LLM
 * extractor prompts with it and the training-set export writes it, so a fine-tuned model sees at inference exactly
 * what it was trained on. Texts live in {@code prompts/extract-<lang>.properties}.
 */
public final class ExtractionPrompt {
    /** Part of cache keys and exported files: bump it when the wording changes. */
    public static final String VERSION = "extract-v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final PromptTexts text;
    private final String system;

    private ExtractionPrompt(Schema schema, PromptTexts text) {
        this.schema = schema;
        this.text = text;
        this.system = text.get("system") + "\n\n" + text.get("variables").replace("{variables}", variables());
    }

    /** The instruction in {@code fr} or {@code en} for a schema. */
    public static ExtractionPrompt of(Schema schema, String language) {
        return new ExtractionPrompt(schema,
                PromptTexts.load(ExtractionPrompt.class, "/org/pathosynth/core/prompts/extract", "extraction", language));
    }

    public String language() {
        return text.language();
    }

    public String system() {
        return system;
    }

    public String user(String reportText) {
        return text.get("user").replace("{report}", reportText);
    }

    /** The message asking again after an answer that was not JSON; {@code problem} says what was wrong. */
    public String reask(String problem) {
        return text.get("reask").replace("{problem}", problem);
    }

    /** The answer expected for a record: every attribute with its value (or null) and a null evidence. */
    public ObjectNode answer(ClinicalRecord record) {
        ObjectNode root = JSON.createObjectNode();
        for (Attribute a : schema.attributes()) {
            ObjectNode item = root.putObject(a.name());
            Object v = record.get(a.name());
            if (v == null) {
                item.putNull("value");
            } else if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                item.put("value", n.longValue()); // 28, not 28.0 (a ternary would widen it to double)
            } else if (v instanceof Number n) {
                item.put("value", n.doubleValue());
            } else {
                item.put("value", a.format(v));
            }
            item.putNull("evidence");
        }
        return root;
    }

    private String variables() {
        StringBuilder out = new StringBuilder();
        String language = text.language();
        boolean fr = language.equals("fr");
        for (Attribute a : schema.attributes()) {
            out.append("- ").append(a.name()).append(" (").append(a.label(language)).append("): ");
            switch (a.kind()) {
                case NUMERIC -> out.append(fr ? "nombre" : "number").append(a.unit() == null ? "" : " (" + a.unit() + ")");
                case INTEGER -> out.append(fr ? "entier" : "integer");
                default -> {
                    List<String> parts = new ArrayList<>();
                    for (String v : a.values()) {
                        String l = a.valueLabel(v, language);
                        parts.add(v.equals(l) ? v : v + " = " + l);
                    }
                    out.append(String.join("; ", parts));
                }
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }
}
