package org.pathosynth.core.filter;

import java.util.List;
import org.pathosynth.core.report.ReportPair;

/**
 * Judges pairs against the rest of a corpus (near-duplicates, balance): it sees every pair that the pair filters
 * kept, in corpus order, so a pair that another filter dropped can never count against one that stays.
 */
public interface CorpusFilter {
    String name();

    /** One decision per pair, in the same order. Starts afresh on every call. */
    List<FilterDecision> judgeAll(List<ReportPair> pairs);
}
