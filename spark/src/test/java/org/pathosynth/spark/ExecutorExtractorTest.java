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
        PathologyExtractor[] built = new PathologyExtractor[ExecutorExtractor.KEPT + 4];
        for (int i = 0; i < built.length; i++) {
            built[i] = rulesWithThreshold(2 + i).extractor();
            assertThat(ExecutorExtractor.builtCount()).isLessThanOrEqualTo(ExecutorExtractor.KEPT);
        }
        assertThat(ExecutorExtractor.builtCount()).isEqualTo(ExecutorExtractor.KEPT);
        assertThat(rulesWithThreshold(2 + built.length - 1).extractor()).isSameAs(built[built.length - 1]); // used last: kept
        assertThat(rulesWithThreshold(1).extractor()).isNotSameAs(first); // used first: forgotten, built again
        ExecutorExtractor.forgetBuilt();
    }
}
