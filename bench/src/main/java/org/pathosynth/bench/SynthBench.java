package org.pathosynth.bench;

import java.util.List;
import java.util.Locale;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.io.CsvReadResult;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.aim.AimSynthesizer;
import org.pathosynth.synth.copula.GaussianCopulaSynthesizer;
import org.pathosynth.synth.mst.MstSynthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synth}: the Gaussian copula, MST and AIM (epsilon 1) fitted on --real, then --rows rows sampled from each. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Gaussian copula fit + sample N rows; MST and AIM fit at epsilon 1 + sample N rows, on the real table.")
final class SynthBench extends Benchmark {
    @Option(names = "--rows", defaultValue = "10000", description = "Rows sampled from each model (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    RealTableOption real;

    @Mixin
    RepeatedRuns runs;

    @Override
    void measure() throws Exception {
        Schema schema = Schema.breastCancer();
        CsvReadResult input = real.read(schema);
        Table table = input.table();
        // MST is told the attributes present, so a table lacking some columns still fits
        List<String> present = schema.names().stream().filter(n -> !input.missingColumns().contains(n)).toList();
        runs.each((run, label) -> {
            long t0 = System.nanoTime();
            var copula = GaussianCopulaSynthesizer.create().fit(table);
            long t1 = System.nanoTime();
            copula.sample(rows, run);
            long t2 = System.nanoTime();
            var mst = MstSynthesizer.builder().epsilon(1).delta(1e-9).seed(run).attributes(present).build().fit(table);
            long t3 = System.nanoTime();
            mst.sample(rows, run);
            long t4 = System.nanoTime();
            var aim = AimSynthesizer.builder().epsilon(1).delta(1e-9).seed(run).attributes(present).build().fit(table);
            long t5 = System.nanoTime();
            aim.sample(rows, run);
            long t6 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s synth on %d real rows: gaussian copula fit %.3f s + sample %d %.3f s = %.3f s; "
                            + "MST (eps 1, %d attributes) fit %.3f s, sample %d %.3f s; AIM (eps 1, %d rounds) fit %.3f s, "
                            + "sample %d %.3f s%n",
                    label, table.rowCount(), (t1 - t0) / 1e9, rows, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
                    present.size(), (t3 - t2) / 1e9, rows, (t4 - t3) / 1e9, aim.measured().size(), (t5 - t4) / 1e9, rows,
                    (t6 - t5) / 1e9);
        });
    }
}
