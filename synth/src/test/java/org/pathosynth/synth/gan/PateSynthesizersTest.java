package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.synthesis.PrivacyGuarantee;
import org.pathosynth.synth.internal.dp.Zcdp;
import org.pathosynth.synth.internal.pate.MomentsAccountant;

class PateSynthesizersTest {
    /**
     * What the encoders' measurements spent before the votes, as the guarantee's note counts them: the model's share of
     * ρ, {@code share}, on the {@code columns} one-way marginals, and as much as one of them for each histogram of
     * exact values.
     */
    static double encodersRho(PrivacyGuarantee p, double rho, int columns, double share) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) histogram\\(s\\)").matcher(p.note());
        int histograms = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return share * rho * (1 + (double) histograms / columns);
    }

    /** The marginals' share of ρ a fit used, as its provenance records it. */
    static double share(GanModel model) {
        return (Double) model.provenance().parameters().get("marginal_share");
    }

    /**
     * What an MST or AIM marginal model spent before the votes: {@code share} of ρ, as the model spends it once
     * converted to its (ε, δ).
     */
    static double modelRho(double rho, double share) {
        return Zcdp.rho(Zcdp.epsilon(share * rho, 1e-9), 1e-9);
    }

    private static PateGanSynthesizer.Builder smallPateGan() {
        return PateGanSynthesizer.builder().width(32).batchSize(50).epochs(2).marginalModel(MarginalModel.ONE_WAY);
    }

    @Test
    void pateGanSpendsItsBudgetWithoutExceedingItAndReportsIt() {
        Table real = CtganSynthesizerTest.linked(400, 1);
        GanModel model = smallPateGan().epsilon(1).seed(2).noiseSeed(3).build().fit(real);
        PrivacyGuarantee p = model.privacyGuarantee();
        double delta = 1 / (400 * Math.sqrt(400)); // synthcity's rule
        assertThat(p.isDifferentiallyPrivate()).isTrue();
        assertThat(p.delta()).isEqualTo(delta);
        assertThat(p.epsilon()).isLessThanOrEqualTo(1);
        // every batch of 50 votes is charged, and it stopped because one more would have exceeded ε = 1
        long queries = queries(p);
        assertThat(queries % 50).isZero();
        MomentsAccountant replay = new MomentsAccountant(1e-3, encodersRho(p, Zcdp.rho(1, delta), 13, 0.8));
        replay.charge(queries);
        assertThat(replay.epsilon(delta)).isCloseTo(p.epsilon(), offset(1e-12));
        assertThat(replay.epsilonAfter(50, delta)).isGreaterThan(1);
        assertThat(p.note()).contains("spent of 1.0 asked").contains("predictable").doesNotContain("SecureRandom")
                .contains("never do").contains("one-way marginals of the 13 columns measured");
        assertThat(p.mechanism()).contains("synthcity");
        assertThat(model.sample(300, 1).rowCount()).isEqualTo(300);
        assertThat(model.synthesizerName()).isEqualTo("pategan");
    }

    @Test
    void pateGanIsReproducibleOnlyWithANoiseSeedAndHonoursTheIterationCapDeltaAndStop() {
        Table real = CtganSynthesizerTest.linked(200, 3);
        GanModel a = smallPateGan().epsilon(50).maxIterations(2).seed(4).noiseSeed(5).build().fit(real);
        GanModel b = smallPateGan().epsilon(50).maxIterations(2).seed(4).noiseSeed(5).build().fit(real);
        assertThat(a.epochsTrained()).isEqualTo(2);
        assertThat(a.privacyGuarantee().epsilon()).isLessThan(50);
        assertThat(a.sample(100, 7)).isEqualTo(b.sample(100, 7));
        // unseeded, the vote noise comes from SecureRandom: the same training seed gives another model (at epsilon 50 the
        // noise rarely flips a vote, so one fit in a few may by chance equal the seeded one: any of five differs)
        GanModel c = smallPateGan().epsilon(50).maxIterations(2).seed(4).build().fit(real);
        boolean differs = !c.sample(100, 7).equals(a.sample(100, 7));
        for (int k = 0; k < 4 && !differs; k++) {
            differs = !smallPateGan().epsilon(50).maxIterations(2).seed(4).build().fit(real).sample(100, 7).equals(a.sample(100, 7));
        }
        assertThat(differs).isTrue();
        assertThat(c.privacyGuarantee().note()).contains("Noise drawn from SecureRandom");
        assertThat(c.provenance().parameters()).containsEntry("noise_seeded", false);
        assertThat(a.provenance().parameters()).containsEntry("noise_seeded", true).doesNotContainValue(5L);
        assertThat(smallPateGan().delta(1e-7).maxIterations(1).seed(4).build().fit(real).privacyGuarantee().delta()).isEqualTo(1e-7);
        AtomicInteger calls = new AtomicInteger();
        GanModel stopped = smallPateGan().epsilon(50).maxIterations(10).stopWhen(() -> calls.incrementAndGet() >= 3).build().fit(real);
        assertThat(stopped.epochsTrained()).isEqualTo(2); // 2 epochs per iteration: the third check ends iteration 2
        assertThatThrownBy(() -> smallPateGan().build().fit(CtganSynthesizerTest.linked(15, 1)))
                .hasMessageContaining("10 teachers needs at least 20 rows");
        assertThatThrownBy(() -> PateGanSynthesizer.builder().epsilon(0)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> PateGanSynthesizer.builder().delta(1)).hasMessageContaining("delta");
    }

    @Test
    void pateGanEpochsAreSynthcitysButNeverShorterThanTenSteps() {
        // the critic's positives come from the marginal model's sample, so a small table still gets 4,000 generator steps
        assertThat(PateGanTraining.stepsPerEpoch(879, 200)).isEqualTo(10); // synthcity: 4
        assertThat(PateGanTraining.stepsPerEpoch(549, 200)).isEqualTo(10); // synthcity: 3
        assertThat(PateGanTraining.stepsPerEpoch(3_218, 200)).isEqualTo(13); // as synthcity
        assertThat(PateGanTraining.stepsPerEpoch(2_007, 200)).isEqualTo(10); // synthcity: 9
        // and a fit takes them: one epoch on 300 rows in batches of 50 is 10 student steps (synthcity's 5), each voted
        // on while ε 10 lasts
        GanModel oneEpoch = PateGanSynthesizer.builder().width(16).batchSize(50).epochs(1).maxIterations(1).epsilon(10)
                .seed(1).noiseSeed(1).build().fit(CtganSynthesizerTest.linked(300, 5));
        assertThat(queries(oneEpoch.privacyGuarantee())).isEqualTo(10 * 50);
    }

    @Test
    void theDefaultSharesFallBackWhereTheirVotesCouldNotPayForABatch() {
        Table real = CtganSynthesizerTest.linked(300, 5);
        java.util.function.Supplier<PateGanSynthesizer.Builder> small = () -> PateGanSynthesizer.builder().width(16).epochs(1)
                .maxIterations(1).seed(1).noiseSeed(2);
        // at ε 0.15, on 300 rows, 0.8 of ρ leaves the votes less than one batch of 200: given explicitly, it is refused
        assertThatThrownBy(() -> small.get().epsilon(0.15).marginalShare(0.8).build().fit(real))
                .hasMessageContaining("cannot pay for one batch of 200 teacher votes").hasMessageContaining("marginal_share");
        // left at the default, it falls back to half, and the budget holds
        GanModel fallback = small.get().epsilon(0.15).build().fit(real);
        assertThat(fallback.provenance().parameters()).containsEntry("marginal_share", 0.5);
        assertThat(fallback.privacyGuarantee().epsilon()).isLessThanOrEqualTo(0.15);
        double delta = 1 / (300 * Math.sqrt(300));
        MomentsAccountant replay = new MomentsAccountant(1e-3, modelRho(Zcdp.rho(0.15, delta), 0.5));
        replay.charge(queries(fallback.privacyGuarantee()));
        assertThat(replay.epsilon(delta)).isCloseTo(fallback.privacyGuarantee().epsilon(), offset(1e-12));
        // where the votes can pay, the default is 0.8
        assertThat(small.get().epsilon(1).build().fit(real).provenance().parameters()).containsEntry("marginal_share", 0.8);
        // PATE-CTGAN tries 0.9, then 0.7, then 0.5 (one batch of 500 votes on 300 rows: 0.9 from ε ≈ 0.43, 0.7 from
        // ε ≈ 0.23)
        GanModel seventy = PateCtganSynthesizer.builder().epsilon(0.3).maxIterations(1).seed(1).noiseSeed(2).build().fit(real);
        assertThat(seventy.provenance().parameters()).containsEntry("marginal_share", 0.7);
        MomentsAccountant replayed = new MomentsAccountant(1e-3, modelRho(Zcdp.rho(0.3, delta), 0.7));
        replayed.charge(queries(seventy.privacyGuarantee()));
        assertThat(replayed.epsilon(delta)).isCloseTo(seventy.privacyGuarantee().epsilon(), offset(1e-12)).isLessThanOrEqualTo(0.3);
        assertThat(PateCtganSynthesizer.builder().epsilon(1).build().parameters(300)).containsEntry("marginal_share", 0.9);
        assertThat(PateCtganSynthesizer.builder().epsilon(0.2).build().parameters(300)).containsEntry("marginal_share", 0.5);
        assertThatThrownBy(() -> PateCtganSynthesizer.builder().epsilon(0.3).marginalShare(0.9).maxIterations(1).build().fit(real))
                .hasMessageContaining("cannot pay for one batch of 500 teacher votes").hasMessageContaining("marginal_share 0.9");
        // one-way marginals: the check counts the histograms' cap too (200 rows, λ 0.01, batches of 40, ε 1: one batch
        // fits after 0.8 of ρ without histograms, not with their cap)
        java.util.function.Supplier<PateGanSynthesizer.Builder> oneWay = () -> PateGanSynthesizer.builder()
                .marginalModel(MarginalModel.ONE_WAY).lambda(0.01).batchSize(40).epsilon(1);
        assertThat(oneWay.get().build().parameters(200)).containsEntry("marginal_share", 0.5);
        assertThat(oneWay.get().valueHistograms(false).build().parameters(200)).containsEntry("marginal_share", 0.8);
    }

    @Test
    void aBudgetTooSmallForOneBatchOfVotesIsRefusedWithTheEpsilonItWouldTake() {
        Table real = CtganSynthesizerTest.linked(200, 3);
        assertThatThrownBy(() -> smallPateGan().epsilon(0.01).build().fit(real))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon 0.01 cannot pay for one batch of 50 teacher votes")
                .hasMessageContaining("raise epsilon");
        assertThatThrownBy(() -> PateCtganSynthesizer.builder().batchSize(50).epsilon(0.01).build().fit(real))
                .hasMessageContaining("cannot pay for one batch of 50 teacher votes")
                .hasMessageContaining("lambda 0.001 and marginal_share 0.5").hasMessageEndingWith("lambda or marginal_share");
        // the references' encoders measure nothing: no share is spent, so none is named
        assertThatThrownBy(() -> smallPateGan().dataEncoders(true).epsilon(0.01).build().fit(real))
                .hasMessageContaining("at delta").hasMessageEndingWith("lower the batch size, lambda")
                .hasMessageNotContaining("marginal_share");
    }

    /** The hard budget, over budgets, noise parameters and seeds: never more than asked, and no batch left unspent. */
    @ParameterizedTest
    @CsvSource({"0.3, 0.003, 1", "1, 0.003, 2", "3, 0.01, 3", "1, 0.01, 4", "0.5, 0.002, 5", "1, 0.003, 6"})
    void neitherPateSynthesizerEverSpendsMoreThanItsBudget(double epsilon, double lambda, long seed) {
        Table real = CtganSynthesizerTest.linked(200, 9);
        double delta = 1 / (200 * Math.sqrt(200));
        MarginalModel marginals = MarginalModel.values()[(int) (seed % 3)]; // each model on two of the six rows
        GanModel gan = PateGanSynthesizer.builder().width(16).batchSize(40).epochs(1).teachers(4).epsilon(epsilon)
                .lambda(lambda).seed(seed).marginalModel(marginals).build().fit(real);
        // eight iterations outlast the votes of every budget here (at most 200 votes an iteration)
        GanModel ctgan = PateCtganSynthesizer.builder().batchSize(40).epsilon(epsilon).lambda(lambda).seed(seed)
                .maxIterations(8).marginalModel(marginals).build().fit(real);
        for (GanModel m : new GanModel[] {gan, ctgan}) {
            PrivacyGuarantee p = m.privacyGuarantee();
            assertThat(p.epsilon()).as("%s ε=%s λ=%s seed %d %s", m.synthesizerName(), epsilon, lambda, seed, marginals)
                    .isLessThanOrEqualTo(epsilon);
            assertThat(m.provenance().parameters()).containsEntry("marginal_model", marginals.option());
            // the default: the first share of its list whose votes can pay for one batch of 40
            List<Double> defaults = m == gan ? List.of(0.8, 0.5) : List.of(0.9, 0.7, 0.5);
            double share = (Double) m.provenance().parameters().get("marginal_share");
            double rho = Zcdp.rho(epsilon, delta);
            assertThat(defaults).contains(share);
            for (double larger : defaults.subList(0, defaults.indexOf(share))) {
                double prior = larger * rho + (marginals == MarginalModel.ONE_WAY ? 0.2 * (rho - larger * rho) : 0);
                assertThat(new MomentsAccountant(lambda, prior).affords(40, epsilon, delta)).as("%s could pay", larger).isFalse();
            }
            MomentsAccountant replay = new MomentsAccountant(lambda,
                    marginals == MarginalModel.ONE_WAY ? encodersRho(p, rho, 13, share) : modelRho(rho, share));
            replay.charge(queries(p));
            assertThat(replay.epsilon(delta)).isCloseTo(p.epsilon(), offset(1e-12));
            assertThat(replay.epsilonAfter(40, delta)).as("one more batch would exceed ε").isGreaterThan(epsilon);
        }
    }

    @Test
    void pateCtganChargesEveryLabelledRowAndStopsBeforeExceedingItsBudget() {
        Table real = CtganSynthesizerTest.linked(300, 5);
        GanModel model = PateCtganSynthesizer.builder().batchSize(50).lambda(3e-3).epsilon(1).maxIterations(10).seed(1).noiseSeed(1).build().fit(real);
        PrivacyGuarantee p = model.privacyGuarantee();
        double delta = 1 / (300 * Math.sqrt(300));
        long queries = queries(p);
        // every student batch of 50 rows is charged the data-independent bound, up to the last one that fits, after
        // the default MST marginal model's share
        assertThat(p.note()).contains("MST model of the 13 columns measured").contains("spanning tree of two-way marginals")
                .contains("one row added or removed changes one teacher's block")
                .contains("The exact number of rows is taken as public: it sets the default delta");
        assertThat(share(model)).isEqualTo(0.9); // λ 3e-3, batches of 50: 0.9 leaves the votes a batch at ε 1
        MomentsAccountant replay = new MomentsAccountant(3e-3, modelRho(Zcdp.rho(1, delta), share(model)));
        replay.charge(queries);
        assertThat(queries % 50).isZero();
        assertThat(replay.epsilon(delta)).isCloseTo(p.epsilon(), offset(1e-12)).isLessThanOrEqualTo(1);
        assertThat(replay.epsilonAfter(50, delta)).isGreaterThan(1);
        assertThat(p.note()).contains("1 teachers");
        // student and generator: the teachers' loss is read on real rows, and the model keeps none of it
        assertThat(model.losses()).allSatisfy(l -> assertThat(l).hasSize(2));
        GanModel again = PateCtganSynthesizer.builder().batchSize(50).lambda(3e-3).epsilon(1).maxIterations(10).seed(1).noiseSeed(1).build().fit(real);
        assertThat(again.sample(100, 2)).isEqualTo(model.sample(100, 2));
        // ⌊noisy rows / 70⌋ + 1 teachers: 5 for any noisy estimate of the 300 rows between 280 and 349 (the noise seeded:
        // unseeded, an estimate outside that range gave 4 in one run of the build)
        assertThat(PateCtganSynthesizer.builder().batchSize(50).rowsPerTeacher(70).maxIterations(1).seed(1).noiseSeed(1).build()
                .fit(real).privacyGuarantee().note()).contains("5 teachers");
    }

    /**
     * By default nothing the model holds is read from the rows without noise: every category of the schema (seen or
     * not) with a noisy count, and the schema's bounds where the data's minimum and maximum were. With data_encoders
     * the model holds the exact counts and range, and the guarantee says it covers the votes only.
     */
    @Test
    void theDefaultEncodersHoldOnlyNoisyCountsAndPublicBoundsWhileDataEncodersSayWhatTheyRead() throws Exception {
        Table real = CtganSynthesizerTest.linked(300, 11);
        int positives = (int) real.records().stream().filter(r -> "positive".equals(r.get("er_status"))).count();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (GanModel m : new GanModel[] {
                // seeded noise: unseeded, a noisy count rounds to the exact one now and then, and the check below would flake
                smallPateGan().epsilon(1).maxIterations(1).seed(1).noiseSeed(2).build().fit(real),
                PateCtganSynthesizer.builder().batchSize(50).epsilon(1).maxIterations(2).seed(1).noiseSeed(2).build().fit(real)}) {
            var columns = json.readTree(m.toJson()).get("columns");
            assertThat(columns).as("every attribute of the schema, seen or not").hasSize(13);
            var er = column(columns, "er_status").get("discrete");
            assertThat(er.get("codes")).hasSize(3); // positive, negative, missing
            int noisyPositive = er.get("frequencies").get(real.schema().attribute("er_status").codeOf("positive")).asInt();
            assertThat(noisyPositive).as(m.synthesizerName()).isNotEqualTo(positives).isCloseTo(positives, org.assertj.core.data.Offset.offset(150));
            var size = column(columns, "tumor_size_mm").get("continuous");
            assertThat(size.get("min").asDouble()).isEqualTo(1.0); // the schema's bounds, not the data's range
            assertThat(size.get("max").asDouble()).isEqualTo(300.0);
            assertThat(m.privacyGuarantee().note()).contains("the student and the generator never do");
        }
        GanModel reference = smallPateGan().dataEncoders(true).epsilon(1).maxIterations(1).seed(1).build().fit(real);
        var columns = json.readTree(reference.toJson()).get("columns");
        assertThat(columns).hasSize(3); // the columns with values
        assertThat(column(columns, "er_status").get("discrete").get("frequencies").get(0).asInt()
                + column(columns, "er_status").get("discrete").get("frequencies").get(1).asInt()).isEqualTo(300);
        assertThat(reference.privacyGuarantee().note()).contains("covers the votes only").contains("without noise");
        assertThat(reference.provenance().parameters()).containsEntry("data_encoders", true).doesNotContainKey("marginal_share");
        assertThat(reference.privacyGuarantee().epsilon()).isLessThanOrEqualTo(1);
    }

    @Test
    void onlyTheAttributesTheTableHasAreMeasuredSoTheirNoiseIsSmaller() {
        Table real = CtganSynthesizerTest.linked(300, 12);
        GanModel all = smallPateGan().epsilon(1).maxIterations(1).seed(1).noiseSeed(3).build().fit(real);
        GanModel three = smallPateGan().epsilon(1).maxIterations(1).seed(1).noiseSeed(3)
                .attributes(java.util.List.of("er_status", "pr_status", "tumor_size_mm")).build().fit(real);
        assertThat(all.privacyGuarantee().note()).contains("one-way marginals of the 13 columns measured");
        assertThat(three.privacyGuarantee().note()).contains("one-way marginals of the 3 columns measured");
        // each measured marginal gets ρ/d: noise sd √(d/2ρ) shrinks by √(3/13)
        assertThat(noiseSd(three) / noiseSd(all)).isCloseTo(Math.sqrt(3 / 13.0), org.assertj.core.data.Offset.offset(0.01));
        assertThat(three.provenance().parameters()).containsEntry("attributes", java.util.List.of("er_status", "pr_status", "tumor_size_mm"));
        assertThat(three.sample(200, 1).records()).allSatisfy(r -> assertThat(r.get("ki67_percent")).isNull());
        assertThat(three.privacyGuarantee().epsilon()).isLessThanOrEqualTo(1);
        assertThatThrownBy(() -> smallPateGan().attributes(java.util.List.of("laterality")).build().fit(real))
                .hasMessageContaining("laterality");
    }

    private static double noiseSd(GanModel m) {
        java.util.regex.Matcher sd = java.util.regex.Pattern.compile("noise sd ([0-9.eE+-]+) per cell").matcher(m.privacyGuarantee().note());
        assertThat(sd.find()).as(m.privacyGuarantee().note()).isTrue();
        return Double.parseDouble(sd.group(1));
    }

    /** The rows a student is shown as real follow each column's marginal, not the rows: the link between columns is gone. */
    @Test
    void marginalRowsKeepTheConditionButNotTheRows() {
        Table real = CtganSynthesizerTest.linked(2000, 12); // er_status and pr_status always agree
        EncodedTable table = EncodedTable.ofNoisyMarginals(real, 2, "test", false, 10, 0, new java.util.HashSet<>(real.schema().names()), new java.util.SplittableRandom(1),
                new java.util.SplittableRandom(2));
        // independent 70/30 columns agree 0.7² + 0.3² = 58 % of the time; the real rows always do
        assertThat(erPrAgreement(table, new java.util.SplittableRandom(3))).isCloseTo(0.58, offset(0.05));
    }

    /**
     * The share of 4,000 rows a student is shown as real whose ER and PR are both present and equal, among those with
     * both present (at least 3,000), each row checked to hold the category its condition asks for.
     */
    private static double erPrAgreement(EncodedTable table, java.util.SplittableRandom rng) {
        ConditionalSampler.Draw draw = table.conditions().draw(4000, rng);
        double[][] rows = table.transformer().inverse(table.marginalRows(draw, rng), rng);
        int er = table.transformer().schema.indexOf("er_status");
        int pr = table.transformer().schema.indexOf("pr_status");
        int agree = 0;
        int both = 0;
        for (int r = 0; r < rows.length; r++) {
            if (!Double.isNaN(rows[r][er]) && !Double.isNaN(rows[r][pr])) {
                both++;
                agree += rows[r][er] == rows[r][pr] ? 1 : 0;
            }
            int encoding = discreteEncoding(table, draw.column()[r]);
            int code = ((ColumnEncoding.Discrete) table.transformer().encodings.get(encoding)).codes()[draw.category()[r]];
            double value = rows[r][table.transformer().attributes[encoding]];
            assertThat(code < 0 ? Double.isNaN(value) : value == code).as("the conditioned column holds its category").isTrue();
        }
        assertThat(both).isGreaterThan(3000);
        return agree / (double) both;
    }

    /**
     * With an MST marginal model the student's "real" rows are rows of the model's sample, and the encoders' counts are
     * the sample's: both follow the model, not the rows. Here the model is fitted to another table (ER and PR always
     * differ, 30 % ER positive) than the rows (always equal, 70 % positive), so reading the rows would show.
     */
    @Test
    void marginalRowsAndCountsOfAnMstModelFollowTheModelNotTheRows() {
        Table real = CtganSynthesizerTest.linked(2000, 12);
        var mst = org.pathosynth.synth.mst.MstSynthesizer.builder().epsilon(5).seed(1).build().fit(opposite(2000, 1));
        EncodedTable table = EncodedTable.ofPrivateModel(real, 2, "test", false, mst, mst.rho(), mst.estimatedTotal(),
                new java.util.HashSet<>(real.schema().names()), "an MST model", 5000, new java.util.SplittableRandom(2));
        assertThat(table.priorRho()).isEqualTo(mst.rho());
        assertThat(table.measured()).isEqualTo("an MST model");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        assertThat(erPrAgreement(table, rng)).isLessThan(0.05);
        int er = real.schema().indexOf("er_status");
        // the encoders' counts are the sample's, scaled to the model's estimate of the rows: about 30 % positive
        double[] erCounts = table.noisyMarginals().counts(er);
        int positive = real.schema().attribute("er_status").codeOf("positive");
        assertThat(erCounts[positive] / java.util.Arrays.stream(erCounts).sum()).isCloseTo(0.3, offset(0.05));
        assertThat(java.util.Arrays.stream(erCounts).sum()).isCloseTo(mst.estimatedTotal(), offset(1e-6));
        // a noisy total so small that every count rounds to 0: no category has a frequency, the draw falls on the last
        // one (missing), which the sample of a model without missing ER or PR has no row of, and that row is drawn
        // column by column instead of failing
        var noMissing = org.pathosynth.synth.independent.IndependentMarginalsSynthesizer.create().fit(opposite(200, 2));
        EncodedTable tiny = EncodedTable.ofPrivateModel(real, 2, "test", false, noMissing, 1, 0.1,
                new java.util.HashSet<>(real.schema().names()), "a model", 500, new java.util.SplittableRandom(2));
        assertThat(tiny.marginalRows(tiny.conditions().draw(200, rng), rng).rows).isEqualTo(200);
    }

    /** ER and PR always differ, ER positive in 30 % of the rows. */
    private static Table opposite(int n, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        var schema = org.pathosynth.core.schema.Schema.breastCancer();
        java.util.List<org.pathosynth.core.data.ClinicalRecord> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean positive = rng.nextDouble() < 0.3;
            rows.add(org.pathosynth.core.data.ClinicalRecord.builder(schema).set("er_status", positive ? "positive" : "negative")
                    .set("pr_status", positive ? "negative" : "positive").set("tumor_size_mm", 20.0).build());
        }
        return Table.of(schema, rows);
    }

    /**
     * PATE-CTGAN with an AIM marginal model: the guarantee names it and counts its ρ before the votes; a noise seed
     * makes fits equal, and without one the model's noise and the votes' come from SecureRandom.
     */
    @Test
    void anAimMarginalModelIsChargedBeforeTheVotesAndItsNoiseIsUnpredictableUnlessSeeded() {
        Table real = CtganSynthesizerTest.linked(300, 5);
        double delta = 1 / (300 * Math.sqrt(300));
        java.util.function.Supplier<PateCtganSynthesizer.Builder> aim = () -> PateCtganSynthesizer.builder().batchSize(50)
                .lambda(3e-3).epsilon(1).maxIterations(3).seed(1).marginalModel(MarginalModel.AIM);
        GanModel a = aim.get().noiseSeed(4).build().fit(real);
        PrivacyGuarantee p = a.privacyGuarantee();
        assertThat(p.note()).contains("AIM model of the 13 columns measured").contains("predictable");
        MomentsAccountant replay = new MomentsAccountant(3e-3, modelRho(Zcdp.rho(1, delta), share(a)));
        replay.charge(queries(p));
        assertThat(replay.epsilon(delta)).isCloseTo(p.epsilon(), offset(1e-12)).isLessThanOrEqualTo(1);
        assertThat(a.sample(200, 2)).isEqualTo(aim.get().noiseSeed(4).build().fit(real).sample(200, 2));
        GanModel unseeded = aim.get().build().fit(real);
        assertThat(unseeded.privacyGuarantee().note()).contains("Noise drawn from SecureRandom (the marginal model's");
        assertThat(unseeded.sample(200, 2)).isNotEqualTo(a.sample(200, 2));
        // the model's own noise: the same noise seed gives the same measured counts, none gives others each time
        int er = real.schema().indexOf("er_status");
        assertThat(aim.get().noiseSeed(4).build().fit(real).calibration.counts(er)).isEqualTo(a.calibration.counts(er));
        assertThat(aim.get().build().fit(real).calibration.counts(er)).isNotEqualTo(unseeded.calibration.counts(er));
        assertThat(unseeded.provenance().parameters()).containsEntry("marginal_model", "aim").containsEntry("noise_seeded", false);
        assertThatThrownBy(() -> MarginalModel.of("pgm")).hasMessageContaining("unknown marginal model 'pgm'")
                .hasMessageContaining("[one_way, mst, aim]");
    }

    private static com.fasterxml.jackson.databind.JsonNode column(com.fasterxml.jackson.databind.JsonNode columns, String name) {
        for (var c : columns) {
            if (c.get("attribute").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static int discreteEncoding(EncodedTable table, int column) {
        int seen = -1;
        for (int e = 0; e < table.transformer().encodings.size(); e++) {
            if (table.transformer().encodings.get(e) instanceof ColumnEncoding.Discrete && ++seen == column) {
                return e;
            }
        }
        throw new AssertionError("no discrete column " + column);
    }

    /** The number of labelled generated rows the guarantee states. */
    private static long queries(PrivacyGuarantee p) {
        Matcher m = Pattern.compile("over (\\d+) labelled generated rows").matcher(p.note());
        assertThat(m.find()).as(p.note()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
