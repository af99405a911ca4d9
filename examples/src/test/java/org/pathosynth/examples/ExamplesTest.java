package org.pathosynth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.llm.fake.FakeLlmServer;
import org.pathosynth.llm.fake.FakeReply;

/** Every example class runs, and does what its comment says. */
class ExamplesTest {
    @Test
    void synthesizeAndEvaluate() {
        var report = SynthesizeAndEvaluate.run(300);
        assertThat(report.rows()).containsEntry("synthetic", 300).containsEntry("training", 879).containsEntry("holdout", 220);
        assertThat(report.fidelity().summary().overall()).isGreaterThan(0.7);
        assertThat(report.distances().dcrShare()).isBetween(0.0, 1.0);
    }

    @Test
    void generateWithTwoTeachersOfflineAndWithAnLlm() throws Exception {
        GenerationBatch offline = GenerateWithTwoTeachers.run(null, 20);
        assertThat(offline.pairs()).hasSize(20);
        assertThat(offline.pairs().stream().map(p -> p.report().provenance().producer() + "/" + p.report().provenance().get("style"))
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("template-synoptic/synoptic", "template-prose/prose");
        try (FakeLlmServer server = FakeLlmServer.start(r -> FakeReply.of("Compte rendu anatomopathologique. Tumorectomie : carcinome infiltrant de type non spécifique, grade SBR 2, récepteurs hormonaux positifs."))) {
            GenerationBatch mixed = GenerateWithTwoTeachers.run("openai-compatible:" + server.openAiBaseUrl() + "#teacher", 20);
            assertThat(mixed.failures()).isEmpty();
            assertThat(mixed.pairs().stream().filter(p -> !p.report().provenance().producer().startsWith("template")).count()).isEqualTo(10);
            assertThat(server.requests()).hasSize(10);
        }
    }

    @Test
    void extractAndScore() {
        assertThat(ExtractAndScore.run().meanAccuracy()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void exportForFineTuning(@TempDir Path dir) throws Exception {
        var r = ExportForFineTuning.run(dir, 150);
        assertThat(r.trainCount() + r.validationCount()).isBetween(140, 150);
        assertThat(Files.readAllLines(r.train())).hasSize(r.trainCount());
        assertThat(Files.readAllLines(r.validation()).get(0)).startsWith("{\"messages\":[{\"role\":\"system\"");
    }

    @Test
    void theMainMethodsRun(@TempDir Path dir) {
        SynthesizeAndEvaluate.main(new String[0]);
        GenerateWithTwoTeachers.main(new String[0]);
        ExtractAndScore.main(new String[0]);
        ExportForFineTuning.main(new String[] {dir.toString()});
        assertThat(dir.resolve("train.jsonl")).isRegularFile();
    }
}
