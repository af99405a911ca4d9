package org.pathosynth.llm.provider;

/** Where a model runs: on the caller's premises (text stays in-house) or at a hosted service. */
public enum Locality {
    LOCAL,
    REMOTE
}
