package org.pathosynth.cli.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Everything {@code pathosynth run} does, from one JSON or YAML file. Every key has a default, so a config naming only
 * the real table works offline: Gaussian copula, 500 records, the template writer in French, all quality filters,
 * Hugging Face messages export, the rule-based extractor scored on the bundled labelled reports. Keys are snake_case.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunConfig(String real, String schema, Double holdoutShare, SynthesizerConfig synthesizer, Integer records,
                        String language, List<GeneratorConfig> generators, String policy, Double noise, LlmConfig llm,
                        List<String> filters, List<String> exports, Double validationShare, List<String> extractors,
                        String labelled, Long seed, String out, StudentConfig student,
                        @JsonInclude(JsonInclude.Include.NON_NULL) CsvConfig realCsv,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) java.util.Map<String, Object> writer,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String holdout,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) java.util.Map<String, String> bounds) {

    public RunConfig {
        schema = schema == null ? SchemaOption.DEFAULT : schema;
        holdoutShare = holdoutShare == null ? 0.2 : holdoutShare;
        synthesizer = synthesizer == null ? new SynthesizerConfig(null, null, null, null, null, null, null) : synthesizer;
        records = records == null ? 500 : records;
        language = language == null ? "fr" : language;
        generators = generators == null ? List.of(new GeneratorConfig("template", null)) : List.copyOf(generators);
        policy = policy == null ? "round-robin" : policy;
        noise = noise == null ? 0.0 : noise;
        llm = llm == null ? new LlmConfig(null, null, null, null, null) : llm;
        filters = filters == null ? List.of("length", "language", "near-duplicate", "round-trip") : List.copyOf(filters);
        exports = exports == null ? List.of("hf-messages") : List.copyOf(exports);
        validationShare = validationShare == null ? 0.1 : validationShare;
        extractors = extractors == null ? List.of("rules") : List.copyOf(extractors);
        seed = seed == null ? 42L : seed;
        out = out == null ? "pathosynth-run" : out;
        student = student == null ? new StudentConfig(null, null, null) : student;
        writer = writer == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(writer));
        bounds = bounds == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bounds));
    }

    /**
     * The student extractor a run trains on its filtered corpus and scores beside the other extractors, alone
     * ({@code student}) and behind the rules ({@code rules+student}).
     *
     * @param train         whether to train one (default true)
     * @param epochs        passes over the corpus (default 10)
     * @param minConfidence the student's calibrated confidence from which it fills what the rules left (default 0.8)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StudentConfig(Boolean train, Integer epochs, Double minConfidence) {
        public StudentConfig {
            train = train == null ? Boolean.TRUE : train;
            epochs = epochs == null ? 10 : epochs;
            minConfidence = minConfidence == null ? 0.8 : minConfidence;
        }
    }

    /**
     * The synthesizer and its parameters (those that do not apply to it are refused when the run starts);
     * {@code options} passes any other option of the named synthesizer (e.g. {@code batch_size}), by its snake_case name.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SynthesizerConfig(String name, Double epsilon, Double delta, Integer epochs, String marginals, Long trainSeed,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) java.util.Map<String, Object> options) {
        public SynthesizerConfig {
            name = name == null ? "gaussian-copula" : name;
            epsilon = epsilon == null ? 1.0 : epsilon;
            marginals = marginals == null ? "empirical" : marginals;
            trainSeed = trainSeed == null ? 0L : trainSeed;
        }
    }

    /**
     * How the real table is written, when detection is not enough: {@code real_csv: {separator: ';', encoding: windows-1252,
     * decimal_comma: true}}. Each key is optional; absent, it is detected (separator from the header and first lines,
     * encoding from the bytes, decimal comma on for semicolon-separated files).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CsvConfig(String separator, String encoding, Boolean decimalComma) {
        public CsvConfig {
            readOptions(separator, encoding, decimalComma); // refuses a bad separator or encoding when the config is read
        }

        /** The read options these keys say. */
        public org.pathosynth.core.io.CsvReadOptions readOptions() {
            return readOptions(separator, encoding, decimalComma);
        }

        private static org.pathosynth.core.io.CsvReadOptions readOptions(String separator, String encoding, Boolean decimalComma) {
            var options = org.pathosynth.core.io.CsvReadOptions.DEFAULT.withDecimalComma(decimalComma);
            if (separator != null) {
                options = options.withSeparator(org.pathosynth.core.io.CsvDialect.parseSeparator(separator));
            }
            if (encoding != null) {
                options = options.withEncoding(org.pathosynth.core.io.CsvDialect.parseEncoding(encoding));
            }
            return options;
        }
    }

    /** A teacher: {@code template} or an LLM spec ({@code ollama:mistral}), with its weight for the weighted policy. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GeneratorConfig(String spec, Double weight) {
        public GeneratorConfig {
            if (spec == null || spec.isBlank()) {
                throw new IllegalArgumentException("each generator needs a 'spec' (template or an LLM spec such as ollama:mistral)");
            }
            weight = weight == null ? 1.0 : weight;
        }
    }

    /** Settings of LLM teachers and extractors. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LlmConfig(Integer concurrency, Integer timeoutSeconds, String style, Integer words, Double temperature) {
        public LlmConfig {
            concurrency = concurrency == null ? 8 : concurrency;
            timeoutSeconds = timeoutSeconds == null ? 120 : timeoutSeconds;
            style = style == null ? "prose" : style;
            words = words == null ? org.pathosynth.llm.generation.LlmGeneratorOptions.DEFAULT_WORDS : words; // as generate --words
            temperature = temperature == null ? 0.7 : temperature;
        }
    }

    /** All defaults, reading {@code real}. */
    public static RunConfig defaults(String real) {
        return new RunConfig(real, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Reads a config (YAML for .yaml/.yml, else JSON). A bad file fails with one line naming the file and the key:
     * unknown keys, wrong types and missing values alike.
     */
    public static RunConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // a key given twice is a mistake, not "the last one wins"; 100.7 records is not 100
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                throw new IllegalArgumentException(file + ": the config is empty");
            }
            RunConfig c = mapper.readValue(yaml ? yamlAsJson(file, text, mapper) : text, RunConfig.class);
            if (c == null) {
                throw new IllegalArgumentException(file + ": the config is empty");
            }
            return c;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : " (known keys: " + e.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", ")) + ")";
            throw new IllegalArgumentException(file + ": unknown key '" + keyPath(e) + "'" + known, e);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(file + ": key '" + keyPath(e) + "' must be " + expected(e.getTargetType()), e);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
            String why = cause != null ? cause.getMessage() : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(file + ": key '" + keyPath(e) + "': " + why, e);
        } catch (IOException e) {
            java.util.regex.Matcher twice = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(String.valueOf(e.getMessage()));
            if (twice.find()) {
                throw new IllegalArgumentException(file + ": key '" + twice.group(1) + "' is given twice", e);
            }
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /**
     * YAML read by SnakeYAML itself, which resolves anchors and aliases of any kind (Jackson's YAML parser took an alias
     * of a mapping for a scalar), refuses a key given twice and caps aliases (no "billion laughs"), then written as JSON
     * for the one reader of configs.
     */
    private static String yamlAsJson(Path file, String text, ObjectMapper json) throws IOException {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Object tree;
        try {
            tree = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options)).load(text);
        } catch (org.yaml.snakeyaml.constructor.DuplicateKeyException e) {
            java.util.regex.Matcher key = java.util.regex.Pattern.compile("found duplicate key (\\S+)").matcher(String.valueOf(e.getMessage()));
            throw new IllegalArgumentException(file + ": key '" + (key.find() ? key.group(1) : "?") + "' is given twice", e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        if (tree == null) {
            throw new IllegalArgumentException(file + ": the config is empty");
        }
        return json.writeValueAsString(tree);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object with keys (see the README's run config)";
    }

    private static String keyPath(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    public RunConfig withReal(String path) {
        return new RunConfig(path, schema, holdoutShare, synthesizer, records, language, generators, policy, noise, llm, filters, exports,
                validationShare, extractors, labelled, seed, out, student, realCsv, writer, holdout, bounds);
    }

    /** The config with a ready-made holdout table: the real table is then all training rows, and holdout_share unused. */
    public RunConfig withHoldout(String path) {
        return new RunConfig(real, schema, holdoutShare, synthesizer, records, language, generators, policy, noise, llm, filters, exports,
                validationShare, extractors, labelled, seed, out, student, realCsv, writer, path, bounds);
    }

    /** The config with more public bounds ({@code column -> low:high}), over the config's own for the same columns. */
    public RunConfig withBounds(java.util.Map<String, String> more) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(bounds);
        all.putAll(more);
        return new RunConfig(real, schema, holdoutShare, synthesizer, records, language, generators, policy, noise, llm, filters, exports,
                validationShare, extractors, labelled, seed, out, student, realCsv, writer, holdout, all);
    }

    public RunConfig withOut(String folder) {
        return new RunConfig(real, schema, holdoutShare, synthesizer, records, language, generators, policy, noise, llm, filters, exports,
                validationShare, extractors, labelled, seed, folder, student, realCsv, writer, holdout, bounds);
    }

    /** How to read the real table: as the {@code real_csv} keys say, else detected. */
    public org.pathosynth.core.io.CsvReadOptions csvReadOptions() {
        return realCsv == null ? org.pathosynth.core.io.CsvReadOptions.DEFAULT : realCsv.readOptions();
    }

    /** The config with every default filled in, as JSON (written next to the outputs). */
    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Identifies what the run computes (the output folder aside): a resumed run must have the same. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(withOut(null).toJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
