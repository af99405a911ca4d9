package org.pathosynth.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds how a text file is encoded, from its bytes: a byte-order mark (UTF-8, UTF-16), else UTF-8 when every byte
 * sequence is valid UTF-8, else Windows-1252 (Excel's "CSV" on Western Windows; a superset of Latin-1's printable
 * characters), else Latin-1. Workbooks and binary files are refused by name.
 */
final class TextEncoding {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int HEAD = 8192;

    /** The charset and how many leading bytes (a byte-order mark) to skip. */
    record Decoding(Charset charset, int skip) {
    }

    private TextEncoding() {
    }

    /** How to decode {@code file}: {@code forced} when given (skipping its own byte-order mark), else detected. */
    static Decoding detect(Path file, Charset forced) throws IOException {
        byte[] head = head(file);
        String source = file.toString();
        if (startsWith(head, 'P', 'K', 3, 4)) {
            throw DataFormatException.problem(source, 0, null,
                    "this is a ZIP archive (an Excel .xlsx or OpenDocument workbook?), not a CSV file: save the sheet as CSV first");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw DataFormatException.problem(source, 0, null, "this is an Excel 97-2003 workbook (.xls), not a CSV file: save the sheet as CSV first");
        }
        Charset bom = startsWith(head, 0xEF, 0xBB, 0xBF) ? StandardCharsets.UTF_8
                : startsWith(head, 0xFF, 0xFE) ? StandardCharsets.UTF_16LE
                : startsWith(head, 0xFE, 0xFF) ? StandardCharsets.UTF_16BE : null;
        int bomLength = bom == null ? 0 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
        if (forced != null) {
            return new Decoding(forced, bom != null && sameEncoding(bom, forced) ? bomLength : 0);
        }
        if (bom != null) {
            return new Decoding(bom, bomLength);
        }
        for (byte b : head) {
            if (b == 0) {
                throw DataFormatException.problem(source, 0, null, "the file holds NUL bytes: it is not a text CSV, or it is UTF-16 "
                        + "without a byte-order mark (then say so with --encoding UTF-16LE)");
            }
        }
        if (isUtf8(file)) {
            return new Decoding(StandardCharsets.UTF_8, 0);
        }
        return new Decoding(definesEveryByte(file) ? WINDOWS_1252 : StandardCharsets.ISO_8859_1, 0);
    }

    /** A strict decoder: a byte sequence the charset does not define is an error, never a replacement character. */
    static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean sameEncoding(Charset bom, Charset forced) {
        return bom.equals(forced) || (bom.name().startsWith("UTF-16") && forced.equals(StandardCharsets.UTF_16));
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the whole file decodes as UTF-8. */
    static boolean isUtf8(Path file) throws IOException {
        return lineOfFirstUndecodable(file, StandardCharsets.UTF_8, 0) < 0;
    }

    /**
     * The line (from 1) holding the first byte sequence {@code charset} cannot decode, or -1 when there is none; streams
     * (a file may be larger than what fits twice in memory).
     */
    static long lineOfFirstUndecodable(Path file, Charset charset, int skip) throws IOException {
        CharsetDecoder decoder = strictDecoder(charset);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long newlines = 0;
        try (InputStream stream = Files.newInputStream(file); ReadableByteChannel channel = Channels.newChannel(stream)) {
            stream.skipNBytes(skip);
            boolean end = false;
            while (true) {
                if (!end) {
                    end = channel.read(in) < 0;
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                if (end && !result.isError() && !result.isOverflow()) {
                    result = decoder.flush(out);
                }
                out.flip();
                while (out.hasRemaining()) {
                    if (out.get() == '\n') {
                        newlines++;
                    }
                }
                out.clear();
                if (result.isError()) {
                    return newlines + 1;
                }
                in.compact();
                if (end && !result.isOverflow()) {
                    return -1;
                }
            }
        }
    }

    /** Whether Windows-1252 defines every byte of the file (it leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined). */
    private static boolean definesEveryByte(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
