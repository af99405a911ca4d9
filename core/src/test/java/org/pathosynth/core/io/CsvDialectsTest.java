package org.pathosynth.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

/** Tables exported by spreadsheets and hospital systems in other dialects: read right, or refused by name. */
class CsvDialectsTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** A French Excel export: semicolons, decimal commas, Windows-1252 accents in a free-text column. */
    private static final String FRENCH = "tumor_size_mm;ki67_percent;er_status;commentaire\r\n"
            + "2,8;15,5;positive;reçu après coloration\r\n"
            + "12;7;negative;Berné\r\n"
            + "1 234,5;;negative;\r\n";

    @TempDir
    Path dir;

    private Path file(String name, String text, Charset encoding) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(encoding));
        return f;
    }

    @Test
    void aFrenchExcelExportIsReadWithItsSemicolonsDecimalCommasAndAccents() throws Exception {
        Path f = file("export.csv", FRENCH.replace("1 234,5", "23,0"), WINDOWS_1252);
        CsvReadResult r = CsvTables.read(f, SCHEMA);
        Table t = r.table();
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.record(0).getDouble("tumor_size_mm")).isEqualTo(3.0); // 2,8 mm: whole millimetres in the preset
        assertThat(t.record(0).getDouble("ki67_percent")).isEqualTo(15.5);
        assertThat(t.record(1).getDouble("tumor_size_mm")).isEqualTo(12.0);
        assertThat(t.record(2).getDouble("tumor_size_mm")).isEqualTo(23.0);
        assertThat(t.record(1).getString("er_status")).isEqualTo("negative");
        assertThat(r.unknownColumns()).containsExactly("commentaire");
        assertThat(r.dialect()).isEqualTo(new CsvDialect(';', WINDOWS_1252, true));
        assertThat(r.dialect().describe()).isEqualTo("semicolon-separated, decimal comma, windows-1252");
    }

    @Test
    void thousandsWrittenWithASpaceAreOneNumber() throws Exception {
        Schema sizes = Schema.fromJson("{\"name\":\"s\",\"attributes\":[{\"name\":\"volume\",\"kind\":\"numeric\"}]}");
        Path f = file("volumes.csv", "volume;note\n1 234,5;a\n-0,25;b\n", StandardCharsets.UTF_8);
        Table t = CsvTables.read(f, sizes).table();
        assertThat(t.record(0).getDouble("volume")).isEqualTo(1234.5);
        assertThat(t.record(1).getDouble("volume")).isEqualTo(-0.25);
    }

    @Test
    void aLatin1FileIsReadNotRefused() throws Exception {
        Path f = file("latin1.csv", "sbr_grade,er_status,remarque\n2,positive,biopsie réalisée à l'hôpital\n3,negative,\n",
                StandardCharsets.ISO_8859_1);
        CsvReadResult r = CsvTables.read(f, SCHEMA);
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.dialect().encoding()).isEqualTo(WINDOWS_1252);
        assertThat(RawCsv.read(f).rows().get(0).get(2)).isEqualTo("biopsie réalisée à l'hôpital");
    }

    @Test
    void utf8WithOrWithoutByteOrderMarkAndUtf16FromExcelAreReadAlike() throws Exception {
        String text = "sbr_grade\ter_status\tremarque\n2\tpositive\tcœur\n";
        Path plain = file("plain.tsv", text, StandardCharsets.UTF_8);
        Path bom = file("bom.tsv", "\uFEFF" + text, StandardCharsets.UTF_8);
        Path utf16 = file("unicode.txt", "\uFEFF" + text, StandardCharsets.UTF_16LE);
        Table expected = CsvTables.read(plain, SCHEMA).table();
        assertThat(expected.record(0).getString("er_status")).isEqualTo("positive");
        assertThat(CsvTables.read(bom, SCHEMA).table()).isEqualTo(expected);
        assertThat(CsvTables.read(utf16, SCHEMA).table()).isEqualTo(expected);
        assertThat(CsvTables.read(plain, SCHEMA).dialect().describe()).isEqualTo("tab-separated, decimal point, UTF-8");
        assertThat(CsvTables.read(utf16, SCHEMA).dialect().encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(RawCsv.read(utf16).rows().get(0)).containsExactly("2", "positive", "cœur");
    }

    @Test
    void aWorkbookIsRefusedByNameNotReadAsGarbage() throws Exception {
        Path xlsx = dir.resolve("export.csv");
        Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        assertThatThrownBy(() -> CsvTables.read(xlsx, SCHEMA))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(xlsx + ": this is a ZIP archive (an Excel .xlsx or OpenDocument workbook?), not a CSV file: save the sheet as CSV first");
    }

    @Test
    void readingASemicolonFileAsCommasSaysItLooksSemicolonSeparated() throws Exception {
        Path f = file("export.csv", FRENCH, WINDOWS_1252);
        assertThatThrownBy(() -> CsvTables.read(f, SCHEMA, CsvReadOptions.DEFAULT.withSeparator(',')))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(f + ":1: no column of the header (1 column, comma-separated) is a column of schema 'breast-cancer'")
                .hasMessageContaining("expected some of test_used_for_diagnosis, morphology_icdo, sbr_grade")
                .hasMessageEndingWith("this looks like a semicolon-separated file: read it with --csv-separator ';' "
                        + "(in a run config, real_csv: {separator: ';'})");
    }

    @Test
    void aOneColumnHeaderOverLinesThatSplitOnSemicolonsGetsTheHintNotJustACount() {
        assertThatThrownBy(() -> CsvTables.read(new StringReader("ki67_percent\n2,8;x\n"), "in.csv", SCHEMA, CsvReadOptions.DEFAULT))
                .hasMessage("in.csv:2: expected 1 field as in the header, found 2; this looks like a semicolon-separated file: "
                        + "read it with --csv-separator ';' (in a run config, real_csv: {separator: ';'})");
        assertThatThrownBy(() -> RawCsv.read(new StringReader("ki67_percent\n2,8\t9\n"), "in.tsv"))
                .hasMessageContaining("this looks like a tab-separated file: read it with --csv-separator tab");
    }

    @Test
    void theSeparatorAndDecimalCommaCanBeSaid() throws Exception {
        Path f = file("export.txt", "tumor_size_mm\tki67_percent\n2,8\t15\n", StandardCharsets.UTF_8);
        // A tab file does not say whether 2,8 is two point eight: refused with the option to say so.
        assertThatThrownBy(() -> CsvTables.read(f, SCHEMA))
                .hasMessage(f + ":2: column 'tumor_size_mm': invalid value (hidden; --show-values shows it); expected a number in "
                        + "[1, 300] mm; the file seems to write decimals with a comma: read it with --decimal-comma");
        CsvReadOptions said = CsvReadOptions.DEFAULT.withSeparator('\t').withDecimalComma(true);
        assertThat(CsvTables.read(f, SCHEMA, said).table().record(0).getDouble("tumor_size_mm")).isEqualTo(3.0);
        Path semicolons = file("points.csv", "tumor_size_mm;ki67_percent\n2,8;15\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvTables.read(semicolons, SCHEMA, CsvReadOptions.DEFAULT.withDecimalComma(false)))
                .hasMessageContaining("read it with --decimal-comma");
    }

    @Test
    void aFileThatIsNotTheEncodingTheUserGaveIsRefusedWithTheLine() throws Exception {
        Path f = file("latin1.csv", "sbr_grade,remarque\n2,a\n3,hôpital\n", StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvTables.read(f, SCHEMA, CsvReadOptions.DEFAULT.withEncoding(StandardCharsets.UTF_8)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(f + ":3: the bytes are not valid UTF-8 text; say how the file is encoded with --encoding "
                        + "(e.g. windows-1252, ISO-8859-1, UTF-8)");
        assertThat(CsvTables.read(f, SCHEMA, CsvReadOptions.DEFAULT.withEncoding(StandardCharsets.ISO_8859_1)).table().rowCount())
                .isEqualTo(2);
    }

    @Test
    void separatorsAndEncodingsAreGivenAsUsersWriteThem() {
        assertThat(CsvDialect.parseSeparator(";")).isEqualTo(';');
        assertThat(CsvDialect.parseSeparator("semicolon")).isEqualTo(';');
        assertThat(CsvDialect.parseSeparator("tab")).isEqualTo('\t');
        assertThat(CsvDialect.parseSeparator("\t")).isEqualTo('\t');
        assertThat(CsvDialect.parseSeparator(",")).isEqualTo(',');
        assertThatThrownBy(() -> CsvDialect.parseSeparator("|"))
                .hasMessage("separator must be comma, semicolon or tab (or ',', ';'), got '|'");
        assertThat(CsvDialect.parseEncoding("latin1")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(CsvDialect.parseEncoding("cp1252")).isEqualTo(WINDOWS_1252);
        assertThatThrownBy(() -> CsvDialect.parseEncoding("klingon"))
                .hasMessage("unknown encoding 'klingon' (e.g. UTF-8, windows-1252, ISO-8859-1, UTF-16)");
    }

    @Test
    void whatPathoSynthWritesReadsBackInTheStandardDialect() throws Exception {
        Table t = CsvTables.read(new StringReader("sbr_grade,tumor_size_mm\n2,22.5\n"), "in.csv", SCHEMA, CsvReadOptions.DEFAULT).table();
        Path out = dir.resolve("out.csv");
        CsvTables.write(t, out);
        CsvReadResult back = CsvTables.read(out, SCHEMA);
        assertThat(back.dialect()).isEqualTo(CsvDialect.STANDARD);
        assertThat(back.dialect().isStandard()).isTrue();
    }

    @Test
    void rawTablesGetDecimalPointsInTheirNumberColumnsOnly() throws Exception {
        Path f = file("raw.csv", "size;code;note\n2,8;1,2;a\n10;x;b\n", StandardCharsets.UTF_8);
        RawCsv raw = RawCsv.read(f);
        assertThat(raw.rows().get(0)).containsExactly("2.8", "1,2", "a");
        assertThat(raw.rows().get(1)).containsExactly("10", "x", "b");
        assertThat(raw.dialect().decimalComma()).isTrue();
    }
}
