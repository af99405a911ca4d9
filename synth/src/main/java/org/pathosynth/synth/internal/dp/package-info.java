/**
 * Not API: differential-privacy accounting and public domains shared by the DP synthesizers: zCDP conversions and the
 * discretisation of an attribute from its schema alone.
 */
package org.pathosynth.synth.internal.dp;
