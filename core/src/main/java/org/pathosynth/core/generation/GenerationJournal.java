package org.pathosynth.core.generation;

import org.pathosynth.core.report.ReportPair;

/**
 * Where finished reports are recorded as they come in, so that a batch interrupted at any point resumes without
 * writing a report twice. Implementations are thread-safe.
 */
public interface GenerationJournal extends AutoCloseable {
    /** Remembers nothing: every report is written. */
    GenerationJournal NONE = new GenerationJournal() {
        @Override
        public ReportPair done(String id, String generator) {
            return null;
        }

        @Override
        public void recordSuccess(ReportPair pair, String generator) {
        }

        @Override
        public void recordFailure(String id, String generator, String reason) {
        }
    };

    /** The pair already written for {@code id} by {@code generator}, or null. */
    ReportPair done(String id, String generator);

    void recordSuccess(ReportPair pair, String generator);

    /** A failure is recorded too; a later batch tries the request again. */
    void recordFailure(String id, String generator, String reason);

    /** Releases the journal's file, if it has one. */
    @Override
    default void close() {
    }
}
