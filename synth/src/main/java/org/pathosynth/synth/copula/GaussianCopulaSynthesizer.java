package org.pathosynth.synth.copula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.pathosynth.core.data.CodedColumn;
import org.pathosynth.core.data.Column;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.model.ModelProvenance;
import org.pathosynth.synth.internal.model.TypedSynthesizer;

/**
 * A Gaussian copula: every column is mapped through its marginal to a normal score, the scores'
 * Pearson correlation is learned, and samples are drawn from that multivariate normal and mapped
 * back. Categories use SDV's uniform interval encoding, in domain order so an ordinal grade keeps
 * its order; numeric columns use the chosen {@link MarginalFamily}. A column with gaps gets a
 * separate missing-flag dimension, so missingness shared between columns is kept (SDV draws numeric
 * gaps independently and folds categorical ones into the category, which dilutes both
 * dependences). No differential privacy.
 */
public final class GaussianCopulaSynthesizer extends TypedSynthesizer<GaussianCopulaModel> {
    public static final String NAME = "gaussian-copula";
    static final double EPSILON = 0x1.0p-23; // float32 machine epsilon, the reference's clip
    private static final int INTERPOLATE_FROM_DISTINCT = 20;

    private final MarginalFamily family;
    private final long fitSeed;
    private final boolean enforceConstraints;

    private GaussianCopulaSynthesizer(Builder b) {
        super(NAME);
        this.family = b.family;
        this.fitSeed = b.fitSeed;
        this.enforceConstraints = b.enforceConstraints;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static GaussianCopulaSynthesizer create() {
        return builder().build();
    }

    @Override
    public GaussianCopulaModel fit(Table real, ProgressListener progress) {
        if (real.rowCount() == 0) {
            throw new IllegalArgumentException("cannot fit the Gaussian copula on an empty table: it has no rows");
        }
        if (real.rowCount() < 2) {
            throw new IllegalArgumentException("the Gaussian copula needs at least 2 rows, got " + real.rowCount());
        }
        Schema schema = real.schema();
        SplittableRandom rng = new SplittableRandom(fitSeed);
        List<CopulaVariable> variables = new ArrayList<>();
        List<double[]> observed = new ArrayList<>(); // per variable: the value per row, NaN where not observed
        for (int c = 0; c < schema.size(); c++) {
            Attribute a = schema.attribute(c);
            Column column = real.column(c);
            int n = column.size();
            // Observed values and missingness are separate dimensions, so each keeps its own correlations
            // (PR follows ER; PR and HER2 go missing together).
            double[] v = column.encoded();
            double[] present = java.util.Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
            if (present.length > 0) {
                variables.add(column instanceof CodedColumn
                        ? new CopulaVariable(c, CopulaVariable.Role.CODE, EmpiricalMarginal.fit(present, false))
                        : new CopulaVariable(c, CopulaVariable.Role.VALUE, marginal(a, present),
                                CopulaVariable.digitsOf(present, a.precision() == null ? 6 : a.precision())));
                observed.add(v);
            }
            if (present.length > 0 && present.length < n) {
                double[] flag = new double[n];
                for (int r = 0; r < n; r++) {
                    flag[r] = Double.isNaN(v[r]) ? 1 : 0;
                }
                variables.add(new CopulaVariable(c, CopulaVariable.Role.MISSING_FLAG, EmpiricalMarginal.fit(flag, false)));
                observed.add(flag);
            }
            progress.onProgress("fit", c + 1, schema.size() + 1);
        }
        int p = variables.size();
        int n = real.rowCount();
        double[][] z = new double[p][n];
        for (int j = 0; j < p; j++) {
            double[] x = observed.get(j);
            Marginal m = variables.get(j).marginal();
            for (int r = 0; r < n; r++) {
                // A missing numeric value has no score: an independent draw keeps the margins standard.
                z[j][r] = Double.isNaN(x[r]) ? rng.nextGaussian()
                        : StandardNormal.inverse(clip(m.toUniform(x[r], rng)));
            }
        }
        double[][] correlation = correlation(z);
        double[][] factor = cholesky(correlation);
        progress.onProgress("fit", schema.size() + 1, schema.size() + 1);
        return new GaussianCopulaModel(schema, family, variables, correlation, factor, enforceConstraints,
                ModelProvenance.ofFit(NAME, parameters(), real));
    }

    /** Every setting, by the option names of {@link GaussianCopulaProvider}. */
    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("marginals", family.name().toLowerCase(Locale.ROOT));
        p.put("enforce_constraints", enforceConstraints);
        p.put("fit_seed", fitSeed);
        return p;
    }

    private Marginal marginal(Attribute a, double[] present) {
        return switch (family) {
            case EMPIRICAL -> EmpiricalMarginal.fit(present, a.kind() == AttributeKind.NUMERIC
                    && java.util.Arrays.stream(present).distinct().count() > INTERPOLATE_FROM_DISTINCT);
            case BETA -> ParametricMarginal.beta(present);
            case NORMAL -> ParametricMarginal.normal(present);
        };
    }

    static double clip(double u) {
        return Math.min(1 - EPSILON, Math.max(EPSILON, u));
    }

    /** Pearson correlation of the rows of z (variables × observations); constant variables correlate 0. */
    static double[][] correlation(double[][] z) {
        int p = z.length;
        int n = p == 0 ? 0 : z[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            for (double v : z[j]) {
                mean[j] += v / n;
            }
            double ss = 0;
            for (double v : z[j]) {
                ss += (v - mean[j]) * (v - mean[j]);
            }
            sd[j] = Math.sqrt(ss);
        }
        double[][] r = new double[p][p];
        for (int a = 0; a < p; a++) {
            r[a][a] = 1;
            for (int b = a + 1; b < p; b++) {
                double s = 0;
                if (sd[a] > 0 && sd[b] > 0) {
                    for (int i = 0; i < n; i++) {
                        s += (z[a][i] - mean[a]) * (z[b][i] - mean[b]);
                    }
                    s /= sd[a] * sd[b];
                }
                r[a][b] = s;
                r[b][a] = s;
            }
        }
        return r;
    }

    /** Lower Cholesky factor; a ridge is added (and the diagonal renormalised) until the matrix is positive definite. */
    static double[][] cholesky(double[][] correlation) {
        int p = correlation.length;
        if (p == 0) {
            return new double[0][0];
        }
        double ridge = 0;
        while (true) {
            double[][] m = new double[p][p];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    m[a][b] = (correlation[a][b] + (a == b ? ridge : 0)) / (1 + ridge);
                }
            }
            try {
                RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-12, 1e-12).getL();
                return l.getData();
            } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                ridge = ridge == 0 ? EPSILON : ridge * 10;
            }
        }
    }

    /** Options: marginal family (default empirical), fit seed (the tie jitter), constraint enforcement (default on). */
    public static final class Builder {
        private MarginalFamily family = MarginalFamily.EMPIRICAL;
        private long fitSeed = 0;
        private boolean enforceConstraints = true;

        public Builder marginals(MarginalFamily family) {
            this.family = family;
            return this;
        }

        public Builder fitSeed(long seed) {
            this.fitSeed = seed;
            return this;
        }

        /** Redraw rows that break a schema constraint (e.g. nodes affected above nodes taken); default true. */
        public Builder enforceConstraints(boolean enforce) {
            this.enforceConstraints = enforce;
            return this;
        }

        public GaussianCopulaSynthesizer build() {
            return new GaussianCopulaSynthesizer(this);
        }
    }
}
