package org.pathosynth.eval.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathosynth.eval.extraction.AttributeScore;
import org.pathosynth.eval.fidelity.AccuracySummary;
import org.pathosynth.eval.fidelity.BinCounts;
import org.pathosynth.eval.fidelity.TupleAccuracy;

/**
 * The report as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched):
 * headline numbers, univariate distributions real vs synthetic per column, a bivariate accuracy
 * heat-map, DCR histograms, the extraction table and text diversity. Only aggregates are shown.
 */
public final class QualityReportHtml {
    private QualityReportHtml() {
    }

    public static String render(QualityReport r, String title) {
        return render(r, title, List.of());
    }

    /**
     * The page with more sections after the quality ones (e.g. a pipeline run's corpus statistics); each is HTML the
     * caller built, with its text escaped ({@link #escape}).
     */
    public static String render(QualityReport r, String title, List<String> moreSections) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>").append(Svg.escape(title)).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}"
                        + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "th:first-child,td:first-child{text-align:left}.cards{display:flex;flex-wrap:wrap;gap:12px}"
                        + ".card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:150px}.card b{font-size:1.4em;display:block}"
                        + ".grid{display:flex;flex-wrap:wrap;gap:18px}.warn{color:#a33}h2{margin-top:28px}</style></head><body>");
        sb.append("<h1>").append(Svg.escape(title)).append("</h1>");
        sb.append("<p>").append(Svg.escape(r.rowsInWords())).append("</p>");
        for (String w : r.warnings()) {
            sb.append("<p class='warn'>⚠ ").append(Svg.escape(w)).append("</p>");
        }
        cards(sb, r);
        if (r.fidelity() != null) {
            sb.append("<h2>Univariate distributions (training ∪ holdout vs synthetic)</h2><div class='grid'>");
            for (BinCounts b : r.fidelity().binCounts().values()) {
                univariate(sb, b, r);
            }
            sb.append("</div><h2>Bivariate accuracy</h2>");
            sb.append(heatmap(r));
        }
        if (r.distances() != null && r.distances().syntheticToHoldout() != null) {
            sb.append("<h2>Distance to closest record</h2><p>Synthetic rows should be no closer to training rows than to "
                    + "holdout rows; a spike at 0 for training means copies.</p>");
            sb.append(Svg.histograms(r.distances().syntheticToTraining().dcr(), r.distances().syntheticToHoldout().dcr(),
                    "synthetic → training", "synthetic → holdout", 30));
        }
        if (r.coherence() != null) {
            coherence(sb, r.coherence());
        }
        if (r.extraction() != null) {
            sb.append("<h2>Extraction</h2><table><tr><th>attribute</th><th>accuracy</th><th>accuracy (gold present)</th>"
                    + "<th>precision</th><th>recall</th><th>F1</th><th>macro F1</th></tr>");
            for (Map.Entry<String, AttributeScore> e : r.extraction().perAttribute().entrySet()) {
                AttributeScore s = e.getValue();
                var p = s.presence();
                sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.3f</td></tr>",
                        Svg.escape(e.getKey()), s.accuracy(), orDash(s.accuracyGoldNonNull(), p.hasGold()),
                        orDash(p.precision(), p.hasPredictions()), orDash(p.recall(), p.hasGold()),
                        orDash(p.f1(), p.hasGold() || p.hasPredictions()), s.macroF1()));
            }
            sb.append(String.format(Locale.ROOT, "<tr><th>total</th><th>%.3f</th><th></th><th>%.3f</th><th>%.3f</th><th>%.3f</th><th></th></tr></table>",
                    r.extraction().meanAccuracy(), r.extraction().pooledPresence().precision(),
                    r.extraction().pooledPresence().recall(), r.extraction().pooledPresence().f1()));
        }
        if (r.textDiversity() != null) {
            var t = r.textDiversity();
            sb.append(String.format(Locale.ROOT, "<h2>Text diversity</h2><table><tr><th>reports</th><th>distinct-1</th><th>distinct-2</th>"
                    + "<th>self-BLEU (sample %d)</th><th>length (tokens)</th></tr><tr><td>%d</td><td>%.3f</td><td>%.3f</td><td>%.3f</td>"
                    + "<td>%.0f ± %.0f (min %d, median %d, max %d)</td></tr></table>", t.selfBleuSample(), t.reports(), t.distinct1(),
                    t.distinct2(), t.selfBleu(), t.meanLength(), t.stdLength(), t.minLength(), t.medianLength(), t.maxLength()));
        }
        sb.append("<p style='color:#777;font-size:0.85em'>Metrics follow mostlyai-qa 1.10 and SDMetrics 0.29 definitions "
                + "(PathoSynth metrics.md). Time: ").append(Svg.escape(r.timingsInWords())).append("</p>");
        moreSections.forEach(sb::append);
        return sb.append("</body></html>").toString();
    }

    /**
     * The page inside an {@code <iframe srcdoc>}, for a notebook's HTML output: its styles then stay in the frame instead
     * of restyling the notebook around it.
     */
    public static String inFrame(String page, int heightPixels) {
        return "<iframe style='width:100%;border:1px solid #ddd' height='" + heightPixels + "' srcdoc=\"" + escape(page) + "\"></iframe>";
    }

    private static String orDash(double value, boolean defined) {
        return QualityReportConsole.orDash(value, defined, "–"); // an en dash on the page
    }

    /** Text made safe for HTML. */
    public static String escape(String text) {
        return Svg.escape(text);
    }

    private static void cards(StringBuilder sb, QualityReport r) {
        sb.append("<div class='cards'>");
        if (r.fidelity() != null) {
            AccuracySummary a = r.fidelity().summary().rounded();
            card(sb, "overall accuracy", a.overall(), "max " + fmt(a.overallMax()));
            card(sb, "univariate", a.univariate(), "max " + fmt(a.univariateMax()));
            card(sb, "bivariate", a.bivariate(), "max " + fmt(a.bivariateMax()));
            card(sb, "trivariate", a.trivariate(), "max " + fmt(a.trivariateMax()));
        }
        if (r.similarity() != null) {
            card(sb, "cosine similarity", r.similarity().trainingSynthetic(), "holdout " + fmt(r.similarity().trainingHoldout()));
        }
        if (r.distances() != null) {
            card(sb, "identical matches", r.distances().imsTraining(), "share of synthetic rows");
            card(sb, "DCR share", r.distances().dcrShare(), "ideal ≈ 0.5");
            card(sb, "NNDR (10th)", r.distances().nndrTraining(), "higher is safer");
        }
        if (r.overfitting() != null) {
            card(sb, "DCR overfitting protection", r.overfitting().score(), "best 1");
        }
        sb.append("</div>");
        String reading = PrivacyReading.of(r);
        if (reading != null) {
            sb.append("<p class='reading'><b>Privacy, read together:</b> ").append(Svg.escape(reading)).append("</p>");
        }
    }

    /** Per rule and table, the rows breaking it; the last row, the share of rows keeping every rule. */
    private static void coherence(StringBuilder sb, org.pathosynth.eval.coherence.Coherence c) {
        sb.append("<h2>Clinical coherence</h2><p>Rows breaking the schema's rules. A real registry may break them (its rows "
                + "are read as they are); a synthetic table should not.</p><table><tr><th>rule</th>");
        c.tables().keySet().forEach(t -> sb.append("<th>").append(Svg.escape(t)).append("</th>"));
        sb.append("</tr>");
        for (String rule : c.rules()) {
            sb.append("<tr><td>").append(Svg.escape(rule)).append("</td>");
            c.tables().values().forEach(t -> sb.append(String.format(Locale.ROOT, "<td>%,d of %,d</td>", t.breaking().get(rule), t.rows())));
            sb.append("</tr>");
        }
        sb.append("<tr><td><b>rows keeping every rule</b></td>");
        c.tables().values().forEach(t -> sb.append(String.format(Locale.ROOT, "<td><b>%.1f %%</b></td>", 100 * t.rate())));
        sb.append("</tr></table>");
    }

    private static void card(StringBuilder sb, String name, double value, String note) {
        sb.append("<div class='card'>").append(Svg.escape(name)).append("<b>").append(fmt(value)).append("</b><small>")
                .append(Svg.escape(note)).append("</small></div>");
    }

    private static void univariate(StringBuilder sb, BinCounts b, QualityReport r) {
        int refTotal = java.util.Arrays.stream(b.reference()).sum();
        int synTotal = java.util.Arrays.stream(b.synthetic()).sum();
        List<String> cats = new ArrayList<>();
        List<Double> ref = new ArrayList<>();
        List<Double> syn = new ArrayList<>();
        for (int i = 0; i < b.labels().size(); i++) {
            if (b.reference()[i] + b.synthetic()[i] > 0) {
                cats.add(b.labels().get(i));
                ref.add((double) b.reference()[i] / Math.max(refTotal, 1));
                syn.add((double) b.synthetic()[i] / Math.max(synTotal, 1));
            }
        }
        double acc = r.fidelity().univariate().stream().filter(t -> t.columns().get(0).equals(b.column()))
                .mapToDouble(TupleAccuracy::accuracy).findFirst().orElse(Double.NaN);
        sb.append("<div><b>").append(Svg.escape(b.column())).append("</b> accuracy ").append(fmt(acc)).append("<br>")
                .append(Svg.pairedBars(cats, ref.stream().mapToDouble(Double::doubleValue).toArray(),
                        syn.stream().mapToDouble(Double::doubleValue).toArray(), "real", "synthetic"))
                .append("</div>");
    }

    private static String heatmap(QualityReport r) {
        List<String> names = r.fidelity().univariate().stream().map(t -> t.columns().get(0)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        double[][] m = new double[names.size()][names.size()];
        for (double[] row : m) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        double lo = 1;
        for (TupleAccuracy t : r.fidelity().bivariate()) {
            int i = index.get(t.columns().get(0));
            int j = index.get(t.columns().get(1));
            m[i][j] = t.accuracy();
            m[j][i] = t.accuracy();
            lo = Math.min(lo, t.accuracy());
        }
        for (TupleAccuracy t : r.fidelity().univariate()) {
            int i = index.get(t.columns().get(0));
            m[i][i] = t.accuracy();
            lo = Math.min(lo, t.accuracy());
        }
        return Svg.heatmap(names, m, Math.min(lo, 0.5));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    public static void write(QualityReport r, String title, Path file) {
        org.pathosynth.core.io.AtomicFiles.writeString(file, render(r, title));
    }
}
