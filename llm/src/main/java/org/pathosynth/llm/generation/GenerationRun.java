package org.pathosynth.llm.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationFailure;
import org.pathosynth.core.generation.GenerationJournal;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.llm.internal.concurrent.TaskPool;

/**
 * Runs generation tasks on a thread pool, journaling each result as it arrives. With a journal, tasks already
 * done are taken from it instead of being generated again, so a crashed run started again finishes the rest and
 * ends with exactly one report per task. Results come back in task order; failures are listed, never dropped.
 */
final class GenerationRun {
    private final int threads;
    private final GenerationJournal journal;

    private GenerationRun(int threads, GenerationJournal journal) {
        this.threads = threads;
        this.journal = journal;
    }

    /**
     * @param threads tasks in progress at once (match the LLM client's concurrency)
     * @param journal where finished work is taken from and recorded; null or {@link GenerationJournal#NONE} for none
     */
    static GenerationRun of(int threads, GenerationJournal journal) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new GenerationRun(threads, journal == null ? GenerationJournal.NONE : journal);
    }

    GenerationBatch run(List<GenerationTask> tasks, ProgressListener progress) {
        ReportPair[] results = new ReportPair[tasks.size()];
        GenerationFailure[] failures = new GenerationFailure[tasks.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            GenerationTask t = tasks.get(i);
            ReportPair earlier = journal.done(t.id(), t.generator().name());
            if (earlier != null) {
                results[i] = earlier;
            } else {
                pending.add(i);
            }
        }
        AtomicLong finished = new AtomicLong(tasks.size() - pending.size());
        progress.onProgress("generate", finished.get(), tasks.size());
        List<Runnable> work = new ArrayList<>(pending.size());
        for (int i : pending) {
            GenerationTask t = tasks.get(i);
            work.add(() -> {
                String generator = t.generator().name();
                try {
                    Report report = t.generator().generate(t.request());
                    ReportPair pair = new ReportPair(t.id(), t.request().record(), report);
                    journal.recordSuccess(pair, generator);
                    results[i] = pair;
                } catch (RuntimeException e) {
                    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    journal.recordFailure(t.id(), generator, reason);
                    failures[i] = new GenerationFailure(t.id(), generator, reason);
                }
                progress.onProgress("generate", finished.incrementAndGet(), tasks.size());
            });
        }
        try {
            TaskPool.runAll("pathosynth-generate", Math.min(threads, Math.max(1, pending.size())), work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted; finished work is in the journal", e);
        }
        List<ReportPair> pairs = new ArrayList<>();
        List<GenerationFailure> failed = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (results[i] != null) {
                pairs.add(results[i]);
            } else {
                failed.add(failures[i]);
            }
        }
        return new GenerationBatch(pairs, failed);
    }
}
