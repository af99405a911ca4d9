package org.pathosynth.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.pathosynth.core.component.ComponentContext;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.Extractors;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.generation.Generators;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.fixtures.PathologyFixtures;

/**
 * Spark against one JVM, for the README's figures (a main in the test sources; run it with {@code java}, Spark's {@code
 * --add-opens} options from {@code spark.jvm.options} in the pom, and the class path {@code mvn dependency:build-classpath
 * -Dmdep.includeScope=test} prints, after {@code target/classes:target/test-classes}):
 * <pre>
 * write N FILE                     one-page reports from the fixtures' records (French and English), as JSON lines
 * jvm FILE THREADS SPEC            one JVM: the reports in memory, read by THREADS threads sharing one extractor
 * spark FILE MASTER PARTITIONS SPEC the reports cached in Spark, read by PathologyExtraction into Spark's no-op sink
 * engine FILE MASTER PARTITIONS    the same rows in and out (each report's text decoded, the added columns empty), no
 *                                  extraction: what the engine costs
 * </pre>
 * Both time the extraction only (reports already in memory), and print reports per second.
 */
public final class ThroughputBench {
    private ThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write" -> write(Integer.parseInt(args[1]), Path.of(args[2]));
            case "jvm" -> jvm(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
            case "spark" -> spark(Path.of(args[1]), args[2], Integer.parseInt(args[3]), args[4]);
            case "engine" -> engine(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("write, jvm or spark, not " + args[0]);
        }
    }

    private static void write(int n, Path file) {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists");
        }
        Schema s = Schema.breastCancer();
        List<Report> out = new ArrayList<>(n);
        for (String lang : List.of("fr", "en")) {
            Table.Builder b = Table.builder(s, n / 2);
            PathologyFixtures.breastCancer().seed(lang.equals("fr") ? 31 : 32).records(n / 2).forEach(b::add);
            Table records = b.build();
            for (ReportPair p : Generators.create("template", Map.of("one_page", 1.0, "vocabulary", "extended", "noise", 0.3),
                    ComponentContext.of(s, lang)).generateAll(records, 7).pairs()) {
                out.add(Report.of(lang + "-" + p.id(), p.report().text(), lang));
            }
        }
        Jsonl.writeReports(out, file);
        System.out.printf(Locale.ROOT, "%d one-page reports, %.1f MB of text%n", out.size(),
                out.stream().mapToLong(r -> r.text().length()).sum() / 1e6);
    }

    private static void jvm(Path file, int threads, String spec) throws Exception {
        List<Report> reports = Jsonl.readReports(file, "fr");
        PathologyExtractor extractor = Extractors.create(spec, ComponentContext.of(Schema.breastCancer(), "fr"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<Long>> parts = new ArrayList<>();
        int chunk = (reports.size() + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            List<Report> mine = reports.subList(Math.min(reports.size(), t * chunk), Math.min(reports.size(), (t + 1) * chunk));
            parts.add(pool.submit(() -> {
                long found = 0;
                for (Report r : mine) {
                    found += extractor.extract(r).values().nonNullCount();
                }
                return found;
            }));
        }
        long found = 0;
        for (Future<Long> f : parts) {
            found += f.get();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "one JVM, %d threads, %s: %d reports in %.2f s, %.0f reports/s (%d values)%n", threads, spec,
                reports.size(), s, reports.size() / s, found);
    }

    private static void engine(Path file, String master, int partitions) {
        SparkSession spark = SparkSession.builder().master(master).appName("pathosynth-bench").config("spark.ui.enabled", "false")
                .getOrCreate();
        Dataset<Row> reports = spark.read().json(file.toString()).select("id", "lang", "text").repartition(partitions).cache();
        long n = reports.count();
        org.apache.spark.sql.types.StructType added = new ExtractionColumns(Schema.breastCancer(), "").type();
        java.util.List<org.apache.spark.sql.types.StructField> all = new ArrayList<>(java.util.Arrays.asList(reports.schema().fields()));
        all.addAll(java.util.Arrays.asList(added.fields()));
        int width = reports.schema().size() + added.size();
        long t0 = System.nanoTime();
        reports.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                Object[] v = new Object[width];
                for (int i = 0; i < r.size(); i++) {
                    v[i] = r.get(i);
                }
                v[width - 3] = "rules";
                v[width - 2] = "version";
                return org.apache.spark.sql.RowFactory.create(v);
            }
        }, org.apache.spark.sql.Encoders.row(org.apache.spark.sql.types.DataTypes.createStructType(all)))
                .write().format("noop").mode("overwrite").save();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Spark %s, %d partitions, engine only: %d reports in %.2f s, %.0f reports/s%n", master, partitions, n, s, n / s);
        spark.stop();
    }

    private static void spark(Path file, String master, int partitions, String spec) {
        SparkSession spark = SparkSession.builder().master(master).appName("pathosynth-bench").config("spark.ui.enabled", "false")
                .getOrCreate();
        Dataset<Row> reports = spark.read().json(file.toString()).select("id", "lang", "text").repartition(partitions).cache();
        long n = reports.count();
        PathologyExtraction x = PathologyExtraction.builder().extractor(spec).languageColumn("lang").build();
        long t0 = System.nanoTime();
        x.on(reports, "text").write().format("noop").mode("overwrite").save();
        double s = (System.nanoTime() - t0) / 1e9;
        long found = x.counts().found().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "Spark %s, %d partitions, %s: %d reports in %.2f s, %.0f reports/s (%d values)%n", master, partitions,
                spec, n, s, n / s, found);
        System.out.print(x.describeCounts());
        spark.stop();
    }
}
