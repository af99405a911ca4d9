package org.pathosynth.extraction.student;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.LessOrEqualConstraint;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.report.TemplateReportWriter;

/** Pairs for tests: random records of any schema (every value equally likely, some missing), written by the offline writer. */
final class TrainingPairs {
    private TrainingPairs() {
    }

    static List<ClinicalRecord> records(Schema schema, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ClinicalRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClinicalRecord.Builder b = ClinicalRecord.builder(schema);
            for (Attribute a : schema.attributes()) {
                if (rng.nextDouble() < 0.15) {
                    continue;
                }
                Object v;
                if (a.kind() == AttributeKind.BOOLEAN) {
                    v = rng.nextBoolean();
                } else if (a.kind().isCoded()) {
                    v = a.values().get(rng.nextInt(a.values().size()));
                } else if (a.kind() == AttributeKind.INTEGER) {
                    int lo = a.min() == null ? 0 : a.min().intValue();
                    v = lo + rng.nextInt(25);
                } else {
                    double lo = a.min() == null ? 1 : Math.max(1, a.min());
                    double hi = a.max() == null ? 80 : Math.min(a.max(), 80);
                    v = (double) Math.round(lo + rng.nextDouble() * (hi - lo));
                }
                b.set(a.name(), v);
            }
            ClinicalRecord r = b.build();
            for (LessOrEqualConstraint c : schema.constraints()) {
                if (r.violations().contains(c)) {
                    r = r.with(c.lesser(), r.get(c.greater()));
                }
            }
            out.add(r);
        }
        return out;
    }

    /** Half French, half English reports, all styles, with typographic noise. */
    static Corpus corpus(Schema schema, int n, long seed) {
        List<ReportPair> pairs = new ArrayList<>();
        for (String lang : List.of("fr", "en")) {
            Table t = Table.of(schema, records(schema, n / 2, seed + lang.hashCode()));
            TemplateReportWriter w = TemplateReportWriter.builder().schema(schema).language(lang).noise(0.3).distractors(0.3).onePage(0.3).build();
            for (ReportPair p : w.generateAll(t, seed).pairs()) {
                String id = lang + "-" + p.id();
                pairs.add(new ReportPair(id, p.record(), new org.pathosynth.core.report.Report(id, p.report().text(),
                        p.report().language(), p.report().provenance(), p.report().spans())));
            }
        }
        return new Corpus(schema, pairs);
    }
}
