package org.pathosynth.eval.report;

import java.util.List;
import java.util.Locale;

/** Minimal inline-SVG charts, so the HTML report needs no script and no network. */
final class Svg {
    static final String REAL = "#4c72b0";
    static final String SYNTHETIC = "#dd8452";

    private Svg() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Grouped bars: for each category, the share in series a and in series b. */
    static String pairedBars(List<String> categories, double[] a, double[] b, String aName, String bName) {
        int n = categories.size();
        int slot = 34;
        int width = Math.max(260, 50 + n * slot);
        int height = 190;
        int plotTop = 20;
        int plotHeight = 110;
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.max(a[i], b[i]));
        }
        max = max == 0 ? 1 : max;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>", width, height));
        sb.append(String.format(Locale.ROOT, "<text x='40' y='12' font-size='10' fill='%s'>■ %s</text>", REAL, escape(aName)));
        sb.append(String.format(Locale.ROOT, "<text x='140' y='12' font-size='10' fill='%s'>■ %s</text>", SYNTHETIC, escape(bName)));
        for (int i = 0; i < n; i++) {
            double x = 40 + i * slot;
            double ha = plotHeight * a[i] / max;
            double hb = plotHeight * b[i] / max;
            sb.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='13' height='%.1f' fill='%s'><title>%s: %.1f %%</title></rect>",
                    x, plotTop + plotHeight - ha, ha, REAL, escape(categories.get(i)), 100 * a[i]));
            sb.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='13' height='%.1f' fill='%s'><title>%s: %.1f %%</title></rect>",
                    x + 14, plotTop + plotHeight - hb, hb, SYNTHETIC, escape(categories.get(i)), 100 * b[i]));
            sb.append(String.format(Locale.ROOT, "<text transform='translate(%.1f,%d) rotate(45)' font-size='9'>%s</text>",
                    x + 6, plotTop + plotHeight + 10, escape(shorten(categories.get(i)))));
        }
        sb.append(String.format(Locale.ROOT, "<line x1='38' y1='%d' x2='%d' y2='%d' stroke='#888'/>", plotTop + plotHeight, width - 5, plotTop + plotHeight));
        sb.append(String.format(Locale.ROOT, "<text x='2' y='%d' font-size='9'>%.0f%%</text>", plotTop + 8, 100 * max));
        return sb.append("</svg>").toString();
    }

    /** A symmetric matrix of values in [lo, 1] as coloured cells, value in each cell. */
    static String heatmap(List<String> names, double[][] values, double lo) {
        int n = names.size();
        int cell = 46;
        int left = 130;
        int top = 10;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>", left + n * cell + 10, top + n * cell + 120));
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='10' text-anchor='end'>%s</text>",
                    left - 4, top + i * cell + cell / 2 + 3, escape(shorten(names.get(i)))));
            sb.append(String.format(Locale.ROOT, "<text transform='translate(%d,%d) rotate(60)' font-size='10'>%s</text>",
                    left + i * cell + cell / 2, top + n * cell + 6, escape(shorten(names.get(i)))));
            for (int j = 0; j < n; j++) {
                double v = values[i][j];
                String fill = Double.isNaN(v) ? "#eee" : colour((v - lo) / (1 - lo));
                sb.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='%s' stroke='#fff'><title>%s × %s: %s</title></rect>",
                        left + j * cell, top + i * cell, cell, cell, fill, escape(names.get(i)), escape(names.get(j)),
                        Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v)));
                if (!Double.isNaN(v)) {
                    sb.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='10' text-anchor='middle'>%.2f</text>",
                            left + j * cell + cell / 2, top + i * cell + cell / 2 + 3, v));
                }
            }
        }
        return sb.append("</svg>").toString();
    }

    /** Two overlaid histograms over the same bins. */
    static String histograms(double[] a, double[] b, String aName, String bName, int bins) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, v);
        }
        for (double v : b) {
            max = Math.max(max, v);
        }
        max = max == 0 ? 1 : max;
        int[] ha = count(a, bins, max);
        int[] hb = count(b, bins, max);
        int top = 0;
        for (int i = 0; i < bins; i++) {
            top = Math.max(top, Math.max(ha[i], hb[i]));
        }
        int width = 520;
        int height = 200;
        double bw = (width - 60.0) / bins;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>", width, height));
        sb.append(String.format(Locale.ROOT, "<text x='40' y='12' font-size='10' fill='%s'>■ %s</text>", REAL, escape(aName)));
        sb.append(String.format(Locale.ROOT, "<text x='240' y='12' font-size='10' fill='%s'>■ %s</text>", SYNTHETIC, escape(bName)));
        for (int i = 0; i < bins; i++) {
            double h1 = 150.0 * ha[i] / Math.max(top, 1);
            double h2 = 150.0 * hb[i] / Math.max(top, 1);
            sb.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s' fill-opacity='0.6'/>",
                    40 + i * bw, 170 - h1, bw, h1, REAL));
            sb.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s' fill-opacity='0.6'/>",
                    40 + i * bw, 170 - h2, bw, h2, SYNTHETIC));
        }
        sb.append(String.format(Locale.ROOT, "<line x1='40' y1='170' x2='%d' y2='170' stroke='#888'/>", width - 20));
        sb.append(String.format(Locale.ROOT, "<text x='40' y='185' font-size='9'>0</text><text x='%d' y='185' font-size='9' text-anchor='end'>%.3f</text>",
                width - 20, max));
        sb.append("<text x='200' y='197' font-size='10'>distance to closest record</text>");
        return sb.append("</svg>").toString();
    }

    private static int[] count(double[] values, int bins, double max) {
        int[] h = new int[bins];
        for (double v : values) {
            h[Math.min(bins - 1, (int) (bins * v / max))]++;
        }
        return h;
    }

    /** Red (low) → yellow → green (high) for t in [0, 1]. */
    private static String colour(double t) {
        t = Math.max(0, Math.min(1, t));
        int r = t < 0.5 ? 230 : (int) (230 - (t - 0.5) * 2 * 140);
        int g = t < 0.5 ? (int) (90 + t * 2 * 130) : 220;
        return String.format(Locale.ROOT, "rgb(%d,%d,110)", r, g);
    }

    private static String shorten(String s) {
        return s.length() <= 16 ? s : s.substring(0, 15) + "…";
    }
}
