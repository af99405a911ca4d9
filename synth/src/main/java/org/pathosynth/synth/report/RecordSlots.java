package org.pathosynth.synth.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * A record's values as template slots ({mm}, {cm}, {roman}, {taken}, {side}...), with the random choices that must
 * agree across a report (side, percentages) made once, and the rendering of templates with those slots.
 */
final class RecordSlots {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?:\\?([^|}]*)\\|([^}]*))?}");
    private static final int[] RECEPTOR_PERCENTS = {10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100};

    private final Schema schema;
    private final TemplateSet templates;

    private final ClinicalRecord record;
    private final Map<String, String> slots = new HashMap<>();

    RecordSlots(ClinicalRecord record, Schema schema, TemplateSet templates, SplittableRandom rng) {
        this.record = record;
        this.schema = schema;
        this.templates = templates;
        String[] side = templates.side(rng);
        slots.put("side", side[0]);
        slots.put("sideFem", side[1]);
        slots.put("pct", Integer.toString(RECEPTOR_PERCENTS[rng.nextInt(RECEPTOR_PERCENTS.length)]));
        slots.put("pctNeg", rng.nextBoolean() ? "0" : "< 1");
        if (present("morphology_icdo")) {
            String code = text("morphology_icdo");
            slots.put("code", code);
            slots.put("label", attribute("morphology_icdo").valueLabel(code, templates.language()));
        }
        if (present("sbr_grade")) {
            String g = text("sbr_grade");
            slots.put("arabic", g);
            slots.put("roman", switch (g) {
                case "1" -> "I";
                case "2" -> "II";
                case "3" -> "III";
                default -> g;
            });
        }
        if (present("tumor_size_mm")) {
            double mm = record.getDouble("tumor_size_mm");
            slots.put("mm", decimal(BigDecimal.valueOf(mm)));
            slots.put("cm", decimal(BigDecimal.valueOf(mm).movePointLeft(1)));
        }
        if (present("ki67_percent")) {
            slots.put("ki67", number("ki67_percent"));
        }
        for (String[] n : new String[][] {{"lymph_nodes_taken", "taken"}, {"lymph_nodes_affected", "affected"}}) {
            if (present(n[0])) {
                int count = record.getInteger(n[0]);
                slots.put(n[1], Integer.toString(count));
                slots.put(n[1] + "Word", templates.numberWord(count));
            }
        }
    }

    Attribute attribute(String name) {
        return schema.attribute(name);
    }

    boolean present(String name) {
        return schema.has(name) && record.get(name) != null;
    }

    /** Canonical text of a value ("yes", "positive", "2", ...). */
    String text(String name) {
        return present(name) ? record.format(name) : null;
    }

    String number(String name) {
        return decimal(BigDecimal.valueOf(((Number) record.get(name)).doubleValue()));
    }

    /** Exact decimal text (no binary floating-point noise) with the language's separator. */
    String decimal(BigDecimal d) {
        String plain = d.stripTrailingZeros().toPlainString();
        return plain.replace('.', templates.decimalSeparator());
    }

    /** Lines for present attributes the templates do not cover (other schemas). */
    List<String> untemplated(String language) {
        List<String> lines = new ArrayList<>();
        JsonNode templated = templates.node("structured", "labels");
        for (Attribute a : schema.attributes()) {
            if (!templated.has(a.name()) && present(a.name())) {
                String value = a.kind().isCoded() ? a.valueLabel(text(a.name()), language) : number(a.name());
                lines.add(a.label(language) + " : " + value + (a.unit() == null || a.kind().isCoded() ? "" : " " + a.unit()));
            }
        }
        return lines;
    }

    String render(String template) {
        if (template == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String replacement;
            if (m.group(2) != null) {
                String count = slots.get(key);
                long n = count == null ? 2 : Long.parseLong(count);
                replacement = templates.singular(n) ? m.group(2) : m.group(3);
            } else {
                replacement = slots.get(key);
                if (replacement == null) {
                    throw new IllegalStateException("template slot {" + key + "} has no value in: " + template);
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

}
