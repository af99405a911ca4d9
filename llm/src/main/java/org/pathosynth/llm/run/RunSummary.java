package org.pathosynth.llm.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.llm.call.PriceTable;
import org.pathosynth.llm.call.Usage;

/**
 * What a generation run did: reports written and failed, reports per teacher, calls, retries, cache hits and
 * tokens per model, and the estimated cost ({@code null} when a model has no known price).
 */
public record RunSummary(int written, int failed, Map<String, Integer> perTeacher, List<Usage> usage, Double estimatedCostUsd,
        double seconds) {
    public RunSummary {
        perTeacher = Map.copyOf(perTeacher);
        usage = List.copyOf(usage);
    }

    public static RunSummary of(GenerationBatch batch, List<Usage> usage, PriceTable prices, double seconds) {
        Map<String, Integer> perTeacher = new TreeMap<>();
        for (ReportPair p : batch.pairs()) {
            String teacher = p.report().provenance().get("teacher");
            perTeacher.merge(teacher == null ? p.report().provenance().producer() : teacher, 1, Integer::sum);
        }
        Double cost = 0.0;
        for (Usage u : usage) {
            Optional<Double> c = prices.cost(u);
            cost = c.isPresent() && cost != null ? cost + c.get() : null;
        }
        return new RunSummary(batch.pairs().size(), batch.failures().size(), perTeacher, usage, cost, seconds);
    }

    public ObjectNode toJson() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("written", written).put("failed", failed).put("seconds", Math.round(seconds * 1000) / 1000.0);
        ObjectNode t = n.putObject("per_teacher");
        perTeacher.forEach(t::put);
        ObjectNode models = n.putObject("models");
        for (Usage u : usage) {
            models.putObject(u.model()).put("calls", u.calls()).put("cache_hits", u.cacheHits()).put("retries", u.retries())
                    .put("failures", u.failures()).put("input_tokens", u.inputTokens()).put("output_tokens", u.outputTokens());
        }
        if (estimatedCostUsd == null) {
            n.putNull("estimated_cost_usd");
        } else {
            n.put("estimated_cost_usd", Math.round(estimatedCostUsd * 1e4) / 1e4);
        }
        return n;
    }

    /** A few lines for the console. */
    public String toText() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d reports written, %d failed, %.1f s%n", written, failed, seconds));
        perTeacher.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  teacher %s: %d%n", k, v)));
        for (Usage u : usage) {
            s.append(String.format(Locale.ROOT, "  model %s: %d calls, %d from cache, %d retries, %d failed, %d+%d tokens%n",
                    u.model(), u.calls(), u.cacheHits(), u.retries(), u.failures(), u.inputTokens(), u.outputTokens()));
        }
        s.append(estimatedCostUsd == null ? "  estimated cost: unknown (no price for a model; see --prices)"
                : String.format(Locale.ROOT, "  estimated cost: %.4f USD (list prices)", estimatedCostUsd));
        return s.toString();
    }
}
