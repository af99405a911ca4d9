package org.pathosynth.eval.fidelity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.pathosynth.eval.data.ColumnType;
import org.pathosynth.eval.data.EvalColumn;

/**
 * The bins of one column, learned on the reference data (training ∪ holdout) as mostlyai-qa does
 * (metrics.md 1.3), then applied unchanged to any data. Bins are identified by index; the labels
 * are for display.
 */
public final class ColumnBins {
    static final int MAX_BINS = 10;
    static final int MIN_CATEGORY_COUNT = 5;
    static final String NA = "(n/a)";
    static final String EMPTY = "(empty)";
    static final String OTHER = "(other)";
    static final String RARE = "_RARE_";
    private static final double DAY_NANOS = 86_400e9;

    private final String column;
    private final ColumnType type;
    private final double[] breaks; // numeric and datetime
    private final Map<String, Integer> categoryIndex; // categorical
    private final List<String> labels;

    private ColumnBins(String column, ColumnType type, double[] breaks, Map<String, Integer> categoryIndex, List<String> labels) {
        this.column = column;
        this.type = type;
        this.breaks = breaks;
        this.categoryIndex = categoryIndex;
        this.labels = List.copyOf(labels);
    }

    /** Learns the bins of a column from its reference values. */
    public static ColumnBins learn(EvalColumn reference) {
        return reference.isNumberLike() ? learnNumeric(reference) : learnCategorical(reference);
    }

    private static ColumnBins learnNumeric(EvalColumn c) {
        double[] v = new double[c.size()];
        int m = 0;
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                v[m++] = c.number(i);
            }
        }
        v = Arrays.copyOf(v, m);
        Arrays.sort(v);
        boolean datetime = c.type() == ColumnType.DATETIME;
        double[] b;
        long distinct = Arrays.stream(v).distinct().count();
        if (m == 0) {
            b = datetime ? new double[] {epochNanos("1700-01-01"), epochNanos("2200-01-01")} : new double[] {-1e10, 1e10};
        } else if (datetime && distinct == 1) {
            b = new double[] {v[0], v[0] + DAY_NANOS};
        } else if (!datetime && distinct <= MAX_BINS) {
            double[] d = Arrays.stream(v).distinct().toArray();
            b = Arrays.copyOf(d, d.length + 1);
            b[d.length] = d[d.length - 1] + 1;
        } else {
            b = boundarySearch(v);
        }
        if (!datetime) {
            b = floorBreaks(b);
        }
        List<String> labels = new ArrayList<>(datetime ? datetimeLabels(b) : numberLabels(b));
        labels.add(NA);
        return new ColumnBins(c.name(), c.type(), b, null, labels);
    }

    /** Approximately equal-frequency breaks: widen the index grid until 11 distinct breaks appear. */
    static double[] boundarySearch(double[] sorted) {
        int m = sorted.length;
        double[] result = new double[0];
        int upper = Math.max(MAX_BINS + 1, Math.min(1000, m + 1));
        for (int i = MAX_BINS; i < upper; i++) {
            TreeSet<Double> set = new TreeSet<>();
            double step = (m - 1) / (double) (i - 1);
            for (int j = 0; j < i; j++) {
                double pos = j == i - 1 ? m - 1 : j * step;
                set.add(sorted[(int) pos]);
            }
            result = set.stream().mapToDouble(Double::doubleValue).toArray();
            if (result.length >= MAX_BINS + 1) {
                break;
            }
        }
        return result;
    }

    /** The smallest precision at which flooring keeps the breaks distinct; the last break is kept as is. */
    static double[] floorBreaks(double[] b) {
        for (int p = 0; p < 20; p++) {
            double scale = Rounding.POW10[p];
            double[] floored = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                floored[i] = Math.floor(b[i] * scale) / scale;
            }
            if (Arrays.stream(floored).distinct().count() == b.length) {
                floored[b.length - 1] = b[b.length - 1];
                return floored;
            }
        }
        return b;
    }

    private static ColumnBins learnCategorical(EvalColumn c) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            counts.merge(categoryLabel(c.label(i)), 1, Integer::sum);
        }
        // Top 10 by count, ties by label (pandas leaves ties unspecified; this order is documented).
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        TreeSet<String> kept = new TreeSet<>();
        for (int i = 0; i < Math.min(MAX_BINS, ranked.size()); i++) {
            Map.Entry<String, Integer> e = ranked.get(i);
            if (e.getValue() >= MIN_CATEGORY_COUNT && !e.getKey().equals(NA) && !e.getKey().equals(EMPTY)) {
                kept.add(e.getKey());
            }
        }
        List<String> labels = new ArrayList<>(kept);
        labels.addAll(List.of(EMPTY, OTHER, RARE, NA));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        return new ColumnBins(c.name(), c.type(), null, index, labels);
    }

    private static String categoryLabel(String value) {
        return value == null ? NA : value.isEmpty() ? EMPTY : value;
    }

    /** The bin index of every row of a column (of this column's type). */
    public int[] assign(EvalColumn c) {
        int[] out = new int[c.size()];
        if (breaks != null) {
            int na = breaks.length - 1;
            for (int i = 0; i < out.length; i++) {
                out[i] = c.isMissing(i) ? na : interval(c.number(i));
            }
        } else {
            int other = categoryIndex.get(OTHER);
            for (int i = 0; i < out.length; i++) {
                out[i] = categoryIndex.getOrDefault(categoryLabel(c.label(i)), other);
            }
        }
        return out;
    }

    /** Clip into [first, last] break, then the half-open interval; the last interval is closed. */
    private int interval(double x) {
        int k = breaks.length - 1;
        if (x <= breaks[0]) {
            return 0;
        }
        if (x >= breaks[k]) {
            return k - 1;
        }
        int pos = Arrays.binarySearch(breaks, x);
        int i = pos >= 0 ? pos : -pos - 2;
        return Math.min(i, k - 1);
    }

    public int binCount() {
        return labels.size();
    }

    public List<String> labels() {
        return labels;
    }

    public String column() {
        return column;
    }

    public ColumnType type() {
        return type;
    }

    /** The learned breaks (numeric and datetime), or the kept categories followed by the special bins. */
    public List<Object> definition() {
        if (breaks != null) {
            return Arrays.stream(breaks).boxed().map(d -> (Object) d).toList();
        }
        return new ArrayList<>(labels);
    }

    private static List<String> numberLabels(double[] b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < b.length; i++) {
            out.add("\u2ab0 " + displayNumber(b[i]));
        }
        return out;
    }

    /** Interval starts at the coarsest precision (year, month, day, hour, minute, second) that keeps them distinct. */
    private static List<String> datetimeLabels(double[] b) {
        List<String> out = List.of();
        for (String pattern : List.of("yyyy", "yyyy-MMM", "yyyy-MMM-dd", "yyyy-MMM-dd HH", "yyyy-MMM-dd HH:mm", "yyyy-MMM-dd HH:mm:ss")) {
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern(pattern, java.util.Locale.ENGLISH);
            out = new ArrayList<>();
            for (int i = 0; i + 1 < b.length; i++) {
                out.add("\u2ab0 " + f.format(Instant.ofEpochSecond((long) Math.floor(b[i] / 1e9)).atOffset(ZoneOffset.UTC)));
            }
            if (new java.util.HashSet<>(out).size() == out.size()) {
                return out;
            }
        }
        return out;
    }

    private static double epochNanos(String isoDate) {
        return java.time.LocalDate.parse(isoDate).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1e9;
    }

    private static String displayNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
