package org.pathosynth.core.io;

import java.util.regex.Pattern;

/**
 * Numbers as French and German spreadsheets write them: {@code 2,8}, {@code -0,5}, {@code 1 234,5} (a space, no-break
 * space or narrow no-break space between thousands), read as {@code 2.8}, {@code -0.5}, {@code 1234.5}.
 */
final class DecimalComma {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d{1,3}([ \u00A0\u202F]\\d{3})+|\\d*)(,\\d+)?");

    private DecimalComma() {
    }

    /** Whether {@code text} is a number written with a decimal comma (and not a plain integer). */
    static boolean looksLike(String text) {
        String t = text.strip();
        return !t.isEmpty() && NUMBER.matcher(t).matches() && (t.indexOf(',') >= 0 || hasThousands(t)) && hasDigit(t);
    }

    /** The number with a decimal point when it is written with a decimal comma; else {@code text} unchanged. */
    static String normalize(String text) {
        if (text == null || !looksLike(text)) {
            return text;
        }
        return text.strip().replace(",", ".").replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
    }

    private static boolean hasThousands(String t) {
        return t.indexOf(' ') >= 0 || t.indexOf('\u00A0') >= 0 || t.indexOf('\u202F') >= 0;
    }

    private static boolean hasDigit(String t) {
        return t.chars().anyMatch(Character::isDigit);
    }
}
