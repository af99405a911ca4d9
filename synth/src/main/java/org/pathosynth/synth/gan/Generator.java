package org.pathosynth.synth.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.synth.internal.nn.Adam;
import org.pathosynth.synth.internal.nn.BatchNorm;
import org.pathosynth.synth.internal.nn.Layer;
import org.pathosynth.synth.internal.nn.Linear;
import org.pathosynth.synth.internal.nn.Matrix;
import org.pathosynth.synth.internal.nn.PacCritic;
import org.pathosynth.synth.internal.nn.ResidualBlock;
import org.pathosynth.synth.internal.nn.Sequential;
import org.pathosynth.synth.internal.nn.SpanActivation;

/**
 * A conditional tabular generator: [noise ⊕ condition] → residual blocks → linear layer to the data
 * width → tanh / Gumbel-softmax per output span. CTGAN's blocks have batch norm, synthcity's do not.
 */
final class Generator {
    static final double TAU = 0.2;

    /** The architecture, enough to rebuild the network around saved weights. */
    record Shape(int latent, int[] hidden, boolean batchNorm) {
    }

    final Shape shape;
    final Sequential net;
    final SpanActivation activation;

    Generator(Shape shape, DataTransformer transformer, int condWidth, SplittableRandom rng) {
        this.shape = shape;
        List<Layer> layers = new ArrayList<>();
        int width = shape.latent() + condWidth;
        for (int h : shape.hidden()) {
            layers.add(new ResidualBlock(width, h, shape.batchNorm(), rng));
            width += h;
        }
        layers.add(new Linear(width, transformer.width, rng));
        net = new Sequential(layers);
        activation = new SpanActivation(transformer.spans(), TAU, rng.split());
    }

    /** Pre-activation outputs for the given noise and conditions (kept for the backward pass). */
    Matrix logits(Matrix z, Matrix cond, boolean training) {
        return net.forward(Matrix.concat(z, cond), training);
    }

    /** How a generator update reads the critic's scores: returns the loss and writes dLoss/dscore into gradient. */
    interface ScoreLoss {
        double apply(Matrix scores, Matrix gradient);
    }

    /** WGAN: maximise the mean critic score. */
    static final ScoreLoss WASSERSTEIN = (scores, gradient) -> {
        gradient.fill(-1.0 / scores.rows);
        return -scores.mean();
    };

    /**
     * One generator update against a critic (rows packed by pac): fresh conditions and noise, the critic's
     * score loss plus CTGAN's cross-entropy on the conditioned column; returns their sum.
     */
    double train(PacCritic critic, int pac, ConditionalSampler conditions, Adam optimizer, int batch, ScoreLoss loss,
                 SplittableRandom rng) {
        ConditionalSampler.Draw draw = conditions.draw(batch, rng);
        Matrix z = Matrix.gaussian(batch, shape.latent(), rng);
        Matrix logits = logits(z, draw.cond(), true);
        Matrix fake = activation.forward(logits, true);
        Matrix scores = critic.forward(Matrix.concat(fake, draw.cond()).reshapeRows(pac), true);
        Matrix gradient = new Matrix(scores.rows, 1);
        double value = loss.apply(scores, gradient);
        Matrix dIn = critic.backwardToInput(gradient);
        Matrix dRows = new Matrix(batch, fake.cols + conditions.width, dIn.data);
        Matrix dLogits = activation.backward(dRows.columns(0, fake.cols));
        double crossEntropy = conditions.crossEntropy(logits, draw, dLogits);
        optimizer.zeroGrad();
        net.backwardToParameters(dLogits);
        optimizer.step();
        return value + crossEntropy;
    }

    /** Activated outputs for fresh noise; training selects batch statistics in batch norm. */
    Matrix generate(Matrix cond, SplittableRandom rng, boolean training) {
        Matrix z = Matrix.gaussian(cond.rows, shape.latent(), rng);
        return activation.forward(logits(z, cond, training), training);
    }

    List<BatchNorm> batchNorms() {
        List<BatchNorm> out = new ArrayList<>();
        for (Layer l : net.layers()) {
            if (l instanceof ResidualBlock b && b.batchNorm() != null) {
                out.add(b.batchNorm());
            }
        }
        return out;
    }
}
