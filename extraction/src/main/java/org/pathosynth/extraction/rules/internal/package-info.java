/**
 * Not API: how the rule-based extractor's rules run, fast. {@link org.pathosynth.extraction.rules.internal.RuleBook}
 * is the one entry point its readers call (open a report, scan a view of it, check a region, close it); the speed-up
 * machinery behind it (anchor words found in one pass with a trie, lower-case twins, number leads, pooled matchers,
 * factored word boundaries) stays package-private and may change with any release.
 */
package org.pathosynth.extraction.rules.internal;
