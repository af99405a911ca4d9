package org.pathosynth.core.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV source opened in its dialect: bytes decoded in the detected (or given) encoding, the separator detected from
 * the header and first lines (or given), the decimal comma decided. Hands out the header and then the records.
 */
final class CsvInput implements Closeable {
    /** How many characters of the beginning are looked at to detect the separator. */
    private static final int SAMPLE = 1 << 16;

    private final BufferedReader reader;
    private final String source;
    private final Path file;
    private final int skip;
    private final CsvDialect dialect;
    private final CsvParser parser;
    private final boolean showValues;
    private List<String> header;
    private long headerLine = 1;

    private CsvInput(BufferedReader reader, String source, Path file, int skip, CsvDialect dialect, boolean showValues) {
        this.reader = reader;
        this.source = source;
        this.file = file;
        this.skip = skip;
        this.dialect = dialect;
        this.showValues = showValues;
        this.parser = new CsvParser(reader, source, dialect.separator());
    }

    static CsvInput open(Path file, CsvReadOptions options) {
        try {
            TextEncoding.Decoding decoding = TextEncoding.detect(file, options.encoding());
            InputStream in = Files.newInputStream(file);
            try {
                in.skipNBytes(decoding.skip());
                return of(new InputStreamReader(in, TextEncoding.strictDecoder(decoding.charset())), file.toString(), file,
                        decoding, options);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Text already decoded; {@code source} names it in messages. */
    static CsvInput of(Reader reader, String source, CsvReadOptions options) {
        try {
            return of(reader, source, null, null, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static CsvInput of(Reader reader, String source, Path file, TextEncoding.Decoding decoding, CsvReadOptions options)
            throws IOException {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader, SAMPLE);
        char separator;
        if (options.separator() != null) {
            separator = options.separator();
        } else {
            buffered.mark(SAMPLE + 1);
            char[] sample = new char[SAMPLE];
            int n = 0;
            int r;
            try {
                while (n < SAMPLE && (r = buffered.read(sample, n, SAMPLE - n)) > 0) {
                    n += r;
                }
            } catch (java.nio.charset.CharacterCodingException e) {
                // undecodable bytes early in the file: the parser reports them with their line
            }
            buffered.reset();
            separator = SeparatorGuess.guess(new String(sample, 0, n), n == SAMPLE);
        }
        boolean decimalComma = options.decimalComma() != null ? options.decimalComma() : separator == ';';
        Charset encoding = decoding == null ? null : decoding.charset();
        return new CsvInput(buffered, source, file, decoding == null ? 0 : decoding.skip(), new CsvDialect(separator, encoding, decimalComma),
                options.showValues());
    }

    String source() {
        return source;
    }

    CsvDialect dialect() {
        return dialect;
    }

    boolean showValues() {
        return showValues;
    }

    /** The header's column names, stripped (a leading byte-order mark dropped). */
    List<String> header() {
        if (header == null) {
            List<String> names = parse();
            if (names == null) {
                throw new DataFormatException(source, 1, null, null, "a header line naming the columns (the file is empty)");
            }
            headerLine = parser.recordLine();
            List<String> stripped = new ArrayList<>(names.size());
            for (String name : names) {
                stripped.add(name.strip());
            }
            if (!stripped.isEmpty() && stripped.get(0).startsWith("\uFEFF")) {
                stripped.set(0, stripped.get(0).substring(1).strip()); // byte-order mark written by spreadsheet tools
            }
            header = List.copyOf(stripped);
        }
        return header;
    }

    /** The line the header is on (after any blank lines). */
    long headerLine() {
        header();
        return headerLine;
    }

    /** The next record's fields, or null at the end. */
    List<String> next() {
        header();
        return parse();
    }

    private List<String> parse() {
        try {
            return parser.next();
        } catch (CsvParser.Undecodable e) {
            throw undecodable(e);
        }
    }

    /** Bytes the encoding does not define: refused on the line that holds them, with how to say the encoding. */
    private DataFormatException undecodable(CsvParser.Undecodable e) {
        long line = 0;
        if (file != null) {
            try {
                line = TextEncoding.lineOfFirstUndecodable(file, dialect.encoding(), skip);
            } catch (IOException ignored) {
                // the line is a courtesy; the refusal stands without it
            }
        }
        return DataFormatException.problem(source, Math.max(line, 0), null, "the bytes are not valid " + dialect.encoding()
                + " text; say how the file is encoded with --encoding (e.g. windows-1252, ISO-8859-1, UTF-8)");
    }

    /** Line on which the last record started. */
    long line() {
        return parser.recordLine();
    }

    /** The error for a record whose field count is not the header's, with a hint when the separator looks wrong. */
    DataFormatException wrongWidth(List<String> fields) {
        int h = header().size();
        String expected = h + (h == 1 ? " field" : " fields") + " as in the header, found " + fields.size();
        String hint = SeparatorGuess.hint(header(), String.join(String.valueOf(dialect.separator()), fields), dialect.separator());
        return new DataFormatException(source, line(), null, null, hint == null ? expected : expected + "; " + hint, showValues);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source, e);
        }
    }
}
