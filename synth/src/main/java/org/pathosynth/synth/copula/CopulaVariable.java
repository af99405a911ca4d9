package org.pathosynth.synth.copula;

/**
 * One dimension of the copula: a categorical attribute's code (missing as the last code), a numeric
 * attribute's value, or a numeric attribute's missing flag (so missingness keeps its correlations).
 */
record CopulaVariable(int attribute, Role role, Marginal marginal) {
    enum Role { CODE, VALUE, MISSING_FLAG }
}
