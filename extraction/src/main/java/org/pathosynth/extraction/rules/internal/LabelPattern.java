package org.pathosynth.extraction.rules.internal;

import java.util.regex.Pattern;

/**
 * Turns a schema value label ("carcinome lobulaire infiltrant") into a pattern that tolerates
 * lost accents, any white space and either apostrophe, so schema vocabularies need no hand-written regex.
 */
final class LabelPattern {
    private LabelPattern() {
    }

    static Pattern of(String label) {
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            sb.append(switch (c) {
                case 'é', 'è', 'ê', 'ë', 'e' -> "[eéèêë]";
                case 'à', 'â', 'a' -> "[aàâ]";
                case 'ï', 'î', 'i' -> "[iïî]";
                case 'ô', 'o' -> "[oô]";
                case 'ù', 'û', 'u' -> "[uùû]";
                case 'ç', 'c' -> "[cç]";
                case ' ' -> "\\s+";
                case '\'', '\u2019' -> "['\u2019]";
                case '-' -> "[\\s-]";
                default -> Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c));
            });
        }
        sb.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(sb.toString(), RuleBook.FLAGS);
    }
}
