package org.pathosynth.synth.independent;

import org.pathosynth.core.contract.SynthesizerContractTest;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** The independent baseline passes the synthesizer contract (its model refuses to be saved: it holds real values). */
class IndependentMarginalsContractTest extends SynthesizerContractTest {
    @Override
    protected TabularSynthesizer synthesizer() {
        return IndependentMarginalsSynthesizer.builder().enforceConstraints(true).build();
    }
}
