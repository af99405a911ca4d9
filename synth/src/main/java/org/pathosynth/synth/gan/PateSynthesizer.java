package org.pathosynth.synth.gan;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.synth.aim.AimModel;
import org.pathosynth.synth.aim.AimSynthesizer;
import org.pathosynth.synth.internal.dp.Zcdp;
import org.pathosynth.synth.mst.MstModel;
import org.pathosynth.synth.mst.MstSynthesizer;
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
    /** Rows sampled from an MST or AIM marginal model for the encoders and the student. */
    private static final int MODEL_SAMPLE_ROWS = 20_000;

    final PateSettings pate;

    PateSynthesizer(String name, PateSettings pate) {
        super(name);
        this.pate = pate;
    }

    /** Progress is reported per outer iteration as stage "fit" (out of the iteration cap). */
    @Override
    public final GanModel fit(Table real, ProgressListener progress) {
        if (pate.attributes() != null) {
            pate.attributes().forEach(real.schema()::indexOf); // names an unknown attribute clearly
        }
        java.util.List<String> modelled = real.schema().names().stream()
                .filter(a -> pate.attributes() == null || pate.attributes().contains(a)).toList();
        java.util.List<String> fromData = org.pathosynth.core.synthesis.DataDomains.check(name(), real.schema(), modelled,
                pate.acceptDataDomains());
        SplittableRandom rng = new SplittableRandom(pate.seed());
        int rows = real.rowCount();
        double delta = pate.delta(rows);
        RandomGenerator noise = pate.noise();
        EncodedTable table = pate.dataEncoders()
                ? EncodedTable.of(real, minRows(), who(), logFrequency(), rng)
                : pate.marginalModel() != MarginalModel.ONE_WAY ? modelled(real, modelled, delta, noise, rng)
                : EncodedTable.ofNoisyMarginals(real, minRows(), who(), logFrequency(), pate.marginalRho(delta),
                        pate.histogramRho(delta), new java.util.HashSet<>(modelled), noise, rng);
        GanModel model = train(table, delta, noise, ModelProvenance.ofPrivateFit(name(), parameters(rows)), progress, rng);
        if (pate.calibrateMarginals() && table.noisyMarginals() != null) {
            model = model.withCalibration(MarginalCalibration.of(real.schema(), table.noisyMarginals()));
        }
        return fromData.isEmpty() ? model : model.withPrivacy(org.pathosynth.core.synthesis.DataDomains.disclosed(model.privacyGuarantee(), fromData));
    }

    /**
     * The encoded table of the default encoders under an MST or AIM marginal model: the model is fitted with the
     * marginals' share of ρ (its own noise from {@code noise}'s seed when a test seeded it, else from SecureRandom;
     * histograms of exact values as the model measures them, within that share, when {@code value_histograms} is on),
     * and the encoders and the student's "real" rows come from its sample.
     */
    private EncodedTable modelled(Table real, List<String> modelled, double delta, RandomGenerator noise, SplittableRandom rng) {
        EncodedTable.requireRows(real, minRows(), who()); // before the model's own refusal of a table too small
        double marginalRho = pate.marginalRho(delta);
        // The model takes (ε, δ) and spends the ρ they convert to; the accountant is told what it really spent.
        double epsilon = Zcdp.epsilon(marginalRho, PateSettings.MODEL_DELTA);
        Long seed = pate.noiseSeed() == null ? null : noise.nextLong();
        FittedSynthesizer model;
        double rho;
        double total;
        String what;
        if (pate.marginalModel() == MarginalModel.MST) {
            MstSynthesizer.Builder b = MstSynthesizer.builder().epsilon(epsilon).delta(PateSettings.MODEL_DELTA).attributes(modelled)
                    .acceptDataDomains(pate.acceptDataDomains()).valueHistograms(pate.valueHistograms());
            MstModel mst = (seed == null ? b : b.seed(seed)).build().fit(real, ProgressListener.NONE);
            model = mst;
            rho = mst.rho();
            total = mst.estimatedTotal();
            what = "one-way marginals, a spanning tree of two-way marginals chosen by the exponential mechanism, and "
                    + mst.valueHistograms().size() + " histogram(s) of exact values";
        } else {
            AimSynthesizer.Builder b = AimSynthesizer.builder().epsilon(epsilon).delta(PateSettings.MODEL_DELTA).attributes(modelled)
                    .acceptDataDomains(pate.acceptDataDomains()).valueHistograms(pate.valueHistograms());
            AimModel aim = (seed == null ? b : b.seed(seed)).build().fit(real, ProgressListener.NONE);
            model = aim;
            rho = aim.rho();
            total = aim.estimatedTotal();
            what = "marginals chosen adaptively by the exponential mechanism, and " + aim.valueHistograms().size()
                    + " histogram(s) of exact values";
        }
        String source = String.format(Locale.ROOT, "%s model of the %d columns measured (%s, Gaussian noise, rho %.4g), "
                + "whose sample the encoders are fitted to and the student's \"real\" rows are drawn from",
                pate.marginalModel().option().toUpperCase(Locale.ROOT), modelled.size(), what, rho);
        return EncodedTable.ofPrivateModel(real, minRows(), who(), logFrequency(), model, rho, total,
                new HashSet<>(modelled), source, MODEL_SAMPLE_ROWS, rng);
    }

    /** The fewest training rows it accepts. */
    abstract int minRows();

    /** How a refusal names it, e.g. "PATE-GAN with 10 teachers". */
    abstract String who();

    /** Whether conditions are drawn by log-frequency (CTGAN's way) rather than by frequency. */
    abstract boolean logFrequency();

    /** One training on the encoded table, its votes noised by {@code noise}, its guarantee stated at {@code delta}. */
    abstract GanModel train(EncodedTable table, double delta, RandomGenerator noise, ArtifactProvenance provenance,
                            ProgressListener progress, SplittableRandom rng);

    /** What the guarantee covers, for the encoders this table was built with. */
    static String coverage(EncodedTable table) {
        if (table.measured() == null) {
            return "It covers the votes only: the column encoders (mixtures, category counts, ranges), the conditional "
                    + "sampler and the rows the student is shown as real (drawn column by column from the real columns) "
                    + "read the real rows without noise, as in the reference (data_encoders), and the teacher count reads "
                    + "the exact number of rows.";
        }
        return "It covers everything the model holds and is trained on: the " + table.measured() + ", and the votes. The "
                + "teachers alone see real rows; the student and the generator never do, and the saved model holds only "
                + "the noisy counts (or the counts of the marginal model's sample), mixtures fitted to draws from them "
                + "and the schema's bounds. Each row goes to a teacher at random on its own, and the teacher count "
                + "reads the noisy number of rows, so that one row added or removed changes one teacher's block, as "
                + "for the Gaussian measurements. The exact number of rows is taken as public: it sets the default "
                + "delta, 1/(N*sqrt(N)), from which it can be read back (give delta to keep it out), and PATE-GAN's "
                + "epoch length above 2,500 rows.";
    }

    /** Every setting, by the option names of the provider (and the fixed ones), δ as used for {@code rows} training rows. */
    final Map<String, Object> parameters(int rows) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epsilon", pate.epsilon());
        p.put("delta", pate.delta(rows));
        p.put("lambda", pate.lambda());
        putSettings(p);
        p.put("data_encoders", pate.dataEncoders());
        if (!pate.dataEncoders()) {
            p.put("marginal_model", pate.marginalModel().option());
            p.put("marginal_share", pate.share(pate.delta(rows)));
            p.put("calibrate_marginals", pate.calibrateMarginals());
            p.put("value_histograms", pate.valueHistograms());
        }
        if (pate.attributes() != null) {
            p.put("attributes", new java.util.TreeSet<>(pate.attributes()).stream().toList());
        }
        p.put("accept_data_domains", pate.acceptDataDomains());
        p.put("train_seed", pate.seed());
        p.put("noise_seeded", pate.noiseSeed() != null);
        return p;
    }

    /** Adds this synthesizer's own settings, between the privacy parameters and the seed. */
    abstract void putSettings(Map<String, Object> parameters);
}
