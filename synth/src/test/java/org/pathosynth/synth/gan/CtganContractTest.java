package org.pathosynth.synth.gan;

import org.pathosynth.core.contract.SynthesizerContractTest;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/** CTGAN passes the synthesizer contract (2 epochs of small networks). */
class CtganContractTest extends SynthesizerContractTest {
    @Override
    protected TabularSynthesizer synthesizer() {
        return CtganSynthesizer.builder().embedding(16).generatorDims(32, 32).criticDims(32, 32).batchSize(100).epochs(2).seed(1).build();
    }
}
