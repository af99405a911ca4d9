package org.pathosynth.synth.independent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pathosynth.core.data.Column;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.schema.LessOrEqualConstraint;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.model.FittedModel;
import org.pathosynth.synth.internal.model.ModelProvenance;
import org.pathosynth.synth.internal.model.TypedSynthesizer;
import org.pathosynth.synth.internal.model.RowConstraints;

/**
 * The baseline every synthesizer must beat: each column is sampled independently from its
 * empirical distribution, missing values at their observed rate. It keeps every marginal and no
 * dependence, and it copies real values (so it gives no privacy guarantee).
 *
 * <p>With {@link Builder#enforceConstraints(boolean)} the columns of a violated schema constraint
 * (e.g. nodes affected greater than nodes taken) are redrawn until it holds, which keeps records
 * clinically coherent at the cost of a slight shift in those two marginals.
 */
public final class IndependentMarginalsSynthesizer extends TypedSynthesizer<FittedSynthesizer> {
    public static final String NAME = "independent";
    private static final int MAX_REDRAWS = 10_000;

    private final boolean enforceConstraints;

    private IndependentMarginalsSynthesizer(boolean enforceConstraints) {
        super(NAME);
        this.enforceConstraints = enforceConstraints;
    }

    /** The pure baseline (no constraint enforcement). */
    public static IndependentMarginalsSynthesizer create() {
        return new IndependentMarginalsSynthesizer(false);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public FittedSynthesizer fit(Table real, ProgressListener progress) {
        if (real.rowCount() == 0) {
            throw new IllegalArgumentException("cannot fit the independent synthesizer on an empty table: it has no rows");
        }
        Schema schema = real.schema();
        List<Marginal> marginals = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            marginals.add(Marginal.of(real.column(c)));
            progress.onProgress("fit", c + 1, schema.size());
        }
        return new Fitted(schema, marginals, enforceConstraints,
                ModelProvenance.ofFit(NAME, Map.of("enforce_constraints", enforceConstraints), real));
    }

    /** Options of the independent synthesizer. */
    public static final class Builder {
        private boolean enforceConstraints;

        /** Redraw the columns of a violated schema constraint (default false: the pure baseline). */
        public Builder enforceConstraints(boolean enforce) {
            this.enforceConstraints = enforce;
            return this;
        }

        public IndependentMarginalsSynthesizer build() {
            return new IndependentMarginalsSynthesizer(enforceConstraints);
        }
    }

    /**
     * One column's empirical distribution: the values in sorted order, missing first (as NaN), so a
     * uniform draw of an index reproduces the observed frequencies exactly.
     */
    record Marginal(double[] sortedValues) {
        static Marginal of(Column column) {
            double[] values = column.encoded();
            // Arrays.sort puts NaN last; order does not matter for sampling but makes the model canonical.
            Arrays.sort(values);
            return new Marginal(values);
        }

        double draw(SplittableRandom rng) {
            return sortedValues[rng.nextInt(sortedValues.length)];
        }
    }

    private static final class Fitted extends FittedModel {
        private static final PrivacyGuarantee PRIVACY =
                PrivacyGuarantee.none("independent marginals resample real values; no differential privacy");

        private final List<Marginal> marginals;
        private final boolean enforceConstraints;
        private final RowConstraints constraints;

        Fitted(Schema schema, List<Marginal> marginals, boolean enforceConstraints, ArtifactProvenance provenance) {
            super(NAME, schema, PRIVACY, provenance);
            this.marginals = List.copyOf(marginals);
            this.enforceConstraints = enforceConstraints;
            this.constraints = RowConstraints.of(schema);
        }

        @Override
        protected void draw(int n, SplittableRandom rng, Table.Builder out) {
            double[] row = new double[schema().size()];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = marginals.get(c).draw(rng);
                }
                if (enforceConstraints) {
                    enforce(row, rng);
                }
                out.addEncoded(row);
            }
        }

        private void enforce(double[] row, SplittableRandom rng) {
            for (int k = 0; k < constraints.size(); k++) {
                int lesser = constraints.lesser(k);
                int greater = constraints.greater(k);
                int attempts = 0;
                while (!constraints.holds(k, row)) {
                    if (++attempts > MAX_REDRAWS) {
                        LessOrEqualConstraint c = schema().constraints().get(k);
                        throw new IllegalStateException("cannot satisfy constraint " + c.describe()
                                + " from the fitted marginals after " + MAX_REDRAWS + " redraws");
                    }
                    row[lesser] = marginals.get(lesser).draw(rng);
                    row[greater] = marginals.get(greater).draw(rng);
                }
            }
        }

        /** Refuses: the model is every real value of every column, which must not leave the hospital. */
        @Override
        public String toJson() {
            throw new UnsupportedOperationException("the independent synthesizer's model cannot be saved: it stores real values "
                    + "(every observed value of every column); save a gaussian-copula, mst or GAN model instead");
        }
    }
}
