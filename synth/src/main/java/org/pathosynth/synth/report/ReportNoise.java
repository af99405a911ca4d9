package org.pathosynth.synth.report;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The typographic accidents of real reports, applied at a given rate: lines wrapped at a fixed width as exported
 * from a word processor (long words sometimes hyphenated across the break), a report typed in capitals without
 * accents, doubled spaces, and spaces before colons dropped or added. None of them changes what the report states.
 */
final class ReportNoise {
    private final double rate;

    ReportNoise(double rate) {
        this.rate = requireRate(rate);
    }

    static double requireRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("noise rate must be between 0 and 1, got " + rate);
        }
        return rate;
    }

    String apply(String text, SplittableRandom rng) {
        if (rate == 0) {
            return text;
        }
        String out = text;
        boolean capitals = rng.nextDouble() < rate * 0.3;
        if (capitals) {
            out = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("œ", "oe").replace("Œ", "OE")
                    .toUpperCase(Locale.ROOT);
        }
        if (rng.nextDouble() < rate * 0.5) {
            out = out.replace(" :", ":");
        } else if (rng.nextDouble() < rate * 0.3) {
            out = out.replaceAll("(?<=\\p{L}):", " :");
        }
        if (rng.nextDouble() < rate * 0.4) {
            out = out.replace(". ", ".  ").replace(", ", rng.nextBoolean() ? ",  " : ", ");
        }
        if (rng.nextDouble() < rate * 0.6) {
            out = wrap(out, 55 + rng.nextInt(30), !capitals && rng.nextBoolean(), rng);
        }
        return out;
    }

    /**
     * Breaks lines longer than {@code width} where a clause ends (after a comma, semicolon or full stop), or inside a
     * long lower-case word with a hyphen; never inside a value phrase ("2 ganglions sur 13", "28 mm"), which a reader
     * of the exported text would still see on one line.
     */
    private static String wrap(String text, int width, boolean hyphenate, SplittableRandom rng) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / width + 8);
        for (String line : text.split("\n", -1)) {
            int column = 0;
            String[] words = line.split(" ", -1);
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                if (i > 0) {
                    boolean tooLong = column + 1 + w.length() > width;
                    String previous = words[i - 1];
                    boolean clauseEnd = !previous.isEmpty() && ",;.".indexOf(previous.charAt(previous.length() - 1)) >= 0;
                    if (tooLong && clauseEnd) {
                        out.append('\n');
                        column = 0;
                    } else if (tooLong && hyphenate && w.length() >= 9 && w.chars().allMatch(Character::isLowerCase)) {
                        int cut = 4 + rng.nextInt(w.length() - 7);
                        out.append(' ').append(w, 0, cut).append("-\n");
                        w = w.substring(cut);
                        column = 0;
                    } else {
                        out.append(' ');
                        column++;
                    }
                }
                out.append(w);
                column += w.length();
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
