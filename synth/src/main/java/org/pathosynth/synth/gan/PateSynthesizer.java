package org.pathosynth.synth.gan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.synth.internal.model.ModelProvenance;
import org.pathosynth.synth.internal.model.TypedSynthesizer;

/**
 * A PATE synthesizer: the rows are encoded as for CTGAN, teachers see disjoint blocks of them, and a student trained on
 * the teachers' noisy votes stands between them and the generator until ε is spent. A subclass says how the table is
 * checked and encoded, how one training runs, and what its own settings are.
 */
abstract class PateSynthesizer extends TypedSynthesizer<GanModel> {
    final PateSettings pate;

    PateSynthesizer(String name, PateSettings pate) {
        super(name);
        this.pate = pate;
    }

    /** Progress is reported per outer iteration as stage "fit" (out of the iteration cap). */
    @Override
    public final GanModel fit(Table real, ProgressListener progress) {
        java.util.List<String> fromData = org.pathosynth.core.synthesis.DataDomains.check(name(), real.schema(),
                real.schema().names(), pate.acceptDataDomains());
        SplittableRandom rng = new SplittableRandom(pate.seed());
        EncodedTable table = encode(real, rng);
        int rows = real.rowCount();
        GanModel model = train(table, pate.delta(rows), ModelProvenance.ofFit(name(), parameters(rows), real), progress, rng);
        return fromData.isEmpty() ? model : model.withPrivacy(org.pathosynth.core.synthesis.DataDomains.disclosed(model.privacyGuarantee(), fromData));
    }

    /** Checks the table and encodes it ({@link EncodedTable#of}). */
    abstract EncodedTable encode(Table real, SplittableRandom rng);

    /** One training on the encoded table, its guarantee stated at {@code delta}. */
    abstract GanModel train(EncodedTable table, double delta, ArtifactProvenance provenance, ProgressListener progress,
                            SplittableRandom rng);

    /** Every setting, by the option names of the provider (and the fixed ones), δ as used for {@code rows} training rows. */
    final Map<String, Object> parameters(int rows) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epsilon", pate.epsilon());
        p.put("delta", pate.delta(rows));
        p.put("lambda", pate.lambda());
        putSettings(p);
        p.put("accept_data_domains", pate.acceptDataDomains());
        p.put("train_seed", pate.seed());
        p.put("noise_seeded", pate.noiseSeed() != null);
        return p;
    }

    /** Adds this synthesizer's own settings, between the privacy parameters and the seed. */
    abstract void putSettings(Map<String, Object> parameters);
}
