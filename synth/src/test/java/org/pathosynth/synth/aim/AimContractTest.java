package org.pathosynth.synth.aim;

import org.pathosynth.core.contract.SynthesizerContractTest;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** AIM passes the synthesizer contract (with seeded noise, so two fits are the same model). */
class AimContractTest extends SynthesizerContractTest {
    @Override
    protected TabularSynthesizer synthesizer() {
        return AimSynthesizer.builder().epsilon(1).seed(3).build();
    }
}
