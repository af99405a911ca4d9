package org.pathosynth.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.pathosynth.eval.distance.DistancePass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code distances}: exact nearest neighbours between synthetic, training and holdout rows, and the memory they use. */
@Command(name = "distances", mixinStandardHelpOptions = true,
        description = "N synthetic vs N training vs N holdout rows, exact nearest neighbours, and the memory used beyond the inputs.")
final class DistancesBench extends Benchmark {
    @Option(names = "--rows", defaultValue = "10000", description = "Rows per set (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--dims", defaultValue = "30", description = "Encoded dimensions (default: ${DEFAULT-VALUE}).")
    int dims;

    @Mixin
    RepeatedRuns runs;

    @Override
    void measure() throws Exception {
        double[][] syn = encodedLike(1);
        double[][] trn = encodedLike(2);
        double[][] hol = encodedLike(3);
        long memoryBefore = usedMemory();
        runs.each((run, label) -> {
            long t = System.nanoTime();
            DistancePass st = DistancePass.between(syn, trn);
            DistancePass sh = DistancePass.between(syn, hol);
            DistancePass ht = DistancePass.between(hol, trn);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "%s distances, %d x %d x %d rows, %d dims: %.2f s (mean DCR %.4f %.4f %.4f)%n",
                    label, rows, rows, rows, dims, seconds, st.meanDcr(), sh.meanDcr(), ht.meanDcr());
        });
        System.out.printf(Locale.ROOT, "memory used beyond the inputs: about %d MB (no %d x %d matrix)%n",
                Math.max(0, usedMemory() - memoryBefore) >> 20, rows, rows);
    }

    /** Rows shaped like the encoding: a few clusters of L2-normalised vectors, so neighbours are realistic. */
    private double[][] encodedLike(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom centres = new SplittableRandom(7);
        double[][] c = new double[40][dims];
        for (double[] row : c) {
            for (int j = 0; j < dims; j++) {
                row[j] = centres.nextGaussian();
            }
        }
        double[][] out = new double[rows][dims];
        for (double[] row : out) {
            double[] centre = c[rng.nextInt(c.length)];
            double norm = 0;
            for (int j = 0; j < dims; j++) {
                row[j] = centre[j] + 0.35 * rng.nextGaussian();
                norm += row[j] * row[j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dims; j++) {
                row[j] /= norm;
            }
        }
        return out;
    }

    private static long usedMemory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
