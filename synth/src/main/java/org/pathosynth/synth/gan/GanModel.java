package org.pathosynth.synth.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.model.FittedModel;
import org.pathosynth.synth.internal.model.RowConstraints;
import org.pathosynth.synth.internal.nn.Matrix;

/**
 * A trained conditional GAN (CTGAN, PATE-GAN or PATE-CTGAN). Sampling follows CTGAN: batches of the
 * training batch size, conditions drawn by the sampler's category probabilities, the generator in
 * training mode (batch statistics, as the reference does), soft Gumbel-softmax, then argmax decoding;
 * rows breaking the schema's constraints are rejected. A PATE model then brings each column to the one-way marginal
 * of its noisy measurements ({@link MarginalCalibration}), and a row the calibration makes break a constraint has its lesser side
 * lowered.
 * Training-mode batch norm mutates the network, so sampling is serialised. {@link #toJson()} saves
 * everything sampling needs; the training rows are not in it.
 */
public final class GanModel extends FittedModel {
    final DataTransformer transformer;
    final ConditionalSampler conditions;
    final Generator generator;
    final int batch;
    private final double[][] losses;
    private final RowConstraints constraints;
    final MarginalCalibration calibration; // null: the rows are kept as the generator gives them

    /** @param provenance what made it; its guarantee is set to {@code privacy} */
    GanModel(String name, Schema schema, DataTransformer transformer, ConditionalSampler conditions, Generator generator, int batch,
             double[][] losses, PrivacyGuarantee privacy, ArtifactProvenance provenance) {
        this(name, schema, transformer, conditions, generator, batch, losses, privacy, provenance, null);
    }

    /** @param calibration the noisy one-way marginals sampled rows are brought to, or null */
    GanModel(String name, Schema schema, DataTransformer transformer, ConditionalSampler conditions, Generator generator, int batch,
             double[][] losses, PrivacyGuarantee privacy, ArtifactProvenance provenance, MarginalCalibration calibration) {
        super(name, schema, privacy, provenance);
        this.calibration = calibration;
        this.transformer = transformer;
        this.conditions = conditions;
        this.generator = generator;
        this.batch = batch;
        this.losses = losses;
        this.constraints = RowConstraints.of(schema);
    }

    /**
     * Serialised on the generator, which models made by {@link #withConditions}, {@link #withPrivacy} and
     * {@link #withCalibration} share: in
     * training mode it mutates its batch-norm statistics and writes each pass over the previous one's buffers.
     */
    @Override
    protected void draw(int n, SplittableRandom rng, Table.Builder out) {
        synchronized (generator) {
            drawSerialised(n, rng, out);
        }
    }

    private void drawSerialised(int n, SplittableRandom rng, Table.Builder out) {
        generator.activation.reseed(rng.nextLong()); // the Gumbel noise too comes from the seed
        // rows that break a schema constraint (nodes affected > taken) are rejected, as SDV's reject sampling
        // does; past a budget of 10 draws per row, rejected rows are kept with the lesser side clamped
        List<double[]> rejected = new ArrayList<>();
        List<double[]> rows = calibration != null ? new ArrayList<>(n) : null; // held for the calibration only
        int accepted = 0;
        long budget = 10L * n + batch;
        for (long drawn = 0; accepted < n && drawn < budget; drawn += batch) {
            Matrix generated = generator.generate(conditions.draw(batch, rng).cond(), rng, true);
            for (double[] row : transformer.inverse(generated, rng)) {
                if (accepted == n) {
                    break;
                }
                if (constraints.satisfied(row)) {
                    keep(row, rows, out);
                    accepted++;
                } else if (rejected.size() < n) {
                    rejected.add(row);
                }
            }
        }
        for (int i = 0; accepted < n; i++, accepted++) {
            double[] row = rejected.get(i);
            constraints.clamp(row);
            keep(row, rows, out);
        }
        if (calibration != null) {
            calibration.apply(rows, rng);
            for (double[] row : rows) {
                constraints.clamp(row); // calibration moves columns one at a time; the lesser side gives way, as above
                out.addEncoded(row);
            }
        }
    }

    private static void keep(double[] row, List<double[]> rows, Table.Builder out) {
        if (rows != null) {
            rows.add(row);
        } else {
            out.addEncoded(row);
        }
    }

    /** This model sampling its conditions from another sampler over the same columns. */
    GanModel withConditions(ConditionalSampler sampling) {
        if (sampling.width != conditions.width) {
            throw new IllegalArgumentException("a sampler of " + sampling.width + " condition cells for a generator of " + conditions.width);
        }
        return new GanModel(synthesizerName(), schema(), transformer, sampling, generator, batch, losses, privacyGuarantee(), provenance(),
                calibration);
    }

    /** This model stating another guarantee (the same guarantee with more said of what it does not cover). */
    GanModel withPrivacy(PrivacyGuarantee privacy) {
        return new GanModel(synthesizerName(), schema(), transformer, conditions, generator, batch, losses, privacy, provenance(),
                calibration);
    }

    /** This model bringing its sampled rows' one-way marginals to {@code calibration}'s (null: as the generator gives them). */
    GanModel withCalibration(MarginalCalibration calibration) {
        return new GanModel(synthesizerName(), schema(), transformer, conditions, generator, batch, losses, privacyGuarantee(),
                provenance(), calibration);
    }

    /**
     * The losses of the last step of each training epoch (or outer iteration for the PATE variants: student and
     * generator; PATE-CTGAN's teachers' loss, read on real rows without noise, is not kept).
     */
    public List<double[]> losses() {
        return Arrays.stream(losses).map(double[]::clone).toList();
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("epochs_trained", epochsTrained());
    }

    public int epochsTrained() {
        return losses.length;
    }

    /** The model as JSON: provenance (with the privacy spent), architecture, weights, batch-norm statistics, column encodings. */
    @Override
    public String toJson() {
        return GanModelJson.write(this);
    }

    /** Loads a model saved by {@link #toJson()} (any of the three GAN synthesizers). */
    public static GanModel fromJson(String json) {
        return GanModelJson.read(json);
    }

    double[][] rawLosses() {
        return losses;
    }
}
