/**
 * Not API: the small neural-network toolkit the GAN synthesizers train with (layers, Adam, batch norm, the pac critic,
 * float matrix kernels). It may change in any release; use the synthesizers' builders instead.
 */
package org.pathosynth.synth.internal.nn;
