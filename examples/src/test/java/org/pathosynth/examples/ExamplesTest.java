package org.pathosynth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.report.Report;
import org.pathosynth.extraction.corpus.LabelledCorpus;
import org.pathosynth.extraction.corpus.LabelledReport;
import org.pathosynth.extraction.student.StudentModel;
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
    void trainAStudent(@TempDir Path dir) {
        Path file = dir.resolve("student.bin");
        StudentModel model = TrainAStudent.train(DemoData.tcgaBrca(), 3000, file);
        assertThat(file).isRegularFile();
        assertThat(model.provenance().toString()).contains("breast-cancer", "42");
        var read = StudentModel.load(file).extractor().extract(Report.of("r1",
                "Tumorectomie gauche : carcinome lobulaire infiltrant de 14 mm, grade II. RE 90 %, RP 0 %.", "fr")).values();
        assertThat(read.getString("test_used_for_diagnosis")).isEqualTo("lumpectomy");
        assertThat(read.getString("sbr_grade")).isEqualTo("2");
        assertThat(read.getString("er_status")).isEqualTo("positive");
        assertThat(read.getString("pr_status")).isEqualTo("negative");
        // on the bundled French reports, over the attributes the demo table records (it has no Ki-67, size or emboles)
        List<String> recorded = List.of("test_used_for_diagnosis", "morphology_icdo", "sbr_grade", "clear_margins", "er_status", "pr_status",
                "her2_status");
        var student = model.extractor();
        long right = 0;
        long total = 0;
        for (LabelledReport r : LabelledCorpus.breastCancer()) {
            if (!r.report().language().equals("fr")) {
                continue;
            }
            var values = student.extract(r.report()).values();
            for (String name : recorded) {
                right += java.util.Objects.equals(values.get(name), r.gold().get(name)) ? 1 : 0;
                total++;
            }
        }
        assertThat(right / (double) total).isGreaterThan(0.85);
    }

    @Test
    void theMainMethodsRun(@TempDir Path dir) {
        SynthesizeAndEvaluate.main(new String[0]);
        GenerateWithTwoTeachers.main(new String[0]);
        ExtractAndScore.main(new String[0]);
        ExportForFineTuning.main(new String[] {dir.toString()});
        TrainAStudent.main(new String[] {dir.resolve("student.bin").toString()});
        assertThat(dir.resolve("train.jsonl")).isRegularFile();
    }
}
