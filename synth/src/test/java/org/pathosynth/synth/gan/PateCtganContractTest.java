package org.pathosynth.synth.gan;

import org.pathosynth.core.contract.SynthesizerContractTest;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** PATE-CTGAN passes the synthesizer contract (one outer iteration). */
class PateCtganContractTest extends SynthesizerContractTest {
    @Override
    protected TabularSynthesizer synthesizer() {
        return PateCtganSynthesizer.builder().batchSize(50).maxIterations(1).seed(1).noiseSeed(1).build();
    }
}
