package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.synthesis.PrivacyGuarantee;

class PateSynthesizersTest {
    private static PateGanSynthesizer.Builder smallPateGan() {
        return PateGanSynthesizer.builder().width(32).batchSize(50).epochs(2);
    }

    @Test
    void pateGanStopsOnceEpsilonIsSpentAndReportsIt() {
        Table real = CtganSynthesizerTest.linked(400, 1);
        GanModel model = smallPateGan().epsilon(1).seed(2).build().fit(real);
        PrivacyGuarantee p = model.privacyGuarantee();
        assertThat(p.isDifferentiallyPrivate()).isTrue();
        assertThat(p.delta()).isEqualTo(1 / (400 * Math.sqrt(400))); // synthcity's rule
        assertThat(p.epsilon()).isGreaterThanOrEqualTo(1); // stopped because it was spent (checked after an iteration)
        assertThat(p.epsilon()).isLessThan(1.6);
        assertThat(model.epochsTrained()).isLessThan(200);
        assertThat(p.mechanism()).contains("synthcity");
        assertThat(model.sample(300, 1).rowCount()).isEqualTo(300);
        assertThat(model.synthesizerName()).isEqualTo("pategan");
    }

    @Test
    void pateGanIsReproducibleHonoursTheIterationCapDeltaAndStop() {
        Table real = CtganSynthesizerTest.linked(200, 3);
        GanModel a = smallPateGan().epsilon(50).maxIterations(2).seed(4).build().fit(real);
        GanModel b = smallPateGan().epsilon(50).maxIterations(2).seed(4).build().fit(real);
        assertThat(a.epochsTrained()).isEqualTo(2);
        assertThat(a.privacyGuarantee().epsilon()).isLessThan(50);
        assertThat(a.sample(100, 7)).isEqualTo(b.sample(100, 7));
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
    void pateCtganChargesEveryLabelledRowAndOvershootsByAtMostOneIteration() {
        Table real = CtganSynthesizerTest.linked(300, 5);
        GanModel model = PateCtganSynthesizer.builder().batchSize(50).epsilon(1).seed(1).build().fit(real);
        PrivacyGuarantee p = model.privacyGuarantee();
        int iterations = model.epochsTrained();
        // every iteration labels 5 student batches of 50 rows, each charged the data-independent bound
        org.pathosynth.synth.internal.pate.MomentsAccountant before = new org.pathosynth.synth.internal.pate.MomentsAccountant(1e-3);
        before.chargeWorstCase(250L * (iterations - 1));
        double delta = 1 / (300 * Math.sqrt(300));
        assertThat(before.epsilon(delta)).isLessThan(1);
        assertThat(p.epsilon()).isGreaterThanOrEqualTo(1);
        assertThat(p.note()).contains(250L * iterations + " labelled generated rows").contains("1 teachers");
        assertThat(model.losses()).allSatisfy(l -> assertThat(l).hasSize(3));
        GanModel again = PateCtganSynthesizer.builder().batchSize(50).epsilon(1).seed(1).build().fit(real);
        assertThat(again.sample(100, 2)).isEqualTo(model.sample(100, 2));
        assertThat(PateCtganSynthesizer.builder().batchSize(50).rowsPerTeacher(100).epsilon(1).seed(1).build().fit(real)
                .privacyGuarantee().note()).contains("4 teachers");
    }
}
