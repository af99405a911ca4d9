package org.pathosynth.extraction.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.pathosynth.core.extraction.ExtractionPrompt;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/**
 * Writes (record, report) pairs as fine-tuning data: the instruction is the LLM extractor's own
 * ({@link ExtractionPrompt}), the input the report, the target the record as the extractor's JSON answer. A seeded
 * shuffle splits the pairs into {@code train.jsonl} and {@code validation.jsonl}; the same pairs and seed give
 * byte-identical files.
 */
public final class TrainingSetExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExportFormat format;
    private final double validationShare;
    private final long seed;
    private final String language;

    private TrainingSetExport(ExportFormat format, double validationShare, long seed, String language) {
        this.format = Objects.requireNonNull(format, "format");
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share must be in [0, 1), got " + validationShare);
        }
        this.validationShare = validationShare;
        this.seed = seed;
        this.language = language;
    }

    /** @param language the instruction's language (fr or en) */
    public static TrainingSetExport of(ExportFormat format, double validationShare, long seed, String language) {
        return new TrainingSetExport(format, validationShare, seed, language);
    }

    /** What was written. */
    public record Result(Path train, Path validation, int trainCount, int validationCount) {
    }

    public Result write(List<ReportPair> pairs, Schema schema, Path dir) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no pairs to export");
        }
        ExtractionPrompt prompt = ExtractionPrompt.of(schema, language);
        List<ReportPair> order = new ArrayList<>(pairs);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = order.size() - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            ReportPair t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        int validation = (int) Math.round(order.size() * validationShare);
        Path train = dir.resolve("train.jsonl");
        Path valid = dir.resolve("validation.jsonl");
        try {
            Files.createDirectories(dir);
            write(order.subList(validation, order.size()), prompt, train);
            write(order.subList(0, validation), prompt, valid);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export to " + dir, e);
        }
        return new Result(train, valid, order.size() - validation, validation);
    }

    private void write(List<ReportPair> pairs, ExtractionPrompt prompt, Path file) {
        org.pathosynth.core.io.AtomicFiles.write(file, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (ReportPair p : pairs) {
                    w.write(line(p, prompt).toString());
                    w.write('\n');
                }
            }
        });
    }

    /** One example in the chosen format. */
    public ObjectNode line(ReportPair p, ExtractionPrompt prompt) {
        String answer = prompt.answer(p.record()).toString();
        ObjectNode n = JSON.createObjectNode();
        if (format == ExportFormat.ALPACA) {
            n.put("instruction", prompt.system());
            n.put("input", prompt.user(p.report().text())); // the extractor's user message, report included
            n.put("output", answer);
            return n;
        }
        if (format == ExportFormat.HF_MESSAGES) {
            n.put("id", p.id());
        }
        ArrayNode messages = n.putArray("messages");
        messages.addObject().put("role", "system").put("content", prompt.system());
        messages.addObject().put("role", "user").put("content", prompt.user(p.report().text()));
        messages.addObject().put("role", "assistant").put("content", answer);
        return n;
    }
}
