package org.pathosynth.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.Synthesizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth sample}: synthetic rows from a saved model, without the data it was fitted on. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample a synthetic CSV from a model saved by 'synthesize --model' (any synthesizer that can save: the "
                + "model file names it). No real data is needed: a model fitted in the hospital can be sampled elsewhere.")
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Saved model (JSON from 'synthesize --model').")
    Path model;

    @Mixin
    SampleOutput sample;

    @Override
    public Integer call() {
        new OutputFiles().input("--model", model).output("--out", sample.out).output("--json", sample.json).check();
        FittedSynthesizer fitted = Synthesizers.load(model);
        int n = sample.rows(fitted.schema().size());
        long t0 = System.nanoTime();
        Table table;
        try {
            table = fitted.sample(n, sample.seed());
        } catch (OutOfMemoryError e) {
            throw sample.outOfHeap(n);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sample.write(table, fitted);
        System.err.printf("sample: %d rows from a %s model in %.3f s -> %s%n", n, fitted.synthesizerName(), seconds, sample.out);
        sample.writeMeta(fitted, seconds, meta -> { });
        return 0;
    }
}
