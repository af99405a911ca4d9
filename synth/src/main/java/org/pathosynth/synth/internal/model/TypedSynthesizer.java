package org.pathosynth.synth.internal.model;

import org.pathosynth.core.data.Table;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/**
 * A synthesizer of this module: its name, and both fits typed with the model it makes, so that
 * {@code CtganSynthesizer.builder().build().fit(table)} is a {@code GanModel} without a cast.
 *
 * @param <M> the type of the fitted model
 */
public abstract class TypedSynthesizer<M extends FittedSynthesizer> implements TabularSynthesizer {
    private final String name;

    protected TypedSynthesizer(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final M fit(Table real) {
        return fit(real, ProgressListener.NONE);
    }

    @Override
    public abstract M fit(Table real, ProgressListener progress);
}
