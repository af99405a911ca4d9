package org.pathosynth.extraction.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.rules.internal.ReaderEntry;
import org.pathosynth.extraction.rules.internal.RuleBook;

/**
 * Builds the readers the rules file's {@code readers} entries name, for the attributes a schema has: an entry whose
 * attributes are all missing from the schema reads nothing and is left out.
 */
final class ReaderFamilies {
    private final RuleBook rules;
    private final Schema schema;
    private final double frenchReceptorThreshold;
    private final double englishReceptorThreshold;
    private final Map<String, MarkerStatements> statements = new HashMap<>();

    ReaderFamilies(RuleBook rules, Schema schema, double frenchReceptorThreshold, double englishReceptorThreshold) {
        this.rules = rules;
        this.schema = schema;
        this.frenchReceptorThreshold = frenchReceptorThreshold;
        this.englishReceptorThreshold = englishReceptorThreshold;
    }

    /** The readers of the schema's attributes, in the order of the rules file. */
    List<AttributeReader> readers() {
        List<AttributeReader> out = new ArrayList<>();
        for (ReaderEntry entry : rules.readers()) {
            if (entry.attributes().values().stream().anyMatch(schema::has)) {
                out.add(reader(entry));
            }
        }
        return List.copyOf(out);
    }

    private AttributeReader reader(ReaderEntry e) {
        return switch (e.family()) {
            case "procedure" -> new ProcedureReader(rules, e);
            case "morphology-code" -> new MorphologyReader(rules, e, schema.attribute(e.attribute(ReaderEntry.VALUE)));
            case "grade" -> new GradeReader(rules, e);
            case "size" -> new SizeReader(rules, e, schema.attribute(e.attribute(ReaderEntry.VALUE)));
            case "margins" -> new MarginReader(rules, e);
            case "node-counts" -> new NodeCountReader(rules, e);
            case "finding" -> new FindingReader(rules, e);
            case "receptor-status" -> new ReceptorReader(rules, e, statements(e), frenchReceptorThreshold, englishReceptorThreshold);
            case "her2" -> new Her2Reader(rules, e, statements(e));
            case "percentage" -> new PercentageReader(rules, e, statements(e), schema.attribute(e.attribute(ReaderEntry.VALUE)));
            default -> throw new IllegalStateException("extraction rules name an unknown reader family '" + e.family()
                    + "'; known: procedure, morphology-code, grade, size, margins, node-counts, finding, receptor-status, her2, percentage");
        };
    }

    /** One per rule group, shared by its markers' readers: the markers a report names are found once. */
    private MarkerStatements statements(ReaderEntry e) {
        return statements.computeIfAbsent(e.rules(), group -> new MarkerStatements(rules, group));
    }
}
