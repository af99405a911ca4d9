package org.pathosynth.core.pipeline;

/** Receives progress of long steps; called from the working thread, so keep it cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage short stage name ({@code fit}, {@code sample}, {@code generate}, {@code filter}, {@code extract})
     * @param done units finished so far
     * @param total units in the stage, or -1 when unknown
     */
    void onProgress(String stage, long done, long total);
}
