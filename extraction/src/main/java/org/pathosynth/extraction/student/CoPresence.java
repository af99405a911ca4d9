package org.pathosynth.extraction.student;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.PresentOnlyWith;
import org.pathosynth.core.schema.Schema;

/**
 * Attributes that the training records never state without another: an invasive size never without a named carcinoma,
 * say, when the records were drawn that way. Learnt from the records alone, for any schema: a pair counts when the
 * attribute and the other's absence are each common enough that, were they unrelated, the records would hold them
 * together at least {@value #MIN_EXPECTED} times, and they hold them together never. The student then drops a value it
 * read when it read nothing for what that value comes with: a specimen's or an old tumour's dimensions in a report
 * that names no carcinoma are not the tumour's size. Immutable.
 */
final class CoPresence {
    /** Co-occurrences expected under independence for a zero count to mean a rule (chance of a zero: e^-20). */
    static final double MIN_EXPECTED = 20;
    private static final CoPresence NONE = new CoPresence(List.of());
    /** The schema's own rule, {@link PresentOnlyWith}, one per pair learnt. */
    private final List<PresentOnlyWith> pairs;

    private CoPresence(List<PresentOnlyWith> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    static CoPresence none() {
        return NONE;
    }

    /** The pairs the training records support, in schema order. */
    static CoPresence learn(Schema s, List<ReportPair> train) {
        int n = s.size();
        long[] present = new long[n];
        long[][] withoutOther = new long[n][n];
        for (ReportPair p : train) {
            ClinicalRecord r = p.record();
            boolean[] has = new boolean[n];
            for (int a = 0; a < n; a++) {
                has[a] = r.get(s.attribute(a).name()) != null;
            }
            for (int a = 0; a < n; a++) {
                if (!has[a]) {
                    continue;
                }
                present[a]++;
                for (int b = 0; b < n; b++) {
                    if (!has[b]) {
                        withoutOther[a][b]++;
                    }
                }
            }
        }
        List<PresentOnlyWith> out = new ArrayList<>();
        double total = train.size();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double expected = present[a] * (total - present[b]) / total;
                if (a != b && withoutOther[a][b] == 0 && expected >= MIN_EXPECTED) {
                    out.add(new PresentOnlyWith(s.attribute(a).name(), s.attribute(b).name()));
                }
            }
        }
        return new CoPresence(out);
    }

    /**
     * The record without the values whose companion is missing (and their evidence), repeated until none is left: a
     * dropped value may be another's companion.
     */
    ClinicalRecord apply(ClinicalRecord record, Map<String, Evidence> evidence) {
        boolean changed = !pairs.isEmpty();
        while (changed) {
            changed = false;
            for (PresentOnlyWith p : pairs) {
                if (!p.holds(record)) {
                    record = record.with(p.attribute(), null);
                    evidence.remove(p.attribute());
                    changed = true;
                }
            }
        }
        return record;
    }

    /** The pairs in words: {@code "tumor_size_mm only with morphology_icdo"}. */
    List<String> describe() {
        return pairs.stream().map(PresentOnlyWith::describe).toList();
    }

    ArrayNode toJson() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (PresentOnlyWith p : pairs) {
            a.addArray().add(p.attribute()).add(p.requires());
        }
        return a;
    }

    /** Reads {@link #toJson}; a missing node (a model of format 3) means no pairs. */
    static CoPresence fromJson(JsonNode node, Schema s) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return NONE;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("the model's co_presence is not a list of [attribute, companion] pairs");
        }
        List<PresentOnlyWith> out = new ArrayList<>();
        for (JsonNode p : node) {
            if (!p.isArray() || p.size() != 2 || !p.get(0).isTextual() || !p.get(1).isTextual()) {
                throw new IllegalArgumentException("the model's co_presence holds " + p.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + " where an [attribute, companion] pair of names belongs");
            }
            String a = p.path(0).asText();
            String b = p.path(1).asText();
            if (!s.has(a) || !s.has(b)) {
                throw new IllegalArgumentException("the model's co-presence pair [" + a + ", " + b + "] names an attribute its schema lacks");
            }
            out.add(new PresentOnlyWith(a, b));
        }
        return new CoPresence(out);
    }
}
