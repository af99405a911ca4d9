package org.pathosynth.extraction.student;

import org.junit.jupiter.api.BeforeAll;
import org.pathosynth.core.contract.ExtractorContractTest;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.schema.Schema;

/** A student keeps the extractor contract. */
class StudentExtractorContractTest extends ExtractorContractTest {
    private static StudentModel model;

    @BeforeAll
    static void train() {
        model = StudentTrainer.builder().seed(2).build().train(TrainingPairs.corpus(Schema.breastCancer(), 600, 8));
    }

    @Override
    protected PathologyExtractor extractor() {
        return model.extractor();
    }
}
