/**
 * LLM-backed report generation (teachers and teacher ensembles), extraction and faithfulness judging on any
 * LangChain4j {@code ChatModel}.
 *
 * <ul>
 *   <li>{@code provider}: models from short specs ({@code ollama:mistral}, {@code openai:gpt-4o-mini}, ...), where they
 *       run, and the SPI for in-process models ({@code local:}).</li>
 *   <li>{@code call}: the {@code LlmClient} every component shares (concurrency, rate limits, retries, cache, token
 *       usage) and price estimates.</li>
 *   <li>{@code generation}, {@code extraction}, {@code judge}: the components, each with its providers, so that
 *       {@code Generators.create("ollama:mistral", options, context)} and {@code Extractors.create(...)} find them by
 *       name.</li>
 *   <li>{@code privacy}: the gate that keeps real-derived text away from remote models.</li>
 *   <li>{@code run}: the on-disk generation journal and run summaries.</li>
 * </ul>
 *
 * <p>Packages under {@code org.pathosynth.llm.internal} are not API: they may change in any release.
 */
package org.pathosynth.llm;
