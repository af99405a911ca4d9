package org.pathosynth.core.report;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.pathosynth.core.schema.Schema;

/** An ordered, immutable collection of (record, report) pairs under one schema. */
public record Corpus(Schema schema, List<ReportPair> pairs) implements Iterable<ReportPair> {
    public Corpus {
        Objects.requireNonNull(schema, "schema");
        pairs = List.copyOf(pairs);
        for (ReportPair p : pairs) {
            if (!p.record().schema().name().equals(schema.name())) {
                throw new IllegalArgumentException("pair " + p.id() + " has schema '" + p.record().schema().name()
                        + "', corpus has '" + schema.name() + "'");
            }
        }
    }

    public int size() {
        return pairs.size();
    }

    @Override
    public Iterator<ReportPair> iterator() {
        return pairs.iterator();
    }

    @Override
    public String toString() {
        return "Corpus[" + schema.name() + ", " + pairs.size() + " pairs]";
    }
}
