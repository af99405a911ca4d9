package org.pathosynth.synth.gan;

import org.pathosynth.core.contract.SynthesizerContractTest;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** PATE-GAN passes the synthesizer contract (one outer iteration of small networks). */
class PateGanContractTest extends SynthesizerContractTest {
    @Override
    protected TabularSynthesizer synthesizer() {
        return PateGanSynthesizer.builder().width(16).batchSize(50).epochs(1).maxIterations(1).seed(1).noiseSeed(1).build();
    }
}
