package org.pathosynth.llm.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.extraction.Evidence;
import org.pathosynth.core.extraction.ExtractionPrompt;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.ExtractionBatch;
import org.pathosynth.core.extraction.ExtractionFailure;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.call.ChatTurn;
import org.pathosynth.llm.call.InvalidAnswerException;
import org.pathosynth.llm.call.LlmCallException;
import org.pathosynth.llm.call.LlmCall;
import org.pathosynth.llm.call.ModelUse;
import org.pathosynth.llm.call.ModelUseBuilder;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.PrivacyViolationException;
import org.pathosynth.llm.internal.concurrent.TaskPool;
import org.pathosynth.llm.internal.json.JsonAnswer;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.LlmEndpoint;

/**
 * A {@link PathologyExtractor} on a chat model, zero-shot or k-shot (synthetic pairs as worked examples). It asks for
 * JSON following a schema derived from the {@link Schema} (sent as structured output where the provider supports
 * it), reads the answer leniently, normalises values into the schema ("2,8 cm" is 28 mm), maps each evidence quote
 * to a character span of the report, and asks again (at most {@code maxReasks} times) when the answer is not JSON. Its
 * instructions are in the builder's language (fr or en); it reads reports in either.
 *
 * <p>Reports to extract from are treated as real patient text unless declared synthetic: on a remote model the
 * privacy gate refuses them without explicit permission.
 *
 * <p>By name: {@code Extractors.create("ollama:mistral", options, context)} ({@link LlmExtractorProvider}).
 * {@link #extractAll} reads many reports concurrently.
 */
public final class LlmExtractor implements PathologyExtractor {
    public static final String PROMPT_VERSION = ExtractionPrompt.VERSION;

    private final ModelUse use;
    private final Schema schema;
    private final ExtractionPrompt prompt;
    private final List<ReportPair> shots;
    private final TextOrigin inputOrigin;
    private final JsonSchema jsonSchema;
    private final AtomicLong unreadableValues = new AtomicLong();
    private final AtomicLong plannedDropped = new AtomicLong();

    private LlmExtractor(Builder b, ModelUse use) {
        this.use = use;
        schema = b.schema;
        prompt = ExtractionPrompt.of(b.schema, use.language());
        shots = List.copyOf(b.shots);
        inputOrigin = b.inputOrigin;
        jsonSchema = ExtractionSchema.of(schema);
        if (!shots.isEmpty()) {
            use.checkPrivacy(b.shotsOrigin, "few-shot examples");
        }
    }

    public static Builder builder(LlmEndpoint endpoint) {
        return new Builder(endpoint);
    }

    @Override
    public String name() {
        return "llm:" + use.endpoint().name() + (shots.isEmpty() ? "" : ":" + shots.size() + "-shot");
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Where the reports to read are taken to come from (for the provider's tests). */
    TextOrigin inputOrigin() {
        return inputOrigin;
    }

    PrivacyGate privacyGate() {
        return use.gate();
    }

    /** Values the model stated that could not be read into the schema (they were left missing). */
    public long unreadableValues() {
        return unreadableValues.get();
    }

    /** Values the model gave for tests its own evidence says are planned or pending, and that were dropped. */
    public long plannedTestsDropped() {
        return plannedDropped.get();
    }

    /** The first call for a report: the instructions, the worked examples, then the report. */
    public LlmCall callFor(String reportText) {
        List<ChatTurn> messages = new ArrayList<>();
        messages.add(ChatTurn.system(prompt.system()));
        for (ReportPair p : shots) {
            messages.add(ChatTurn.user(prompt.user(p.report().text())));
            messages.add(ChatTurn.assistant(prompt.answer(p.record()).toString()));
        }
        messages.add(ChatTurn.user(prompt.user(reportText)));
        return new LlmCall(messages, 0.0, 1500, jsonSchema, 0L);
    }

    /**
     * @throws org.pathosynth.llm.privacy.PrivacyViolationException for real text on a remote model without permission
     * @throws InvalidAnswerException when no answer held JSON within the re-asks
     */
    @Override
    public Extraction extract(Report report) {
        use.checkPrivacy(inputOrigin, "the report to extract from");
        try {
            return use.ask(callFor(report.text()), JsonAnswer.reading(root -> read(report, root)), prompt::reask);
        } catch (InvalidAnswerException last) {
            throw new InvalidAnswerException(name() + ": no JSON answer for report " + report.id() + " after "
                    + (use.maxReasks() + 1) + " answers (last: " + last.getMessage() + ")");
        }
    }

    /**
     * Reads the reports concurrently, as many at once as the client has calls in flight, and returns the extractions in
     * input order. A report the model gave no usable answer for, or whose calls failed for good, is counted as a failure
     * (its reason names the problem, never the text) and the batch goes on.
     *
     * @throws PrivacyViolationException before anything is sent, when real text would go to a remote model without
     *         permission: a refusal stops the batch, it is never counted as a failure
     */
    @Override
    public ExtractionBatch extractAll(List<Report> reports, ProgressListener progress) {
        int n = reports.size();
        if (n == 0) {
            return new ExtractionBatch(List.of(), List.of());
        }
        use.checkPrivacy(inputOrigin, "the report to extract from");
        Extraction[] results = new Extraction[n];
        ExtractionFailure[] failures = new ExtractionFailure[n];
        AtomicLong done = new AtomicLong();
        List<Runnable> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = i;
            tasks.add(() -> {
                Report report = reports.get(at);
                try {
                    results[at] = extract(report);
                } catch (PrivacyViolationException refused) {
                    throw refused;
                } catch (RuntimeException e) {
                    failures[at] = new ExtractionFailure(report.id(), name(), reason(e));
                }
                progress.onProgress("extract", done.incrementAndGet(), n);
            });
        }
        try {
            TaskPool.runAll("pathosynth-extract", Math.min(use.client().concurrency(), n), tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("extraction interrupted", e);
        }
        List<Extraction> extracted = new ArrayList<>(n);
        List<ExtractionFailure> failed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (results[i] != null) {
                extracted.add(results[i]);
            } else {
                failed.add(failures[i]);
            }
        }
        return new ExtractionBatch(extracted, failed);
    }

    /** The failure's type, with the message only for this module's exceptions, whose messages never hold report text. */
    private static String reason(RuntimeException e) {
        String type = e.getClass().getSimpleName();
        return e instanceof InvalidAnswerException || e instanceof LlmCallException ? type + ": " + e.getMessage() : type;
    }

    private Extraction read(Report report, JsonNode root) {
        ClinicalRecord.Builder values = ClinicalRecord.builder(schema);
        Map<String, Evidence> evidence = new HashMap<>();
        QuoteLocator quotes = new QuoteLocator(report.text());
        for (Attribute a : schema.attributes()) {
            JsonNode item = root.get(a.name());
            if (item == null) {
                continue;
            }
            JsonNode value = item.isObject() ? item.get("value") : item; // flat answers {"attr": value} are accepted too
            Optional<Object> v = ValueNormalizer.normalize(a, value);
            if (v.isEmpty()) {
                if (ValueNormalizer.stated(value)) {
                    unreadableValues.incrementAndGet();
                }
                continue;
            }
            JsonNode quote = item.isObject() ? item.get("evidence") : null;
            if (quote != null && quote.isTextual() && PlannedTests.planned(quote.asText(), report.language())) {
                plannedDropped.incrementAndGet(); // a test not done yet has no result, whatever the model said
                continue;
            }
            values.set(a.name(), v.get());
            if (quote != null && quote.isTextual()) {
                int[] span = quotes.locate(quote.asText());
                if (span != null) {
                    boolean exact = report.text().startsWith(quote.asText().strip(), span[0]);
                    evidence.put(a.name(), new Evidence(span[0], span[1], exact ? 0.9 : 0.7));
                }
            }
        }
        return new Extraction(report.id(), values.build(), evidence);
    }

    public static final class Builder extends ModelUseBuilder<Builder> {
        private Schema schema = Schema.breastCancer();
        private final List<ReportPair> shots = new ArrayList<>();
        private TextOrigin shotsOrigin = TextOrigin.SYNTHETIC;
        private TextOrigin inputOrigin = TextOrigin.REAL;

        private Builder(LlmEndpoint endpoint) {
            super(endpoint);
        }

        public Builder schema(Schema s) {
            schema = Objects.requireNonNull(s, "schema");
            return this;
        }

        /** Worked examples: (record, report) pairs, synthetic unless {@code origin} says otherwise. */
        public Builder shots(List<ReportPair> pairs, TextOrigin origin) {
            shots.addAll(pairs);
            shotsOrigin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /** Where the reports to extract from come from (default REAL: the safe assumption). */
        public Builder inputOrigin(TextOrigin origin) {
            inputOrigin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        public LlmExtractor build() {
            return new LlmExtractor(this, modelUse());
        }
    }
}
