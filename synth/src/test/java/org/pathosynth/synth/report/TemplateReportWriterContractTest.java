package org.pathosynth.synth.report;

import org.pathosynth.core.contract.GeneratorContractTest;
import org.pathosynth.core.generation.ReportGenerator;

/** The offline writer keeps the generator contract: deterministic per request, in every style, with noise. */
class TemplateReportWriterContractTest extends GeneratorContractTest {
    @Override
    protected ReportGenerator generator() {
        return TemplateReportWriter.builder().language("fr").noise(0.5).build();
    }

    @Override
    protected boolean deterministic() {
        return true;
    }
}
