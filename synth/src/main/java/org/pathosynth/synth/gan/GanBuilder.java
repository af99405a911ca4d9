package org.pathosynth.synth.gan;

import java.util.function.BooleanSupplier;

/**
 * What every GAN builder sets the same way: the training seed and the early-stop check.
 *
 * @param <B> the builder itself, so that setters chain in any order
 */
abstract class GanBuilder<B extends GanBuilder<B>> {
    long seed = 0;
    BooleanSupplier stop = () -> false;

    /** Seed of the training: the same table and seed give the same model. */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * Checked during training (CTGAN after each epoch, PATE-GAN after each GAN epoch, PATE-CTGAN after each outer
     * iteration): returning true ends training with the model as it is (and, for the PATE variants, the ε spent so far).
     */
    public B stopWhen(BooleanSupplier stop) {
        this.stop = stop;
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
