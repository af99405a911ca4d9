package org.pathosynth.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.extraction.student.StudentTrainer;
import org.pathosynth.fixtures.PathologyFixtures;

class PathologyExtractionTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;
    private static List<Report> reports;
    private static Dataset<Row> table;
    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void start() throws Exception {
        // on the loopback interface only: tests never touch the network
        spark = SparkSession.builder().master("local[2]").appName("pathosynth-test").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        reports = new ArrayList<>();
        for (String lang : List.of("fr", "en")) {
            for (ReportPair p : PathologyFixtures.breastCancer().seed(lang.equals("fr") ? 11 : 12).language(lang).noise(0.5).pairs(120)) {
                reports.add(Report.of(lang + "-" + p.id(), p.report().text(), lang));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Report r : reports) {
            rows.add(RowFactory.create(r.id(), r.language(), r.text()));
        }
        table = spark.createDataFrame(rows, new StructType().add("id", DataTypes.StringType).add("lang", DataTypes.StringType)
                .add("text", DataTypes.StringType));
        model = dir.resolve("student.bin");
        StudentTrainer.builder().seed(3).build().train(new Corpus(SCHEMA, PathologyFixtures.breastCancer().seed(5).pairs(500))).save(model);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static PathologyExtraction extraction(String spec) {
        return PathologyExtraction.builder().extractor(spec).languageColumn("lang").build();
    }

    @Test
    void valuesAreThoseOfOneJvmWhateverThePartitioning() {
        for (String spec : List.of("rules", "rules+student:" + model)) {
            List<String> expected = oneJvm(spec);
            for (int partitions : new int[] {1, 3, 17}) {
                Dataset<Row> read = extraction(spec).on(table.repartition(partitions), "text");
                assertThat(read.rdd().getNumPartitions()).isEqualTo(partitions);
                assertThat(lines(read.collectAsList())).as(spec + " on " + partitions + " partitions").isEqualTo(expected);
            }
        }
    }

    @Test
    void countsWhatTheExecutorsFoundAndKeepsFailures() {
        List<Row> rows = new ArrayList<>(table.collectAsList());
        rows.add(RowFactory.create("no-text", "fr", null));
        rows.add(RowFactory.create("no-lang", null, "Carcinome canalaire infiltrant, RE positif."));
        Dataset<Row> withFailures = spark.createDataFrame(rows, table.schema()).repartition(3);
        PathologyExtraction x = extraction("rules");
        List<Row> read = x.on(withFailures, "text").collectAsList();

        assertThat(read).hasSize(reports.size() + 2);
        Map<String, String> errors = new LinkedHashMap<>();
        for (Row r : read) {
            if (r.getAs("extraction_error") != null) {
                errors.put(r.getAs("id"), r.getAs("extraction_error"));
                assertThat(r.<Object>getAs("er_status")).isNull();
            }
            assertThat((String) r.getAs("extractor")).isEqualTo("rules");
        }
        assertThat(errors).isEqualTo(Map.of("no-text", "no text", "no-lang", "no language"));

        PathologyExtractor rules = Extractors.create("rules", ComponentContext.of(SCHEMA, "fr"));
        ExtractionCounts counts = x.counts();
        assertThat(counts.reports()).isEqualTo(reports.size() + 2);
        assertThat(counts.failed()).isEqualTo(2);
        for (Attribute a : SCHEMA.attributes()) {
            long expected = reports.stream().filter(r -> rules.extract(r).values().get(a.name()) != null).count();
            assertThat(counts.found().get(a.name())).as(a.name()).isEqualTo(expected);
        }
        assertThat(counts.found().get("er_status")).isGreaterThan(100);
        assertThat(x.describeCounts()).contains(reports.size() + 2 + " reports: " + reports.size() + " read, 2 failed")
                .contains("er_status");
    }

    @Test
    void columnsAreTypedByKind() {
        StructType type = extraction("rules").on(table, "text").schema();
        assertThat(type.fieldNames()).startsWith("id", "lang", "text");
        assertThat(type.apply("er_status").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(type.apply("lymph_nodes_taken").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(type.apply("ki67_percent").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(type.apply("er_status_start").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(type.apply("er_status_confidence").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(type.apply("extractor_version").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(type.size()).isEqualTo(3 + 4 * SCHEMA.size() + 3);
    }

    @Test
    void theSqlFunctionReadsAsTheDataset() {
        PathologyExtraction x = PathologyExtraction.builder().extractor("rules").build(); // French, as the function's reports
        x.register(spark, "pathosynth_extract");
        table.filter("lang = 'fr'").createOrReplaceTempView("reports");
        // sorted here: a Spark sort samples its input in a job of its own, which would read (and count) every report twice
        List<String> sql = spark.sql("SELECT id, x.er_status, x.tumor_size_mm, x.tumor_size_mm_start, x.extractor FROM "
                + "(SELECT id, pathosynth_extract(text) AS x FROM reports)").collectAsList().stream().map(Row::toString).sorted().toList();
        List<String> dataset = x.on(table.filter("lang = 'fr'"), "text")
                .selectExpr("id", "er_status", "tumor_size_mm", "tumor_size_mm_start", "extractor").collectAsList().stream()
                .map(Row::toString).sorted().toList();
        assertThat(sql).hasSize(120).isEqualTo(dataset);
        assertThat(sql.stream().filter(r -> !r.contains(",null,")).count()).isGreaterThan(60);
        assertThat(x.counts().reports()).isEqualTo(240); // both paths count, each report once
    }

    @Test
    void refusesWhatCannotRunOnExecutorsBeforeAnyTask() {
        assertThatThrownBy(() -> PathologyExtraction.on(table, "text", "ollama:mistral"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot run on Spark executors")
                .hasMessageContaining("would send every report");
        assertThatThrownBy(() -> PathologyExtraction.on(table, "text", "student:" + dir.resolve("missing.bin")))
                .hasMessageContaining("missing.bin");
        assertThatThrownBy(() -> PathologyExtraction.on(table, "text", "student"))
                .hasMessageContaining("needs a model file");
        assertThatThrownBy(() -> PathologyExtraction.on(table, "body", "rules"))
                .hasMessageContaining("no text column 'body'").hasMessageContaining("[id, lang, text]");
        Dataset<Row> clash = table.withColumn("er_status", table.col("id"));
        assertThatThrownBy(() -> PathologyExtraction.on(clash, "text", "rules"))
                .hasMessageContaining("1 of the extraction's column names (er_status)").hasMessageContaining("prefix");
        Dataset<Row> prefixed = PathologyExtraction.builder().prefix("read_").build().on(clash, "text");
        assertThat(prefixed.schema().fieldNames()).contains("er_status", "read_er_status", "read_extraction_error");
    }

    @Test
    void aStudentModelIsVersionedByItsContent() throws Exception {
        Row first = extraction("student:" + model).on(table.limit(1), "text").collectAsList().get(0);
        String version = first.getAs("extractor_version");
        assertThat(version).matches(".*\\+model\\.[0-9a-f]{12}");
        assertThat((String) first.getAs("extractor")).isEqualTo("student");
        Path copy = dir.resolve("copy.bin");
        Files.copy(model, copy);
        Row again = extraction("student:" + copy).on(table.limit(1), "text").collectAsList().get(0);
        assertThat((String) again.getAs("extractor_version")).isEqualTo(version);
    }

    @Test
    void theModelTravelsOnceAsABroadcastNotWithEveryTask() throws Exception {
        ExecutorExtractor spec = ExecutorExtractor.of("student:" + model, SCHEMA, Map.of());
        ExecutorExtractor shipped = spec.shipped(spark.sparkContext());
        byte[] task = serialize(shipped);
        assertThat((long) task.length).as("what a task carries").isLessThan(Files.size(model) / 2);
        ExecutorExtractor onExecutor;
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(task))) {
            onExecutor = (ExecutorExtractor) in.readObject();
        }
        Report r = reports.get(0);
        ExecutorExtractor.forgetBuilt(); // as on a fresh executor: the model must come from the broadcast
        assertThat(onExecutor.extractor().extract(r).values()).isEqualTo(spec.extractor().extract(r).values());
        assertThat(onExecutor.version()).isEqualTo(spec.version());
    }

    private static byte[] serialize(Object o) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void theSparkSubmitEntryPointWritesParquetAndNeverReplacesAFolder() throws Exception {
        Path in = dir.resolve("reports.parquet");
        table.write().parquet(in.toString());
        Path out = dir.resolve("read.parquet");
        java.io.StringWriter err = new java.io.StringWriter();
        String[] args = {"--input", in.toString(), "--language-column", "lang", "--output", out.toString()};
        spark.conf().unset(ExtractReports.HUGE_METHOD_LIMIT);
        assertThat(ExtractReports.commandLine().execute(args)).isZero();
        assertThat(spark.conf().get(ExtractReports.HUGE_METHOD_LIMIT)).isEqualTo("8000");
        Dataset<Row> written = spark.read().parquet(out.toString());
        assertThat(written.count()).isEqualTo(reports.size());
        assertThat(lines(written.collectAsList())).isEqualTo(oneJvm("rules"));

        long before = Files.walk(out).count();
        picocli.CommandLine again = ExtractReports.commandLine();
        again.setErr(new java.io.PrintWriter(err, true));
        assertThat(again.execute(args)).isEqualTo(2);
        assertThat(err.toString()).contains("exists").contains("never replaces");
        assertThat(Files.walk(out).count()).isEqualTo(before);
    }

    /** Single-JVM extraction of the same reports, written as {@link #lines} writes Spark's rows. */
    private static List<String> oneJvm(String spec) {
        PathologyExtractor e = Extractors.create(spec, ComponentContext.of(SCHEMA, "fr"));
        List<String> out = new ArrayList<>();
        for (Report r : reports) {
            Extraction x = e.extract(r);
            ObjectNode line = JSON.createObjectNode().put("id", r.id());
            for (Attribute a : SCHEMA.attributes()) {
                Object v = x.values().get(a.name());
                Evidence ev = x.evidence().get(a.name());
                line.put(a.name(), v == null ? null : a.format(v));
                line.put(a.name() + "@", v == null || ev == null ? null : ev.start() + ":" + ev.end() + ":" + ev.confidence());
            }
            out.add(line.toString());
        }
        out.sort(null);
        return out;
    }

    private static List<String> lines(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            assertThat(r.<Object>getAs("extraction_error")).isNull();
            ObjectNode line = JSON.createObjectNode().put("id", (String) r.getAs("id"));
            for (Attribute a : SCHEMA.attributes()) {
                Object v = r.getAs(a.name());
                Integer start = r.getAs(a.name() + "_start");
                line.put(a.name(), v == null ? null : a.format(a.kind().isCoded() ? v : v instanceof Long l ? (Object) l.intValue() : v));
                line.put(a.name() + "@", start == null ? null
                        : start + ":" + r.getAs(a.name() + "_end") + ":" + r.getAs(a.name() + "_confidence"));
            }
            out.add(line.toString());
        }
        out.sort(null);
        return out;
    }
}
