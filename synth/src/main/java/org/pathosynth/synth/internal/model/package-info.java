/**
 * Not API: what every saved synthesizer model shares (the JSON frame with its provenance, schema constraints on
 * encoded rows, the training-table checks).
 */
package org.pathosynth.synth.internal.model;
