package org.pathosynth.synth.aim;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.pathosynth.core.data.Column;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.DataDomains;
import org.pathosynth.synth.internal.dp.AttributeBins;
import org.pathosynth.synth.internal.dp.BinInterior;
import org.pathosynth.synth.internal.dp.CompressedDomain;
import org.pathosynth.synth.internal.dp.Zcdp;
import org.pathosynth.synth.internal.model.ModelProvenance;
import org.pathosynth.synth.internal.model.TypedSynthesizer;
import org.pathosynth.synth.internal.pgm.Factor;
import org.pathosynth.synth.internal.pgm.GraphicalModel;
import org.pathosynth.synth.internal.pgm.JunctionTree;
import org.pathosynth.synth.internal.pgm.MirrorDescent;
import org.pathosynth.synth.internal.pgm.NoisyMarginal;
import org.pathosynth.synth.internal.pgm.StructuralZeros;

/**
 * AIM (McKenna, Mullins, Sheldon and Miklau, VLDB 2022; private-pgm's {@code mechanisms/aim.py}): an (ε, δ)-differentially
 * private synthesizer that chooses, round by round, which marginal of a workload to measure. The workload is every
 * 1-, 2- and 3-way marginal of the modelled attributes; the candidates are its marginals of at most two attributes by
 * default ({@link Builder#measuredDegree}). All 1-ways are measured first; then each round picks with the exponential
 * mechanism the candidate the current model answers worst (its L1 error, less the error its measurement would leave in
 * the model, weighted by its overlap with the workload), among those whose junction tree stays under a size limit that
 * grows with the budget spent, measures it with Gaussian noise and refits the graphical model by mirror descent. A
 * marginal of two or more attributes (a pair, by default) is also a candidate on coarser groups of its cells, where the
 * noisy 1-ways allow them ({@link Builder#coarsePairs}): the selection weighs its smaller error against its smaller
 * noise.
 * With {@code anneal}, as in the reference, a measurement that barely moves the model halves the noise of the next
 * rounds (off by default: see {@link Builder#anneal}). The last round spends exactly
 * what is left, so the budget is spent to the end and never beyond it (zCDP accounting, then the tight conversion to
 * (ε, δ)). Attributes are discretised from public schema bounds only ({@link AttributeBins}).
 *
 * <p>The noise comes from {@link SecureRandom} unless a noise seed is set (for tests and reproducible studies only).
 */
public final class AimSynthesizer extends TypedSynthesizer<AimModel> {
    public static final String NAME = "aim";

    private final double epsilon;
    private final double delta;
    private final int numericBins;
    private final int degree;
    private final int measuredDegree;
    private final boolean freePenalty;
    private final Integer rounds;
    private final long maxModelSize;
    private final int iterations;
    private final int roundIterations;
    private final Long seed;
    private final boolean compress;
    private final boolean anneal;
    private final boolean enforceConstraints;
    private final boolean structuralZeros;
    private final java.util.Set<String> attributes;
    private final boolean acceptDataDomains;
    private final boolean valueHistograms;
    private final double coarsePairs;

    private AimSynthesizer(Builder b) {
        super(NAME);
        this.epsilon = b.epsilon;
        this.delta = b.delta;
        this.numericBins = b.numericBins;
        this.degree = b.degree;
        this.measuredDegree = b.measuredDegree;
        this.freePenalty = b.freePenalty;
        this.rounds = b.rounds;
        this.maxModelSize = b.maxModelSize;
        this.iterations = b.iterations;
        this.roundIterations = b.roundIterations;
        this.seed = b.seed;
        this.compress = b.compress;
        this.anneal = b.anneal;
        this.enforceConstraints = b.enforceConstraints;
        this.structuralZeros = b.structuralZeros;
        this.attributes = b.attributes;
        this.acceptDataDomains = b.acceptDataDomains;
        this.valueHistograms = b.valueHistograms;
        this.coarsePairs = b.coarsePairs;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AimModel fit(Table real, ProgressListener progress) {
        if (real.rowCount() == 0) {
            throw new IllegalArgumentException("cannot fit AIM on an empty table: it has no rows");
        }
        Schema schema = real.schema();
        if (attributes != null) {
            for (String name : attributes) {
                schema.indexOf(name); // names an unknown attribute clearly
            }
        }
        int[] modelled = IntStream.range(0, schema.size())
                .filter(i -> attributes == null || attributes.contains(schema.attribute(i).name())).toArray();
        if (modelled.length == 0) {
            throw new IllegalArgumentException("AIM has no attribute to model");
        }
        DataDomains.check(NAME, schema, Arrays.stream(modelled).mapToObj(i -> schema.attribute(i).name()).toList(), acceptDataDomains);
        int d = modelled.length;
        int n = real.rowCount();
        SplittableRandom rng = new SplittableRandom(seed != null ? seed : new SecureRandom().nextLong());
        double rho = Zcdp.rho(epsilon, delta);
        int plannedRounds = rounds != null ? rounds : 2 * d;
        if (plannedRounds < d) {
            throw new IllegalArgumentException("AIM needs at least one planned round per modelled attribute (" + d
                    + ") for their 1-way marginals, got rounds " + plannedRounds);
        }
        double sigma = Math.sqrt(plannedRounds / (2 * 0.9 * rho));
        double selectEpsilon = Math.sqrt(8 * 0.1 * rho / plannedRounds);
        // A histogram of exact values costs what a 1-way does; together they take at most half of what the 1-ways
        // leave to the adaptive rounds.
        double histogramCap = 0.5 * (rho - d * 0.5 / (sigma * sigma));
        double histogramsRho = 0;

        // 1. Every 1-way marginal on the public bins, then (by default) each domain compressed from its own noisy 1-way.
        int[] domain = new int[d];
        int[][] cells = new int[d][];
        AttributeBins[] allBins = new AttributeBins[d];
        CompressedDomain[] domains = new CompressedDomain[d];
        BinInterior[] interiors = new BinInterior[d];
        List<NoisyMarginal> measurements = new ArrayList<>();
        double rhoUsed = 0;
        for (int a = 0; a < d; a++) {
            AttributeBins bins = AttributeBins.of(schema.attribute(modelled[a]), numericBins, "AIM");
            allBins[a] = bins;
            int[] binned = encode(real.column(modelled[a]), bins);
            double[] y = histogram(new int[] {0}, new int[] {bins.size()}, new int[][] {binned}, n);
            for (int i = 0; i < y.length; i++) {
                y[i] += sigma * rng.nextGaussian();
            }
            rhoUsed += 0.5 / (sigma * sigma);
            double threshold = compress ? 3 * sigma : Double.NEGATIVE_INFINITY;
            domains[a] = schema.attribute(modelled[a]).kind().isCoded()
                    ? CompressedDomain.categorical(y, threshold) : CompressedDomain.ordered(y, threshold);
            int[] forward = domains[a].forward();
            cells[a] = java.util.Arrays.stream(binned).map(c -> forward[c]).toArray();
            domain[a] = domains[a].size();
            measurements.add(merged(a, domains[a], y, sigma));
            if (valueHistograms && BinInterior.worthMeasuring(schema.attribute(modelled[a]), bins, y, sigma)
                    && histogramsRho + 0.5 / (sigma * sigma) <= histogramCap) {
                interiors[a] = BinInterior.measure(schema.attribute(modelled[a]), bins, real.column(modelled[a]), sigma, rng);
                rhoUsed += 0.5 / (sigma * sigma);
                histogramsRho += 0.5 / (sigma * sigma);
            }
        }
        double largestNoise = sigma;
        double smallestNoise = sigma;
        List<StructuralZeros> zeros = structuralZeros ? RuleZeros.of(schema, modelled, allBins, domains) : List.of();
        MirrorDescent.Fit fit = MirrorDescent.estimate(domain, measurements, zeros, total(measurements), roundIterations,
                null);
        Workload workload = Workload.allMarginals(d, Math.min(degree, d), Math.min(measuredDegree, d));
        // Each attribute's coarser cells for marginals of several attributes, from its noisy 1-way (free); null: none.
        int[][] coarse = new int[d][];
        int[] coarseSize = new int[d];
        for (int a = 0; a < d; a++) {
            coarse[a] = coarsePairs > 0 ? coarserCells(measurements.get(a).values(), schema.attribute(modelled[a]).kind().isCoded(),
                    coarsePairs * sigma) : null;
            coarseSize[a] = coarse[a] == null ? domain[a] : Arrays.stream(coarse[a]).max().orElse(0) + 1;
        }
        List<Candidate> candidates = new ArrayList<>(); // every candidate's true counts, read by the selections only
        for (int k = 0; k < workload.size(); k++) {
            int[] set = workload.candidate(k);
            double[] answer = histogram(set, domain, cells, n);
            boolean[] unreachable = StructuralZeros.cellsOf(set, domain, zeros);
            int[] dims = Factor.dimsOf(set, domain);
            candidates.add(new Candidate(set, null, dims, workload.weight(k), answer, unreachable));
            int[] coarseDims = Arrays.stream(set).map(a -> coarseSize[a]).toArray();
            if (set.length > 1 && !Arrays.equals(coarseDims, dims)) {
                int[] groups = groups(set, dims, coarseDims, coarse);
                candidates.add(new Candidate(set, groups, coarseDims, workload.weight(k), Candidate.sum(answer, groups, coarseDims),
                        Candidate.allOf(unreachable, groups, coarseDims)));
            }
        }
        List<int[]> selected = new ArrayList<>();
        List<Boolean> onGroups = new ArrayList<>();
        boolean last = false;
        int round = 0;
        while (!last) {
            round++;
            if (rho - rhoUsed < 2 * (0.5 / (sigma * sigma) + selectEpsilon * selectEpsilon / 8)) {
                // The last round spends what is left, a hair under it so that rounding never tips the sum over ρ.
                double remaining = (rho - rhoUsed) * (1 - 1e-9);
                sigma = Math.sqrt(1 / (2 * 0.9 * remaining));
                selectEpsilon = Math.sqrt(8 * 0.1 * remaining);
                last = true;
            }
            rhoUsed += 0.5 / (sigma * sigma) + selectEpsilon * selectEpsilon / 8;
            double sizeLimit = maxModelSize * Math.min(1, rhoUsed / rho);
            Candidate pick = worstApproximated(candidates, fit, domain, sizeLimit, sigma, selectEpsilon, freePenalty, rng);
            NoisyMarginal y = measure(pick, domain, cells, sigma, rng);
            measurements.add(y);
            selected.add(pick.set());
            onGroups.add(pick.groups() != null);
            largestNoise = Math.max(largestNoise, sigma);
            smallestNoise = Math.min(smallestNoise, sigma);
            double[] before = pick.measuredCells(fit.model());
            fit = MirrorDescent.estimate(domain, measurements, zeros, total(measurements), roundIterations, fit);
            double[] after = pick.measuredCells(fit.model());
            double moved = 0;
            for (int i = 0; i < after.length; i++) {
                moved += Math.abs(after[i] - before[i]);
            }
            if (anneal && !last && moved <= Math.sqrt(2 / Math.PI) * sigma * after.length) {
                sigma /= 2;
                selectEpsilon *= 2;
            }
            progress.onProgress("fit", Math.round(1000 * Math.min(1, rhoUsed / rho)), 1000);
        }
        fit = MirrorDescent.estimate(domain, measurements, zeros, total(measurements), iterations, fit);
        AimBudget budget = new AimBudget(epsilon, delta, rho, rhoUsed, Zcdp.epsilon(rhoUsed, delta), round, largestNoise,
                smallestNoise);
        return new AimModel(schema, modelled, numericBins, domains, interiors, fit, selected, onGroups, budget, enforceConstraints, ModelProvenance.ofPrivateFit(NAME, parameters(schema, modelled, plannedRounds)));
    }

    /**
     * The exponential mechanism over the candidates small enough to add: quality w·(‖x − x̂‖₁ − e), where x is the true
     * marginal, x̂ the model's, w the candidate's overlap with the workload and e the L1 error its measurement would
     * leave ({@link #measurementError}); its sensitivity is the largest w, and the draw costs ε²/8 of zCDP. The L1 error
     * leaves out the cells the structural zeros forbid: rows of a real table that break a rule fall there, and no
     * measurement can bring the model to them, so counting them would choose the same marginal round after round.
     * Leaving out cells fixed in advance keeps each term's sensitivity at most what it was.
     */
    private static Candidate worstApproximated(List<Candidate> all, MirrorDescent.Fit fit, int[] domain,
                                           double sizeLimit, double sigma, double selectEpsilon, boolean freePenalty,
                                           SplittableRandom rng) {
        List<Candidate> candidates = new ArrayList<>();
        List<Double> qualities = new ArrayList<>();
        double sensitivity = 0;
        GraphicalModel model = fit.model();
        for (Candidate cand : all) {
            int[] cl = cand.set();
            boolean free = fit.cliques().stream().anyMatch(c -> Factor.covers(c, cl));
            if (!free) {
                List<int[]> hypothetical = new ArrayList<>(fit.cliques());
                hypothetical.add(cl);
                if (JunctionTree.size(domain, hypothetical) > sizeLimit) {
                    continue;
                }
            }
            double[] x = cand.answer();
            double[] estimate = cand.measuredCells(model);
            double error = 0;
            for (int i = 0; i < x.length; i++) {
                if (cand.unreachable() == null || !cand.unreachable()[i]) {
                    error += Math.abs(x[i] - estimate[i]);
                }
            }
            double w = cand.weight();
            candidates.add(cand);
            qualities.add(w * (error - measurementError(cand.dims(), sigma, freePenalty)));
            sensitivity = Math.max(sensitivity, w);
        }
        double max = Double.NEGATIVE_INFINITY;
        double[] logits = new double[qualities.size()];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = 0.5 * selectEpsilon / sensitivity * qualities.get(i);
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.exp(logits[i] - max);
            sum += logits[i];
        }
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < logits.length; i++) {
            u -= logits[i];
            if (u < 0) {
                return candidates.get(i);
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /**
     * The L1 error a marginal keeps once measured with noise σ per cell, which the selection subtracts from the model's
     * current error; {@code dims} are the cells measured per attribute (its groups, for a coarser candidate). The
     * reference counts every cell's noise, √(2/π)·σ·cells. With {@code free}, a heuristic counts only
     * the noise in the cells' free directions: the model already holds the marginal's total and, for a marginal of
     * several attributes, each attribute's own 1-way, so along those directions the new noise is averaged with earlier
     * measurements rather than kept. Of the n cells' directions, m stay free: n − 1 − Σ(kᵢ − 1) for attributes of kᵢ
     * cells, and, by choice, n − 1 for a 1-way (which the model holds already, but only as noisily as a new
     * measurement would; counting no free direction would make measuring it again look free). Their noise spread over n
     * cells leaves √(2/π)·σ·√(n·m): a 2-by-2 marginal keeps half the reference's penalty, a 1-way nearly all of it.
     */
    static double measurementError(int[] dims, double sigma, boolean free) {
        double cells = 1;
        for (int k : dims) {
            cells *= k;
        }
        if (!free) {
            return Math.sqrt(2 / Math.PI) * sigma * cells;
        }
        double freeDirections = cells - 1;
        if (dims.length > 1) {
            for (int k : dims) {
                freeDirections -= k - 1;
            }
        }
        return Math.sqrt(2 / Math.PI) * sigma * Math.sqrt(cells * Math.max(1, freeDirections));
    }

    private static NoisyMarginal measure(Candidate c, int[] domain, int[][] cells, double sigma, SplittableRandom rng) {
        double[] y = histogram(c.set(), domain, cells, cells[0].length);
        if (c.groups() != null) {
            y = Candidate.sum(y, c.groups(), c.dims());
        }
        for (int i = 0; i < y.length; i++) {
            y[i] += sigma * rng.nextGaussian();
        }
        return NoisyMarginal.of(c.set(), y, sigma, c.groups());
    }

    /**
     * An attribute's cells grouped for measuring marginals of several attributes coarser: its (compressed) cells merged
     * as the domain compression merges them, at a threshold of {@code threshold} rows of its noisy 1-way instead of 3σ
     * (ordered cells into contiguous ranges of at least that many rows, categories under it into one other group). Null
     * (the cells stay as they are) unless it is coarser yet keeps at least three groups, plus the missing cell for an
     * ordered attribute: a coarser pair must still tell low from middle from high, or it measures little more than the
     * 1-ways hold.
     */
    static int[] coarserCells(double[] noisy, boolean coded, double threshold) {
        CompressedDomain c = coded ? CompressedDomain.categorical(noisy, threshold) : CompressedDomain.ordered(noisy, threshold);
        return c.size() < noisy.length && c.size() >= (coded ? 3 : 4) ? c.forward() : null;
    }

    /** Each joint cell of a set (last attribute fastest) onto its joint coarser cell. */
    private static int[] groups(int[] set, int[] dims, int[] coarseDims, int[][] coarse) {
        int[] out = new int[Factor.cells(dims)];
        int[] counter = new int[set.length];
        for (int c = 0; c < out.length; c++) {
            int idx = 0;
            for (int i = 0; i < set.length; i++) {
                idx = idx * coarseDims[i] + (coarse[set[i]] == null ? counter[i] : coarse[set[i]][counter[i]]);
            }
            out[c] = idx;
            for (int i = set.length - 1; i >= 0; i--) {
                if (++counter[i] < dims[i]) {
                    break;
                }
                counter[i] = 0;
            }
        }
        return out;
    }

    /**
     * A marginal a round may measure: at the model's cells (groups null), or on groups of them ({@code groups[i]} is the
     * group of joint cell i, {@code dims} the groups per attribute). Answer and unreachable cells are the measured ones.
     */
    record Candidate(int[] set, int[] groups, int[] dims, double weight, double[] answer, boolean[] unreachable) {
        /** The model's counts in the cells this candidate measures. */
        double[] measuredCells(GraphicalModel model) {
            double[] fine = model.project(set).values();
            return groups == null ? fine : sum(fine, groups, dims);
        }

        static double[] sum(double[] fine, int[] groups, int[] dims) {
            double[] out = new double[Factor.cells(dims)];
            for (int i = 0; i < fine.length; i++) {
                out[groups[i]] += fine[i];
            }
            return out;
        }

        static boolean[] allOf(boolean[] fine, int[] groups, int[] dims) {
            if (fine == null) {
                return null;
            }
            boolean[] out = new boolean[Factor.cells(dims)];
            Arrays.fill(out, true);
            for (int i = 0; i < fine.length; i++) {
                out[groups[i]] &= fine[i];
            }
            return out;
        }
    }

    /** A 1-way measurement summed over each compressed cell: the noise of a merged cell is σ·√(cells merged). */
    private static NoisyMarginal merged(int attribute, CompressedDomain domain, double[] noisy, double sigma) {
        double[] values = domain.compress(noisy);
        double[] scale = domain.scale();
        double[] sigmas = new double[values.length];
        for (int g = 0; g < values.length; g++) {
            values[g] /= scale[g]; // compress() divides each sum by √|g|
            sigmas[g] = sigma / scale[g];
        }
        return new NoisyMarginal(new int[] {attribute}, values, sigmas);
    }

    /** The counts of a sorted attribute set's joint cells, the last attribute fastest. */
    static double[] histogram(int[] set, int[] domain, int[][] cells, int n) {
        int[] dims = Factor.dimsOf(set, domain);
        double[] h = new double[Factor.cells(dims)];
        for (int r = 0; r < n; r++) {
            int idx = 0;
            for (int i = 0; i < set.length; i++) {
                idx = idx * dims[i] + cells[set[i]][r];
            }
            h[idx]++;
        }
        return h;
    }

    /**
     * The number of rows the model describes, from the measurements alone: each noisy marginal's sum estimates it with
     * variance σ²·cells, and they are averaged with inverse-variance weights (at least 1).
     */
    private static double total(List<NoisyMarginal> measurements) {
        double weighted = 0;
        double weights = 0;
        for (NoisyMarginal m : measurements) {
            double variance = m.sumVariance();
            weighted += Arrays.stream(m.values()).sum() / variance;
            weights += 1 / variance;
        }
        return Math.max(1, weighted / weights);
    }

    private static int[] encode(Column column, AttributeBins bins) {
        int[] out = new int[column.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = bins.encode(column.encoded(r));
        }
        return out;
    }

    /** Every setting by the option names of {@link AimProvider}; whether the noise was seeded is said, the seed is not. */
    private Map<String, Object> parameters(Schema schema, int[] modelled, int plannedRounds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epsilon", epsilon);
        p.put("delta", delta);
        p.put("attributes", Arrays.stream(modelled).mapToObj(i -> schema.attribute(i).name()).toList());
        p.put("numeric_bins", numericBins);
        p.put("degree", degree);
        p.put("measured_degree", measuredDegree);
        p.put("free_penalty", freePenalty);
        p.put("rounds", plannedRounds);
        p.put("max_model_size", maxModelSize);
        p.put("iterations", iterations);
        p.put("round_iterations", roundIterations);
        p.put("compress_domains", compress);
        p.put("anneal", anneal);
        p.put("enforce_constraints", enforceConstraints);
        p.put("structural_zeros", structuralZeros);
        p.put("value_histograms", valueHistograms);
        p.put("coarse_pairs", coarsePairs);
        p.put("accept_data_domains", acceptDataDomains);
        p.put("noise_seeded", seed != null);
        return p;
    }

    /**
     * Options: ε (default 1), δ (default 1e-9), workload degree (default 3), measured degree (default 2), the selection's
     * noise penalty (free directions by default), planned rounds (default 2 per attribute),
     * model size limit in cells, mirror-descent iterations per round and at the end, numeric bins, attributes, seed.
     */
    public static final class Builder {
        private double epsilon = 1.0;
        private double delta = 1e-9;
        private int numericBins = 20;
        private int degree = 3;
        private int measuredDegree = 2;
        private boolean freePenalty = true;
        private Integer rounds;
        private long maxModelSize = 200_000;
        private int iterations = 1000;
        private int roundIterations = 100;
        private Long seed;
        private boolean compress = true;
        private boolean anneal;
        private boolean enforceConstraints = true;
        private boolean structuralZeros = true;
        private boolean acceptDataDomains;
        private boolean valueHistograms = true;
        private double coarsePairs = 12;
        private java.util.Set<String> attributes;

        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Builder delta(double delta) {
            this.delta = delta;
            return this;
        }

        /** Model only these attributes (the others are sampled as missing): every modelled attribute takes budget. */
        public Builder attributes(java.util.Collection<String> names) {
            this.attributes = new java.util.LinkedHashSet<>(names);
            return this;
        }

        public Builder numericBins(int bins) {
            if (bins < 2) {
                throw new IllegalArgumentException("numeric bins must be at least 2, got " + bins);
            }
            this.numericBins = bins;
            return this;
        }

        /** The largest marginal of the workload (default 3: every 1-, 2- and 3-way marginal). */
        public Builder degree(int degree) {
            if (degree < 1) {
                throw new IllegalArgumentException("degree must be at least 1, got " + degree);
            }
            this.degree = degree;
            return this;
        }

        /**
         * Rounds the budget is first divided into (default 2 per modelled attribute; the reference's 16 per attribute
         * sizes the noise for tens of thousands of rows: on METABRIC's 2,007 rows at ε = 1, with annealing, 16 per
         * attribute scored 0.889 and 0.873 in overall accuracy, 2 per attribute 0.899 and 0.908, seeds 1 and 2). The
         * 1-way marginals take d of them, so a fit refuses fewer than d; histograms of exact values take what a 1-way
         * does each.
         */
        public Builder rounds(int rounds) {
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
            }
            this.rounds = rounds;
            return this;
        }

        /**
         * The largest marginal a round may measure (default 2, at most {@link #degree}; the reference measures up to the
         * workload's degree). The model still answers the workload's 3-way marginals, through the cliques its pairs
         * form. A candidate's weight is its size times a constant of the workload, so the selection is the same as with
         * a workload of this degree: {@code measuredDegree(2)} chooses as {@code degree(2)} does. On the public tables
         * (549 to 2,007 rows) at ε ≤ 1, a 3-way measurement's noise cost more than the dependence it captured (the
         * README has the figures).
         */
        public Builder measuredDegree(int degree) {
            if (degree < 1) {
                throw new IllegalArgumentException("measured degree must be at least 1, got " + degree);
            }
            this.measuredDegree = degree;
            return this;
        }

        /**
         * Subtract only the noise a measurement leaves in the model from a candidate's error, not every cell's (default
         * true; false is the reference's penalty): see {@link AimSynthesizer#measurementError}.
         */
        public Builder freePenalty(boolean free) {
            this.freePenalty = free;
            return this;
        }

        /** The largest junction tree, in cells, the model may grow to once the whole budget is spent. */
        public Builder maxModelSize(long cells) {
            if (cells < 1) {
                throw new IllegalArgumentException("max model size must be at least 1 cell, got " + cells);
            }
            this.maxModelSize = cells;
            return this;
        }

        /** Mirror-descent iterations of the final estimation (default 1000). */
        public Builder iterations(int iterations) {
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
            }
            this.iterations = iterations;
            return this;
        }

        /** Mirror-descent iterations after each round's measurement, warm-started (default 100). */
        public Builder roundIterations(int iterations) {
            if (iterations < 1) {
                throw new IllegalArgumentException("round iterations must be at least 1, got " + iterations);
            }
            this.roundIterations = iterations;
            return this;
        }

        /** Seeds the noise, for tests and reproducible studies only: the seed reproduces the noise. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Merge each attribute's sparse cells after its noisy 1-way measurement, as MST does (default true): categories
         * under 3σ join one "other" cell, sparse ordered bins join their neighbours. Post-processing, so free; false
         * gives the reference's full domains.
         */
        public Builder compressDomains(boolean compress) {
            this.compress = compress;
            return this;
        }

        /**
         * The reference's annealing (default false): when a measurement moves the model less than its own noise would,
         * the next rounds get half the noise at four times the cost. It suits budgets planned over many rounds; with the
         * default of two rounds per attribute, one halving spends most of what is left, and on METABRIC at ε = 0.3 AIM
         * then measured two marginals (overall accuracy 0.829 against 0.836 without it, mean of five seeds; equal at ε = 1).
         */
        public Builder anneal(boolean anneal) {
            this.anneal = anneal;
            return this;
        }

        /**
         * Tell the model the structural zeros the schema's coherence rules imply (default true, as the reference's
         * {@code structural_zeros}): for a biopsy, no tumour size. The model then holds that dependence without spending
         * budget on it, and the selection's error leaves out the forbidden cells (the pair may still be measured for the
         * rest of its dependence). A zero is set only where every value of both compressed cells is forbidden together (a
         * rare trigger value merged into an "other" cell gives none). Public, so free.
         */
        public Builder structuralZeros(boolean zeros) {
            this.structuralZeros = zeros;
            return this;
        }

        public Builder enforceConstraints(boolean enforce) {
            this.enforceConstraints = enforce;
            return this;
        }

        /**
         * Where a numeric attribute's noisy 1-way shows bins dense enough ({@link BinInterior#worthMeasuring}), also
         * measure a noisy histogram of its exact values at the 1-way noise, and decode a bin to its values in those
         * proportions rather than uniformly (default true; see {@link BinInterior}). Each costs what a 1-way does, taken
         * from the adaptive rounds, of which the histograms take at most half.
         */
        public Builder valueHistograms(boolean measure) {
            this.valueHistograms = measure;
            return this;
        }

        /**
         * Also offer each candidate of two or more attributes (pairs, by default) on coarser groups of its cells (default
         * 12; 0 turns it off): each attribute's cells merged as the domain compression merges them, but at this many σ of
         * its noisy 1-way instead of 3σ, where that keeps at least three groups ({@link AimSynthesizer#coarserCells}).
         * The selection weighs both versions the same way, the coarser one with its smaller error and its smaller noise
         * penalty, and the model fits a marginal measured on groups through its cells. Where 12σ is large against the
         * rows (high noise, few rows), no attribute keeps three groups and nothing changes. Read from the noisy 1-ways,
         * so free. With the domain compression on, any value up to 3 merges nothing more and acts as 0.
         */
        public Builder coarsePairs(double sigmas) {
            if (!(sigmas >= 0) || Double.isInfinite(sigmas)) {
                throw new IllegalArgumentException("coarse pairs must be a finite number of σ, at least 0, got " + sigmas);
            }
            this.coarsePairs = sigmas;
            return this;
        }

        /** Accept domains read from the private data (inferred columns); the guarantee then says it does not cover them. */
        public Builder acceptDataDomains(boolean accept) {
            this.acceptDataDomains = accept;
            return this;
        }

        public AimSynthesizer build() {
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be a positive finite number, got " + epsilon);
            }
            if (!(delta > 0 && delta < 1)) {
                throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
            }
            return new AimSynthesizer(this);
        }
    }
}
