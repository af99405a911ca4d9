package org.pathosynth.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;
import org.pathosynth.core.schema.Schema;

/**
 * The columns an extraction adds to a row, and their values. For each attribute a report can state (table-only columns
 * such as dates are never read from text): {@code <attribute>} typed by its kind (string for codes and ordinal values,
 * boolean, long for integers, double for numbers), {@code <attribute>_start} and {@code <attribute>_end} (the evidence's
 * character span, end exclusive) and {@code <attribute>_confidence}; then {@code extractor}, {@code extractor_version}
 * and {@code extraction_error} (null when the report was read). Every name carries the caller's prefix.
 */
final class ExtractionColumns implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String EXTRACTOR = "extractor";
    static final String VERSION = "extractor_version";
    static final String ERROR = "extraction_error";

    private final String prefix;
    private final List<String> attributes = new ArrayList<>();
    private final List<AttributeKind> kinds = new ArrayList<>();

    ExtractionColumns(Schema schema, String prefix) {
        this.prefix = prefix;
        for (Attribute a : schema.attributes()) {
            if (!a.tableOnly()) {
                attributes.add(a.name());
                kinds.add(a.kind());
            }
        }
    }

    List<String> attributes() {
        return List.copyOf(attributes);
    }

    /** The added columns, in order. */
    StructType type() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            String a = prefix + attributes.get(i);
            fields.add(DataTypes.createStructField(a, sparkType(kinds.get(i)), true));
            fields.add(DataTypes.createStructField(a + "_start", DataTypes.IntegerType, true));
            fields.add(DataTypes.createStructField(a + "_end", DataTypes.IntegerType, true));
            fields.add(DataTypes.createStructField(a + "_confidence", DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField(prefix + EXTRACTOR, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(prefix + VERSION, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(prefix + ERROR, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    int width() {
        return attributes.size() * 4 + 3;
    }

    private static DataType sparkType(AttributeKind kind) {
        return switch (kind) {
            case CATEGORICAL, ORDINAL -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
            case INTEGER -> DataTypes.LongType;
            case NUMERIC -> DataTypes.DoubleType;
        };
    }

    /** Writes the columns of a read report into {@code out} from {@code offset}; returns which attributes had a value. */
    boolean[] write(Extraction e, String extractor, String version, Object[] out, int offset) {
        boolean[] found = new boolean[attributes.size()];
        ClinicalRecord values = e.values();
        for (int i = 0; i < attributes.size(); i++) {
            String a = attributes.get(i);
            Object v = values.schema().has(a) ? values.get(a) : null;
            int at = offset + 4 * i;
            out[at] = v == null ? null : typed(kinds.get(i), v);
            Evidence ev = v == null ? null : e.evidence().get(a);
            out[at + 1] = ev == null ? null : ev.start();
            out[at + 2] = ev == null ? null : ev.end();
            out[at + 3] = ev == null ? null : ev.confidence();
            found[i] = v != null;
        }
        trailer(extractor, version, null, out, offset);
        return found;
    }

    /** Writes the columns of a report that could not be read: no value, the error named. */
    void writeFailure(String extractor, String version, String error, Object[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + attributes.size() * 4, null);
        trailer(extractor, version, error, out, offset);
    }

    private void trailer(String extractor, String version, String error, Object[] out, int offset) {
        int at = offset + attributes.size() * 4;
        out[at] = extractor;
        out[at + 1] = version;
        out[at + 2] = error;
    }

    private static Object typed(AttributeKind kind, Object v) {
        return switch (kind) {
            case CATEGORICAL, ORDINAL -> v.toString();
            case BOOLEAN -> (Boolean) v;
            case INTEGER -> ((Number) v).longValue();
            case NUMERIC -> ((Number) v).doubleValue();
        };
    }
}
