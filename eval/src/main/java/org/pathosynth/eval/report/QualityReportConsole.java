package org.pathosynth.eval.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathosynth.eval.extraction.AttributeScore;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.extraction.PresenceScore;
import org.pathosynth.eval.fidelity.AccuracySummary;

/** The report as a plain-text table for terminals and logs (aggregates only: no patient values). */
public final class QualityReportConsole {
    private QualityReportConsole() {
    }

    public static String render(QualityReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.rowsInWords()).append('\n');
        if (r.fidelity() != null) {
            AccuracySummary a = r.fidelity().summary().rounded();
            sb.append(String.format(Locale.ROOT, "%-34s %10s %10s%n", "fidelity (accuracy)", "synthetic", "max"));
            row(sb, "  overall", a.overall(), a.overallMax());
            row(sb, "  univariate", a.univariate(), a.univariateMax());
            row(sb, "  bivariate", a.bivariate(), a.bivariateMax());
            row(sb, "  trivariate", a.trivariate(), a.trivariateMax());
        }
        if (r.similarity() != null) {
            sb.append(String.format(Locale.ROOT, "%-34s %10.4f (holdout %.4f, %s labels)%n", "similarity (centroid cosine)",
                    r.similarity().trainingSynthetic(), r.similarity().trainingHoldout(), r.similarity().labelEmbedder()));
        }
        if (r.distances() != null) {
            sb.append(String.format(Locale.ROOT, "%-34s %10.1f %%%n", "identical matches (training)", 100 * r.distances().imsTraining()));
            sb.append(String.format(Locale.ROOT, "%-34s %10.3f (holdout %.3f)%n", "mean DCR to training", r.distances().dcrTraining(),
                    r.distances().dcrHoldout()));
            sb.append(String.format(Locale.ROOT, "%-34s %10.3f (ideal 0.5)%n", "DCR share", r.distances().dcrShare()));
            sb.append(String.format(Locale.ROOT, "%-34s %10.3f%n", "NNDR (10th smallest)", r.distances().nndrTraining()));
        }
        if (r.overfitting() != null) {
            sb.append(String.format(Locale.ROOT, "%-34s %10.3f (best 1)%n", "DCR overfitting protection", r.overfitting().score()));
        }
        String reading = PrivacyReading.of(r);
        if (reading != null) {
            sb.append("privacy, read together: ").append(reading).append('\n');
        }
        if (r.coherence() != null) {
            sb.append(coherence(r.coherence()));
        }
        if (r.extraction() != null) {
            sb.append(extraction(r.extraction()));
        }
        if (r.textDiversity() != null) {
            var t = r.textDiversity();
            sb.append(String.format(Locale.ROOT, "text diversity: %d reports, distinct-1 %.3f, distinct-2 %.3f, self-BLEU %.3f, length %.0f ± %.0f tokens%n",
                    t.reports(), t.distinct1(), t.distinct2(), t.selfBleu(), t.meanLength(), t.stdLength()));
        }
        r.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
        return sb.toString();
    }

    /** "coherence (rows keeping the schema's rules): training 87.3 %, synthetic 100.0 %", then each rule broken. */
    static String coherence(org.pathosynth.eval.coherence.Coherence c) {
        StringBuilder sb = new StringBuilder("coherence (rows keeping the schema's " + (c.rules().size() == 1 ? "rule" : c.rules().size() + " rules")
                + "): ");
        List<String> parts = new java.util.ArrayList<>();
        c.tables().forEach((table, t) -> parts.add(String.format(Locale.ROOT, "%s %.1f %%", table, 100 * t.rate())));
        sb.append(String.join(", ", parts)).append('\n');
        c.tables().forEach((table, t) -> t.breaking().forEach((rule, n) -> {
            if (n > 0) {
                sb.append(String.format(Locale.ROOT, "  %s: %,d of %,d rows break \"%s\"%n", table, n, t.rows(), rule));
            }
        }));
        return sb.toString();
    }

    /** The value to 3 decimals, or {@code dash} when it is undefined (nothing predicted, no gold value). */
    static String orDash(double value, boolean defined, String dash) {
        return defined ? String.format(Locale.ROOT, "%.3f", value) : dash;
    }

    /** The per-attribute extraction table. */
    public static String extraction(ExtractionScores scores) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-26s %8s %8s %8s %8s %8s%n", "attribute", "acc", "acc|gold", "P", "R", "F1"));
        for (Map.Entry<String, AttributeScore> e : scores.perAttribute().entrySet()) {
            AttributeScore s = e.getValue();
            PresenceScore p = s.presence();
            // undefined scores (nothing predicted, no gold value) read "-", not a 0.000 beside a perfect accuracy
            sb.append(String.format(Locale.ROOT, "%-26s %8.3f %8s %8s %8s %8s%n", e.getKey(), s.accuracy(),
                    orDash(s.accuracyGoldNonNull(), p.hasGold(), "-"), orDash(p.precision(), p.hasPredictions(), "-"),
                    orDash(p.recall(), p.hasGold(), "-"), orDash(p.f1(), p.hasGold() || p.hasPredictions(), "-")));
        }
        sb.append(String.format(Locale.ROOT, "%-26s %8.3f %8s %8.3f %8.3f %8.3f%n", "total", scores.meanAccuracy(), "",
                scores.pooledPresence().precision(), scores.pooledPresence().recall(), scores.pooledPresence().f1()));
        return sb.toString();
    }

    /** A fidelity row; a component the table cannot have (no triple in a 2-column table) reads "n/a", not NaN. */
    private static void row(StringBuilder sb, String name, double value, double max) {
        if (Double.isNaN(value)) {
            sb.append(String.format(Locale.ROOT, "%-34s %10s %10s%n", name, "n/a", "n/a"));
            return;
        }
        sb.append(String.format(Locale.ROOT, "%-34s %10.4f %10.4f%n", name, value, max));
    }
}
