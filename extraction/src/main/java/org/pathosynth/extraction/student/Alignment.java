package org.pathosynth.extraction.student;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/**
 * Where a report states a record's value when its generator did not say (LLM teachers): found by search. A number is
 * where a number of the report, in the attribute's unit, equals the value ("2,8 cm" for 28 mm); a coded value is the
 * clause holding its label or one of its synonyms in the report's language, or its code; a yes/no value is the clause
 * naming the attribute whose polarity (a negation word or none) agrees with it. Ties go to the clause whose sentence
 * names the attribute; what cannot be placed is not guessed.
 */
final class Alignment {
    private static final JsonNode CUES = load();

    private Alignment() {
    }

    private static JsonNode load() {
        try (InputStream in = Alignment.class.getResourceAsStream("/org/pathosynth/extraction/student/alignment.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the student's alignment cues", e);
        }
    }

    /** The span of {@code attribute}'s value in the report, or null when it cannot be placed. */
    static Evidence find(ReportView v, ClinicalRecord gold, Attribute attribute, String language) {
        Object value = gold.get(attribute.name());
        if (value == null) {
            return null;
        }
        Set<Long> labelWords = words(attribute.label(language), 4);
        if (!attribute.kind().isCoded()) {
            double wanted = ((Number) value).doubleValue();
            List<Integer> matches = new ArrayList<>();
            for (int i = 0; i < v.numbers.size; i++) {
                double got = v.numbers.valueFor(i, attribute, v.tokens);
                if (!Double.isNaN(got) && Math.abs(got - wanted) < 1e-6) {
                    matches.add(i);
                }
            }
            Integer pick = pick(v, matches, i -> v.clauses.clauseOf[v.numbers.token[i]], labelWords);
            return pick == null ? null : new Evidence(v.tokens.start[v.numbers.token[pick]], v.numbers.endChar(pick, v.tokens), 1);
        }
        String text = attribute.format(value);
        List<Integer> clauses = new ArrayList<>();
        if (attribute.kind() == AttributeKind.BOOLEAN) {
            boolean yes = (Boolean) value;
            Set<Long> negation = new HashSet<>();
            CUES.path(language).path("negation").forEach(n -> negation.add(TextTokens.wordHash(n.asText())));
            // the attribute's own name is no negation: "limites d'exérèse saines : oui" states clear margins
            negation.removeAll(words(attribute.label(language), 1));
            for (int c = 0; c < v.clauses.size; c++) {
                if (containsAny(v, c, labelWords) && hasAny(v, c, negation) != yes) {
                    clauses.add(c);
                }
            }
        } else {
            List<long[]> forms = new ArrayList<>();
            forms.add(sequence(text));
            forms.add(sequence(attribute.valueLabel(text, language)));
            for (String synonym : attribute.synonyms(text, language)) {
                forms.add(sequence(synonym));
            }
            for (int c = 0; c < v.clauses.size; c++) {
                for (long[] form : forms) {
                    if (form.length > 0 && containsSequence(v, c, form)) {
                        clauses.add(c);
                        break;
                    }
                }
            }
        }
        Integer c = pick(v, clauses, i -> i, labelWords);
        return c == null ? null : new Evidence(v.clauses.startChar(c), v.clauses.endChar(c), 1);
    }

    /** The only candidate, or the first whose sentence names the attribute, or null. */
    private static Integer pick(ReportView v, List<Integer> candidates, java.util.function.IntUnaryOperator clauseOf, Set<Long> labelWords) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        for (int i : candidates) {
            int c = clauseOf.applyAsInt(i);
            for (int k = v.clauses.sentenceFirst[c]; k < v.clauses.sentenceLast[c]; k++) {
                if (labelWords.contains(v.tokens.hash[k])) {
                    return i;
                }
            }
        }
        return candidates.get(0);
    }

    private static Set<Long> words(String text, int minLetters) {
        Set<Long> out = new HashSet<>();
        TextTokens t = TextTokens.of(text);
        for (int k = 0; k < t.size; k++) {
            if (t.type[k] == TextTokens.WORD && t.length(k) >= minLetters) {
                out.add(t.hash[k]);
            }
        }
        return out;
    }

    private static long[] sequence(String text) {
        TextTokens t = TextTokens.of(text == null ? "" : text);
        long[] out = new long[t.size];
        System.arraycopy(t.hash, 0, out, 0, t.size);
        return out;
    }

    private static boolean containsAny(ReportView v, int c, Set<Long> words) {
        return hasAny(v, c, words);
    }

    private static boolean hasAny(ReportView v, int c, Set<Long> words) {
        for (int k = v.clauses.first[c]; k < v.clauses.last[c]; k++) {
            if (words.contains(v.tokens.hash[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsSequence(ReportView v, int c, long[] form) {
        int f = v.clauses.first[c];
        int l = v.clauses.last[c];
        for (int k = f; k + form.length <= l; k++) {
            boolean all = true;
            for (int j = 0; j < form.length && all; j++) {
                all = v.tokens.hash[k + j] == form[j];
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
