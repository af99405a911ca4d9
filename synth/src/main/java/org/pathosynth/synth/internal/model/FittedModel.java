package org.pathosynth.synth.internal.model;

import java.util.SplittableRandom;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.PrivacyGuarantee;

/**
 * What every fitted model of this module shares: the synthesizer that made it, its schema, its privacy guarantee and
 * its provenance (stating that guarantee), and sampling that checks the row count and draws every row from one
 * generator seeded with the caller's seed. A model only says how it draws its rows.
 */
public abstract class FittedModel implements FittedSynthesizer {
    private final String synthesizer;
    private final Schema schema;
    private final PrivacyGuarantee privacy;
    private final ArtifactProvenance provenance;

    /** @param provenance what made the model; its guarantee is set to {@code privacy} */
    protected FittedModel(String synthesizer, Schema schema, PrivacyGuarantee privacy, ArtifactProvenance provenance) {
        this.synthesizer = synthesizer;
        this.schema = schema;
        this.privacy = privacy;
        this.provenance = provenance.withPrivacy(privacy);
    }

    @Override
    public final Schema schema() {
        return schema;
    }

    @Override
    public final Table sample(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("number of rows must be >= 0, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Table.Builder out = Table.builder(schema, n).coherent(); // every synthesizer keeps the schema's coherence rules
        draw(n, rng, out);
        return out.build();
    }

    /** Adds {@code n} rows to {@code out}, every random choice taken from {@code rng}. */
    protected abstract void draw(int n, SplittableRandom rng, Table.Builder out);

    @Override
    public final PrivacyGuarantee privacyGuarantee() {
        return privacy;
    }

    @Override
    public final String synthesizerName() {
        return synthesizer;
    }

    @Override
    public final ArtifactProvenance provenance() {
        return provenance;
    }
}
