package org.pathosynth.synth.mst;

import org.pathosynth.core.contract.SynthesizerContractTest;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** MST passes the synthesizer contract (with seeded noise, so two fits are the same model). */
class MstContractTest extends SynthesizerContractTest {
    @Override
    protected TabularSynthesizer synthesizer() {
        return MstSynthesizer.builder().epsilon(1).seed(3).build();
    }
}
