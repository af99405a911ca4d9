package org.pathosynth.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.schema.Schema;

/** What an executor JVM keeps built, without a Spark context. */
class ExecutorExtractorTest {
    private static ExecutorExtractor rulesWithThreshold(double threshold) {
        return ExecutorExtractor.of("rules", Schema.breastCancer(), Map.of("french_receptor_threshold", threshold));
    }

    @Test
    void anExecutorKeepsTheExtractorsItUsedLastAndNoMore() {
        ExecutorExtractor.forgetBuilt();
        PathologyExtractor first = rulesWithThreshold(1).extractor();
        assertThat(rulesWithThreshold(1).extractor()).isSameAs(first); // an equal value, as another task carries it
        PathologyExtractor second = rulesWithThreshold(2).extractor();
        for (int i = 3; i <= ExecutorExtractor.KEPT; i++) {
            rulesWithThreshold(i).extractor();
        }
        assertThat(ExecutorExtractor.builtCount()).isEqualTo(ExecutorExtractor.KEPT);
        assertThat(rulesWithThreshold(1).extractor()).isSameAs(first); // used again: now the most recent
        PathologyExtractor newest = rulesWithThreshold(ExecutorExtractor.KEPT + 1).extractor(); // one too many
        assertThat(ExecutorExtractor.builtCount()).isEqualTo(ExecutorExtractor.KEPT);
        assertThat(rulesWithThreshold(1).extractor()).isSameAs(first); // kept: it was used after the second
        assertThat(rulesWithThreshold(ExecutorExtractor.KEPT + 1).extractor()).isSameAs(newest);
        assertThat(rulesWithThreshold(2).extractor()).isNotSameAs(second); // used least recently: forgotten, built again
        for (int i = 0; i < 4 * ExecutorExtractor.KEPT; i++) {
            rulesWithThreshold(20 + i).extractor();
            assertThat(ExecutorExtractor.builtCount()).isLessThanOrEqualTo(ExecutorExtractor.KEPT);
        }
        ExecutorExtractor.forgetBuilt();
    }
}
