package org.pathosynth.synth.copula;

/**
 * One dimension of the copula: a categorical attribute's observed code, a numeric attribute's
 * observed value, or an attribute's missing flag (so missingness keeps its own correlations).
 */
record CopulaVariable(int attribute, Role role, Marginal marginal) {
    enum Role { CODE, VALUE, MISSING_FLAG }
}
