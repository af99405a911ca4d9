package org.pathosynth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.extraction.student.StudentTrainer;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;

/**
 * Pairs from an LLM teacher carry no spans: the student places their values by search. The fake teacher restates the
 * record of its prompt as a short report, label by label, in the prompt's wording (labels, value labels, "2,3 cm"
 * style units), as a compliant model would; the share of values placed is measured and bounded.
 */
class StudentFromLlmPairsTest {
    /** The prompt's "- label : value" lines as one sentence each, under a heading. */
    static String restate(String prompt) {
        String lines = prompt.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2).strip() + ".").collect(Collectors.joining("\n"));
        return "Compte rendu anatomopathologique.\n" + lines + "\nFin du compte rendu.";
    }

    @Test
    void valuesOfLlmPairsArePlacedBySearch(@TempDir Path dir) throws Exception {
        Path records = GenerateCommandTest.records(dir, 120);
        Path pairs = dir.resolve("pairs.jsonl");
        try (FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of(restate(r.prompt())))) {
            assertThat(PathoSynthCli.run("generate", "--records", records.toString(), "--generator", GenerateCommandTest.fakeSpec(server),
                    "--out", pairs.toString())).isZero();
        }
        Corpus corpus = Jsonl.readCorpus(pairs, GenerateCommandTest.SCHEMA);
        Map<String, int[]> aligned = StudentTrainer.builder().schema(corpus.schema()).seed(1).build().train(corpus).training().aligned();
        assertThat(aligned).hasSize(1);
        int[] c = aligned.values().iterator().next(); // values, placed by spans, placed by search
        assertThat(c[1]).isZero();
        double placed = (c[1] + c[2]) / (double) c[0];
        System.out.printf(java.util.Locale.ROOT, "fake LLM teacher: %d of %d values placed by search (%.3f)%n", c[2], c[0], placed);
        // 880 of 880; 794 before the words of an attribute's own label stopped counting as negation ("limites d'exérèse saines : oui")
        assertThat(placed).isGreaterThan(0.99);
    }
}
