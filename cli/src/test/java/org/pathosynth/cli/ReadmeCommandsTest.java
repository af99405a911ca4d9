package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the README can be pasted and run from a fresh clone: the {@code java -jar cli/target/pathosynth.jar}
 * lines of its {@code bash} blocks run in order, through {@link PathoSynthCli#run}, in a folder holding a copy of
 * {@code samples/}, and each exits 0 and writes its outputs. Commands naming an LLM spec (ollama:, openai:, mistral:,
 * anthropic:, gemini:, openai-compatible:, local:) need a server, a key or a model file: they are skipped, and must
 * stand under a {@code # needs ...} comment that says so.
 */
class ReadmeCommandsTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final String JAR = "java -jar cli/target/pathosynth.jar";
    private static final Pattern LLM_SPEC = Pattern.compile("(?<![\\w+-])(openai-compatible|openai|ollama|mistral|anthropic|gemini|local):");
    /** Options whose value is a file or folder, read from or written to the working directory. */
    private static final Set<String> PATH_OPTIONS = Set.of("--real", "--holdout", "--train", "--synthetic", "--out", "--config", "--records",
            "--reports", "--gold", "--pred", "--pairs", "--json", "--html", "--model", "--summary", "--shots-from", "--prices", "--journal",
            "--cache", "--labelled");
    /** Options naming what a command writes: each must exist, non-empty, once the command has run. */
    private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--json", "--html", "--summary", "--model");
    private static final Pattern FILE_NAME = Pattern.compile("[\\w.-]+(/[\\w.-]+)*\\.(csv|jsonl?|ya?ml|bin|html)");
    private static final Pattern STUDENT_SPEC = Pattern.compile("((?:rules\\+)?student):(.+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One command of the README: its text (continuations joined, comment dropped), its first and last line (from 1)
     * and whether it needs a server.
     */
    record Command(String text, int line, int lastLine, boolean needsServer) {
    }

    @Test
    void everyOfflineReadmeCommandRunsInOrderOnTheSamples(@TempDir Path dir) throws Exception {
        copyFolder(SAMPLES, dir.resolve("samples"));
        Path config = dir.resolve("samples/run.yaml");
        Files.writeString(config, configPathsUnder(Files.readString(config), dir));
        Set<String> cwdBefore = listing(Path.of(""));

        List<Command> commands = commands(Files.readAllLines(README));
        List<String> ran = new ArrayList<>();
        StringBuilder timings = new StringBuilder();
        for (Command c : commands) {
            if (c.needsServer()) {
                continue;
            }
            List<String> args = pathsUnder(words(c.text()), dir);
            String[] argv = args.toArray(String[]::new);
            long started = System.nanoTime();
            int code;
            String err;
            PrintStream out = System.out;
            try (CapturedStderr stderr = new CapturedStderr()) {
                System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                code = PathoSynthCli.run(argv);
                err = stderr.text();
            } finally {
                System.setOut(out);
            }
            assertThat(code).as("README line %d: %s%n%s", c.line(), c.text(), err).isZero();
            for (int i = 0; i + 1 < args.size(); i++) {
                if (OUTPUT_OPTIONS.contains(args.get(i))) {
                    Path written = Path.of(args.get(i + 1));
                    assertThat(written).as("README line %d writes %s", c.line(), written).exists();
                    if (Files.isDirectory(written)) {
                        try (Stream<Path> files = Files.list(written)) {
                            assertThat(files.count()).as("files in %s", written).isPositive();
                        }
                    } else {
                        assertThat(Files.size(written)).as("size of %s", written).isPositive();
                    }
                }
            }
            ran.add(c.text());
            timings.append(String.format(java.util.Locale.ROOT, "  %5d ms  line %d: %s%n", (System.nanoTime() - started) / 1_000_000, c.line(), c.text()));
        }
        System.out.print("README commands run:\n" + timings);

        assertThat(ran).as("offline commands found in the README").hasSizeGreaterThanOrEqualTo(15);
        assertThat(ran.get(0)).as("the first command is the demo").startsWith("demo ");
        assertThat(listing(Path.of(""))).as("nothing written to the working directory").isEqualTo(cwdBefore);

        // a few values, where cheap: the sample table's rows, the sampled sizes, the sample reports
        assertThat(dir.resolve("demo-out/corpus.jsonl")).isNotEmptyFile();
        JsonNode run = JSON.readTree(dir.resolve("my-run/summary.json").toFile());
        assertThat(run.path("input").path("real_rows").asInt()).isEqualTo(500);
        assertThat(run.path("synthesizer").path("rows").asInt()).isEqualTo(500);
        assertThat(JSON.readTree(dir.resolve("pathosynth-run/summary.json").toFile()).path("input").path("real_rows").asInt())
                .as("run --config samples/run.yaml").isEqualTo(500);
        assertThat(dir.resolve("pathosynth-run/report.html")).isNotEmptyFile();
        assertThat(Files.readAllLines(dir.resolve("syn-5000.csv"))).hasSize(5001);
        assertThat(Files.readAllLines(dir.resolve("pairs.jsonl"))).hasSize(2000);
        assertThat(Files.readAllLines(dir.resolve("pred.jsonl"))).hasSize(10);
        assertThat(Files.readAllLines(dir.resolve("pred-rules-student.jsonl"))).hasSize(10);
        JsonNode scores = JSON.readTree(dir.resolve("scores.json").toFile());
        assertThat(scores.path("counts").path("gold").asInt()).isEqualTo(10);
        assertThat(scores.path("total").path("mean_accuracy").asDouble()).as("rules on the sample reports").isGreaterThanOrEqualTo(0.9);
        assertThat(JSON.readTree(dir.resolve("quality.json").toFile()).path("accuracy").isObject()).isTrue();
    }

    @Test
    void serverCommandsStandUnderANeedsComment() throws IOException {
        List<String> lines = Files.readAllLines(README);
        List<Command> commands = commands(lines);
        assertThat(commands).filteredOn(Command::needsServer).as("skipped: an LLM spec in the command")
                .anyMatch(c -> c.text().startsWith("extract --reports samples/reports.jsonl --extractor ollama:"))
                .noneMatch(c -> c.text().contains("--extractor rules "));
        Set<Integer> skippedLines = new TreeSet<>();
        commands.stream().filter(Command::needsServer).forEach(c -> {
            for (int l = c.line(); l <= c.lastLine(); l++) {
                skippedLines.add(l);
            }
        });
        // above each skipped command, past the skipped commands just before it: '# needs ...'
        for (Command c : commands) {
            if (c.needsServer()) {
                int above = c.line() - 1;
                while (skippedLines.contains(above)) {
                    above--;
                }
                assertThat(lines.get(above - 1).trim()).as("the line above README line %d: %s", c.line(), c.text()).startsWith("# needs ");
            }
        }
    }

    @Test
    void samplesAreTheBundledDataTheySayTheyAre() throws IOException {
        List<String> table = resourceLines(DemoCommand.DEMO_DATA);
        assertThat(Files.readAllLines(SAMPLES.resolve("real.csv"))).as("the first 500 rows of the TCGA-BRCA demo table")
                .isEqualTo(table.subList(0, 501));
        assertThat(Files.readString(SAMPLES.resolve("breast-cancer-laterality.json")))
                .isEqualTo(String.join("\n", resourceLines("/org/pathosynth/examples/schemas/breast-cancer-laterality.json")) + "\n");

        Map<String, JsonNode> labelled = new HashMap<>();
        for (String l : resourceLines("/org/pathosynth/extraction/corpus/labelled-reports.jsonl")) {
            JsonNode n = JSON.readTree(l);
            labelled.put(n.path("id").asText(), n);
        }
        List<String> reports = Files.readAllLines(SAMPLES.resolve("reports.jsonl"));
        List<String> gold = Files.readAllLines(SAMPLES.resolve("gold.jsonl"));
        assertThat(reports).hasSize(10);
        assertThat(gold).hasSameSizeAs(reports);
        for (int i = 0; i < reports.size(); i++) {
            JsonNode report = JSON.readTree(reports.get(i));
            JsonNode expected = labelled.get(report.path("id").asText());
            assertThat(expected).as("labelled report %s", report.path("id")).isNotNull();
            assertThat(report.path("text")).isEqualTo(expected.path("text"));
            assertThat(report.path("lang")).isEqualTo(expected.path("lang"));
            JsonNode g = JSON.readTree(gold.get(i));
            assertThat(g.path("id")).isEqualTo(report.path("id"));
            assertThat(g.path("record")).as("gold of %s", report.path("id")).isEqualTo(expected.path("gold"));
        }

        // samples/run.yaml is the README's config block
        List<String> readme = Files.readAllLines(README);
        int start = readme.indexOf("```yaml");
        assertThat(start).as("the README's config block").isNotNegative();
        int end = start + 1;
        while (!readme.get(end).startsWith("```")) {
            end++;
        }
        assertThat(Files.readAllLines(SAMPLES.resolve("run.yaml"))).isEqualTo(readme.subList(start + 1, end));
    }

    /** The pathosynth commands of the README's bash blocks, in order: continuations joined, trailing comments dropped. */
    static List<Command> commands(List<String> readme) {
        List<Command> out = new ArrayList<>();
        boolean bash = false;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("```")) {
                bash = !bash && line.trim().equals("```bash");
                continue;
            }
            if (!bash) {
                continue;
            }
            int first = i;
            StringBuilder joined = new StringBuilder(line);
            while (joined.toString().stripTrailing().endsWith("\\") && i + 1 < readme.size()) {
                String s = joined.toString().stripTrailing();
                joined.setLength(0);
                joined.append(s.substring(0, s.length() - 1).stripTrailing()).append(' ').append(readme.get(++i).trim());
            }
            String text = joined.toString();
            int at = text.indexOf(JAR);
            if (at < 0 || text.trim().startsWith("#")) {
                continue;
            }
            String command = dropComment(text.substring(at + JAR.length())).trim();
            assertThat(command).as("README line %d: one command, no pipes or redirections", first + 1).doesNotContain("&&", "|", ";", ">");
            out.add(new Command(command, first + 1, i + 1, LLM_SPEC.matcher(command).find()));
        }
        return out;
    }

    /** The text before an unquoted {@code #} that starts a comment. */
    private static String dropComment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** The shell's words: split on white space, quotes removed. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(ch)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(ch);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    /**
     * The arguments with every relative path made absolute under {@code dir}, since the tool reads relative paths from
     * the JVM's working directory: values of path options, schema files, student model files in extractor specs and
     * any other word that names a file.
     */
    static List<String> pathsUnder(List<String> args, Path dir) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = i > 0 ? args.get(i - 1) : "";
            if (a.startsWith("-")) {
                out.add(a);
            } else if (PATH_OPTIONS.contains(option) || (option.equals("--schema") && a.endsWith(".json"))) {
                out.add(under(dir, a));
            } else if (option.equals("--extractor") || option.equals("--generator")) {
                List<String> specs = new ArrayList<>();
                for (String spec : a.split(",")) {
                    Matcher m = STUDENT_SPEC.matcher(spec);
                    specs.add(m.matches() ? m.group(1) + ":" + under(dir, m.group(2)) : spec);
                }
                out.add(String.join(",", specs));
            } else if (FILE_NAME.matcher(a).matches()) {
                out.add(under(dir, a));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** A run config's relative paths (real, holdout, labelled, out, a schema file) made absolute under {@code dir}. */
    static String configPathsUnder(String yaml, Path dir) {
        Pattern key = Pattern.compile("^(real|holdout|labelled|out|schema):(\\s*)(\\S+)(.*)$");
        List<String> lines = new ArrayList<>();
        for (String line : yaml.split("\n", -1)) {
            Matcher m = key.matcher(line);
            if (m.matches() && !m.group(3).equals("null") && (!m.group(1).equals("schema") || m.group(3).endsWith(".json"))) {
                line = m.group(1) + ": \"" + under(dir, m.group(3)).replace("\\", "/") + "\"" + m.group(4);
            }
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    private static String under(Path dir, String path) {
        return Path.of(path).isAbsolute() ? path : dir.resolve(path).toString();
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.toAbsolutePath())) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = ReadmeCommandsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                fail("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
