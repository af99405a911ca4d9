package org.pathosynth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.eval.extraction.ExtractionScores;

class QuickStartTest {
    @Test
    void readmeExampleRunsOnTheDemoTable(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("tcga.csv");
        try (var in = QuickStartTest.class.getResourceAsStream("/org/pathosynth/examples/demo/tcga-brca.csv")) {
            Files.copy(in, csv);
        }
        ExtractionScores scores = QuickStart.run(csv, 200);
        assertThat(scores.perAttribute()).hasSize(13);
        assertThat(scores.meanAccuracy()).isGreaterThanOrEqualTo(0.98);
    }
}
