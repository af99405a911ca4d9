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
import org.pathosynth.llm.call.InvalidAnswerException;
import org.pathosynth.llm.call.ModelUse;
import org.pathosynth.llm.call.ModelUseBuilder;
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
    private final ModelUse use;
    private final PromptTemplate prompt;
    private final ReportStyle style;
    private final int words;
    private final double temperature;
    private final int maxOutputTokens;
    private final List<Exemplar> exemplars;

    private LlmReportGenerator(Builder b, ModelUse use) {
        this.use = use;
        prompt = PromptTemplate.forLanguage(use.language());
        style = b.style;
        words = b.words;
        temperature = b.temperature;
        maxOutputTokens = b.maxOutputTokens;
        exemplars = List.copyOf(b.exemplars);
        name = b.name == null ? use.endpoint().name() : b.name;
        for (Exemplar e : exemplars) {
            use.checkPrivacy(e.origin(), "a few-shot exemplar");
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
        return use.endpoint();
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

    /**
     * @throws ReportNotWrittenException when no answer was a usable report within the re-asks (an empty, truncated or
     *         non-report answer is asked again)
     */
    @Override
    public Report generate(GenerationRequest request) {
        Tally tally = new Tally();
        try {
            return use.ask(callFor(request), answer -> report(request, tally.add(answer)), prompt::reask);
        } catch (InvalidAnswerException last) {
            throw new ReportNotWrittenException(name + ": no usable report after " + (use.maxReasks() + 1) + " answers (last: "
                    + last.getMessage() + ")");
        }
    }

    /** The report in the tally's last answer, or a refusal naming its problem (the re-ask's key: empty, truncated, not_report). */
    private Report report(GenerationRequest request, Tally tally) {
        String text = ReportCleaner.clean(tally.last.text());
        ReportCleaner.Verdict verdict = ReportCleaner.verdict(text, tally.last.truncated());
        if (verdict != ReportCleaner.Verdict.OK) {
            throw new InvalidAnswerException(verdict.reaskKey());
        }
        Provenance p = Provenance.of("llm").with("teacher", name).with("model", use.endpoint().name())
                .with("prompt_version", PromptTemplate.VERSION).with("style", style.cliName())
                .with("words", words).with("temperature", temperature).with("seed", request.seed())
                .with("shots", exemplars.size()).with("input_tokens", tally.input).with("output_tokens", tally.output)
                .with("attempts", tally.attempts).with("reasks", tally.answers - 1);
        return new Report(request.id(), text, prompt.language(), p);
    }

    /** The answers to one request so far: their tokens and attempts, and the last one. */
    private static final class Tally {
        private int input;
        private int output;
        private int attempts;
        private int answers;
        private LlmAnswer last;

        Tally add(LlmAnswer answer) {
            input += answer.inputTokens();
            output += answer.outputTokens();
            attempts += answer.attempts();
            answers++;
            last = answer;
            return this;
        }
    }

    public static final class Builder extends ModelUseBuilder<Builder> {
        private String name;
        private ReportStyle style = ReportStyle.PROSE;
        private int words = LlmGeneratorOptions.DEFAULT_WORDS;
        private double temperature = 0.7;
        private int maxOutputTokens = 1200;
        private final List<Exemplar> exemplars = new ArrayList<>();

        private Builder(LlmEndpoint endpoint) {
            super(endpoint);
        }

        /** The teacher's name in provenance (default: the model's). */
        public Builder name(String n) {
            name = n;
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

        public Builder exemplar(Exemplar e) {
            exemplars.add(Objects.requireNonNull(e, "exemplar"));
            return this;
        }

        /** @throws org.pathosynth.llm.privacy.PrivacyViolationException for real exemplars on a remote model */
        public LlmReportGenerator build() {
            return new LlmReportGenerator(this, modelUse());
        }
    }
}
