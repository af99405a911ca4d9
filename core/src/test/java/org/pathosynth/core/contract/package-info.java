/**
 * Contract test kits, in the spirit of LangChain4j's {@code AbstractChatModelIT}: one abstract JUnit test per core
 * interface that every implementation (PathoSynth's own and users') extends, shipped in the core test-jar
 * ({@code org.pathosynth:pathosynth-core:tests}).
 */
package org.pathosynth.core.contract;
