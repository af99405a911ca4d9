package org.pathosynth.bench;

import java.util.Locale;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.pathosynth.synth.gan.CtganSynthesizer;
import org.pathosynth.synth.gan.GanModel;
import org.pathosynth.synth.gan.PateCtganSynthesizer;
import org.pathosynth.synth.gan.PateGanSynthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ctgan}, {@code pategan}, {@code patectgan}: one GAN fit with the reference settings on --real, then a sample
 * as large as the table. No warm-up run: a fit this long is its own warm-up.
 */
abstract class GanBench extends Benchmark {
    @Spec
    CommandSpec spec;

    @Mixin
    RealTableOption real;

    /** The synthesizer with this command's options. */
    abstract TabularSynthesizer synthesizer();

    /** What a training step is called: "epochs" or "iterations". */
    abstract String steps();

    /** The end of the line: the privacy spent, for the private GANs. */
    String privacy(GanModel model) {
        return "";
    }

    @Override
    void measure() throws Exception {
        Table table = real.read(Schema.breastCancer()).table();
        TabularSynthesizer synthesizer = synthesizer();
        long t0 = System.nanoTime();
        var model = (GanModel) synthesizer.fit(table);
        double fit = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        model.sample(table.rowCount(), 1);
        double sample = (System.nanoTime() - t1) / 1e9;
        String unit = steps();
        System.out.printf(Locale.ROOT, "%s on %d real rows, %d %s: fit %.1f s (%.3f s per %s), sample %d rows %.2f s%s%n",
                spec.name(), table.rowCount(), model.epochsTrained(), unit, fit, fit / Math.max(1, model.epochsTrained()),
                unit.substring(0, unit.length() - 1), table.rowCount(), sample, privacy(model));
    }

    @Command(name = "ctgan", mixinStandardHelpOptions = true,
            description = "One CTGAN fit of --epochs on the real table, then a sample as large as the table.")
    static final class Ctgan extends GanBench {
        @Option(names = "--epochs", defaultValue = "300", description = "Epochs (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Override
        TabularSynthesizer synthesizer() {
            return CtganSynthesizer.builder().epochs(epochs).seed(0).build();
        }

        @Override
        String steps() {
            return "epochs";
        }
    }

    /** The PATE GANs: they train until --epsilon is spent. */
    abstract static class Pate extends GanBench {
        @Option(names = "--epsilon", defaultValue = "1", description = "Privacy budget (default: ${DEFAULT-VALUE}).")
        double epsilon;

        @Override
        String steps() {
            return "iterations";
        }

        @Override
        String privacy(GanModel model) {
            return String.format(Locale.ROOT, ", epsilon spent %.3f", model.privacyGuarantee().epsilon());
        }
    }

    @Command(name = "pategan", mixinStandardHelpOptions = true,
            description = "One PATE-GAN fit at --epsilon on the real table, then a sample as large as the table.")
    static final class PateGan extends Pate {
        @Override
        TabularSynthesizer synthesizer() {
            return PateGanSynthesizer.builder().epsilon(epsilon).seed(0).build();
        }
    }

    @Command(name = "patectgan", mixinStandardHelpOptions = true,
            description = "One PATE-CTGAN fit at --epsilon on the real table, then a sample as large as the table.")
    static final class PateCtgan extends Pate {
        @Override
        TabularSynthesizer synthesizer() {
            return PateCtganSynthesizer.builder().epsilon(epsilon).seed(0).build();
        }
    }
}
