package org.pathosynth.llm.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.generation.ReportStyle;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.llm.call.ChatTurn;
import org.pathosynth.llm.call.LlmAnswer;
import org.pathosynth.llm.call.LlmCall;
import org.pathosynth.llm.call.LlmClient;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.LlmEndpoint;

/**
 * A teacher: one model writing one report per record from the bundled prompt, in a style and length, with optional
 * few-shot exemplars. Answers are cleaned, and an empty, truncated or non-report answer is asked again (at most
 * {@code maxReasks} times) before the request fails. Every report carries its provenance: teacher, model, prompt
 * version, style, seed, tokens and attempts.
 *
 * <p>By name: {@code Generators.create("ollama:mistral", options, context)} ({@link LlmGeneratorProvider}). Its own
 * {@code generateAll} writes one report at a time; a {@link TeacherEnsemble}, even of one teacher, writes batches
 * concurrently.
 */
public final class LlmReportGenerator implements ReportGenerator {
    private final String name;
    private final LlmEndpoint endpoint;
    private final LlmClient client;
    private final PromptTemplate prompt;
    private final ReportStyle style;
    private final int words;
    private final double temperature;
    private final int maxOutputTokens;
    private final int maxReasks;
    private final List<Exemplar> exemplars;

    private LlmReportGenerator(Builder b) {
        endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        client = b.client == null ? LlmClient.builder().build() : b.client;
        prompt = PromptTemplate.forLanguage(b.language);
        style = b.style;
        words = b.words;
        temperature = b.temperature;
        maxOutputTokens = b.maxOutputTokens;
        maxReasks = b.maxReasks;
        exemplars = List.copyOf(b.exemplars);
        name = b.name == null ? endpoint.name() : b.name;
        for (Exemplar e : exemplars) {
            b.gate.check(endpoint, e.origin(), "a few-shot exemplar");
        }
    }

    public static Builder builder(LlmEndpoint endpoint) {
        return new Builder(endpoint);
    }

    @Override
    public String name() {
        return name;
    }

    public LlmEndpoint endpoint() {
        return endpoint;
    }

    /** The first call for a request (what the cache and journal key on). */
    public LlmCall callFor(GenerationRequest request) {
        List<ChatTurn> messages = new ArrayList<>();
        messages.add(ChatTurn.system(prompt.system()));
        for (Exemplar e : exemplars) {
            messages.add(ChatTurn.user(prompt.user(e.record(), style, words)));
            messages.add(ChatTurn.assistant(e.text()));
        }
        messages.add(ChatTurn.user(prompt.user(request.record(), style, words)));
        return new LlmCall(messages, temperature, maxOutputTokens, null, request.seed());
    }

    @Override
    public Report generate(GenerationRequest request) {
        LlmCall call = callFor(request);
        int input = 0;
        int output = 0;
        int attempts = 0;
        ReportCleaner.Verdict verdict = null;
        for (int ask = 0; ask <= maxReasks; ask++) {
            LlmAnswer answer = client.call(endpoint, call);
            input += answer.inputTokens();
            output += answer.outputTokens();
            attempts += answer.attempts();
            String text = ReportCleaner.clean(answer.text());
            verdict = ReportCleaner.verdict(text, answer.truncated());
            if (verdict == ReportCleaner.Verdict.OK) {
                Provenance p = Provenance.of("llm").with("teacher", name).with("model", endpoint.name())
                        .with("prompt_version", PromptTemplate.VERSION).with("style", style.cliName())
                        .with("words", words).with("temperature", temperature).with("seed", request.seed())
                        .with("shots", exemplars.size()).with("input_tokens", input).with("output_tokens", output)
                        .with("attempts", attempts).with("reasks", ask);
                return new Report(request.id(), text, prompt.language(), p);
            }
            call = call.followedBy(answer.text(), prompt.reask(verdict.reaskKey()));
        }
        throw new ReportNotWrittenException(name + ": no usable report after " + (maxReasks + 1) + " answers (last: "
                + verdict.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }

    public static final class Builder {
        private final LlmEndpoint endpoint;
        private String name;
        private LlmClient client;
        private String language = "fr";
        private ReportStyle style = ReportStyle.PROSE;
        private int words = 250;
        private double temperature = 0.7;
        private int maxOutputTokens = 1200;
        private int maxReasks = 2;
        private final List<Exemplar> exemplars = new ArrayList<>();
        private PrivacyGate gate = PrivacyGate.strict();

        private Builder(LlmEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        /** The teacher's name in provenance (default: the model's). */
        public Builder name(String n) {
            name = n;
            return this;
        }

        /** The shared client (concurrency, limits, cache); one is made when not given. */
        public Builder client(LlmClient c) {
            client = c;
            return this;
        }

        public Builder language(String lang) {
            language = lang;
            return this;
        }

        public Builder style(ReportStyle s) {
            style = Objects.requireNonNull(s, "style");
            return this;
        }

        /** Target length in words (20 to 2,000). */
        public Builder words(int n) {
            if (n < 20 || n > 2000) {
                throw new IllegalArgumentException("words must be in [20, 2000], got " + n);
            }
            words = n;
            return this;
        }

        public Builder temperature(double t) {
            if (!(t >= 0 && t <= 2)) {
                throw new IllegalArgumentException("temperature must be in [0, 2], got " + t);
            }
            temperature = t;
            return this;
        }

        public Builder maxOutputTokens(int n) {
            if (n < 16) {
                throw new IllegalArgumentException("maxOutputTokens must be at least 16, got " + n);
            }
            maxOutputTokens = n;
            return this;
        }

        public Builder maxReasks(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxReasks must be >= 0, got " + n);
            }
            maxReasks = n;
            return this;
        }

        public Builder exemplar(Exemplar e) {
            exemplars.add(Objects.requireNonNull(e, "exemplar"));
            return this;
        }

        public Builder privacyGate(PrivacyGate g) {
            gate = Objects.requireNonNull(g, "gate");
            return this;
        }

        /** @throws org.pathosynth.llm.privacy.PrivacyViolationException for real exemplars on a remote model */
        public LlmReportGenerator build() {
            return new LlmReportGenerator(this);
        }
    }
}
