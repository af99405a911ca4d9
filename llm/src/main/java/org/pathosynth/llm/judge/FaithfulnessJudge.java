package org.pathosynth.llm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.io.PromptTexts;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.llm.call.ChatTurn;
import org.pathosynth.llm.call.LlmCall;
import org.pathosynth.llm.call.ModelUse;
import org.pathosynth.llm.call.ModelUseBuilder;
import org.pathosynth.llm.call.InvalidAnswerException;
import org.pathosynth.llm.internal.json.JsonAnswer;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.internal.prompt.PromptResource;
import org.pathosynth.llm.internal.prompt.RecordText;
import org.pathosynth.llm.provider.LlmEndpoint;

/**
 * A {@link QualityFilter} that asks a model whether a report states exactly its record's values (no contradiction,
 * no omission, no invented finding). It accepts only a faithful verdict without problems; the score is the share of
 * the record's present attributes with no reported problem, and the reasons are the judge's own.
 */
public final class FaithfulnessJudge implements QualityFilter {
    public static final String PROMPT_VERSION = "judge-v1";
    private static final JsonSchema VERDICT = JsonSchema.builder().name("faithfulness").rootElement(JsonObjectSchema.builder()
            .addProperty("faithful", new JsonBooleanSchema())
            .addProperty("problems", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                    .addProperty("attribute", new JsonStringSchema()).addProperty("problem", new JsonStringSchema())
                    .required("attribute", "problem").additionalProperties(false).build()).build())
            .addProperty("reasons", new JsonStringSchema())
            .required("faithful", "problems", "reasons").additionalProperties(false).build()).build();

    private final ModelUse use;
    private final PromptTexts prompt;
    private final RecordText values;
    private final TextOrigin pairOrigin;

    private FaithfulnessJudge(Builder b, ModelUse use) {
        this.use = use;
        prompt = PromptResource.load("judge", use.language());
        values = RecordText.inLanguage(use.language());
        pairOrigin = b.pairOrigin;
    }

    public static Builder builder(LlmEndpoint endpoint) {
        return new Builder(endpoint);
    }

    @Override
    public String name() {
        return "judge:" + use.endpoint().name();
    }

    @Override
    public FilterDecision judge(ReportPair pair) {
        use.checkPrivacy(pairOrigin, "the (record, report) pair to judge");
        LlmCall call = new LlmCall(List.of(ChatTurn.system(prompt.get("system")), ChatTurn.user(prompt.get("user")
                .replace("{values}", values.render(pair.record())).replace("{report}", pair.report().text()))), 0.0, 800, VERDICT, 0L);
        try {
            return use.ask(call, JsonAnswer.reading(verdict -> decide(pair, verdict)),
                    problem -> prompt.get("reask").replace("{problem}", problem));
        } catch (InvalidAnswerException e) {
            // no verdict is not a pass: the pair is rejected, and says why
            return FilterDecision.reject(name(), 0, List.of("no usable verdict from the judge (" + e.getMessage() + ")"));
        }
    }

    private FilterDecision decide(ReportPair pair, JsonNode verdict) {
        JsonNode faithfulNode = verdict.get("faithful");
        if (faithfulNode == null || !faithfulNode.isBoolean()) {
            throw new InvalidAnswerException("no boolean 'faithful'");
        }
        List<String> reasons = new ArrayList<>();
        int problems = 0;
        for (JsonNode p : verdict.path("problems")) {
            problems++;
            reasons.add(p.path("attribute").asText("?") + ": " + p.path("problem").asText(""));
        }
        String why = verdict.path("reasons").asText("");
        if (!why.isBlank()) {
            reasons.add(why);
        }
        long present = pair.record().values().stream().filter(Objects::nonNull).count();
        double score = present == 0 ? (problems == 0 ? 1 : 0) : Math.max(0, 1 - (double) problems / present);
        boolean faithful = faithfulNode.asBoolean() && problems == 0;
        return faithful ? new FilterDecision(true, score, reasons, name()) : FilterDecision.reject(name(), faithfulNode.asBoolean() ? score
                : Math.min(score, 0.5), reasons);
    }

    public static final class Builder extends ModelUseBuilder<Builder> {
        private TextOrigin pairOrigin = TextOrigin.SYNTHETIC;

        private Builder(LlmEndpoint endpoint) {
            super(endpoint);
        }

        /** Pairs are synthetic by default; declare REAL to judge real (record, report) pairs (gated on remote models). */
        public Builder pairOrigin(TextOrigin origin) {
            pairOrigin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        public FaithfulnessJudge build() {
            return new FaithfulnessJudge(this, modelUse());
        }
    }
}
