package org.pathosynth.eval.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pathosynth.core.io.RawCsv;
import org.pathosynth.eval.data.EvalTable;

/** Loads the conformance vectors (copied from shared/conformance/metrics into test resources). */
public final class Conformance {
    public static final List<String> DATASETS = List.of("ds1_clean", "ds2_leaky", "ds3_datetime_groups");
    private static JsonNode expected;

    private Conformance() {
    }

    public static synchronized JsonNode expected(String dataset) {
        if (expected == null) {
            try (InputStream in = Conformance.class.getResourceAsStream("/conformance/expected.json")) {
                expected = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected.get("datasets").get(dataset);
    }

    public static RawCsv csv(String dataset, String file) {
        String resource = "/conformance/" + dataset + "/" + file;
        try (Reader reader = new InputStreamReader(Conformance.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return RawCsv.read(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** training, holdout, synthetic, with holdout and synthetic coerced to the training types. */
    public static EvalTable[] tables(String dataset) {
        EvalTable training = EvalTable.fromCsv(csv(dataset, "train.csv"));
        EvalTable holdout = EvalTable.fromCsv(csv(dataset, "holdout.csv")).coercedTo(training);
        EvalTable synthetic = EvalTable.fromCsv(csv(dataset, "synthetic.csv")).coercedTo(training);
        return new EvalTable[] {training, holdout, synthetic};
    }

    /** A numeric CSV (encoded vectors) as rows of doubles. */
    public static double[][] matrix(String dataset, String file) {
        RawCsv csv = csv(dataset, file);
        double[][] out = new double[csv.rowCount()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = csv.rows().get(r).stream().mapToDouble(Double::parseDouble).toArray();
        }
        return out;
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
