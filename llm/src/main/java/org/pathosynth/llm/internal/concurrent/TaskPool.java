package org.pathosynth.llm.internal.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a batch of tasks on daemon threads, a bounded number at once, and waits for them (the LLM extractor's reports,
 * a journaled run's requests); not API.
 */
public final class TaskPool {
    private TaskPool() {
    }

    /**
     * Runs every task, at most {@code threads} at once, on daemon threads named {@code threadName}, and returns when all
     * have ended. Tasks count their own failures; an exception that escapes one (a privacy refusal, say) stops the
     * batch: it is rethrown here and the tasks not yet run are cancelled.
     *
     * @throws InterruptedException when the caller is interrupted while waiting (the tasks are cancelled)
     */
    public static void runAll(String threadName, int threads, List<Runnable> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("task crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
