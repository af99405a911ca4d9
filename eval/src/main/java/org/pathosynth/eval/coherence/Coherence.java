package org.pathosynth.eval.coherence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.CoherenceRule;
import org.pathosynth.core.schema.Schema;

/**
 * How many rows of each table keep the schema's coherence rules ({@link Schema#rules()}), and how many break each rule:
 * a real registry may break them (its rows are read as they are), a synthetic table should not.
 *
 * @param rules  the rules, in words
 * @param tables per table name (training, holdout, synthetic), its counts
 */
public record Coherence(List<String> rules, Map<String, TableCoherence> tables) {
    public Coherence {
        rules = List.copyOf(rules);
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** One table's counts: rows, rows keeping every rule, and rows breaking each rule (by its words). */
    public record TableCoherence(int rows, int coherentRows, Map<String, Integer> breaking) {
        public TableCoherence {
            breaking = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breaking));
        }

        /** Share of rows keeping every rule (1 for an empty table). */
        public double rate() {
            return rows == 0 ? 1 : (double) coherentRows / rows;
        }
    }

    /** The counts for training, holdout (left out when null or empty) and synthetic rows, or null without rules. */
    public static Coherence of(Schema schema, Table training, Table holdout, Table synthetic) {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("training", training);
        tables.put("holdout", holdout == null || holdout.rowCount() == 0 ? null : holdout);
        tables.put("synthetic", synthetic);
        return of(schema, tables);
    }

    /** The counts for each named table (in order), or null when the schema states no rule. */
    public static Coherence of(Schema schema, Map<String, Table> tables) {
        if (schema.rules().isEmpty()) {
            return null;
        }
        Map<String, TableCoherence> out = new LinkedHashMap<>();
        tables.forEach((name, table) -> {
            if (table != null) {
                out.put(name, count(schema, table));
            }
        });
        return new Coherence(schema.rules().stream().map(CoherenceRule::describe).toList(), out);
    }

    private static TableCoherence count(Schema schema, Table table) {
        Map<String, Integer> breaking = new LinkedHashMap<>();
        schema.rules().forEach(r -> breaking.put(r.describe(), 0));
        int coherent = 0;
        for (ClinicalRecord row : table.records()) {
            ClinicalRecord r = row.projectedTo(schema);
            boolean keeps = true;
            for (CoherenceRule rule : schema.rules()) {
                if (!rule.holds(r)) {
                    breaking.merge(rule.describe(), 1, Integer::sum);
                    keeps = false;
                }
            }
            coherent += keeps ? 1 : 0;
        }
        return new TableCoherence(table.rowCount(), coherent, breaking);
    }
}
