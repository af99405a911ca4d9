package org.pathosynth.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.extraction.rules.RuleBasedExtractor;
import org.pathosynth.extraction.student.StudentModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code extract}: the rule-based extractor, or a student model with {@code --extractor student:FILE}, on this thread
 * only (one core), over one {@link ExtractionSet}. Each set runs in a JVM of its own (as JMH forks one per benchmark):
 * --warmup-seconds on it, then --repeat timed runs of about 4,000 reports, best and median.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "The rule-based extractor (or a student model) on one core: labelled corpus, one-page reports, ten reports per page.")
final class ExtractBench extends Benchmark {
    @Option(names = "--set", defaultValue = "all", description = "all (each set in a JVM of its own), labelled, one-page "
            + "or stress (in this JVM) (default: ${DEFAULT-VALUE}).")
    String set;

    @Option(names = "--warmup-seconds", defaultValue = "8", description = "Seconds of warm-up on the set before timing, as JMH "
            + "would (the JIT needs several seconds to compile the rules' regular expressions fully) (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs after the warm-up (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--extractor", defaultValue = "rules", description = "rules, or student:FILE for a saved student model "
            + "(default: ${DEFAULT-VALUE}).")
    String extractor;

    @Override
    void measure() throws Exception {
        if (set.equals("all")) {
            // One JVM per set, as JMH forks one per benchmark: the JIT compiles the rules for the workload it times.
            for (String name : ExtractionSet.NAMES) {
                inChildJvm(childArguments(name));
            }
            return;
        }
        time(ExtractionSet.named(set));
    }

    /** Runs this bench with {@code arguments} in a JVM of its own, on this JVM's class path; fails if it fails. */
    static void inChildJvm(List<String> arguments) throws java.io.IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), PathoSynthBench.class.getName()));
        command.addAll(arguments);
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("bench " + String.join(" ", arguments) + " failed");
        }
    }

    /** The arguments of the child JVM that times set {@code name} with this command's settings. */
    List<String> childArguments(String name) {
        return List.of("extract", "--set", name, "--repeat", String.valueOf(repeat), "--warmup-seconds", String.valueOf(warmupSeconds),
                "--extractor", extractor);
    }

    private PathologyExtractor extractor() {
        if (extractor.equals("rules")) {
            return RuleBasedExtractor.create();
        }
        if (extractor.startsWith("student:")) {
            return StudentModel.load(Path.of(extractor.substring("student:".length()))).extractor();
        }
        throw new IllegalArgumentException("--extractor must be rules or student:FILE, got '" + extractor + "'");
    }

    private void time(ExtractionSet reportSet) {
        PathologyExtractor timed = extractor();
        List<Report> reports = reportSet.reports();
        long warmUntil = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < warmUntil) {
            for (Report r : reports) {
                sink += timed.extract(r).evidence().size();
            }
        }
        System.out.printf(Locale.ROOT, "%s: warm-up %d s, then %d timed runs of 4,000 reports, in a JVM of its own%n", set, warmupSeconds, repeat);
        long chars = reports.stream().mapToLong(r -> r.text().length()).sum();
        int passes = Math.max(1, 4_000 / reports.size());
        double[] rates = new double[repeat];
        long values = 0;
        for (int run = 0; run < repeat; run++) {
            long t = System.nanoTime();
            values = 0;
            for (int p = 0; p < passes; p++) {
                for (Report r : reports) {
                    values += timed.extract(r).evidence().size();
                }
            }
            rates[run] = (long) passes * reports.size() / ((System.nanoTime() - t) / 1e9);
        }
        Arrays.sort(rates);
        double best = rates[rates.length - 1];
        double median = rates[rates.length / 2];
        System.out.printf(Locale.ROOT, "extract (%s), %s (%d reports, %.0f characters on average): best %.0f reports/s (%.0f us each), "
                + "median %.0f reports/s, %.1f MB/s at best, on one thread (%d values found per run)%n",
                extractor.equals("rules") ? "rules" : "student", reportSet.label(), reports.size(),
                (double) chars / reports.size(), best, 1e6 / best, median, best * chars / reports.size() / 1e6, values);
        if (sink == 42) {
            System.out.println(); // keeps the warm-up from being optimised away
        }
    }
}
