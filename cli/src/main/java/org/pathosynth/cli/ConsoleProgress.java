package org.pathosynth.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.pathosynth.core.pipeline.ProgressListener;

/**
 * A text progress bar on stderr: redrawn in place on a terminal, one line per 25 % step otherwise
 * (so CI logs stay short). Shows counts only, never data.
 */
final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private String stage = "";
    private int lastQuarter = -1;
    private long lastDraw;

    ConsoleProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    static ConsoleProgress onStderr() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void onProgress(String newStage, long done, long total) {
        if (!newStage.equals(stage)) {
            stage = newStage;
            lastQuarter = -1;
        }
        boolean finished = total > 0 && done >= total;
        if (interactive) {
            long now = System.nanoTime();
            if (!finished && now - lastDraw < 50_000_000L) {
                return;
            }
            lastDraw = now;
            out.print("\r" + line(done, total));
            if (finished) {
                out.println();
            }
            out.flush();
            return;
        }
        int quarter = total > 0 ? (int) (4 * done / total) : 0;
        if (quarter > lastQuarter) {
            lastQuarter = quarter;
            out.println(line(done, total));
        }
    }

    String line(long done, long total) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "%-9s %d", stage, done);
        }
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        return String.format(Locale.ROOT, "%-9s [%s%s] %3d%% %d/%d", stage, "#".repeat(filled),
                "-".repeat(WIDTH - filled), 100 * done / total, done, total);
    }
}
