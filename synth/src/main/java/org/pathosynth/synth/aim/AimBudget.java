package org.pathosynth.synth.aim;

/**
 * What an AIM fit spent: the requested (ε, δ) and its zCDP budget ρ, the ρ its measurements and selections used (never
 * more than ρ), the ε that guarantees at δ, the rounds run and the range of the measurement noise.
 */
record AimBudget(double epsilonRequested, double delta, double rho, double rhoUsed, double epsilonSpent, int rounds,
                 double largestNoise, double smallestNoise) {
}
