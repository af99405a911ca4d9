package org.pathosynth.synth.gan;

import java.util.SplittableRandom;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.nn.Matrix;

/** The training rows as the GANs see them: the fitted column encoders, the encoded rows, the conditional sampler over them. */
record EncodedTable(DataTransformer transformer, Matrix data, ConditionalSampler conditions) {

    /**
     * Checks that the table has enough rows, then fits the encoders and encodes the rows, each with a generator split
     * from {@code rng}.
     *
     * @param who          how the message names the synthesizer, e.g. "PATE-GAN with 10 teachers"
     * @param logFrequency conditions drawn by log-frequency (CTGAN, PATE-CTGAN) rather than by frequency (PATE-GAN)
     */
    static EncodedTable of(Table real, int minRows, String who, boolean logFrequency, SplittableRandom rng) {
        int n = real.rowCount();
        if (n < minRows) {
            throw new IllegalArgumentException(who + " needs at least " + minRows + " rows, got " + n
                    + (n == 0 ? ": the table has no rows" : ""));
        }
        DataTransformer transformer = DataTransformer.fit(real, rng.split());
        Matrix data = transformer.transform(real, rng.split());
        return new EncodedTable(transformer, data, ConditionalSampler.of(transformer, data, logFrequency));
    }

    /** Width of an encoded row. */
    int width() {
        return transformer.width;
    }

    /** The trained model: this table's encoders and sampler with the generator trained on it. */
    GanModel model(String synthesizer, Generator generator, int batch, double[][] losses, PrivacyGuarantee privacy,
                   ArtifactProvenance provenance) {
        return new GanModel(synthesizer, transformer.schema, transformer, conditions, generator, batch, losses, privacy, provenance);
    }
}
