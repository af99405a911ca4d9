package org.pathosynth.synth.gan;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pathosynth.synth.internal.nn.Adam;
import org.pathosynth.synth.internal.nn.PacCritic;
import org.pathosynth.synth.internal.nn.Parameter;

/**
 * CTGAN's networks and optimiser, as CTGAN and PATE-CTGAN build them: a residual generator with batch norm, critics
 * (or discriminators) with leaky ReLU 0.2 and dropout 0.5, Adam with β = (0.5, 0.9) and L2 weight decay.
 */
record CtganArchitecture(int embedding, int[] generatorDims, int[] criticDims, double learningRate, double weightDecay) {

    /** The reference's: embedding 128, generator and critic (256, 256), learning rate 2e-4, weight decay 1e-6. */
    static CtganArchitecture reference() {
        return new CtganArchitecture(128, new int[] {256, 256}, new int[] {256, 256}, 2e-4, 1e-6);
    }

    Generator generator(DataTransformer transformer, int conditionWidth, SplittableRandom rng) {
        return new Generator(new Generator.Shape(embedding, generatorDims, true), transformer, conditionWidth, rng);
    }

    /** A critic over input rows of {@code width} values (pac rows and their conditions side by side for CTGAN's). */
    PacCritic critic(int width, SplittableRandom rng) {
        return new PacCritic(width, criticDims, 0.2, 0.5, rng);
    }

    Adam optimizer(List<Parameter> parameters) {
        return new Adam(parameters, learningRate, 0.5, 0.9, weightDecay, 0);
    }

    /** Adds the architecture to a model's parameters, by the providers' option names. */
    void putParameters(Map<String, Object> p) {
        p.put("embedding", embedding);
        p.put("generator_dims", Arrays.stream(generatorDims).boxed().toList());
        p.put("critic_dims", Arrays.stream(criticDims).boxed().toList());
        p.put("learning_rate", learningRate);
        p.put("weight_decay", weightDecay);
    }
}
