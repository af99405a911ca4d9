package org.pathosynth.core.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Types the columns of a table that a schema does not describe, from their text cells, as SDV detects metadata: yes/no
 * columns are boolean, whole numbers integer, other numbers numeric (at the precision the data is written in), size
 * classes such as {@code <=20, 20-50, >50} ordinal in the order of their numbers, a short list of labels categorical.
 * Every inferred domain is marked {@link Attribute#domainFromData()}. Columns that must not be modelled are left out
 * with the reason: blank throughout, an identifier (a name like {@code source_id}, or a distinct label in every row), or
 * free text (long or mostly distinct labels). Dates and date-times in a recognised form ({@link CalendarFormat}) are
 * kept as dates: modelled as numbers of days (or seconds), written back in the table's own form, never put in reports.
 */
public final class SchemaInference {
    /** A column left out of the schema, and why, in words for the user. */
    public record LeftOut(String column, String reason) {
    }

    /**
     * What inference gives: the schema (the base's attributes, then the inferred ones in header order), the names of the
     * inferred attributes, and the columns left out.
     */
    public record Result(Schema schema, List<String> inferred, List<LeftOut> leftOut) {
        public Result {
            inferred = List.copyOf(inferred);
            leftOut = List.copyOf(leftOut);
        }

        /** One line per inferred or left-out column, for a console or a report. */
        public List<String> notices() {
            List<String> lines = new ArrayList<>();
            for (String name : inferred) {
                Attribute a = schema.attribute(name);
                lines.add("kept '" + name + "', typed from the data as " + (a.isDate()
                        ? (a.calendar().hasTime() ? "datetime" : "date") + " (written " + a.calendar().pattern() + ")"
                        : a.kind().jsonName() + describeDomain(a)));
            }
            for (LeftOut l : leftOut) {
                lines.add("left out '" + l.column() + "': " + l.reason());
            }
            return lines;
        }

        private static String describeDomain(Attribute a) {
            return a.kind().isCoded() ? " (" + a.values().size() + " values)" : "";
        }
    }

    /** Most labels a column may have to be categorical, whatever its size. */
    static final int MAX_LABELS = 100;
    /** A text column with more distinct labels than this share of its filled cells is free text. */
    static final double FREE_TEXT_SHARE = 0.5;
    /** Labels longer than this on average are free text. */
    static final int FREE_TEXT_LENGTH = 60;
    /** Fewest filled cells for "a distinct label in every row" to mean an identifier. */
    static final int IDENTIFIER_MIN_ROWS = 20;

    /** Name words of identifier columns, matched against the name's words (split at separators and camelCase). */
    private static final java.util.Set<String> IDENTIFIER_WORDS = java.util.Set.of("id", "ids", "identifier", "uuid", "mrn", "ipp", "nip",
            "patient", "no", "num", "number", "dossier", "barcode", "nda");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,9}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}( .*)?");
    private static final Pattern BOUND = Pattern.compile("(<=|>=|<|>|≤|≥)\\s*(\\d+(?:[.,]\\d+)?)\\s*\\p{L}*");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(?:-|–|to|à)\\s*(\\d+(?:[.,]\\d+)?)\\s*\\p{L}*");

    private SchemaInference() {
    }

    /**
     * Infers the columns of {@code header} that {@code base} lacks (every column when {@code base} is null).
     *
     * @param rows text cells, one list per row, each of the header's width
     */
    public static Result infer(List<String> header, List<List<String>> rows, Schema base, String name) {
        List<Attribute> attributes = new ArrayList<>(base == null ? List.of() : base.attributes());
        List<String> inferred = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            if (base != null && base.has(column)) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (List<String> row : rows) {
                String cell = row.get(c).strip();
                if (!cell.isEmpty()) {
                    cells.add(cell);
                }
            }
            Typed typed = type(column, cells);
            if (typed.attribute != null) {
                attributes.add(typed.attribute);
                inferred.add(column);
            } else {
                leftOut.add(new LeftOut(column, typed.reason));
            }
        }
        if (attributes.isEmpty()) {
            throw new SchemaException("no column can be modelled: " + leftOut.stream().map(l -> l.column() + " (" + l.reason() + ")").toList());
        }
        Schema schema = new Schema(name, base == null ? "inferred from the data" : base.description(), attributes,
                base == null ? List.of() : base.constraints(), base == null ? List.of() : base.rules());
        return new Result(schema, inferred, leftOut);
    }

    private record Typed(Attribute attribute, String reason) {
    }

    private static Typed type(String column, List<String> cells) {
        if (cells.isEmpty()) {
            return new Typed(null, "blank in every row");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        long length = 0;
        for (String cell : cells) {
            counts.merge(cell, 1, Integer::sum);
            length += cell.length();
        }
        boolean idName = identifierName(column);
        boolean allDistinct = counts.size() == cells.size() && cells.size() >= IDENTIFIER_MIN_ROWS;
        if (idName && (allDistinct || counts.size() > cells.size() / 2)) {
            return new Typed(null, "an identifier (its name, and a different value in almost every row): synthesizing it would copy or invent identifiers");
        }
        boolean whole = cells.stream().allMatch(s -> WHOLE.matcher(s).matches());
        if (whole && allDistinct) {
            // as SDV detects a key: whole numbers, one per row (the copula would give real ones back)
            return new Typed(null, "an identifier (a different whole number in every row): synthesizing it would copy or invent identifiers");
        }
        if (whole) {
            double[] range = range(cells);
            return new Typed(attribute(column, AttributeKind.INTEGER, List.of(), range[0], range[1], null), null);
        }
        if (cells.stream().allMatch(s -> NUMBER.matcher(s).matches())) {
            double[] range = range(cells);
            if (!Double.isFinite(range[0]) || !Double.isFinite(range[1])) {
                return new Typed(null, "numbers beyond the range of a double (" + cells.size() + " filled cells): not modelled");
            }
            // every decimal the data is written with (the schema allows 15), so each cell reads back within the bounds
            int decimals = Math.min(cells.stream().mapToInt(SchemaInference::decimals).max().orElse(0), 15);
            return new Typed(attribute(column, AttributeKind.NUMERIC, List.of(), range[0], range[1], decimals), null);
        }
        if (cells.stream().allMatch(s -> DATE.matcher(s).matches())) {
            CalendarFormat calendar = CalendarFormat.detect(cells);
            if (calendar == null) {
                return new Typed(null, "dates in a form not recognised (recognised: " + String.join(", ", CalendarFormat.RECOGNISED)
                        + "): give the column a date kind and its format in a schema file");
            }
            double[] range = range(cells, calendar::toNumber);
            return new Typed(Attribute.date(column, calendar, range[0], range[1], Attribute.INFERRED, true), null);
        }
        if (allDistinct) {
            return new Typed(null, "a different label in every row (an identifier or free text): synthesizing it would copy patients' values");
        }
        if ((double) length / cells.size() > FREE_TEXT_LENGTH || counts.size() > MAX_LABELS
                || (counts.size() > FREE_TEXT_SHARE * cells.size() && counts.size() > 10)) {
            return new Typed(null, "free text (" + counts.size() + " distinct labels in " + cells.size() + " filled cells): not modelled");
        }
        List<String> labels = new ArrayList<>(counts.keySet());
        if (labels.stream().allMatch(l -> "yes".equals(l) || "no".equals(l))) {
            return new Typed(attribute(column, AttributeKind.BOOLEAN, List.of(), null, null, null), null);
        }
        Map<String, Double> order = new HashMap<>();
        for (String label : labels) {
            Double key = classKey(label);
            if (key == null) {
                order = null;
                break;
            }
            order.put(label, key);
        }
        if (order != null && labels.size() > 1) {
            Map<String, Double> keys = order;
            labels.sort(Comparator.comparingDouble(keys::get));
            return new Typed(attribute(column, AttributeKind.ORDINAL, labels, null, null, null), null);
        }
        labels.sort(Comparator.naturalOrder());
        return new Typed(attribute(column, AttributeKind.CATEGORICAL, labels, null, null, null), null);
    }

    /** Whether a column name says identifier: one of its words ({@code PatientID}, {@code record_no}, {@code source_id}). */
    static boolean identifierName(String column) {
        String spaced = column.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        for (String word : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (IDENTIFIER_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Where a class label such as {@code <=20}, {@code 20-50} or {@code >50} sits on the number line, or null. */
    static Double classKey(String label) {
        Matcher bound = BOUND.matcher(label);
        if (bound.matches()) {
            double at = Double.parseDouble(bound.group(2).replace(',', '.'));
            return bound.group(1).startsWith("<") || bound.group(1).equals("≤") ? at - 0.5 : at + 0.5;
        }
        Matcher range = RANGE.matcher(label);
        if (range.matches()) {
            double low = Double.parseDouble(range.group(1).replace(',', '.'));
            double high = Double.parseDouble(range.group(2).replace(',', '.'));
            return low <= high ? (low + high) / 2 : null;
        }
        return null;
    }

    private static Attribute attribute(String name, AttributeKind kind, List<String> values, Double min, Double max, Integer precision) {
        return new Attribute(name, kind, values, min, max, precision, null, Map.of(),
                Attribute.INFERRED, Map.of(), Map.of(), true);
    }

    private static double[] range(List<String> cells) {
        return range(cells, Double::parseDouble);
    }

    /** The lowest and highest value of the cells, read by {@code read} (a number, or days since 1970 for a date). */
    private static double[] range(List<String> cells, java.util.function.ToDoubleFunction<String> read) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (String cell : cells) {
            double d = read.applyAsDouble(cell);
            low = Math.min(low, d);
            high = Math.max(high, d);
        }
        return new double[] {low, high};
    }

    private static int decimals(String cell) {
        String plain = new BigDecimal(cell.toLowerCase(Locale.ROOT)).stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        return dot < 0 ? 0 : plain.length() - dot - 1;
    }
}
