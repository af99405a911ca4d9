package org.pathosynth.core.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Objects;

/**
 * How a date or date-time column writes its cells, as a {@link DateTimeFormatter} pattern ({@code dd/MM/yyyy},
 * {@code yyyy-MM-dd HH:mm}). Values are held as numbers so that every synthesizer and metric models them like the
 * others, as SDV does: a date is a whole number of days since 1970-01-01 (an {@link AttributeKind#INTEGER} attribute), a
 * date-time a whole number of seconds since 1970-01-01T00:00 (a {@link AttributeKind#NUMERIC} one, without a time zone).
 * Parsing is strict: 31/02/2020 is not a date.
 */
public record CalendarFormat(String pattern) {
    /**
     * The forms inference tries, in this order: ISO first, then day-first (the European habit, and this project's reports
     * are French) before month-first, which is taken only when a cell has a day above 12 in second place.
     */
    static final List<String> RECOGNISED = List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm",
            "yyyy-MM-dd'T'HH:mm", "dd/MM/yyyy", "MM/dd/yyyy", "d/M/yyyy", "M/d/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "dd.MM.yyyy",
            "dd-MM-yyyy");

    public CalendarFormat {
        Objects.requireNonNull(pattern, "pattern");
        try {
            formatter(pattern);
        } catch (IllegalArgumentException e) {
            throw new SchemaException("date format '" + pattern + "': " + e.getMessage());
        }
        String letters = pattern.replaceAll("'[^']*'", "");
        if (!letters.contains("y") && !letters.contains("u") || !letters.contains("M") || !letters.contains("d")) {
            throw new SchemaException("date format '" + pattern + "': must have a year (yyyy), a month (MM) and a day (dd)");
        }
    }

    /** True when cells carry a time of day (the value is then in seconds, not days). */
    public boolean hasTime() {
        return pattern.replaceAll("'[^']*'", "").contains("H");
    }

    /** Days (or seconds, with a time) since 1970-01-01 of a cell; throws {@link DateTimeParseException} when it is not one. */
    public double toNumber(String text) {
        DateTimeFormatter f = formatter(pattern);
        return hasTime() ? LocalDateTime.parse(text.strip(), f).toEpochSecond(ZoneOffset.UTC) : LocalDate.parse(text.strip(), f).toEpochDay();
    }

    /** The cell for days (or seconds) since 1970-01-01. */
    public String toText(double number) {
        DateTimeFormatter f = formatter(pattern);
        long whole = Math.round(number);
        return hasTime() ? LocalDateTime.ofEpochSecond(whole, 0, ZoneOffset.UTC).format(f) : LocalDate.ofEpochDay(whole).format(f);
    }

    /** The first recognised form that reads every cell, or null. */
    public static CalendarFormat detect(List<String> cells) {
        for (String pattern : RECOGNISED) {
            CalendarFormat format = new CalendarFormat(pattern);
            if (cells.stream().allMatch(format::reads)) {
                return format;
            }
        }
        return null;
    }

    /** Whether a cell is a date in this form. */
    public boolean reads(String cell) {
        try {
            toNumber(cell);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static final java.util.Map<String, DateTimeFormatter> FORMATTERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static DateTimeFormatter formatter(String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, CalendarFormat::strict);
    }

    private static DateTimeFormatter strict(String pattern) {
        // strict resolution needs the proleptic year (u): yyyy is year-of-era and would need an era in every cell
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
    }
}
