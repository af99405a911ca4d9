/**
 * Not API: PATE building blocks (Papernot et al. 2017, as used by PATE-GAN and PATE-CTGAN): the moments
 * accountant for noisy teacher votes, the Laplace-noised vote, and the logistic-regression teacher.
 */
package org.pathosynth.synth.internal.pate;
