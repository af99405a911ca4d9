package org.pathosynth.llm.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.run.Journal;

class JournaledRunTest {
    static final Schema SCHEMA = Schema.breastCancer();

    /** Counts its calls; fails for ids in {@code failing}. */
    static final class CountingGenerator implements ReportGenerator {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> failing;

        CountingGenerator(List<String> failing) {
            this.failing = failing;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Report generate(GenerationRequest request) {
            calls.incrementAndGet();
            if (failing.contains(request.id())) {
                throw new IllegalStateException("scripted failure");
            }
            return new Report(request.id(), "Compte rendu « " + request.id() + " » : carcinome, grade é.", "fr",
                    Provenance.of("counting").with("seed", request.seed()));
        }
    }

    static List<GenerationTask> tasks(ReportGenerator g, int n) {
        List<GenerationTask> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClinicalRecord r = ClinicalRecord.of(SCHEMA, Map.of("sbr_grade", String.valueOf(1 + i % 3)));
            out.add(new GenerationTask(new GenerationRequest("t" + i, r, i), g));
        }
        return out;
    }

    @Test
    void aSecondRunTakesFinishedWorkFromTheJournalAndRetriesFailures(@TempDir Path dir) {
        CountingGenerator first = new CountingGenerator(List.of("t3", "t7"));
        GenerationBatch one;
        try (Journal j = Journal.open(dir, SCHEMA)) {
            one = GenerationRun.of(4, j).run(tasks(first, 10), (s, d, t) -> { });
        }
        assertThat(one.pairs()).hasSize(8);
        assertThat(one.failures()).extracting(f -> f.id()).containsExactly("t3", "t7");
        CountingGenerator second = new CountingGenerator(List.of());
        GenerationBatch two;
        try (Journal j = Journal.open(dir, SCHEMA)) {
            assertThat(j.doneCount()).isEqualTo(8);
            two = GenerationRun.of(4, j).run(tasks(second, 10), (s, d, t) -> { });
        }
        assertThat(second.calls.get()).isEqualTo(2); // only the two failures were generated again
        assertThat(two.pairs()).extracting(ReportPair::id).containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
        assertThat(two.failures()).isEmpty();
        ReportPair restored = two.pairs().get(0);
        assertThat(restored.report().text()).isEqualTo("Compte rendu « t0 » : carcinome, grade é.");
        assertThat(restored.report().provenance().get("seed")).isEqualTo("0");
        assertThat(restored.record().get("sbr_grade")).isEqualTo("1");
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndOverwritten(@TempDir Path dir) throws Exception {
        try (Journal j = Journal.open(dir, SCHEMA)) {
            GenerationRun.of(1, j).run(tasks(new CountingGenerator(List.of()), 3), (s, d, t) -> { });
        }
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"id\":\"t9\",\"ok\":tr", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(dir, SCHEMA)) {
            assertThat(j.doneCount()).isEqualTo(3);
            j.recordFailure("t4", "counting", "x");
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).startsWith("{\"id\":\"t4\"");
    }

    @Test
    void aBadLineInTheMiddleIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("journal.jsonl"), "not json\n{\"id\":\"a\",\"ok\":false}\n");
        assertThatThrownBy(() -> Journal.open(dir, SCHEMA)).hasMessageContaining("journal.jsonl line 1: not a journal entry");
    }

    @Test
    void workOfAnotherGeneratorIsNotReused(@TempDir Path dir) {
        try (Journal j = Journal.open(dir, SCHEMA)) {
            GenerationRun.of(2, j).run(tasks(new CountingGenerator(List.of()), 2), (s, d, t) -> { });
            assertThat(j.done("t0", "counting")).isNotNull();
            assertThat(j.done("t0", "other-teacher")).isNull();
        }
    }
}
