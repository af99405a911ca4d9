/**
 * Not API: what every synthesizer and fitted model of this module shares (typed fits, the sampling frame, the JSON
 * frame with its provenance, schema constraints on encoded rows).
 */
package org.pathosynth.synth.internal.model;
