package org.pathosynth.llm.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a model's answer into a bare report: markdown fences, a chatty first line ("Voici le compte rendu :",
 * "Here is the report:") and closing offers ("N'hésitez pas…", "Let me know…") are removed, as are markdown bold
 * markers. Then it says whether what is left is a report at all.
 */
final class ReportCleaner {
    private static final Pattern FENCE = Pattern.compile("^\\s*```[a-zA-Z]*\\s*$");
    private static final Pattern PREAMBLE = Pattern.compile(
            "^(voici|voilà|bien sûr|certainement|d'accord|here is|here's|sure|certainly|of course|below is)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS); // "voilà" ends a word on every JDK
    private static final Pattern CLOSING = Pattern.compile(
            "^(n'hésitez pas|j'espère|je reste à|si vous souhaitez|let me know|i hope|feel free|if you need|note:|remarque ?:).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFUSAL = Pattern.compile(
            "(je ne peux pas|je suis désolé|en tant qu'(ia|intelligence artificielle)|i cannot|i can't|i'm sorry|as an ai)",
            Pattern.CASE_INSENSITIVE);
    private static final int MIN_REPORT_CHARS = 60;

    /** Why an answer is not usable, or {@link #OK}. */
    enum Verdict {
        OK,
        EMPTY,
        TRUNCATED,
        NOT_REPORT;

        String reaskKey() {
            return switch (this) {
                case EMPTY -> "empty";
                case TRUNCATED -> "truncated";
                default -> "not_report";
            };
        }
    }

    private ReportCleaner() {
    }

    static String clean(String answer) {
        List<String> lines = new ArrayList<>(List.of(answer.replace("\r\n", "\n").split("\n", -1)));
        lines.removeIf(l -> FENCE.matcher(l).matches());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        if (!lines.isEmpty() && PREAMBLE.matcher(lines.get(0).strip()).matches() && lines.get(0).strip().endsWith(":")) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && (lines.get(lines.size() - 1).isBlank()
                || CLOSING.matcher(lines.get(lines.size() - 1).strip()).matches())) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines).replace("**", "").strip();
    }

    /** Judges a cleaned answer; {@code truncated} is the provider's own flag. */
    static Verdict verdict(String cleaned, boolean truncated) {
        if (cleaned.isBlank()) {
            return Verdict.EMPTY;
        }
        if (truncated) {
            return Verdict.TRUNCATED;
        }
        String head = cleaned.substring(0, Math.min(200, cleaned.length())).toLowerCase(Locale.ROOT);
        if (cleaned.length() < MIN_REPORT_CHARS || REFUSAL.matcher(head).find()) {
            return Verdict.NOT_REPORT;
        }
        return Verdict.OK;
    }
}
