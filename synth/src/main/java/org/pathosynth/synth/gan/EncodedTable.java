package org.pathosynth.synth.gan;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.nn.Matrix;

/**
 * The training rows as the GANs see them: the fitted column encoders, the encoded rows, the conditional sampler over
 * them, and where rows that follow each column's one-way marginal come from ({@code marginals}: noisy measurements for
 * a PATE synthesizer's default encoders, the real columns otherwise), and, for a PATE synthesizer whose marginals are
 * an MST or AIM model, that model's sample, encoded, and its rows by category ({@code modelRows}, {@code modelRowIndex};
 * null otherwise).
 *
 * @param priorRho the zCDP ρ the encoders spent (0 when they read the rows without noise)
 * @param measured what the encoders measured, as the guarantee states it; null when they read the rows without noise
 */
record EncodedTable(DataTransformer transformer, Matrix data, ConditionalSampler conditions, MarginalSource marginals,
                    double priorRho, String measured, OneWayMarginals noisyMarginals, Matrix modelRows,
                    ConditionalSampler modelRowIndex) {

    EncodedTable(DataTransformer transformer, Matrix data, ConditionalSampler conditions, MarginalSource marginals,
                 double priorRho, String measured, OneWayMarginals noisyMarginals) {
        this(transformer, data, conditions, marginals, priorRho, measured, noisyMarginals, null, null);
    }

    /** Where a value of one column, drawn independently of the others, comes from. */
    @FunctionalInterface
    interface MarginalSource {
        /** A value (code, number, NaN for missing) of the schema's attribute {@code attribute}. */
        double draw(int attribute, SplittableRandom rng);
    }

    /**
     * Checks that the table has enough rows, then fits the encoders on the rows and encodes them, each with a
     * generator split from {@code rng}.
     *
     * @param who          how the message names the synthesizer, e.g. "PATE-GAN with 10 teachers"
     * @param logFrequency conditions drawn by log-frequency (CTGAN, PATE-CTGAN) rather than by frequency (PATE-GAN)
     */
    static EncodedTable of(Table real, int minRows, String who, boolean logFrequency, SplittableRandom rng) {
        requireRows(real, minRows, who);
        DataTransformer transformer = DataTransformer.fit(real, rng.split());
        Matrix data = transformer.transform(real, rng.split());
        int n = real.rowCount();
        MarginalSource columns = (a, r) -> real.column(a).encoded(r.nextInt(n));
        return new EncodedTable(transformer, data, ConditionalSampler.of(transformer, data, logFrequency), columns, 0, null, null);
    }

    /**
     * As {@link #of}, but the encoders and the conditional sampler are built from the one-way marginals of the
     * {@code measured} attributes measured with {@code rho} of zCDP over the schema's public domains (the others taken as
     * missing throughout), never from the rows themselves; the rows are encoded with them for the teachers.
     */
    static EncodedTable ofNoisyMarginals(Table real, int minRows, String who, boolean logFrequency, double rho,
                                         double histogramRho, java.util.Set<String> measured, RandomGenerator noise,
                                         SplittableRandom rng) {
        requireRows(real, minRows, who);
        OneWayMarginals marginals = OneWayMarginals.measure(real, rho, measured, who, noise, histogramRho);
        DataTransformer transformer = DataTransformer.fitPublic(real.schema(), marginals, rng.split());
        Matrix data = transformer.transform(real, rng.split());
        return new EncodedTable(transformer, data, ConditionalSampler.of(transformer, data, logFrequency), marginals::draw,
                marginals.rho(), marginals.describe(), marginals);
    }

    /**
     * As {@link #ofNoisyMarginals}, but what the encoders and the student know of the rows is a differentially private
     * model of their 1- and 2-way marginals fitted with {@code rho} of zCDP: the encoders are fitted to its sample's
     * one-way marginals, and the student's "real" rows are drawn from its sample, so they keep the dependence the model
     * measured instead of being independent column by column.
     */
    static EncodedTable ofPrivateModel(Table real, int minRows, String who, boolean logFrequency,
                                       org.pathosynth.core.synthesis.FittedSynthesizer model, double rho, double total,
                                       java.util.Set<String> measured, String source, int poolRows, SplittableRandom rng) {
        requireRows(real, minRows, who);
        Table pool = model.sample(poolRows, rng.nextLong());
        OneWayMarginals marginals = OneWayMarginals.ofSample(pool, total, rho, measured, who, source);
        DataTransformer transformer = DataTransformer.fitPublic(real.schema(), marginals, rng.split());
        Matrix data = transformer.transform(real, rng.split());
        Matrix poolData = transformer.transform(pool, rng.split());
        return new EncodedTable(transformer, data, ConditionalSampler.of(transformer, data, logFrequency), marginals::draw,
                rho, source, marginals, poolData, ConditionalSampler.of(transformer, poolData, logFrequency));
    }

    static void requireRows(Table real, int minRows, String who) {
        int n = real.rowCount();
        if (n < minRows) {
            throw new IllegalArgumentException(who + " needs at least " + minRows + " rows, got " + n
                    + (n == 0 ? ": the table has no rows" : ""));
        }
    }

    /**
     * The number of rows as the privacy guarantee may use it: the noisy marginals' estimate where there are noisy
     * marginals, the exact count where the encoders read the rows.
     */
    double noisyRows() {
        return noisyMarginals == null ? data.rows : noisyMarginals.total();
    }

    /** Width of an encoded row. */
    int width() {
        return transformer.width;
    }

    /**
     * What a student may be shown as "real" without seeing a real row, each row holding the category its condition asks
     * for: rows of the marginal model's sample when there is one (so they keep the dependence it measured), else rows
     * whose columns are drawn independently from their one-way marginals.
     */
    Matrix marginalRows(ConditionalSampler.Draw draw, SplittableRandom rng) {
        int n = draw.cond().rows;
        int[] conditioned = discreteEncodings();
        Matrix m = new Matrix(n, width());
        for (int r = 0; r < n; r++) {
            // A category drawn has a count, and so rows in the sample, unless every count of its column rounded to 0
            // (a tiny noisy total): then the row is drawn column by column.
            int row = modelRows == null ? -1
                    : modelRowIndex.rowWith(draw.column()[r], draw.category()[r], modelRows.rows, rng);
            if (row >= 0) {
                System.arraycopy(modelRows.data, row * m.cols, m.data, r * m.cols, m.cols);
                continue;
            }
            int offset = r * m.cols;
            int fixed = conditions.hasDiscrete() ? conditioned[draw.column()[r]] : -1;
            for (int e = 0; e < transformer.encodings.size(); e++) {
                ColumnEncoding encoding = transformer.encodings.get(e);
                double value;
                if (e == fixed) {
                    int code = ((ColumnEncoding.Discrete) encoding).codes()[draw.category()[r]];
                    value = code < 0 ? Double.NaN : code;
                } else {
                    value = marginals.draw(transformer.attributes[e], rng);
                }
                encoding.encode(value, m.data, offset, rng);
                offset += encoding.width();
            }
        }
        return m;
    }

    /** The encoding index of each discrete column, in the conditional sampler's order. */
    private int[] discreteEncodings() {
        int[] out = new int[conditions.probabilities.length];
        int i = 0;
        for (int e = 0; e < transformer.encodings.size(); e++) {
            if (transformer.encodings.get(e) instanceof ColumnEncoding.Discrete) {
                out[i++] = e;
            }
        }
        return out;
    }

    /** The trained model: this table's encoders and sampler with the generator trained on it. */
    GanModel model(String synthesizer, Generator generator, int batch, double[][] losses, PrivacyGuarantee privacy,
                   ArtifactProvenance provenance) {
        return new GanModel(synthesizer, transformer.schema, transformer, conditions, generator, batch, losses, privacy, provenance);
    }
}
