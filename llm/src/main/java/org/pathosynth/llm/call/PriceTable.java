package org.pathosynth.llm.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Estimated cost per model from list prices (USD per million input and output tokens), keyed by spec prefix
 * ({@code openai:gpt-4o-mini} also prices {@code openai:gpt-4o-mini-2024-07-18}; the longest prefix wins). Local
 * providers cost nothing; a model without a price has no estimate rather than a wrong one.
 */
public final class PriceTable {
    private final Map<String, double[]> perMillion;

    private PriceTable(Map<String, double[]> perMillion) {
        this.perMillion = perMillion;
    }

    /** The bundled list prices (see the resource's comment for their date). */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream("/org/pathosynth/llm/call/prices.json")) {
            return parse(new ObjectMapper().readTree(in), "bundled prices.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user's price file: {@code {"provider:model": [input, output], ...}} in USD per million tokens. */
    public static PriceTable fromJson(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a JSON price table (" + e.getMessage() + ")");
        }
    }

    private static PriceTable parse(JsonNode root, String source) {
        Map<String, double[]> prices = new LinkedHashMap<>();
        root.properties().forEach(e -> {
            if (e.getKey().startsWith("_")) {
                return;
            }
            JsonNode v = e.getValue();
            if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
                throw new IllegalArgumentException(source + ": price of '" + e.getKey() + "' must be [input, output] USD per million tokens");
            }
            prices.put(e.getKey(), new double[] {v.get(0).asDouble(), v.get(1).asDouble()});
        });
        return new PriceTable(prices);
    }

    /** The estimated USD cost of a model's usage, or empty when its price is unknown. */
    public Optional<Double> cost(Usage usage) {
        String model = usage.model();
        if (model.startsWith("ollama:") || model.startsWith("openai-compatible:") || model.startsWith("local:")) {
            return Optional.of(0.0);
        }
        String best = null;
        for (String key : perMillion.keySet()) {
            if (model.startsWith(key) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double[] p = perMillion.get(best);
        return Optional.of((usage.inputTokens() * p[0] + usage.outputTokens() * p[1]) / 1e6);
    }
}
