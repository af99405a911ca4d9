package org.pathosynth.extraction.student;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/**
 * The numbers of a report that may be a numeric attribute's value: written in digits ("2,8"), or as number words
 * ("deux", "three") of the report's language. A candidate's value for an attribute is converted to the attribute's
 * unit when a unit of the same dimension follows it ("2,8 cm" is 28 mm), and must be whole for integers and within the
 * attribute's bounds.
 */
final class NumberCandidates {
    /** Number words per language; a word that is also an article ("un", "une", "a") is left out. */
    private static final Map<String, Map<Long, Double>> WORDS = Map.of(
            "fr", words("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
                    "treize", "quatorze", "quinze", "seize"),
            "en", words("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"));
    /** Units by dimension, with their factor to the dimension's base unit. */
    private static final Map<Long, double[]> UNITS = new HashMap<>();

    static {
        unit("µm", 0, 0.001);
        unit("um", 0, 0.001);
        unit("mm", 0, 1);
        unit("cm", 0, 10);
        unit("m", 0, 1000);
        unit("mg", 1, 0.001);
        unit("g", 1, 1);
        unit("kg", 1, 1000);
    }

    int size;
    int[] token = new int[32];
    double[] value = new double[32];

    private static Map<Long, Double> words(String... words) {
        Map<Long, Double> m = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("un") || words[i].equals("one")) {
                continue;
            }
            m.put(TextTokens.wordHash(words[i]), (double) i);
        }
        return m;
    }

    private static void unit(String name, int dimension, double factor) {
        UNITS.put(TextTokens.wordHash(name), new double[] {dimension, factor});
    }

    static NumberCandidates of(TextTokens t, String language) {
        NumberCandidates c = new NumberCandidates();
        Map<Long, Double> words = WORDS.getOrDefault(language.toLowerCase(Locale.ROOT), Map.of());
        for (int k = 0; k < t.size; k++) {
            if (t.type[k] == TextTokens.NUMBER && !Double.isNaN(t.number[k])) {
                c.add(k, t.number[k]);
            } else if (t.type[k] == TextTokens.WORD) {
                Double w = words.get(t.hash[k]);
                if (w != null) {
                    c.add(k, w);
                }
            }
        }
        return c;
    }

    private void add(int k, double v) {
        if (size == token.length) {
            token = Arrays.copyOf(token, size * 2);
            value = Arrays.copyOf(value, size * 2);
        }
        token[size] = k;
        value[size] = v;
        size++;
    }

    /**
     * The value candidate {@code i} gives {@code attribute} (in its unit, rounded to its precision), or NaN when it
     * cannot be one (not whole for an integer, out of bounds).
     */
    double valueFor(int i, Attribute attribute, TextTokens t) {
        double v = value[i];
        int k = token[i];
        if (attribute.unit() != null && k + 1 < t.size && t.type[k + 1] == TextTokens.WORD) {
            double[] written = UNITS.get(t.hash[k + 1]);
            double[] wanted = UNITS.get(TextTokens.wordHash(attribute.unit()));
            if (written != null && wanted != null && written[0] == wanted[0]) {
                v = v * written[1] / wanted[1];
            }
        }
        if (attribute.kind() == AttributeKind.INTEGER) {
            if (Math.abs(v - Math.rint(v)) > 1e-9) {
                return Double.NaN;
            }
            v = Math.rint(v);
        } else if (attribute.precision() != null) {
            double scale = Math.pow(10, attribute.precision());
            v = Math.rint(v * scale) / scale;
        } else {
            v = Math.rint(v * 1e6) / 1e6; // no floating-point noise from the conversion
        }
        if ((attribute.min() != null && v < attribute.min()) || (attribute.max() != null && v > attribute.max())) {
            return Double.NaN;
        }
        return v;
    }

    /** The candidate's character span: the number and, when a unit follows it, the unit. */
    int endChar(int i, TextTokens t) {
        int k = token[i];
        if (k + 1 < t.size && ((t.type[k + 1] == TextTokens.WORD && UNITS.containsKey(t.hash[k + 1]))
                || t.hash[k + 1] == TextTokens.punctHash('%'))) {
            return t.end[k + 1];
        }
        return t.end[k];
    }
}
