package org.pathosynth.cli.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;

/**
 * Runs every notebook's code cells, in order, through the JDK's JShell (the engine IJava and JJava use) with the built
 * jar on the class path, skipping kernel magic lines ({@code %jars}, {@code %maven}); any rejected snippet or thrown
 * exception fails. {@code display} and {@code render} are the kernels' built-ins, stubbed here. Runs after {@code package}, on the jar.
 * The notebooks run side by side (each in a JShell of its own, in its own JVM): they are the end of the build's
 * critical path.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class NotebooksIT {
    private static final Path JAR = Path.of("target", "pathosynth.jar");
    private static final Path NOTEBOOKS = Path.of("..", "examples", "notebooks");
    private static final String KERNEL_BUILT_INS = "String display(Object o, String... mimeTypes) { return String.valueOf(o).length() + \" chars\"; }\n"
            + "Object render(Object o, String... mimeTypes) { return String.valueOf(o).length() + \" chars\"; }";

    /** Code cells with magic lines removed. */
    static List<String> codeCells(Path notebook) throws Exception {
        JsonNode book = new ObjectMapper().readTree(notebook.toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode cell : book.path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                StringBuilder code = new StringBuilder();
                cell.path("source").forEach(line -> code.append(line.asText()));
                out.add(code.toString().lines().filter(l -> !l.strip().startsWith("%")).collect(Collectors.joining("\n")));
            }
        }
        return out;
    }

    /** Evaluates the cells; returns what they printed. */
    static String run(Path notebook, String... vmOptions) throws Exception {
        assertThat(JAR).as("the shaded jar (built by package)").isRegularFile();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (JShell shell = JShell.builder().out(new PrintStream(printed, true, StandardCharsets.UTF_8)).remoteVMOptions(vmOptions).build()) {
            shell.addToClasspath(JAR.toAbsolutePath().toString());
            eval(shell, KERNEL_BUILT_INS, notebook, -1);
            List<String> cells = codeCells(notebook);
            for (int i = 0; i < cells.size(); i++) {
                eval(shell, cells.get(i), notebook, i);
            }
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void eval(JShell shell, String cell, Path notebook, int index) {
        String remaining = cell;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                fail("%s cell %d: incomplete code: %s", notebook, index, remaining);
            }
            for (SnippetEvent e : shell.eval(info.source())) {
                String where = notebook + " cell " + index + ": " + info.source().strip().lines().findFirst().orElse("");
                if (e.status() == Snippet.Status.REJECTED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED
                        || e.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                    String diagnostics = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                    fail("%s -> %s %s", where, e.status(), diagnostics);
                }
                if (e.exception() != null) {
                    String thrown = e.exception() instanceof jdk.jshell.EvalException ee ? ee.getExceptionClassName() : e.exception().getClass().getName();
                    fail("%s -> threw %s: %s", where, thrown, e.exception().getMessage());
                }
            }
            remaining = info.remaining();
        }
    }

    @Test
    void everyNotebookIsHere() throws Exception {
        try (var files = Files.list(NOTEBOOKS)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .contains("quickstart.ipynb", "providers.ipynb", "privacy.ipynb");
        }
        for (String name : List.of("quickstart.ipynb", "providers.ipynb", "privacy.ipynb", "student.ipynb")) {
            assertThat(codeCells(NOTEBOOKS.resolve(name)).get(0)).as(name).isBlank(); // the first code cell is the %classpath magic
            String book = Files.readString(NOTEBOOKS.resolve(name));
            assertThat(book).as(name).contains("%classpath ../../cli/target/pathosynth.jar", "%maven")
                    .doesNotContain("%jars") // deprecated in JJava
                    .doesNotContain("display(") // returns a display id that a cell's last line would show
                    .doesNotContain("image/svg+xml"); // exporters strip its elements: charts go out as HTML
        }
    }

    @Test
    void quickstartRuns() throws Exception {
        String out = run(NOTEBOOKS.resolve("quickstart.ipynb"));
        assertThat(out).contains("overall fidelity", "morphology_icdo");
    }

    @Test
    void studentLearnsAnAddedAttribute() throws Exception {
        String out = run(NOTEBOOKS.resolve("student.ipynb"));
        assertThat(out).contains("4000 records, 14 attributes", "trained on 3600 pairs");
        var laterality = out.lines().filter(l -> l.startsWith("laterality ")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(laterality.trim().split("\\s+")[2])).as(laterality).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void privacyDrawsMstAimAndPateCtganAtFourEpsilons() throws Exception {
        // 1 PATE-CTGAN iteration instead of the notebook's 100: the cells and the budgets are checked, not the figures
        String out = run(NOTEBOOKS.resolve("privacy.ipynb"), "-Dpathosynth.notebook.pateIterations=1");
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "(MST|AIM|PATE-CTGAN)\\s+epsilon\\s+(\\S+): overall fidelity (\\S+), DCR share \\S+, spent epsilon (\\S+), delta .*");
        List<java.util.regex.Matcher> fits = out.lines().map(line::matcher).filter(java.util.regex.Matcher::matches).toList();
        assertThat(fits).hasSize(12);
        assertThat(fits.stream().map(m -> m.group(1)).distinct()).containsExactly("MST", "AIM", "PATE-CTGAN");
        for (java.util.regex.Matcher m : fits) {
            assertThat(Double.parseDouble(m.group(4))).as(m.group()).isLessThanOrEqualTo(Double.parseDouble(m.group(2)));
            assertThat(Double.parseDouble(m.group(3))).as(m.group()).isBetween(0.3, 1.0);
        }
        assertThat(out.lines().filter(l -> l.matches("(0\\.3|1|3|10)\\s+0\\.\\d{3}\\s+0\\.\\d{3}\\s+0\\.\\d{3}"))).hasSize(4);
    }

    @Test
    void providersSkipsWithoutAnLlmAndRunsWithOne() throws Exception {
        assertThat(run(NOTEBOOKS.resolve("providers.ipynb"))).contains("No LLM configured").doesNotContain("mean accuracy");
        String report = "Compte rendu anatomopathologique. Tumorectomie : carcinome infiltrant de type non spécifique, grade SBR 2.";
        try (FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of(r.jsonSchema() || r.prompt().contains("JSON")
                ? "{\"test_used_for_diagnosis\": \"lumpectomy\", \"sbr_grade\": \"2\"}" : report))) {
            String spec = "openai-compatible:" + server.openAiBaseUrl() + "#fake";
            String out = run(NOTEBOOKS.resolve("providers.ipynb"), "-Dpathosynth.llm=" + spec);
            assertThat(out).contains("LLM: " + spec, "mean accuracy: LLM");
            assertThat(server.requests().size()).isGreaterThanOrEqualTo(10); // 5 reports written, 5 read
        }
    }

    @Test
    void aBrokenCellFailsTheTest(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"%jars x.jar\\n\", \"int a = 1;\"]},"
                + " {\"cell_type\": \"code\", \"source\": [\"Integer.parseInt(\\\"x\\\");\"]}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(broken)).hasMessageContaining("cell 1").hasMessageContaining("NumberFormatException");
        Files.writeString(broken, "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"undefinedThing();\"]}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(broken)).hasMessageContaining("cell 0");
    }
}
