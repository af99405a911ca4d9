package org.pathosynth.synth.report;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The typographic accidents of real reports, applied at a given rate: lines wrapped at a fixed width as exported
 * from a word processor (long words sometimes hyphenated across the break), a report typed in capitals without
 * accents, doubled spaces, and spaces before colons dropped or added. None of them changes what the report states;
 * each is a {@link TextRewrite}, so the spans of the values move with their text.
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

    SpannedText apply(SpannedText text, SplittableRandom rng) {
        if (rate == 0) {
            return text;
        }
        SpannedText out = text;
        boolean capitals = rng.nextDouble() < rate * 0.3;
        if (capitals) {
            out = capitals(out);
        }
        if (rng.nextDouble() < rate * 0.5) {
            out = colons(out, false);
        } else if (rng.nextDouble() < rate * 0.3) {
            out = colons(out, true);
        }
        if (rng.nextDouble() < rate * 0.4) {
            out = doubledSpaces(out, rng.nextBoolean());
        }
        if (rng.nextDouble() < rate * 0.6) {
            out = wrap(out, 55 + rng.nextInt(30), !capitals && rng.nextBoolean(), rng);
        }
        return out;
    }

    /** Upper case without accents ("RÉCEPTEURS" becomes "RECEPTEURS", "œ" "OE"). */
    private static SpannedText capitals(SpannedText in) {
        String s = in.text();
        TextRewrite w = new TextRewrite(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                w.replace(i, String.valueOf(Character.toUpperCase(c)));
            } else {
                String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                        .replace("œ", "oe").replace("Œ", "OE");
                w.replace(i, plain.toUpperCase(Locale.ROOT));
            }
        }
        return w.finish(in.spans());
    }

    /** Drops the space before colons, or adds one after a letter. */
    private static SpannedText colons(SpannedText in, boolean add) {
        String s = in.text();
        TextRewrite w = new TextRewrite(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean beforeColon = i + 1 < s.length() && s.charAt(i + 1) == ':';
            if (!add && c == ' ' && beforeColon) {
                w.replace(i, "");
            } else {
                w.keep(i);
                if (add && beforeColon && Character.isLetter(c)) {
                    w.insert(" ");
                }
            }
        }
        return w.finish(in.spans());
    }

    /** Two spaces after full stops, and after commas too when {@code commas}. */
    private static SpannedText doubledSpaces(SpannedText in, boolean commas) {
        String s = in.text();
        TextRewrite w = new TextRewrite(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w.keep(i);
            if ((c == '.' || commas && c == ',') && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                w.insert(" ");
            }
        }
        return w.finish(in.spans());
    }

    /**
     * Breaks lines longer than {@code width} where a clause ends (after a comma, semicolon or full stop), or inside a
     * long lower-case word with a hyphen; never inside a value phrase ("2 ganglions sur 13", "28 mm"), which a reader
     * of the exported text would still see on one line.
     */
    private static SpannedText wrap(SpannedText in, int width, boolean hyphenate, SplittableRandom rng) {
        String text = in.text();
        TextRewrite w = new TextRewrite(text);
        int pos = 0;
        for (String line : text.split("\n", -1)) {
            int column = 0;
            String[] words = line.split(" ", -1);
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                int from = pos; // where the rest of the word starts in the old text
                if (i > 0) {
                    int space = pos - 1;
                    boolean tooLong = column + 1 + word.length() > width;
                    String previous = words[i - 1];
                    boolean clauseEnd = !previous.isEmpty() && ",;.".indexOf(previous.charAt(previous.length() - 1)) >= 0;
                    if (tooLong && clauseEnd) {
                        w.replace(space, "\n");
                        column = 0;
                    } else if (tooLong && hyphenate && word.length() >= 9 && word.chars().allMatch(Character::isLowerCase)) {
                        int cut = 4 + rng.nextInt(word.length() - 7);
                        w.keep(space);
                        w.keep(pos, pos + cut);
                        w.insert("-\n");
                        from = pos + cut;
                        word = word.substring(cut);
                        column = 0;
                    } else {
                        w.keep(space);
                        column++;
                    }
                }
                w.keep(from, from + word.length());
                column += word.length();
                pos = from + word.length() + 1; // past the space (or line break) that follows
            }
            if (pos - 1 < text.length()) {
                w.keep(pos - 1); // the line break
            }
        }
        return w.finish(in.spans());
    }
}
