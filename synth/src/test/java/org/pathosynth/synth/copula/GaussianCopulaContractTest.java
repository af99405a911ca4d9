package org.pathosynth.synth.copula;

import org.pathosynth.core.contract.SynthesizerContractTest;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** The Gaussian copula passes the synthesizer contract. */
class GaussianCopulaContractTest extends SynthesizerContractTest {
    @Override
    protected TabularSynthesizer synthesizer() {
        return GaussianCopulaSynthesizer.create();
    }
}
