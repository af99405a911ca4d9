package org.pathosynth.synth.ctgan;

import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.nn.Matrix;

/**
 * A trained CTGAN. Sampling follows the reference: batches of the training batch size, conditions
 * drawn by log-frequency, the generator in training mode (batch statistics), soft Gumbel-softmax,
 * then argmax decoding. Training-mode batch norm mutates the network, so sampling is serialised.
 */
public final class CtganModel implements FittedSynthesizer {
    private final Schema schema;
    private final DataTransformer transformer;
    private final ConditionalSampler conditions;
    private final CtganNetworks nets;
    private final double[][] losses;
    private final int batch;

    CtganModel(Schema schema, DataTransformer transformer, ConditionalSampler conditions, CtganNetworks nets, double[][] losses,
               int batch) {
        this.schema = schema;
        this.transformer = transformer;
        this.conditions = conditions;
        this.nets = nets;
        this.losses = losses;
        this.batch = batch;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public synchronized Table sample(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("number of rows must be >= 0, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        nets.activation.reseed(rng.nextLong()); // the Gumbel noise too comes from the seed
        Table.Builder out = Table.builder(schema, n);
        for (int done = 0; done < n; done += batch) {
            Matrix generated = nets.generate(conditions.draw(batch, rng).cond(), rng);
            double[][] rows = transformer.inverse(generated, rng);
            for (int r = 0; r < rows.length && done + r < n; r++) {
                out.addEncoded(rows[r]);
            }
        }
        return out.build();
    }

    /** {critic, generator} loss of the last step of each epoch trained. */
    public List<double[]> losses() {
        return java.util.Arrays.stream(losses).map(double[]::clone).toList();
    }

    public int epochsTrained() {
        return losses.length;
    }

    @Override
    public PrivacyGuarantee privacyGuarantee() {
        return PrivacyGuarantee.none("CTGAN has no formal privacy guarantee (epsilon = infinity)");
    }

    @Override
    public String synthesizerName() {
        return CtganSynthesizer.NAME;
    }
}
