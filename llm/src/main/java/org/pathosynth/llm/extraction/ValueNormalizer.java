package org.pathosynth.llm.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pathosynth.core.schema.Attribute;

/**
 * Turns what a model wrote for one attribute into a schema value: numbers with units and decimal commas
 * ("2,8 cm" is 28 mm), yes/no in French and English (oui, présent, absent, negative…), receptor statuses
 * (positif, +, négatif), grades in Roman numerals, and categories by code or by their French or English label.
 * Anything else is unreadable (empty), never guessed.
 */
final class ValueNormalizer {
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("([-+]?\\d+(?:[.,]\\d+)?)\\s*(mm|cm|%)?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(Map.entry("yes", true), Map.entry("oui", true),
            Map.entry("true", true), Map.entry("present", true), Map.entry("presente", true), Map.entry("presence", true),
            Map.entry("positive", true), Map.entry("positif", true), Map.entry("atteinte", true), Map.entry("involved", true),
            Map.entry("no", false), Map.entry("non", false), Map.entry("false", false), Map.entry("absent", false),
            Map.entry("absente", false), Map.entry("absence", false), Map.entry("negative", false), Map.entry("negatif", false),
            Map.entry("saine", false), Map.entry("saines", false), Map.entry("clear", false));
    private static final Map<String, String> STATUS = Map.ofEntries(Map.entry("positive", "positive"),
            Map.entry("positif", "positive"), Map.entry("positifs", "positive"), Map.entry("+", "positive"),
            Map.entry("pos", "positive"), Map.entry("negative", "negative"), Map.entry("negatif", "negative"),
            Map.entry("negatifs", "negative"), Map.entry("-", "negative"), Map.entry("neg", "negative"));
    private static final Map<String, String> ROMAN = Map.of("i", "1", "ii", "2", "iii", "3");

    private ValueNormalizer() {
    }

    /** The schema value for a model's answer, or empty when there is none or it cannot be read. */
    static Optional<Object> normalize(Attribute a, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || (value.isTextual() && isNullWord(value.asText()))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(switch (a.kind()) {
                case NUMERIC, INTEGER -> number(a, value);
                case BOOLEAN -> bool(value);
                case CATEGORICAL, ORDINAL -> category(a, value);
            });
        } catch (IllegalArgumentException outOfDomain) { // InvalidValueException included: out of the domain
            return Optional.empty();
        }
    }

    /** Whether the answer held something (so an empty normalisation means "unreadable", not "not stated"). */
    static boolean stated(JsonNode value) {
        return value != null && !value.isNull() && !value.isMissingNode() && !(value.isTextual() && isNullWord(value.asText()));
    }

    private static Object number(Attribute a, JsonNode value) {
        double x;
        if (value.isNumber()) {
            x = value.asDouble();
        } else if (value.isTextual()) {
            Matcher m = NUMBER_WITH_UNIT.matcher(value.asText());
            if (!m.find()) {
                return null;
            }
            x = Double.parseDouble(m.group(1).replace(',', '.'));
            String unit = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
            if ("cm".equals(unit) && "mm".equals(a.unit())) {
                x *= 10;
            }
        } else {
            return null;
        }
        return a.validate(a.kind() == org.pathosynth.core.schema.AttributeKind.INTEGER && x == Math.rint(x) ? (Object) (long) x : (Object) x);
    }

    private static Object bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return YES_NO.get(key(value.asText()));
    }

    private static Object category(Attribute a, JsonNode value) {
        String raw = value.isNumber() ? value.asText() : value.asText().strip();
        if (a.values().contains(raw)) {
            return raw;
        }
        String k = key(raw);
        for (String v : a.values()) {
            if (key(v).equals(k) || key(a.valueLabel(v, "fr")).equals(k) || key(a.valueLabel(v, "en")).equals(k)) {
                return v;
            }
        }
        String status = STATUS.get(k);
        if (status != null && a.values().contains(status)) {
            return status;
        }
        String grade = k.replaceFirst("^(grade|sbr|nottingham|elston[- ]ellis)\\s*", "").strip();
        grade = ROMAN.getOrDefault(grade, grade);
        return a.values().contains(grade) ? grade : null;
    }

    private static boolean isNullWord(String s) {
        String k = key(s);
        return k.isEmpty() || k.equals("null") || k.equals("none") || k.equals("n/a") || k.equals("na") || k.equals("unknown")
                || k.equals("non precise") || k.equals("not stated") || k.equals("non renseigne");
    }

    /** Lower case, accents removed, spaces collapsed. */
    static String key(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
    }
}
