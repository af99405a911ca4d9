package org.pathosynth.cli;

import org.pathosynth.cli.run.SchemaOption;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pathosynth.core.io.CsvReadResult;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.pathosynth.cli.run.RunConfig;
import org.pathosynth.cli.run.Synthesizers;
import org.pathosynth.core.data.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathosynth synthesize}: fit a synthesizer to a real table and write a synthetic one. */
@Command(name = "synthesize", mixinStandardHelpOptions = true,
        description = "Fit a tabular synthesizer to a real CSV and sample a synthetic CSV; META.json holds timings and the privacy guarantee.")
final class SynthesizeCommand implements Callable<Integer> {
    @Option(names = "--real", required = true, description = "Real table (CSV).")
    Path real;

    @Mixin
    SchemaOptions schemaOptions;

    @Mixin
    CsvOptions csv;

    @Option(names = "--synthesizer", defaultValue = "gaussian-copula",
            description = "independent, gaussian-copula, mst or aim (differentially private; their noise comes from SecureRandom, "
                    + "so their output differs from run to run whatever --seed says), ctgan, pategan or patectgan "
                    + "(PATE: vote noise from SecureRandom too; training stops before it would spend more than --epsilon) "
                    + "(default: ${DEFAULT-VALUE}).")
    String synthesizer;

    @Option(names = "--epsilon", defaultValue = "1.0",
            description = "Privacy budget epsilon for mst, aim, pategan and patectgan (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--delta",
            description = "Privacy parameter delta (default: 1e-9 for mst and aim; 1/(N*sqrt(N)) for pategan and patectgan).")
    Double delta;

    @Option(names = "--epochs", description = "Training epochs: ctgan (default 300, or more on a table too small for 1,200 steps; exactly this many when set); GAN epochs per outer iteration for pategan (default 10).")
    Integer epochs;

    @Option(names = "--train-seed", defaultValue = "0", description = "Seed of the GAN synthesizers' training (default: ${DEFAULT-VALUE}).")
    long trainSeed;

    @Option(names = "--marginals", defaultValue = "empirical",
            description = "Gaussian copula marginals: empirical, beta (SDV's default) or normal (default: ${DEFAULT-VALUE}).")
    String marginals;

    @Mixin
    SampleOutput sample;

    @Option(names = "--model", description = "Also save the fitted model (JSON) here, to sample later without the data.")
    Path model;

    @Option(names = "--shareable", paramLabel = "K", description = "Save the --model in a form to ship: no value that fewer than K "
            + "patients share (gaussian-copula; rarer numbers merged with their neighbours, rarer codes dropped). Not differential privacy.")
    Integer shareable;

    @Option(names = "--accept-data-domains", description = "Let a differentially private synthesizer use the categories and "
            + "bounds of columns typed from the data (inferred columns without --bounds); its guarantee then says it does not cover them.")
    boolean acceptDataDomains;

    @Option(names = "--option", description = "Any other option of the synthesizer, as name=value (e.g. batch_size=250); repeatable.")
    java.util.Map<String, String> extraOptions;

    @Override
    public Integer call() throws IOException {
        new OutputFiles().input("--real", real).output("--out", sample.out).output("--json", sample.json).output("--model", model).check();

        if (shareable != null && (model == null || shareable < 2)) {
            throw new IllegalArgumentException(model == null ? "--shareable applies to the model file: give --model too"
                    : "--shareable must be at least 2, got " + shareable);
        }
        Schema s = schemaOptions.resolve(real, csv);
        int n = sample.rows(s.size());
        CsvReadResult input = csv.readToFit(real, s);
        if (input.table().rowCount() == 0) {
            throw new IllegalArgumentException(real + " has no data rows");
        }
        if (input.table().rowCount() < MIN_ROWS) {
            // on a handful of rows every synthesizer copies patients: a 1-row table gave that row back 50 times
            throw new IllegalArgumentException(real + " has " + input.table().rowCount() + " data rows; synthesizing needs at least "
                    + MIN_ROWS + " (on fewer, samples copy patients)");
        }
        // Only the attributes the file has columns for are modelled by MST: the header is public, and each modelled
        // attribute takes a share of the budget. The DP synthesizers' noise comes from SecureRandom.
        TabularSynthesizer synth;
        java.util.Map<String, Object> options = extraOptions == null ? null : new java.util.LinkedHashMap<>(extraOptions);
        if (acceptDataDomains) {
            options = options == null ? new java.util.LinkedHashMap<>() : options;
            options.put("accept_data_domains", true);
        }
        try {
            synth = Synthesizers.build(new RunConfig.SynthesizerConfig(synthesizer, epsilon, delta, epochs, marginals, trainSeed,
                    options), s, new java.util.HashSet<>(input.missingColumns()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e); // the messages start with the option's name
        }
        long t0 = System.nanoTime();
        FittedSynthesizer fitted = synth.fit(input.table(), ConsoleProgress.onStderr());
        long t1 = System.nanoTime();
        Table table;
        try {
            table = fitted.sample(n, sample.seed());
        } catch (OutOfMemoryError e) {
            throw sample.outOfHeap(n);
        }
        long t2 = System.nanoTime();
        sample.write(table, fitted);
        if (model != null) {
            try {
                if (shareable != null) {
                    if (!(fitted instanceof org.pathosynth.synth.copula.GaussianCopulaModel copula)) {
                        throw new IllegalArgumentException("--shareable applies to gaussian-copula models; " + synth.name()
                                + (fitted.privacyGuarantee().isDifferentiallyPrivate() ? " is differentially private already" : " has no shareable form"));
                    }
                    fitted = copula.shareable(shareable);
                }
                org.pathosynth.core.synthesis.Synthesizers.save(fitted, model);
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException("--model: " + e.getMessage(), e);
            }
        }
        PrivacyGuarantee privacy = fitted.privacyGuarantee();
        System.err.printf("synthesize: %s fitted on %d rows in %.3f s, sampled %d rows in %.3f s; privacy: %s%n",
                synth.name(), input.table().rowCount(), (t1 - t0) / 1e9, n, (t2 - t1) / 1e9,
                privacy.isDifferentiallyPrivate() ? "epsilon " + privacy.epsilon() : "none (epsilon = infinity)");
        java.util.Map<java.util.List<Object>, Integer> realRows = rowCounts(input.table()); // read once for both figures
        long copies = identicalToReal(table, realRows);
        double twins = twinShare(realRows, input.table().rowCount());
        // common profiles recur in real tables (many missing values, few categories): a fresh patient matches some
        // training row about as often as a training row matches another one, so that share is the bar, not zero
        double bar = Math.max(0.05, twins);
        System.err.printf(java.util.Locale.ROOT, "synthesize: %d of %d sampled rows (%.1f %%) are identical to a row of %s; in the table "
                        + "itself %.1f %% of rows have an identical twin%s%n", copies, n, 100.0 * copies / n, real, 100 * twins,
                copies <= bar * n ? ": no more copies than common profiles explain"
                        : privacy.isDifferentiallyPrivate() ? ": with few columns, common combinations recur; the differential-privacy "
                                + "guarantee, not this count, bounds what any one patient changes"
                        : ": more than common profiles explain, samples copy patients; use more rows or a differentially private synthesizer");
        sample.writeMeta(fitted, (t2 - t1) / 1e9, meta -> {
            input.unknownColumns().forEach(meta.putArray("ignored_columns")::add);
            meta.put("fit_seconds", (t1 - t0) / 1e9);
            if (privacy.isDifferentiallyPrivate()) {
                // exact counts of the real rows are no noisy statistics: the guarantee would not cover a file holding them
                meta.put("real_row_figures", "left out: exact counts read from the real rows are not covered by the guarantee "
                        + "(the console shows them)");
            } else {
                meta.put("real_rows", input.table().rowCount());
                meta.put("identical_to_real", copies);
                meta.put("real_rows_with_twin_share", twins);
            }
        });
        return 0;
    }

    /** Fewest real rows to synthesize from. */
    static final int MIN_ROWS = 20;

    /** How many times each distinct real row occurs, a row as its values in schema order (a missing value equals a missing one). */
    static java.util.Map<java.util.List<Object>, Integer> rowCounts(Table real) {
        java.util.Map<java.util.List<Object>, Integer> counts = new java.util.HashMap<>();
        real.records().forEach(r -> counts.merge(row(r), 1, Integer::sum));
        return counts;
    }

    private static java.util.List<Object> row(org.pathosynth.core.data.ClinicalRecord r) {
        return java.util.Arrays.asList(r.schema().names().stream().map(r::get).toArray());
    }

    /** The share of real rows equal, value for value, to another real row. */
    static double twinShare(Table real) {
        return twinShare(rowCounts(real), real.rowCount());
    }

    private static double twinShare(java.util.Map<java.util.List<Object>, Integer> counts, int rows) {
        long twins = counts.values().stream().filter(c -> c > 1).mapToLong(Integer::longValue).sum();
        return rows == 0 ? 0 : (double) twins / rows;
    }

    /** Sampled rows equal, value for value, to some real row (a missing value equals a missing one). */
    static long identicalToReal(Table sampled, Table real) {
        return identicalToReal(sampled, rowCounts(real));
    }

    private static long identicalToReal(Table sampled, java.util.Map<java.util.List<Object>, Integer> realRows) {
        return sampled.records().stream().filter(r -> realRows.containsKey(row(r))).count();
    }
}
