package org.pathosynth.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file completely or not at all: into a temporary file beside it, flushed to the disk, then an atomic rename.
 * A crash or a full disk leaves the old file (or none), never a truncated one, and no temporary file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes to the given temporary path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    /**
     * Writes {@code target} through {@code writer}, which fills a temporary file; when the writer fails, the target is
     * untouched and the temporary file removed.
     *
     * @throws UncheckedIOException "cannot write TARGET: REASON" (e.g. "No space left on device")
     */
    public static void write(Path target, Writer writer) {
        Path parent = target.toAbsolutePath().getParent();
        // A name of its own per write: two writers of one target never share a temporary file.
        Path tmp = parent.resolve("." + target.getFileName() + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
        try {
            Files.createDirectories(parent);
            writer.write(tmp);
            force(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        } catch (UncheckedIOException e) { // a writer that cannot throw IOException wraps it: say the target, not the temporary file
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e.getCause()), e.getCause());
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    public static void writeString(Path target, String content) {
        write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }

    /** Puts the bytes on the disk before the rename, so that a power cut cannot leave the new name on empty content. */
    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** The cause in words, without the temporary file's name that a file-system message would lead with. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the original error matters more
        }
    }
}
