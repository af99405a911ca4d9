package org.pathosynth.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pathosynth.core.schema.Schema;

/**
 * How a CSV header lines up with a schema: the attribute each column holds, the columns the schema does not know, the
 * schema attributes the header lacks, and the unknown columns that nearly match a lacking attribute ({@code ER_status}
 * for {@code er_status}): those are mistakes, not extra columns.
 *
 * <p>{@link #matchesNothing()} is the hook for callers that infer a schema for a table that is not in theirs:
 * {@link CsvTables#read} refuses such a table; check {@code HeaderMatch.of(CsvTables.header(file, options).names(), schema)}
 * first to decide to infer instead.
 */
public final class HeaderMatch {
    /** An unknown header column that nearly matches one or more schema attributes the header lacks. */
    public record NearMiss(String column, List<String> suggestions) {
        public NearMiss {
            suggestions = List.copyOf(suggestions);
        }

        /** "did you mean 'er_status'?", with a word on the unit when the header names another. */
        public String describe() {
            String unitNote = "";
            String unit = ColumnNames.unit(suggestions.get(0));
            String given = ColumnNames.unit(column);
            if (suggestions.size() == 1 && unit != null && !unit.equals(given)) {
                unitNote = " (its values are in " + unit + ")";
            }
            return "did you mean " + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'").toList()) + "?" + unitNote;
        }
    }

    private final List<String> header;
    private final Schema schema;
    private final int[] attributeOfColumn;
    private final List<String> unknown;
    private final List<String> missing;
    private final List<NearMiss> nearMisses;

    private HeaderMatch(List<String> header, Schema schema, int[] attributeOfColumn, List<String> unknown, List<String> missing,
                        List<NearMiss> nearMisses) {
        this.header = List.copyOf(header);
        this.schema = schema;
        this.attributeOfColumn = attributeOfColumn;
        this.unknown = List.copyOf(unknown);
        this.missing = List.copyOf(missing);
        this.nearMisses = List.copyOf(nearMisses);
    }

    /** Lines {@code header} (stripped column names) up with {@code schema}; column names match exactly. */
    public static HeaderMatch of(List<String> header, Schema schema) {
        int[] attributeOfColumn = new int[header.size()];
        List<String> unknown = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (schema.has(name)) {
                attributeOfColumn[i] = schema.indexOf(name);
                present.add(name);
            } else {
                attributeOfColumn[i] = -1;
                unknown.add(name);
            }
        }
        List<String> missing = schema.names().stream().filter(n -> !present.contains(n)).toList();
        List<NearMiss> nearMisses = new ArrayList<>();
        for (String column : unknown) {
            // Nearest among all the schema's columns: a variant of a column the header has (ER status beside er_status)
            // is an extra column, not a misspelling of a lacking one (pr_status).
            List<String> nearest = ColumnNames.suggestions(column, schema.names());
            if (!nearest.isEmpty() && nearest.stream().noneMatch(present::contains)) {
                nearMisses.add(new NearMiss(column, nearest));
            }
        }
        return new HeaderMatch(header, schema, attributeOfColumn, unknown, missing, nearMisses);
    }

    public List<String> header() {
        return header;
    }

    public Schema schema() {
        return schema;
    }

    /** The schema index of the attribute column {@code column} holds, or -1 for an unknown column. */
    public int attributeOf(int column) {
        return attributeOfColumn[column];
    }

    /** Header columns the schema does not know, near misses included. */
    public List<String> unknownColumns() {
        return unknown;
    }

    /** Schema attributes the header has no column for. */
    public List<String> missingColumns() {
        return missing;
    }

    public List<NearMiss> nearMisses() {
        return nearMisses;
    }

    /** Every near miss with its suggestion, in one line: "did you mean 'er_status'? Column 'sbr grade': did you mean ...". */
    public String nearMissesInWords() {
        StringBuilder problem = new StringBuilder();
        for (NearMiss miss : nearMisses) {
            if (problem.length() > 0) {
                problem.append(" Column '").append(miss.column()).append("': ");
            }
            problem.append(miss.describe());
        }
        return problem.toString();
    }

    /** Whether no header column is a schema attribute (a table of another kind, or one without a header line). */
    public boolean matchesNothing() {
        return schema.size() > 0 && Arrays.stream(attributeOfColumn).allMatch(a -> a < 0);
    }
}
