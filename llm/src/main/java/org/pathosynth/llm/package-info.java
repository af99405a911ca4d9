/**
 * LLM-backed report generation (teacher ensembles), extraction and faithfulness judging on any
 * LangChain4j {@code ChatModel}, with provider set-up, resilience, caching, journaling and the
 * privacy gate. The module is part of the build from the start so that the dependency graph is
 * fixed; its implementation is tracked by its own issue.
 */
package org.pathosynth.llm;
