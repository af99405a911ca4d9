package org.pathosynth.bench;

import java.util.List;
import java.util.Locale;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.eval.text.TextDiversity;
import org.pathosynth.synth.independent.IndependentMarginalsSynthesizer;
import org.pathosynth.synth.report.TemplateReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code writer}: diversity of the offline writer. 1,000 records sampled from the real table (independent marginals),
 * one report each in all styles, clean and with noise 0.3, against the single-template baseline; plus the time to
 * write them.
 */
@Command(name = "writer", mixinStandardHelpOptions = true,
        description = "Diversity of 1,000 offline reports per language, clean and noisy, against a single-template baseline.")
final class WriterBench extends Benchmark {
    @Mixin
    RealTableOption real;

    @Override
    void measure() throws Exception {
        Schema schema = Schema.breastCancer();
        List<ClinicalRecord> records = IndependentMarginalsSynthesizer.builder().enforceConstraints(true)
                .build().fit(real.read(schema).table()).sample(1000, 5).records();
        for (String language : List.of("fr", "en")) {
            for (double noise : new double[] {0, 0.3}) {
                TemplateReportWriter writer = TemplateReportWriter.builder().schema(schema).language(language).noise(noise).build();
                long t = System.nanoTime();
                WriterDiversity d = WriterDiversity.measure(records, writer, 1);
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "writer %s, noise %.1f: %s%n", language, noise, line(d.writer()));
                if (noise == 0) {
                    System.out.printf(Locale.ROOT, "single template %s:     %s%n", language, line(d.singleTemplate()));
                }
                System.out.printf(Locale.ROOT, "  (1,000 reports and both diversity measures in %.2f s)%n", seconds);
            }
        }
    }

    private static String line(TextDiversity d) {
        return String.format(Locale.ROOT, "distinct-1 %.4f, distinct-2 %.4f, self-BLEU-4 %.3f, tokens %.1f +/- %.1f (min %d, median %d, max %d)",
                d.distinct1(), d.distinct2(), d.selfBleu(), d.meanLength(), d.stdLength(), d.minLength(), d.medianLength(), d.maxLength());
    }
}
