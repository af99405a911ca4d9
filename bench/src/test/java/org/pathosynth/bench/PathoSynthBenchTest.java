package org.pathosynth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pathosynth.cli.PathoSynthCli;
import picocli.CommandLine;

/** The benchmarks parse as today's command lines, each owns only its options, and the quick ones print their figures. */
class PathoSynthBenchTest {
    private static final String MACHINE_LINE = "cores: \\d+, max heap: \\d+ MB";

    /** What a run printed on standard output and standard error, and its exit code. */
    private record Outcome(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Outcome run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int code = PathoSynthCli.execute(new PathoSynthBench(), args);
            System.out.flush();
            return new Outcome(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Stream<Arguments> benchmarksAndTheirOptions() {
        return Stream.of(
                Arguments.of("distances", List.of("--rows", "--dims", "--repeat")),
                Arguments.of("report", List.of("--rows", "--repeat")),
                Arguments.of("synth", List.of("--rows", "--real", "--repeat")),
                Arguments.of("extract", List.of("--set", "--warmup-seconds", "--repeat", "--extractor")),
                Arguments.of("ctgan", List.of("--real", "--epochs")),
                Arguments.of("pategan", List.of("--real", "--epsilon")),
                Arguments.of("patectgan", List.of("--real", "--epsilon")),
                Arguments.of("llm", List.of("--rows", "--latency-ms", "--concurrency", "--real")),
                Arguments.of("writer", List.of("--real")),
                Arguments.of("fixtures", List.of("--repeat")),
                Arguments.of("local", List.of("--model", "--rows")));
    }

    @ParameterizedTest
    @MethodSource("benchmarksAndTheirOptions")
    void eachBenchmarksHelpListsExactlyTheOptionsItUses(String name, List<String> options) {
        Outcome help = run(name, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: pathosynth-bench " + name + " ");
        for (String option : options) {
            assertThat(help.out()).contains(option + "=");
        }
        List<String> declared = new CommandLine(new PathoSynthBench()).getSubcommands().get(name).getCommandSpec().options().stream()
                .map(o -> o.longestName()).filter(o -> !o.equals("--help") && !o.equals("--version")).toList();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(options);
    }

    @Test
    void evaluatePrintsEachStageOnTablesShapedLikeTheRealOne() {
        Outcome evaluate = run("evaluate", "--rows", "400", "--repeat", "0");
        assertThat(evaluate.exitCode()).isZero();
        assertThat(evaluate.lines()).hasSize(2);
        assertThat(evaluate.lines().get(1)).matches("warm-up evaluate 400 x 400 x 400 rows \\(13 columns\\): \\d+\\.\\d s; stages \\(ms\\) "
                + "\\{accuracy=\\d+, encoding=\\d+, distances=\\d+, dcr_overfitting=\\d+}; DCR overfitting [01]\\.\\d{3}");
    }

    @Test
    void todaysCommandLinesParseWithTheirMeaningAndDefaults() {
        Map<String, CommandLine> benches = new CommandLine(new PathoSynthBench()).getSubcommands();
        assertThat(benches.keySet()).containsExactlyInAnyOrder("distances", "evaluate", "report", "synth", "extract", "ctgan", "pategan",
                "patectgan", "llm", "writer", "fixtures", "local", "student");

        CommandLine extract = new CommandLine(new PathoSynthBench());
        extract.parseArgs("extract", "--set", "one-page", "--warmup-seconds", "8", "--repeat", "5", "--extractor", "student:m.bin");
        ExtractBench e = extract.getSubcommands().get("extract").getCommand();
        assertThat(List.of(e.set, e.warmupSeconds, e.repeat, e.extractor)).containsExactly("one-page", 8, 5, "student:m.bin");

        CommandLine defaults = new CommandLine(new PathoSynthBench());
        defaults.parseArgs("extract");
        ExtractBench d = defaults.getSubcommands().get("extract").getCommand();
        assertThat(List.of(d.set, d.warmupSeconds, d.repeat, d.extractor)).containsExactly("all", 8, 3, "rules");
        // --set all re-invokes this tool with one set per JVM: the child's arguments parse to the same settings
        CommandLine child = new CommandLine(new PathoSynthBench());
        child.parseArgs(e.childArguments("stress").toArray(String[]::new));
        ExtractBench c = child.getSubcommands().get("extract").getCommand();
        assertThat(List.of(c.set, c.warmupSeconds, c.repeat, c.extractor)).containsExactly("stress", 8, 5, "student:m.bin");

        CommandLine ctgan = new CommandLine(new PathoSynthBench());
        ctgan.parseArgs("ctgan", "--real", "x.csv", "--epochs", "30");
        GanBench.Ctgan g = ctgan.getSubcommands().get("ctgan").getCommand();
        assertThat(g.epochs).isEqualTo(30);
        assertThat(g.real.real).hasToString("x.csv");

        CommandLine pate = new CommandLine(new PathoSynthBench());
        pate.parseArgs("patectgan");
        assertThat(((GanBench.PateCtgan) pate.getSubcommands().get("patectgan").getCommand()).epsilon).isEqualTo(1.0);

        CommandLine llm = new CommandLine(new PathoSynthBench());
        llm.parseArgs("llm", "--rows", "1000", "--latency-ms", "50", "--concurrency", "8");
        LlmBench l = llm.getSubcommands().get("llm").getCommand();
        assertThat(List.of(l.rows, l.latencyMs, l.concurrency)).containsExactly(1000, 50, 8);

        CommandLine distances = new CommandLine(new PathoSynthBench());
        distances.parseArgs("distances");
        DistancesBench s = distances.getSubcommands().get("distances").getCommand();
        assertThat(List.of(s.rows, s.dims, s.runs.repeat)).containsExactly(10_000, 30, 3);
    }

    @Test
    void anOptionOfAnotherBenchmarkOrNoBenchmarkIsAUsageError() {
        Outcome foreign = run("fixtures", "--rows", "5");
        assertThat(foreign.exitCode()).isEqualTo(2);
        assertThat(foreign.err()).contains("Unknown options: '--rows', '5'");
        Outcome none = run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required subcommand");
    }

    @Test
    void fixturesPrintsTheMachineThenTheFirstCallAndEachTimedRun() {
        Outcome fixtures = run("fixtures", "--repeat", "1");
        assertThat(fixtures.exitCode()).isZero();
        assertThat(fixtures.lines()).hasSize(3);
        assertThat(fixtures.lines().get(0)).matches(MACHINE_LINE);
        assertThat(fixtures.lines().get(1)).matches("fixtures, first call: 10000 pairs in \\d+\\.\\d{3} s");
        assertThat(fixtures.lines().get(2)).matches("fixtures, run 1: 10000 pairs in \\d+\\.\\d{3} s");
    }

    @Test
    void writerPrintsTheDiversityOfEachLanguageAndNoiseAgainstTheSingleTemplate() {
        Outcome writer = run("writer");
        assertThat(writer.exitCode()).isZero();
        List<String> lines = writer.lines();
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).matches(MACHINE_LINE);
        // the figures are deterministic: the bundled table, seed 5 for the records, seed 1 for the reports (the writer's
        // extended vocabulary, its default since issue 19: it was 0.0047, 0.0218, 0.984 with the classic wording)
        // (0.0449, 0.953, 68.5 tokens before the side's abbreviations and the structured fields that state it; 0.0456, 0.951,
        // 68.3 before biopsies stopped stating margins, issue 21's coherence rule; 0.0465, 0.949, 67.2 before the sentinel-node
        // specimens, the singular microbiopsie and the a/n/m grade sub-scores; 0.0462, 0.950, 67.6 before the marker lists
        // with an IHC prefix, more node forms and breast specimens sent with their nodes; 0.0472, min 33 before "Nous avons
        // reçu n microbiopsies"; 0.0471, 0.948, +/- 14.0 before DCIS was said with its nuclear grade and a residual carcinoma
        // as such; 0.0084, 0.0472, 68.0 +/- 14.1, max 115 before isolated tumour cells, specimens listed apart, an involved
        // margin beside clear ones, grade components, "de grade 1" and more negative emboli wordings, 2026-12-05)
        assertThat(lines.get(1)).isEqualTo("writer fr, noise 0.0: distinct-1 0.0086, distinct-2 0.0481, self-BLEU-4 0.949, "
                + "tokens 68.4 +/- 14.6 (min 32, median 67, max 122)");
        assertThat(lines.get(2)).isEqualTo("single template fr:     distinct-1 0.0018, distinct-2 0.0034, self-BLEU-4 0.999, "
                + "tokens 63.6 +/- 6.1 (min 35, median 64, max 72)");
        assertThat(lines.get(3)).matches("  \\(1,000 reports and both diversity measures in \\d+\\.\\d{2} s\\)");
        assertThat(lines.get(4)).startsWith("writer fr, noise 0.3: distinct-1 ");
        assertThat(lines.get(6)).startsWith("writer en, noise 0.0: distinct-1 ");
        assertThat(lines.get(7)).startsWith("single template en:     distinct-1 ");
        assertThat(lines.get(9)).startsWith("writer en, noise 0.3: distinct-1 ");
    }

    @Test
    void extractOnTheLabelledSetPrintsReportsPerSecond() {
        Outcome extract = run("extract", "--set", "labelled", "--warmup-seconds", "0", "--repeat", "1");
        assertThat(extract.exitCode()).isZero();
        List<String> lines = extract.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches(MACHINE_LINE);
        assertThat(lines.get(1)).isEqualTo("labelled: warm-up 0 s, then 1 timed runs of 4,000 reports, in a JVM of its own");
        assertThat(lines.get(2)).matches("extract \\(rules\\), labelled corpus \\(80 reports, 332 characters on average\\): best \\d+ reports/s "
                + "\\(\\d+ us each\\), median \\d+ reports/s, \\d+\\.\\d MB/s at best, on one thread \\(40900 values found per run\\)");
    }

    @Test
    void anUnknownExtractorIsOneLineNamingTheChoices() {
        Outcome bad = run("extract", "--set", "labelled", "--warmup-seconds", "0", "--extractor", "llm");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("pathosynth: --extractor must be rules or student:FILE, got 'llm'");
    }

    @Test
    void anUnknownExtractionSetIsOneLineNamingTheSets() {
        Outcome bad = run("extract", "--set", "huge", "--warmup-seconds", "0");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("pathosynth: --set must be all, labelled, one-page or stress, got 'huge'");
    }
}
