package org.pathosynth.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.ExtractionBatch;
import org.pathosynth.core.extraction.ExtractionFailure;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * The contract of a {@link PathologyExtractor}. A test of an extractor extends this class and provides it (and, better,
 * a few reports whose gold values it must read exactly):
 *
 * <pre>{@code
 * class MyExtractorTest extends ExtractorContractTest {
 *     protected PathologyExtractor extractor() { return new MyExtractor(Schema.breastCancer()); }
 *     protected List<ReportPair> labelledReports() { return List.of(new ReportPair("r1", gold, report)); }
 * }
 * }</pre>
 *
 * It checks that a report stating no value gives an extraction with no value, and no exception; that every value is
 * in the schema's domain and every evidence span lies within the text with a confidence in [0, 1]; that the same
 * report gives the same extraction twice, and from four threads at once what it gives on one; that
 * {@code extractAll} keeps input order and counts a failing report without stopping the batch; that {@code name()}
 * and {@code schema()} are given; and that labelled reports are read exactly.
 */
public abstract class ExtractorContractTest {
    private static final int THREADS = 4;
    private static final String FAILING_ID = "kit-failing";

    /** The extractor under test (may be a new one on every call). */
    protected abstract PathologyExtractor extractor();

    /** Reports whose gold values (for the extractor's schema's attributes) must be read exactly; none by default. */
    protected List<ReportPair> labelledReports() {
        return List.of();
    }

    /**
     * The reports the checks run on: the labelled ones, then a French and an English report the kit writes. An
     * extractor for another domain or language overrides it.
     */
    protected List<Report> sampleReports() {
        List<Report> out = new ArrayList<>();
        labelledReports().forEach(p -> out.add(p.report()));
        out.add(Report.of("kit-fr", "Microbiopsie du sein gauche : carcinome infiltrant de type non spécifique, grade SBR 2, "
                + "mesurant 14 mm à l'échographie. Absence d'emboles vasculaires. Récepteurs aux œstrogènes positifs à 90 %, "
                + "récepteurs à la progestérone négatifs (0 %). HER2 : score 1+. Ki-67 : 20 %.", "fr"));
        out.add(Report.of("kit-en", "Left breast mastectomy: invasive lobular carcinoma, grade 2, 23 mm. Margins clear. "
                + "Lymphovascular invasion present. 2 of 14 lymph nodes involved, with extracapsular extension. "
                + "ER positive (95%), PR positive (40%), HER2 negative (score 0). Ki-67 10%.", "en"));
        return out;
    }

    /** Reports that state no value: an empty one and a short note. */
    protected List<Report> valueFreeReports() {
        return List.of(Report.of("kit-empty", "", "fr"), Report.of("kit-blank", "  \n ", "en"),
                Report.of("kit-note-fr", "Document transmis pour archivage.", "fr"),
                Report.of("kit-note-en", "Document sent for filing.", "en"));
    }

    @Test
    void nameAndSchemaAreGiven() {
        PathologyExtractor x = extractor();
        assertThat(x.name()).as("name()").isNotNull().isNotBlank();
        assertThat(x.schema()).as("schema()").isNotNull();
    }

    @Test
    void aReportStatingNoValueGivesAnExtractionWithNoValue() {
        PathologyExtractor x = extractor();
        for (Report r : valueFreeReports()) {
            Extraction e = x.extract(r);
            assertThat(e).as("extraction of %s", r.id()).isNotNull();
            assertThat(e.reportId()).isEqualTo(r.id());
            assertThat(e.values().nonNullCount()).as("values read from %s", r.id()).isZero();
            assertThat(e.evidence()).as("evidence in %s", r.id()).isEmpty();
        }
    }

    @Test
    void everyValueIsInTheSchemasDomain() {
        PathologyExtractor x = extractor();
        Schema schema = x.schema();
        for (Report r : sampleReports()) {
            ClinicalRecord values = x.extract(r).values();
            assertThat(values.schema().names()).as("attributes of the extraction of %s", r.id()).isEqualTo(schema.names());
            for (Attribute a : schema.attributes()) {
                Object v = values.get(a.name());
                if (v != null) {
                    assertThatCode(() -> a.validate(v)).as("%s of %s", a.name(), r.id()).doesNotThrowAnyException();
                    assertThat(a.validate(v)).as("%s of %s is in its normal form", a.name(), r.id()).isEqualTo(v);
                }
            }
        }
    }

    @Test
    void everyEvidenceSpanLiesWithinTheTextWithAConfidenceInTheUnitInterval() {
        PathologyExtractor x = extractor();
        for (Report r : sampleReports()) {
            Extraction e = x.extract(r);
            assertThat(e.reportId()).isEqualTo(r.id());
            for (Map.Entry<String, Evidence> ev : e.evidence().entrySet()) {
                Evidence span = ev.getValue();
                assertThat(x.schema().has(ev.getKey())).as("evidence for %s, an attribute of the schema", ev.getKey()).isTrue();
                assertThat(span.start()).as("start of %s in %s", ev.getKey(), r.id()).isBetween(0, r.text().length());
                assertThat(span.end()).as("end of %s in %s", ev.getKey(), r.id()).isBetween(span.start(), r.text().length());
                assertThat(span.confidence()).as("confidence of %s in %s", ev.getKey(), r.id()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void theSameReportGivesTheSameExtractionTwice() {
        PathologyExtractor x = extractor();
        for (Report r : sampleReports()) {
            assertThat(x.extract(r)).as("second extraction of %s", r.id()).isEqualTo(x.extract(r));
        }
    }

    @Test
    void fourThreadsAtOnceGiveWhatOneThreadGives() throws Exception {
        PathologyExtractor x = extractor();
        List<Report> reports = sampleReports();
        Map<String, Extraction> sequential = new LinkedHashMap<>();
        reports.forEach(r -> sequential.put(r.id(), x.extract(r)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Extraction>>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    start.await();
                    List<Extraction> out = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < reports.size(); i++) { // each thread in another order
                            out.add(x.extract(reports.get((i + offset) % reports.size())));
                        }
                    }
                    return out;
                }));
            }
            start.countDown();
            for (Future<List<Extraction>> run : runs) {
                for (Extraction e : run.get(5, TimeUnit.MINUTES)) {
                    assertThat(e).as("extraction of %s on one of %d threads", e.reportId(), THREADS).isEqualTo(sequential.get(e.reportId()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void extractAllKeepsInputOrder() {
        PathologyExtractor x = extractor();
        List<Report> reports = new ArrayList<>(sampleReports());
        reports.addAll(valueFreeReports());
        AtomicLong done = new AtomicLong();
        ExtractionBatch batch = x.extractAll(reports, (stage, n, total) -> done.set(n));
        assertThat(batch.failures()).isEmpty();
        assertThat(batch.extractions()).extracting(Extraction::reportId).containsExactlyElementsOf(reports.stream().map(Report::id).toList());
        for (int i = 0; i < reports.size(); i++) {
            assertThat(batch.extractions().get(i)).isEqualTo(x.extract(reports.get(i)));
        }
        assertThat(done.get()).as("progress at the end").isEqualTo(reports.size());
    }

    @Test
    void extractAllCountsAFailingReportAndGoesOn() {
        PathologyExtractor failing = new FailingOn(extractor(), FAILING_ID);
        List<Report> reports = new ArrayList<>(sampleReports());
        Report bad = Report.of(FAILING_ID, "Texte du compte rendu qui ne doit pas apparaître dans la raison.", "fr");
        reports.add(reports.size() / 2, bad);
        ExtractionBatch batch = failing.extractAll(reports, (stage, n, total) -> { });
        List<String> expected = reports.stream().map(Report::id).filter(id -> !id.equals(FAILING_ID)).toList();
        assertThat(batch.extractions()).extracting(Extraction::reportId).containsExactlyElementsOf(expected);
        assertThat(batch.failures()).hasSize(1);
        ExtractionFailure f = batch.failures().get(0);
        assertThat(f.reportId()).isEqualTo(FAILING_ID);
        assertThat(f.extractor()).isEqualTo(failing.name());
        assertThat(f.reason()).as("a reason without the report text").isNotBlank().doesNotContain("compte rendu");
    }

    @Test
    void labelledReportsAreReadExactly() {
        List<ReportPair> labelled = labelledReports();
        Assumptions.assumeFalse(labelled.isEmpty(), "no labelled reports given");
        PathologyExtractor x = extractor();
        for (ReportPair p : labelled) {
            ClinicalRecord read = x.extract(p.report()).values();
            Map<String, Object> expected = new LinkedHashMap<>();
            Map<String, Object> actual = new LinkedHashMap<>();
            for (String name : x.schema().names()) {
                expected.put(name, p.record().schema().has(name) ? p.record().get(name) : null);
                actual.put(name, read.get(name));
            }
            assertThat(actual).as("values read from %s", p.id()).isEqualTo(expected);
        }
    }

    /** The extractor, except that it throws for one report id; its {@code extractAll} is the interface's. */
    private static final class FailingOn implements PathologyExtractor {
        private final PathologyExtractor delegate;
        private final String id;

        FailingOn(PathologyExtractor delegate, String id) {
            this.delegate = delegate;
            this.id = id;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Schema schema() {
            return delegate.schema();
        }

        @Override
        public Extraction extract(Report report) {
            if (report.id().equals(id)) {
                throw new IllegalStateException("kit failure for " + report.text());
            }
            return delegate.extract(report);
        }
    }
}
