package org.pathosynth.extraction.student;

import java.nio.file.Path;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.ExtractorProvider;
import org.pathosynth.core.extraction.PathologyExtractor;

/** The extractor {@code student:model.bin}: a student trained by {@code train-extractor} ({@link StudentTrainer}). */
public final class StudentExtractorProvider implements ExtractorProvider<StudentExtractorProvider.Options> {
    /** A student takes no option: what it reads was decided in training. */
    public record Options() {
    }

    @Override
    public String name() {
        return StudentExtractor.NAME;
    }

    @Override
    public String description() {
        return "a student extractor learnt from synthetic pairs (student:model.bin), offline";
    }

    @Override
    public Class<Options> optionsType() {
        return Options.class;
    }

    @Override
    public PathologyExtractor create(String argument, Options options, ComponentContext context) {
        return StudentExtractor.of(load(argument, StudentExtractor.NAME, context));
    }

    /** The model a spec names, checked against the context's schema. */
    static StudentModel load(String argument, String name, ComponentContext context) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("extractor '" + name + "' needs a model file: " + name + ":model.bin");
        }
        StudentModel model = StudentModel.load(Path.of(argument));
        if (!model.schema().name().equals(context.schema().name())) {
            throw new IllegalArgumentException(argument + " was trained for schema '" + model.schema().name() + "', not '"
                    + context.schema().name() + "'");
        }
        return model;
    }
}
