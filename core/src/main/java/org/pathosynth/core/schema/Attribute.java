package org.pathosynth.core.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a schema: its name, kind and domain, human labels per language, and labels per
 * value and language (the value vocabulary that report writers and prompts use).
 *
 * <p>Typed values: coded kinds hold a {@link String} from {@link #values()} ({@link Boolean} for
 * {@link AttributeKind#BOOLEAN}), {@link AttributeKind#INTEGER} an {@link Integer},
 * {@link AttributeKind#NUMERIC} a {@link Double}. Null always means missing.
 *
 * @param values allowed labels for coded kinds (for boolean: {@code no}, {@code yes}); empty otherwise
 * @param min inclusive lower bound for numbers, or null
 * @param max inclusive upper bound for numbers, or null
 * @param precision decimals kept for numeric values, or null for no rounding
 * @param unit unit of a numeric value (e.g. {@code mm}), or null
 * @param labels attribute label per language code
 * @param valueLabels for coded kinds, value -> (language -> label)
 * @param synonyms other ways reports say the attribute ({@code "*"}) or a value (by value): key -> (language -> forms).
 *                 Report writers vary their wording with them; a student extractor finds values by them.
 * @param domainFromData true when the values or the bounds were read from a private table (an inferred column), not given
 *                       publicly: a differentially private synthesizer refuses such a domain unless told to accept it,
 *                       and its guarantee then says it does not cover it
 * @param calendar for a date or date-time column, how its cells are written (values are then days or seconds since
 *                 1970-01-01, see {@link CalendarFormat}); null otherwise
 */
public record Attribute(
        String name,
        AttributeKind kind,
        List<String> values,
        Double min,
        Double max,
        Integer precision,
        String unit,
        Map<String, String> labels,
        String description,
        Map<String, Map<String, String>> valueLabels,
        Map<String, Map<String, List<String>>> synonyms,
        boolean domainFromData,
        CalendarFormat calendar) {

    /** The key of {@link #synonyms()} for the attribute's own label. */
    public static final String LABEL = "*";

    /** The description {@link SchemaInference} gives an attribute it typed from the data. */
    public static final String INFERRED = "inferred from the data";

    public static final List<String> BOOLEAN_VALUES = List.of("no", "yes");

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        values = kind == AttributeKind.BOOLEAN ? BOOLEAN_VALUES : List.copyOf(values == null ? List.of() : values);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        valueLabels = valueLabels == null ? Map.of() : Map.copyOf(valueLabels);
        description = description == null ? "" : description;
        synonyms = synonyms == null ? Map.of() : Map.copyOf(synonyms);
        if (calendar != null && !(calendar.hasTime() ? kind == AttributeKind.NUMERIC : kind == AttributeKind.INTEGER)) {
            throw new SchemaException("attribute '" + name + "': a " + (calendar.hasTime() ? "date-time is numeric (seconds)" : "date is an integer (days)")
                    + ", not " + kind.jsonName());
        }
    }

    /** An attribute that is not a date. */
    public Attribute(String name, AttributeKind kind, List<String> values, Double min, Double max, Integer precision, String unit,
                     Map<String, String> labels, String description, Map<String, Map<String, String>> valueLabels,
                     Map<String, Map<String, List<String>>> synonyms, boolean domainFromData) {
        this(name, kind, values, min, max, precision, unit, labels, description, valueLabels, synonyms, domainFromData, null);
    }

    /**
     * A date column (a date-time when the format has a time of day), table-only until labelled; bounds are in days (or
     * seconds) since 1970-01-01.
     */
    public static Attribute date(String name, CalendarFormat calendar, Double min, Double max, String description, boolean domainFromData) {
        return new Attribute(name, calendar.hasTime() ? AttributeKind.NUMERIC : AttributeKind.INTEGER, List.of(), min, max,
                calendar.hasTime() ? 0 : null, null, Map.of(), description, Map.of(), Map.of(), domainFromData, calendar);
    }

    /** True for a date or date-time column. */
    public boolean isDate() {
        return calendar != null;
    }

    /** An attribute whose domain is public (given by the schema's author). */
    public Attribute(String name, AttributeKind kind, List<String> values, Double min, Double max, Integer precision, String unit,
                     Map<String, String> labels, String description, Map<String, Map<String, String>> valueLabels,
                     Map<String, Map<String, List<String>>> synonyms) {
        this(name, kind, values, min, max, precision, unit, labels, description, valueLabels, synonyms, false);
    }

    /** Parses one side of a bound given as text: a date in the column's form for a date, else a number. */
    public double parseBound(String text) {
        if (calendar != null) {
            try {
                return calendar.toNumber(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date written " + calendar.pattern());
            }
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    /** This attribute with public bounds (given by the user), no longer read from the data. */
    public Attribute withPublicBounds(double low, double high) {
        if (kind.isCoded()) {
            throw new IllegalArgumentException("attribute '" + name + "' is " + kind.jsonName() + ": bounds apply only to numbers");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low <= high)) {
            throw new IllegalArgumentException("bounds of '" + name + "': low " + low + " > high " + high);
        }
        return new Attribute(name, kind, values, low, high, precision, unit, labels, description, valueLabels, synonyms, false, calendar);
    }

    /** An attribute without synonyms. */
    public Attribute(String name, AttributeKind kind, List<String> values, Double min, Double max, Integer precision, String unit,
                     Map<String, String> labels, String description, Map<String, Map<String, String>> valueLabels) {
        this(name, kind, values, min, max, precision, unit, labels, description, valueLabels, Map.of());
    }

    /**
     * A column of the table that reports do not state: inferred from the data and given no label by anyone. Synthesizers
     * and the evaluation model it; report writers, prompts, filters and extractors leave it aside until the schema file
     * gives it labels.
     */
    public boolean tableOnly() {
        if (calendar != null) {
            return true; // a date pins a patient to an event: reports here never state one, and extractors never read one
        }
        return labels.isEmpty() && (domainFromData || INFERRED.equals(description)); // public bounds alone give it no words
    }

    /** Other forms of a value ({@link #LABEL} for the attribute's label) in a language; empty when none are given. */
    public List<String> synonyms(String key, String language) {
        Map<String, List<String>> byLanguage = synonyms.get(key);
        return byLanguage == null ? List.of() : byLanguage.getOrDefault(language, List.of());
    }

    /** The label in a language, falling back to English, then to the name. */
    public String label(String language) {
        String label = labels.get(language);
        if (label == null) {
            label = labels.get("en");
        }
        return label == null ? name : label;
    }

    /** The label of one value in a language, falling back to English, then to the value itself. */
    public String valueLabel(String value, String language) {
        Map<String, String> byLanguage = valueLabels.get(value);
        if (byLanguage == null) {
            return value;
        }
        return byLanguage.getOrDefault(language, byLanguage.getOrDefault("en", value));
    }

    /** Index of a label in {@link #values()}, or -1. */
    public int codeOf(String label) {
        return values.indexOf(label);
    }

    /**
     * Parses the text form of a value (as found in CSV cells and JSON strings). Blank text is
     * missing (null).
     *
     * @throws InvalidValueException when the text is not a value of this attribute
     */
    public Object parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (calendar != null) {
            double number;
            try {
                number = calendar.toNumber(trimmed);
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid(trimmed);
            }
            return kind == AttributeKind.INTEGER ? checkBounds((int) number, trimmed) : checkBounds(number, trimmed);
        }
        return switch (kind) {
            case CATEGORICAL, ORDINAL -> {
                if (!values.contains(trimmed)) {
                    throw invalid(trimmed);
                }
                yield trimmed;
            }
            case BOOLEAN -> parseBoolean(trimmed);
            case INTEGER -> checkBounds(parseInteger(trimmed), trimmed);
            case NUMERIC -> checkBounds(round(parseNumber(trimmed)), trimmed);
        };
    }

    /**
     * Checks and normalises a typed value (e.g. a {@link Long} becomes an {@link Integer}, a
     * numeric value is rounded to the precision).
     *
     * @throws InvalidValueException when the value does not fit
     */
    public Object validate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return parse(text);
        }
        return switch (kind) {
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw invalid(String.valueOf(value));
            }
            case INTEGER -> {
                if (value instanceof Number n && isWhole(n.doubleValue())
                        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
                    yield checkBounds(n.intValue(), String.valueOf(value));
                }
                throw invalid(String.valueOf(value));
            }
            case NUMERIC -> {
                if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                    yield checkBounds(round(n.doubleValue()), String.valueOf(value));
                }
                throw invalid(String.valueOf(value));
            }
            case CATEGORICAL, ORDINAL -> throw invalid(String.valueOf(value));
        };
    }

    /** The canonical text form of a typed value: the CSV cell, empty for missing. */
    public String format(Object value) {
        if (value == null) {
            return "";
        }
        if (calendar != null) {
            return calendar.toText(((Number) value).doubleValue());
        }
        return switch (kind) {
            case BOOLEAN -> ((Boolean) value) ? "yes" : "no";
            case INTEGER -> Integer.toString(((Number) value).intValue());
            case NUMERIC -> formatNumber(((Number) value).doubleValue());
            case CATEGORICAL, ORDINAL -> value.toString();
        };
    }

    /**
     * Rounds to the attribute's precision (no-op without one); an integer attribute rounds to a whole
     * number. Ties go to the even neighbour.
     */
    public double round(double value) {
        if (kind == AttributeKind.INTEGER && Double.isFinite(value)) {
            return Math.rint(value);
        }
        if (precision == null || !Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Human description of the domain, used in error messages. */
    public String expectation() {
        if (calendar != null) {
            String what = (calendar.hasTime() ? "a date and time" : "a date") + " written " + calendar.pattern();
            if (domainFromData) {
                return what + ", within the dates of the table the schema was inferred from";
            }
            return min == null && max == null ? what : what + " from " + (min == null ? "any date" : calendar.toText(min)) + " to "
                    + (max == null ? "any date" : calendar.toText(max));
        }
        if (domainFromData) {
            // read from a private table: its categories and extreme values are patients' data, not said in messages
            return switch (kind) {
                case CATEGORICAL, ORDINAL -> "one of the " + values.size() + " values of the table the schema was inferred from";
                case BOOLEAN -> "yes or no (also accepted: true/false, 1/0)";
                case INTEGER -> "an integer within the range of the table the schema was inferred from";
                case NUMERIC -> "a number within the range of the table the schema was inferred from";
            };
        }
        return switch (kind) {
            case CATEGORICAL, ORDINAL -> "one of " + values;
            case BOOLEAN -> "yes or no (also accepted: true/false, 1/0)";
            case INTEGER -> "an integer" + boundsText();
            case NUMERIC -> "a number" + boundsText();
        };
    }

    private String boundsText() {
        if (min == null && max == null) {
            return unit == null ? "" : " (" + unit + ")";
        }
        String low = min == null ? "-inf" : formatNumber(min);
        String high = max == null ? "+inf" : formatNumber(max);
        return " in [" + low + ", " + high + "]" + (unit == null ? "" : " " + unit);
    }

    private Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> Boolean.TRUE;
            case "no", "false", "0" -> Boolean.FALSE;
            default -> throw invalid(text);
        };
    }

    private Integer parseInteger(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            // "12.0" is a whole number written by a tool that stores integers as floats.
            double d = parseNumber(text);
            if (isWhole(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
            throw invalid(text);
        }
    }

    private double parseNumber(String text) {
        try {
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) {
                throw invalid(text);
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private <N extends Number> N checkBounds(N number, String text) {
        double d = number.doubleValue();
        if ((min != null && d < min) || (max != null && d > max)) {
            throw invalid(text);
        }
        return number;
    }

    private InvalidValueException invalid(String text) {
        return new InvalidValueException(name, text, expectation());
    }

    private static boolean isWhole(double d) {
        return Double.isFinite(d) && d == Math.rint(d);
    }

    private static String formatNumber(double value) {
        if (isWhole(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
