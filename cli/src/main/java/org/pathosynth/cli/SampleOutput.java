package org.pathosynth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.io.AtomicFiles;
import org.pathosynth.core.io.CsvTables;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.provenance.DataFingerprint;
import org.pathosynth.core.provenance.ProvenanceJson;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The sample that {@code synthesize} and {@code sample} write, as options ({@code --n}, {@code --seed}, {@code --out},
 * {@code --json}) and as files: the synthetic CSV, its provenance file, and the optional meta JSON.
 */
final class SampleOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--n", required = true, description = "Number of synthetic rows.")
    int n;

    @Mixin
    SeedOption seedOption;

    @Option(names = "--out", required = true, description = "Synthetic CSV to write.")
    Path out;

    @Option(names = "--json", description = "Write the sampling time, the privacy guarantee, the model's figures and its provenance here.")
    Path json;

    long seed() {
        return seedOption.seed;
    }

    int rows() {
        if (n <= 0) {
            throw new IllegalArgumentException("--n must be positive, got " + n);
        }
        return n;
    }

    /**
     * {@link #rows()}, refused with the limit when the sample would not fit in this JVM's heap: a sampled row holds
     * about 70 bytes for 13 attributes once made, and about four times that while it is made and written.
     */
    int rows(int attributes) {
        int rows = rows();
        long perRow = 64 + 16L * attributes;
        long usable = (long) (Runtime.getRuntime().maxMemory() * 0.8);
        if ((long) rows * perRow > usable) {
            throw tooMany(rows, usable / perRow);
        }
        return rows;
    }

    /** The one-line failure when the heap runs out while sampling {@code rows} rows all the same. */
    IllegalArgumentException outOfHeap(long rows) {
        return new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--n %d: the heap (%.1f GB, set by -Xmx) ran out while "
                + "sampling; ask for fewer rows per call, or raise -Xmx", rows, Runtime.getRuntime().maxMemory() / 1e9));
    }

    /** The one-line refusal when {@code rows} would not fit; about {@code fit} would. */
    IllegalArgumentException tooMany(long rows, long fit) {
        return new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--n %d: that many rows do not fit in this JVM's "
                + "heap (%.1f GB, set by -Xmx); about %d fit: ask for fewer rows per call, or raise -Xmx", rows,
                Runtime.getRuntime().maxMemory() / 1e9, fit));
    }

    /** The table, atomically, and beside it {@code <out>.provenance.json}: the model's provenance, rows and seed. */
    void write(Table table, FittedSynthesizer model) {
        write(table, out, model, seed());
    }

    /** The meta JSON, when {@code --json} asks for it; {@code extra} adds what the command knows besides the model. */
    void writeMeta(FittedSynthesizer model, double sampleSeconds, java.util.function.Consumer<ObjectNode> extra) {
        if (json != null) {
            ObjectNode meta = meta(model, n, seed(), sampleSeconds);
            extra.accept(meta);
            AtomicFiles.writeString(json, meta.toPrettyString() + "\n");
        }
    }

    private static void write(Table table, Path out, FittedSynthesizer model, long seed) {
        AtomicFiles.write(out, tmp -> CsvTables.write(table, tmp));
        ArtifactProvenance p = ArtifactProvenance.of("synthetic-table", model.synthesizerName(), Map.of("rows", table.rowCount(), "seed", seed))
                .withInput(DataFingerprint.of(table)).withPrivacy(model.privacyGuarantee()).withSource("model", model.provenance());
        ProvenanceJson.writeSideFile(out, p);
    }

    /** Timings, the privacy guarantee and the model's own figures. */
    private static ObjectNode meta(FittedSynthesizer model, int rows, long seed, double sampleSeconds) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("synthesizer", model.synthesizerName());
        meta.put("rows", rows);
        meta.put("seed", seed);
        meta.put("sample_seconds", sampleSeconds);
        ObjectNode privacy = ProvenanceJson.privacy(model.privacyGuarantee());
        meta.set("privacy", privacy);
        for (Map.Entry<String, Object> d : model.details().entrySet()) {
            JsonNode value = JSON.valueToTree(d.getValue());
            if (d.getKey().equals("rho")) {
                privacy.set("rho", value); // zCDP's rho is part of the privacy statement
            } else {
                meta.set(d.getKey(), value);
            }
        }
        meta.set("provenance", ProvenanceJson.toJson(model.provenance()));
        return meta;
    }
}
