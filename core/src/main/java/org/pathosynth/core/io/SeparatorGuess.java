package org.pathosynth.core.io;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Which separator a CSV file uses, from its header and first lines: the one that splits the header into several
 * columns and every sampled line into as many; among those, the one giving the most columns (comma first on a tie).
 * Also the hint for a file read with the wrong separator.
 */
final class SeparatorGuess {
    /** How many records of the sample are looked at. */
    private static final int RECORDS = 50;

    private SeparatorGuess() {
    }

    /**
     * @param sample    the beginning of the file
     * @param truncated whether the file goes on after the sample (its last record may be cut, so it is not counted)
     */
    static char guess(String sample, boolean truncated) {
        char best = ',';
        int bestColumns = 1;
        boolean bestConsistent = false;
        for (char candidate : CsvDialect.SEPARATORS) {
            List<Integer> widths = widths(sample, truncated, candidate);
            if (widths.isEmpty()) {
                continue;
            }
            int header = widths.get(0);
            boolean consistent = header > 1 && widths.stream().allMatch(w -> w == header);
            // A consistent split beats an inconsistent one; then more columns win.
            if ((consistent && !bestConsistent) || (consistent == bestConsistent && header > bestColumns)) {
                best = candidate;
                bestColumns = header;
                bestConsistent = consistent;
            }
        }
        return best;
    }

    /** The number of fields of each sampled record when split on {@code separator}; empty when it cannot be parsed. */
    private static List<Integer> widths(String sample, boolean truncated, char separator) {
        CsvParser parser = new CsvParser(new StringReader(sample), "sample", separator);
        List<Integer> widths = new ArrayList<>();
        try {
            List<String> fields;
            while (widths.size() < RECORDS + 1 && (fields = parser.next()) != null) {
                widths.add(fields.size());
            }
        } catch (DataFormatException e) {
            // a quoted field running past the sample: keep the records before it
        }
        if (truncated && widths.size() > 1 && widths.size() <= RECORDS) {
            widths.remove(widths.size() - 1);
        }
        return widths;
    }

    /**
     * A hint for a header of one column read with {@code used}: when the header or {@code line} (the text of a record)
     * holds another separator, "this looks like a semicolon-separated file: read it with --csv-separator ';'"; else null.
     */
    static String hint(List<String> header, String line, char used) {
        if (header.size() != 1) {
            return null;
        }
        for (char other : CsvDialect.SEPARATORS) {
            if (other != used && (header.get(0).indexOf(other) >= 0 || (line != null && line.indexOf(other) >= 0))) {
                return "this looks like a " + CsvDialect.separatorName(other) + "-separated file: read it with --csv-separator "
                        + CsvDialect.separatorArgument(other) + " (in a run config, real_csv: {separator: "
                        + CsvDialect.separatorArgument(other) + "})";
            }
        }
        return null;
    }
}
