package org.pathosynth.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.pathosynth.core.schema.Schema;

/**
 * Offline extraction inside a Spark job: a Dataset of reports in, the same rows out with typed columns per attribute
 * (value, evidence span, confidence), the extractor's name and version and an error column. The extractor is built
 * once per executor JVM from a spec ({@code rules}, {@code student:model.bin}, {@code rules+student:model.bin}; the
 * model file is read on the driver and broadcast, so each executor receives it once) and shared by its tasks. Values do
 * not depend on how the table is partitioned.
 *
 * <pre>{@code
 * Dataset<Row> read = PathologyExtraction.on(reports, "text", "rules");
 * }</pre>
 *
 * With a builder, the counts of values found, a language column and the SQL function:
 * <pre>{@code
 * PathologyExtraction x = PathologyExtraction.builder().extractor("student:model.bin").languageColumn("lang").build();
 * x.on(reports, "text").write().parquet("read.parquet");
 * System.out.print(x.describeCounts());
 * }</pre>
 */
public final class PathologyExtraction {
    private final ExecutorExtractor spec;
    private final ExtractionColumns columns;
    private final String languageColumn;
    private final String language;
    private SparkSession session;
    private LongAccumulator reports;
    private LongAccumulator failed;
    private LongAccumulator[] found;
    private ExecutorExtractor shipped;

    private PathologyExtraction(Builder b) {
        this.spec = ExecutorExtractor.of(b.extractor, b.schema, b.options);
        this.columns = new ExtractionColumns(b.schema, b.prefix);
        this.languageColumn = b.languageColumn;
        this.language = b.language;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The reports' rows with the breast-cancer schema's columns read by {@code extractorSpec}, French reports. */
    public static Dataset<Row> on(Dataset<Row> reports, String textColumn, String extractorSpec) {
        return builder().extractor(extractorSpec).build().on(reports, textColumn);
    }

    /** The reports' rows followed by the extraction's columns; lazy, as every Dataset transformation. */
    public Dataset<Row> on(Dataset<Row> reports, String textColumn) {
        StructType in = reports.schema();
        int text = index(in, textColumn, "text");
        if (!in.fields()[text].dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("text column '" + textColumn + "' is " + in.fields()[text].dataType().simpleString()
                    + ", not a string");
        }
        int lang = languageColumn == null ? -1 : index(in, languageColumn, "language");
        StructType added = columns.type();
        Set<String> clash = new TreeSet<>(Arrays.asList(in.fieldNames()));
        clash.retainAll(Arrays.asList(added.fieldNames()));
        if (!clash.isEmpty()) {
            List<String> names = List.copyOf(clash);
            throw new IllegalArgumentException("the reports already have " + names.size() + " of the extraction's column names ("
                    + String.join(", ", names.subList(0, Math.min(4, names.size()))) + (names.size() > 4 ? ", ..." : "")
                    + "): give the extraction's columns a prefix (--prefix read_, or builder().prefix(\"read_\"))");
        }
        List<StructField> all = new java.util.ArrayList<>(Arrays.asList(in.fields()));
        all.addAll(Arrays.asList(added.fields()));
        StructType out = DataTypes.createStructType(all);
        ReportReader reader = reader(reports.sparkSession());
        return reports.mapPartitions(new ReadPartition(reader, in.size(), text, lang, language), Encoders.row(out));
    }

    /**
     * Registers the SQL function {@code name(text)} returning a struct of the extraction's columns, for the language
     * this extraction was built with: {@code SELECT id, x.er_status FROM (SELECT id, pathosynth_extract(text) AS x
     * FROM reports)}. It is registered as non-deterministic so that Spark's optimiser calls it once per row even when
     * several of its fields are selected.
     */
    public void register(SparkSession spark, String name) {
        ReportReader reader = reader(spark);
        String lang = language;
        UDF1<String, Row> read = text -> {
            Object[] values = new Object[reader.columns().width()];
            reader.read(text, lang, values, 0);
            return RowFactory.create(values);
        };
        UserDefinedFunction udf = functions.udf(read, columns.type()).asNondeterministic();
        spark.udf().register(name, udf);
    }

    /** What the executors counted so far; read it after an action (see {@link ExtractionCounts}). */
    public ExtractionCounts counts() {
        if (reports == null) {
            return new ExtractionCounts(0, 0, Map.of());
        }
        Map<String, Long> byAttribute = new LinkedHashMap<>();
        List<String> names = columns.attributes();
        for (int i = 0; i < names.size(); i++) {
            byAttribute.put(names.get(i), found[i].value());
        }
        return new ExtractionCounts(reports.value(), failed.value(), byAttribute);
    }

    /** {@link #counts()} as a table, with the extractor's name and version. */
    public String describeCounts() {
        return spec.name() + " " + spec.version() + ": " + counts().describe(columns.attributes());
    }

    /** The accumulators, registered once with the session that runs the extraction. */
    private synchronized ReportReader reader(SparkSession spark) {
        if (session == null) {
            session = spark;
            reports = spark.sparkContext().longAccumulator("pathosynth.reports");
            failed = spark.sparkContext().longAccumulator("pathosynth.failed");
            List<String> names = columns.attributes();
            found = new LongAccumulator[names.size()];
            for (int i = 0; i < found.length; i++) {
                found[i] = spark.sparkContext().longAccumulator("pathosynth.found." + names.get(i));
            }
        } else if (session.sparkContext() != spark.sparkContext()) {
            throw new IllegalStateException("this extraction counts for another Spark context: build one per context");
        }
        if (shipped == null) {
            shipped = spec.shipped(spark.sparkContext());
        }
        return new ReportReader(shipped, columns, reports, failed, found);
    }

    private static int index(StructType type, String column, String what) {
        Objects.requireNonNull(column, what + " column");
        List<String> names = Arrays.asList(type.fieldNames());
        int i = names.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no " + what + " column '" + column + "' in the reports; columns: " + names);
        }
        return i;
    }

    /** Reads one partition's reports, row by row, with this executor's extractor. */
    private static final class ReadPartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final ReportReader reader;
        private final int width;
        private final int text;
        private final int lang;
        private final String language;

        ReadPartition(ReportReader reader, int width, int text, int lang, String language) {
            this.reader = reader;
            this.width = width;
            this.text = text;
            this.lang = lang;
            this.language = language;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row r = rows.next();
                    Object[] values = new Object[width + reader.columns().width()];
                    for (int i = 0; i < width; i++) {
                        values[i] = r.get(i);
                    }
                    String reportLanguage = lang < 0 ? language : r.isNullAt(lang) ? null : r.getString(lang);
                    reader.read(r.isNullAt(text) ? null : r.getString(text), reportLanguage, values, width);
                    return RowFactory.create(values);
                }
            };
        }
    }

    /** Options of an extraction; every one has a default but the extractor's spec. */
    public static final class Builder {
        private String extractor = "rules";
        private Schema schema = Schema.breastCancer();
        private Map<String, Object> options = new LinkedHashMap<>();
        private String prefix = "";
        private String languageColumn;
        private String language = "fr";

        private Builder() {
        }

        /** {@code rules} (default), {@code student:model.bin} or {@code rules+student:model.bin}; LLM specs are refused. */
        public Builder extractor(String spec) {
            this.extractor = Objects.requireNonNull(spec, "spec");
            return this;
        }

        public Builder schema(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** The extractor's options, as in a run config ({@code min_confidence} for rules+student). */
        public Builder options(Map<String, ?> options) {
            this.options = new LinkedHashMap<>(options);
            return this;
        }

        /** Put before every added column's name, when the reports already have columns of those names. */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** A column with each report's language ({@code fr}, {@code en}); otherwise {@link #language}'s. */
        public Builder languageColumn(String column) {
            this.languageColumn = column;
            return this;
        }

        /** The language of every report when there is no language column (default {@code fr}). */
        public Builder language(String language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /** Checks the spec on the driver (name, model file, schema) and reads the model once. */
        public PathologyExtraction build() {
            return new PathologyExtraction(this);
        }
    }
}
