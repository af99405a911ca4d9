package org.pathosynth.synth.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.core.data.CodedColumn;
import org.pathosynth.core.data.Column;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.nn.Matrix;
import org.pathosynth.synth.internal.nn.OutputSpan;

/**
 * CTGAN's DataTransformer over the modelled attributes of a table: one {@link ColumnEncoding} per
 * attribute, concatenated in schema order. Attributes with no observed value are left out (they are
 * sampled as missing).
 */
final class DataTransformer {
    private static final int MAX_COMPONENTS = 10;
    private static final double WEIGHT_THRESHOLD = 0.005;
    /** Values drawn from a noisy histogram to fit a public encoder's mixture to. */
    private static final int PUBLIC_MIXTURE_DRAWS = 2000;

    final Schema schema;
    final int[] attributes; // schema index per encoding
    final List<ColumnEncoding> encodings;
    final int width;

    DataTransformer(Schema schema, int[] attributes, List<ColumnEncoding> encodings) {
        this.schema = schema;
        this.attributes = attributes;
        this.encodings = List.copyOf(encodings);
        this.width = this.encodings.stream().mapToInt(ColumnEncoding::width).sum();
    }

    static DataTransformer fit(Table table, SplittableRandom rng) {
        Schema schema = table.schema();
        List<Integer> kept = new ArrayList<>();
        List<ColumnEncoding> encodings = new ArrayList<>();
        for (int a = 0; a < schema.size(); a++) {
            Column column = table.column(a);
            double[] values = column.encoded();
            int observed = 0;
            for (double v : values) {
                observed += Double.isNaN(v) ? 0 : 1;
            }
            if (observed == 0) {
                continue;
            }
            kept.add(a);
            if (column instanceof CodedColumn coded) {
                encodings.add(discrete(coded));
            } else {
                encodings.add(continuous(schema.attribute(a), values, observed, rng));
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("every column is empty: nothing for CTGAN to learn");
        }
        return new DataTransformer(schema, kept.stream().mapToInt(Integer::intValue).toArray(), encodings);
    }

    /**
     * Encoders built from one-way marginals of noisy measurements only (measured, or counted in a private model's
     * sample), never from the rows: every attribute of the schema, every category of its public list (and missing) with
     * its noisy count, and for a number a mixture fitted to values drawn
     * from its noisy histogram, decoded within the schema's bounds.
     */
    static DataTransformer fitPublic(Schema schema, OneWayMarginals marginals, SplittableRandom rng) {
        int[] attributes = new int[schema.size()];
        List<ColumnEncoding> encodings = new ArrayList<>();
        for (int a = 0; a < schema.size(); a++) {
            attributes[a] = a;
            Attribute attribute = schema.attribute(a);
            double[] counts = marginals.counts(a);
            if (attribute.kind().isCoded()) {
                int levels = attribute.values().size();
                int[] codes = new int[levels + 1];
                int[] frequencies = new int[levels + 1];
                for (int c = 0; c <= levels; c++) {
                    codes[c] = c == levels ? -1 : c;
                    frequencies[c] = (int) Math.round(counts[c]);
                }
                encodings.add(new ColumnEncoding.Discrete(codes, frequencies));
            } else {
                double[] drawn = new double[PUBLIC_MIXTURE_DRAWS];
                double sum = 0;
                for (int i = 0; i < drawn.length; i++) {
                    drawn[i] = marginals.drawObserved(a, rng);
                    sum += drawn[i];
                }
                encodings.add(continuous(attribute, drawn, sum / drawn.length, marginals.missingRate(a), attribute.min(),
                        attribute.max(), rng));
            }
        }
        return new DataTransformer(schema, attributes, encodings);
    }

    private static ColumnEncoding.Discrete discrete(CodedColumn column) {
        int levels = column.levels();
        int[] counts = new int[levels + 1];
        for (int r = 0; r < column.size(); r++) {
            int c = column.code(r);
            counts[c == CodedColumn.MISSING ? levels : c]++;
        }
        List<Integer> codes = new ArrayList<>();
        List<Integer> freq = new ArrayList<>();
        for (int c = 0; c <= levels; c++) {
            if (counts[c] > 0) {
                codes.add(c == levels ? -1 : c);
                freq.add(counts[c]);
            }
        }
        return new ColumnEncoding.Discrete(codes.stream().mapToInt(Integer::intValue).toArray(),
                freq.stream().mapToInt(Integer::intValue).toArray());
    }

    private static ColumnEncoding.Continuous continuous(Attribute attribute, double[] values, int observed, SplittableRandom rng) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double mean = sum / observed;
        double[] imputed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            imputed[i] = Double.isNaN(values[i]) ? mean : values[i];
        }
        return continuous(attribute, imputed, mean, 1 - (double) observed / values.length, min, max, rng);
    }

    /** The mixture of {@code values} (no missing among them) and its valid components. */
    private static ColumnEncoding.Continuous continuous(Attribute attribute, double[] values, double mean, double missingRate,
                                                        double min, double max, SplittableRandom rng) {
        BayesianGaussianMixture gmm = BayesianGaussianMixture.fit(values, MAX_COMPONENTS, rng);
        List<Integer> valid = new ArrayList<>();
        for (int k = 0; k < gmm.weights().length; k++) {
            if (gmm.weights()[k] > WEIGHT_THRESHOLD) {
                valid.add(k);
            }
        }
        return new ColumnEncoding.Continuous(gmm, valid.stream().mapToInt(Integer::intValue).toArray(), mean, missingRate,
                min, max, attribute);
    }

    /** The training matrix (continuous components sampled, so it depends on rng). */
    Matrix transform(Table table, SplittableRandom rng) {
        Matrix m = new Matrix(table.rowCount(), width);
        int offset = 0;
        for (int e = 0; e < encodings.size(); e++) {
            double[] values = table.column(attributes[e]).encoded();
            for (int r = 0; r < values.length; r++) {
                encodings.get(e).encode(values[r], m.data, r * width + offset, rng);
            }
            offset += encodings.get(e).width();
        }
        return m;
    }

    /** Rows of the schema's encoded values (codes / numbers, NaN for missing) for an activated generator output. */
    double[][] inverse(Matrix generated, SplittableRandom rng) {
        double[][] rows = new double[generated.rows][schema.size()];
        for (int r = 0; r < generated.rows; r++) {
            java.util.Arrays.fill(rows[r], Double.NaN);
            int offset = r * width;
            for (int e = 0; e < encodings.size(); e++) {
                rows[r][attributes[e]] = encodings.get(e).decode(generated.data, offset, rng);
                offset += encodings.get(e).width();
            }
        }
        return rows;
    }

    /** The generator's output spans (tanh for scalars, softmax for one-hots). */
    List<OutputSpan> spans() {
        List<OutputSpan> out = new ArrayList<>();
        int offset = 0;
        for (ColumnEncoding e : encodings) {
            if (e instanceof ColumnEncoding.Continuous c) {
                out.add(new OutputSpan(offset, 1, OutputSpan.Kind.TANH));
                out.add(new OutputSpan(offset + 1, c.valid().length, OutputSpan.Kind.SOFTMAX));
            } else {
                out.add(new OutputSpan(offset, e.width(), OutputSpan.Kind.SOFTMAX));
            }
            offset += e.width();
        }
        return out;
    }
}
