package org.pathosynth.llm.internal.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of lines that only grows, each line written whole in one system call, so that a process killed at any point
 * leaves at most one line cut short at the end: opening the file reads its complete lines and cuts such a tail off.
 * The response cache and the generation journal are such files; not API.
 */
public final class AppendOnlyLines implements AutoCloseable {
    /** What opening does with each complete line of the file. */
    @FunctionalInterface
    public interface LineReader {
        /**
         * @param offset where the line starts in the file (in bytes)
         * @param length its length in bytes, without the newline
         * @param number its number, from 1
         */
        void read(String line, long offset, int length, long number) throws IOException;
    }

    private final Path file;
    private final String description;
    private final FileChannel channel;
    private long end;

    private AppendOnlyLines(Path file, String description, FileChannel channel, long end) {
        this.file = file;
        this.description = description;
        this.channel = channel;
        this.end = end;
    }

    /**
     * Opens the file (creating it when there is none), gives every complete line to {@code lines} and cuts off a line
     * cut short at the end.
     *
     * @param description how messages name the file, e.g. "the journal"
     */
    public static AppendOnlyLines open(Path file, String description, LineReader lines) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long end = readLines(Files.readAllBytes(file), lines);
            channel.truncate(end);
            return new AppendOnlyLines(file, description, channel, end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Gives each complete line to {@code lines}; returns the length of the complete lines. */
    private static long readLines(byte[] bytes, LineReader lines) throws IOException {
        int start = 0;
        long number = 0;
        while (start < bytes.length) {
            int stop = start;
            while (stop < bytes.length && bytes[stop] != '\n') {
                stop++;
            }
            number++;
            if (stop == bytes.length) {
                return start; // no newline: a crash cut this line short
            }
            lines.read(new String(bytes, start, stop - start, StandardCharsets.UTF_8), start, stop - start, number);
            start = stop + 1;
        }
        return bytes.length;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends {@code line} (UTF-8, without its newline) and a newline in one write; returns the offset where it starts.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public synchronized long append(byte[] line) {
        ByteBuffer b = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        long at = end;
        try {
            while (b.hasRemaining()) {
                at += channel.write(b, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + description + " " + file, e);
        }
        long start = end;
        end = at;
        return start;
    }

    /** The {@code length} bytes at {@code offset} as text, or null when the file ends before. */
    public String read(long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (channel.read(b, offset + b.position()) < 0) {
                return null;
            }
        }
        return new String(b.array(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
