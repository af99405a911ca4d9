package org.pathosynth.core.io;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a header cell is a near miss of a schema column: the same words up to case, spaces, dashes and accents
 * ({@code ER_status}, {@code sbr grade}, {@code Sbr-Grade}), the same but for a unit ({@code ki67} for
 * {@code ki67_percent}), or a spelling a letter or two away ({@code tumour_size_mm}).
 */
final class ColumnNames {
    private static final Set<String> UNITS = Set.of("mm", "cm", "percent", "pct", "perc", "pc");

    private ColumnNames() {
    }

    /** The candidates {@code column} nearly matches, the nearest first (several only when they are as near). */
    static List<String> suggestions(String column, Collection<String> candidates) {
        String name = normalize(column);
        if (name.isEmpty()) {
            return List.of();
        }
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        for (String candidate : candidates) {
            int d = distance(name, normalize(candidate));
            if (d < 0) {
                continue;
            }
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best) {
                nearest.add(candidate);
            }
        }
        return nearest;
    }

    /** The unit a name ends with ({@code mm}, {@code percent}, ...), or null. */
    static String unit(String name) {
        String n = normalize(name);
        int cut = n.lastIndexOf('_');
        String last = cut < 0 ? null : n.substring(cut + 1);
        return last != null && UNITS.contains(last) ? last : null;
    }

    /** How far a normalized header name is from a normalized schema name, or -1 when it is not a near miss. */
    private static int distance(String name, String schemaName) {
        String a = compact(name);
        String b = compact(schemaName);
        if (a.equals(b)) {
            return 0;
        }
        String stemA = compact(stem(name));
        String stemB = compact(stem(schemaName));
        if (!stemA.isEmpty() && stemA.equals(stemB)) {
            return 1;
        }
        int allowed = Math.max(1, b.length() / 5);
        int d = Math.min(levenshtein(a, b), stemA.isEmpty() || stemB.isEmpty() ? Integer.MAX_VALUE : levenshtein(stemA, stemB) + 1);
        return d <= allowed ? d : -1;
    }

    /** Lower case, accents dropped, camelCase split, every run of other characters one underscore. */
    static String normalize(String name) {
        String split = name.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        String plain = Normalizer.normalize(split, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    private static String stem(String normalized) {
        int cut = normalized.lastIndexOf('_');
        return cut > 0 && UNITS.contains(normalized.substring(cut + 1)) ? normalized.substring(0, cut) : normalized;
    }

    private static String compact(String normalized) {
        return normalized.replace("_", "");
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
