package org.pathosynth.llm.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a local model runs, read from the model part of a {@code local:} spec:
 * {@code /path/model.gguf?ctx=4096&threads=4&gpu_layers=0&seed=42&temperature=0.2}. Every option has a default.
 *
 * @param file        the GGUF file
 * @param contextSize tokens of context (prompt plus answer); 0 takes the model's own length, capped at 8,192
 * @param threads     CPU threads; 0 takes every core
 * @param gpuLayers   layers offloaded to a GPU where the native library has one (the bundled Linux build is CPU-only)
 * @param seed        sampling seed: the same prompt and seed give the same answer
 * @param temperature used when a request names none
 */
public record LocalModelOptions(Path file, int contextSize, int threads, int gpuLayers, long seed, double temperature) {
    public static final int DEFAULT_CONTEXT_CAP = 8192;

    public LocalModelOptions {
        if (contextSize < 0 || threads < 0 || gpuLayers < 0) {
            throw new IllegalArgumentException("local model options ctx, threads and gpu_layers must be 0 or more");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("local model option temperature must be between 0 and 2, got " + temperature);
        }
    }

    /** Parses {@code "path?key=value&..."}; an unknown key or a malformed value is an error naming it. */
    public static LocalModelOptions parse(String model) {
        int q = model.indexOf('?');
        String path = (q < 0 ? model : model.substring(0, q)).strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a local: spec needs the path of a GGUF file, e.g. local:/models/mistral-7b.Q4_K_M.gguf");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : model.substring(q + 1).split("&")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("local model option '" + pair + "' must look like key=value");
                }
                options.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        int ctx = 0;
        int threads = 0;
        int gpu = 0;
        long seed = 42;
        double temperature = 0.7;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String v = e.getValue();
            try {
                switch (e.getKey()) {
                    case "ctx" -> ctx = Integer.parseInt(v);
                    case "threads" -> threads = Integer.parseInt(v);
                    case "gpu_layers" -> gpu = Integer.parseInt(v);
                    case "seed" -> seed = Long.parseLong(v);
                    case "temperature" -> temperature = Double.parseDouble(v);
                    default -> throw new IllegalArgumentException("unknown local model option '" + e.getKey()
                            + "'; known: ctx, threads, gpu_layers, seed, temperature");
                }
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("local model option " + e.getKey() + " must be a number, got '" + v + "'");
            }
        }
        return new LocalModelOptions(Path.of(path), ctx, threads, gpu, seed, temperature);
    }

    /** The threads to use: the option, or every core. */
    int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
