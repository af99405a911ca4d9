package org.pathosynth.synth.gan;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a PATE synthesizer's share of the budget for marginals measures, when its encoders do not read the rows
 * ({@link PateBuilder#dataEncoders}): the column encoders, the conditional sampler, the student's "real" rows and the
 * calibration all come from it, so none of them sees a real row without noise.
 */
public enum MarginalModel {
    /** Noisy one-way marginals: the student's "real" rows are independent column by column. */
    ONE_WAY("one_way"),
    /**
     * An MST model (noisy one-way marginals and a maximum spanning tree of noisy two-way ones): the student's "real"
     * rows, drawn from its sample, keep the dependence it measured, and votes refine it.
     */
    MST("mst"),
    /** An AIM model (noisy marginals chosen adaptively for the workload of 1-, 2- and 3-way marginals), used as MST is. */
    AIM("aim");

    private final String option;

    MarginalModel(String option) {
        this.option = option;
    }

    /** The name options and outputs use. */
    public String option() {
        return option;
    }

    /** The model of that option name; the message lists the names there are. */
    public static MarginalModel of(String option) {
        return Arrays.stream(values()).filter(m -> m.option.equalsIgnoreCase(option.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(String.format(Locale.ROOT,
                        "unknown marginal model '%s'; known: %s", option,
                        Arrays.stream(values()).map(MarginalModel::option).toList())));
    }
}
