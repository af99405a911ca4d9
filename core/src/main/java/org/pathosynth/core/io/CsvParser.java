package org.pathosynth.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV parser (comma, semicolon or tab separator, double-quote quoting, CRLF or LF) that knows the
 * physical line each record starts on, so errors can point at it.
 */
final class CsvParser {
    private final Reader reader;
    private final String source;
    private final char separator;
    private long line = 1;
    private long recordLine;
    private int pushedBack = -2;

    CsvParser(Reader reader, String source, char separator) {
        this.reader = reader;
        this.source = source;
        this.separator = separator;
    }

    /** Line on which the last returned record started. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at end of input. */
    List<String> next() {
        try {
            int c = read();
            while (c == '\r' || c == '\n') { // skip blank lines
                consumeNewline(c);
                c = read();
            }
            if (c == -1) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new DataFormatException(source, recordLine, null, null,
                                "a closing double quote (the quoted field opened here is never closed)");
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            afterQuote = true;
                            c = n;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                    c = read();
                    continue;
                }
                if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    fields.add(field.toString());
                    if (c != -1) {
                        consumeNewline(c);
                    }
                    return fields;
                } else if (c == '"' && field.length() == 0 && !afterQuote) {
                    quoted = true;
                } else if (afterQuote) {
                    throw new DataFormatException(source, line, null, null,
                            "a " + CsvDialect.separatorName(separator) + " or end of line after a closing double quote");
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        } catch (CharacterCodingException e) {
            throw new Undecodable(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Bytes the reader's charset cannot decode; the caller, who knows the file, says on which line. */
    static final class Undecodable extends RuntimeException {
        Undecodable(CharacterCodingException cause) {
            super(cause);
        }
    }

    /** Consumes a line ending that starts with {@code c} (CR, LF or CRLF) without reading past it. */
    private void consumeNewline(int c) throws IOException {
        if (c == '\r') {
            int n = read();
            if (n != '\n') {
                pushedBack = n;
            }
        }
        line++;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return reader.read();
    }
}
