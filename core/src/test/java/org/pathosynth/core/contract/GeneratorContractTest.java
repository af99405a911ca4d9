package org.pathosynth.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationJournal;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.GenerationRequests;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/**
 * The contract every {@link ReportGenerator} keeps. A generator's test extends this class, says how to build the
 * generator and whether it is deterministic, and inherits the checks:
 * <ul>
 *   <li>a report answers its request: the request's id, a language, a text, a provenance naming its producer;</li>
 *   <li>a deterministic generator gives the same text for the same request, twice, and from four threads at once;</li>
 *   <li>{@code generateAll} keeps the requests' order; a request that fails is a {@code GenerationFailure} (recorded in
 *       the journal too) and the batch goes on;</li>
 *   <li>with a journal that already holds some reports, those are taken from it, not written again, and the new ones are
 *       recorded as they are written.</li>
 * </ul>
 * The batch checks run {@link #withHook} so the kit can count the reports written and make {@link #FAILING_ID} fail.
 */
public abstract class GeneratorContractTest {
    /** The id of the request the kit makes fail in batches. */
    protected static final String FAILING_ID = "r3";

    /** The generator under test. Called once per check; returning a fresh one each time is fine. */
    protected abstract ReportGenerator generator();

    /**
     * Whether the same request (record and seed) always gives the same text: true for the template writer or an LLM
     * teacher served by a scripted fake, false for a sampling model.
     */
    protected abstract boolean deterministic();

    /** The records reports are written for: six varied breast-cancer records. Override for another schema. */
    protected List<ClinicalRecord> records() {
        Schema s = Schema.breastCancer();
        return List.of(
                ClinicalRecord.of(s, Map.of("test_used_for_diagnosis", "biopsy", "morphology_icdo", "8500/3", "sbr_grade", "2",
                        "tumor_size_mm", "28.5", "er_status", "positive", "pr_status", "positive", "her2_status", "negative",
                        "ki67_percent", "15")),
                ClinicalRecord.of(s, Map.of("test_used_for_diagnosis", "mastectomy", "morphology_icdo", "8520/3", "sbr_grade", "1",
                        "tumor_size_mm", "12", "clear_margins", "yes", "lymph_nodes_taken", "12", "lymph_nodes_affected", "0")),
                ClinicalRecord.of(s, Map.of("test_used_for_diagnosis", "lumpectomy", "sbr_grade", "3", "tumor_size_mm", "41",
                        "lymphovascular_invasion", "yes", "her2_status", "positive", "ki67_percent", "60")),
                ClinicalRecord.of(s, Map.of("morphology_icdo", "8522/3", "lymph_nodes_taken", "3", "lymph_nodes_affected", "2",
                        "extracapsular_spread", "no", "er_status", "negative", "pr_status", "negative")),
                ClinicalRecord.of(s, Map.of("test_used_for_diagnosis", "surgical_excision", "tumor_size_mm", "7.5",
                        "clear_margins", "no", "ki67_percent", "5")),
                ClinicalRecord.of(s, Map.of("test_used_for_diagnosis", "lymph_node_dissection", "lymph_nodes_taken", "18",
                        "lymph_nodes_affected", "4", "extracapsular_spread", "yes")));
    }

    /**
     * The generator under test with {@code hook} run before it writes each report (the hook may throw, to make that
     * request fail). The default decorates {@link #generator()} ({@link #hooked}), which tests
     * {@code ReportGenerator}'s own batch code. A generator that overrides {@code generateAll} overrides this so that
     * the hook runs inside it and its own batch code is what the kit tests (an ensemble hooks its teachers).
     */
    protected ReportGenerator withHook(Consumer<GenerationRequest> hook) {
        return hooked(generator(), hook);
    }

    /** {@code generator} with {@code hook} run before each {@code generate}; same name, default batch code. */
    public static ReportGenerator hooked(ReportGenerator generator, Consumer<GenerationRequest> hook) {
        return new ReportGenerator() {
            @Override
            public String name() {
                return generator.name();
            }

            @Override
            public Report generate(GenerationRequest request) {
                hook.accept(request);
                return generator.generate(request);
            }
        };
    }

    /** One request per record, with the one id scheme ({@code r1}, {@code r2}, ...) and derived seeds. */
    protected final List<GenerationRequest> requests() {
        List<ClinicalRecord> records = records();
        List<GenerationRequest> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            out.add(new GenerationRequest(GenerationRequests.id(i), records.get(i), Seeds.derive(42, "generate", i)));
        }
        return out;
    }

    @Test
    void aReportAnswersItsRequest() {
        ReportGenerator g = generator();
        assertThat(g.name()).as("generator name").isNotBlank();
        for (GenerationRequest request : requests()) {
            Report report = g.generate(request);
            assertThat(report.id()).as("report id").isEqualTo(request.id());
            assertThat(report.language()).as("language of " + request.id()).isNotBlank();
            assertThat(report.text()).as("text of " + request.id()).isNotBlank();
            assertThat(report.provenance()).as("provenance of " + request.id()).isNotNull();
            assertThat(report.provenance().producer()).as("producer of " + request.id()).isNotBlank().isNotEqualTo("unknown");
        }
    }

    @Test
    void theSameRequestGivesTheSameText() {
        assumeTrue(deterministic(), "not deterministic");
        ReportGenerator g = generator();
        for (GenerationRequest request : requests()) {
            assertThat(g.generate(request).text()).as("second text of " + request.id()).isEqualTo(g.generate(request).text());
        }
    }

    @Test
    void fourThreadsGiveTheSameTextsAsOne() throws Exception {
        assumeTrue(deterministic(), "not deterministic");
        ReportGenerator g = generator();
        List<GenerationRequest> requests = requests();
        Map<String, String> expected = new LinkedHashMap<>();
        for (GenerationRequest r : requests) {
            expected.put(r.id(), g.generate(r).text());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, String>>> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int start = t;
                threads.add(pool.submit(() -> {
                    Map<String, String> texts = new HashMap<>();
                    for (int k = 0; k < requests.size(); k++) {
                        GenerationRequest r = requests.get((start + k) % requests.size()); // each thread starts elsewhere
                        texts.put(r.id(), g.generate(r).text());
                    }
                    return texts;
                }));
            }
            for (Future<Map<String, String>> f : threads) {
                assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchKeepsTheRequestsOrder() {
        List<GenerationRequest> requests = requests();
        AtomicLong mostDone = new AtomicLong();
        AtomicLong totals = new AtomicLong(requests.size());
        ProgressListener progress = (stage, done, total) -> { // called from the generator's threads: checked below
            mostDone.accumulateAndGet(done, Math::max);
            if (total != requests.size()) {
                totals.set(total);
            }
        };
        GenerationBatch batch = generator().generateAll(requests, progress);
        assertThat(batch.failures()).isEmpty();
        assertThat(batch.pairs()).extracting(ReportPair::id).containsExactlyElementsOf(ids(requests));
        for (int i = 0; i < requests.size(); i++) {
            ReportPair pair = batch.pairs().get(i);
            assertThat(pair.record()).isEqualTo(requests.get(i).record());
            assertThat(pair.report().id()).isEqualTo(requests.get(i).id());
        }
        assertThat(mostDone.get()).as("progress at the end").isEqualTo(requests.size());
        assertThat(totals.get()).as("progress total").isEqualTo(requests.size());
    }

    @Test
    void aFailingRequestIsRecordedAndTheBatchGoesOn() {
        List<GenerationRequest> requests = requests();
        MemoryJournal journal = new MemoryJournal();
        ReportGenerator g = withHook(r -> {
            if (r.id().equals(FAILING_ID)) {
                throw new IllegalStateException("the contract kit fails this request");
            }
        });
        GenerationBatch batch = g.generateAll(requests, journal, ProgressListener.NONE);
        List<String> others = ids(requests).stream().filter(id -> !id.equals(FAILING_ID)).toList();
        assertThat(batch.pairs()).extracting(ReportPair::id).containsExactlyElementsOf(others);
        assertThat(batch.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(FAILING_ID);
            assertThat(f.generator()).isNotBlank();
            assertThat(f.reason()).isNotBlank();
        });
        assertThat(journal.failed()).containsExactly(FAILING_ID);
        assertThat(journal.written()).containsExactlyInAnyOrderElementsOf(others);
    }

    @Test
    void aJournalIsResumedNotRewritten() {
        List<GenerationRequest> requests = requests();
        MemoryJournal journal = new MemoryJournal();
        AtomicInteger calls = new AtomicInteger();
        ReportGenerator g = withHook(r -> calls.incrementAndGet());
        int first = requests.size() / 2;
        GenerationBatch before = g.generateAll(requests.subList(0, first), journal, ProgressListener.NONE);
        assertThat(calls.get()).as("reports written by the first batch").isEqualTo(first);
        assertThat(journal.written()).containsExactlyInAnyOrderElementsOf(ids(requests.subList(0, first)));

        calls.set(0);
        GenerationBatch resumed = g.generateAll(requests, journal, ProgressListener.NONE);
        assertThat(calls.get()).as("reports written when resuming").isEqualTo(requests.size() - first);
        assertThat(resumed.failures()).isEmpty();
        assertThat(resumed.pairs()).extracting(ReportPair::id).containsExactlyElementsOf(ids(requests));
        for (int i = 0; i < first; i++) {
            assertThat(resumed.pairs().get(i).report().text()).as("journaled text of " + requests.get(i).id())
                    .isEqualTo(before.pairs().get(i).report().text());
        }
        assertThat(journal.written()).as("each report recorded once").containsExactlyInAnyOrderElementsOf(ids(requests));
    }

    private static List<String> ids(List<GenerationRequest> requests) {
        return requests.stream().map(GenerationRequest::id).toList();
    }

    /** A journal in memory that remembers what was recorded, in order. */
    private static final class MemoryJournal implements GenerationJournal {
        private final Map<String, ReportPair> done = new HashMap<>();
        private final List<String> written = new ArrayList<>();
        private final List<String> failed = new ArrayList<>();

        @Override
        public synchronized ReportPair done(String id, String generator) {
            return done.get(id + "\u0000" + generator);
        }

        @Override
        public synchronized void recordSuccess(ReportPair pair, String generator) {
            done.put(pair.id() + "\u0000" + generator, pair);
            written.add(pair.id());
        }

        @Override
        public synchronized void recordFailure(String id, String generator, String reason) {
            failed.add(id);
        }

        synchronized List<String> written() {
            return List.copyOf(written);
        }

        synchronized List<String> failed() {
            return List.copyOf(failed);
        }
    }
}
