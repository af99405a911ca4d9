package org.pathosynth.synth.internal.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

class BinInteriorTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final AttributeBins SIZE = AttributeBins.of(SCHEMA.attribute("tumor_size_mm"), 20, "test");

    /** Sizes as pathologists write them: 160 at 20 mm, 40 at 18 mm, 100 at 25 mm, and 10 missing. */
    private static Table heaped() {
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 310; i++) {
            ClinicalRecord.Builder b = ClinicalRecord.builder(SCHEMA);
            if (i < 160) {
                b.set("tumor_size_mm", 20);
            } else if (i < 200) {
                b.set("tumor_size_mm", 18);
            } else if (i < 300) {
                b.set("tumor_size_mm", 25);
            }
            rows.add(b.build());
        }
        return Table.of(SCHEMA, rows);
    }

    private static BinInterior measure(double sigma, long seed) {
        Table t = heaped();
        int column = SCHEMA.indexOf("tumor_size_mm");
        return BinInterior.measure(SCHEMA.attribute(column), SIZE, t.column(column), sigma, new SplittableRandom(seed));
    }

    @Test
    void appliesOnlyWhereAPublicBinHoldsSeveralValues() {
        assertThat(BinInterior.applies(SCHEMA.attribute("tumor_size_mm"), SIZE)).isTrue(); // 1 to 300 mm, whole mm
        assertThat(BinInterior.applies(SCHEMA.attribute("lymph_nodes_affected"),
                AttributeBins.of(SCHEMA.attribute("lymph_nodes_affected"), 20, "test"))).isTrue(); // [10, 15) and wider
        assertThat(BinInterior.applies(SCHEMA.attribute("er_status"), AttributeBins.of(SCHEMA.attribute("er_status"), 20, "test")))
                .isFalse();
        Schema s = Schema.fromJson("""
                {"name":"s","attributes":[
                  {"name":"exact","kind":"integer","min":0,"max":9},
                  {"name":"free","kind":"numeric","min":0,"max":10},
                  {"name":"fine","kind":"numeric","min":0,"max":1000,"precision":2}]}""");
        assertThat(BinInterior.applies(s.attribute("exact"), AttributeBins.of(s.attribute("exact"), 20, "t"))).isFalse();
        assertThat(BinInterior.applies(s.attribute("free"), AttributeBins.of(s.attribute("free"), 20, "t"))).isFalse();
        assertThat(BinInterior.applies(s.attribute("fine"), AttributeBins.of(s.attribute("fine"), 20, "t")))
                .as("100,001 values: too many for the noise to leave a shape").isFalse();
    }

    @Test
    void aHistogramIsWorthItsNoiseOnlyWhereBinsHoldSeveralNoisesPerValue() {
        double[] oneWay = new double[SIZE.size()];
        oneWay[SIZE.encode(20)] = 600; // six values (18 to 23 mm): 100 rows per value
        oneWay[SIZE.encode(5)] = 900; // a bin of the single value 5 mm: shows no shape whatever the noise
        oneWay[SIZE.encode(100)] = 100; // 31 values
        oneWay[SIZE.missingCell()] = 5000; // missing rows count for nothing
        var size = SCHEMA.attribute("tumor_size_mm");
        assertThat(BinInterior.worthMeasuring(size, SIZE, oneWay, 50)).isTrue(); // 600 of 1,600 at 2σ = 100 per value
        assertThat(BinInterior.worthMeasuring(size, SIZE, oneWay, 51)).isFalse(); // 100 per value is under 2σ = 102
        oneWay[SIZE.encode(5)] = 2000; // 600 of 2,700: under a quarter
        assertThat(BinInterior.worthMeasuring(size, SIZE, oneWay, 10)).isFalse();
        assertThat(BinInterior.worthMeasuring(size, SIZE, new double[SIZE.size()], 1)).isFalse(); // nothing observed
        AttributeBins er = AttributeBins.of(SCHEMA.attribute("er_status"), 20, "test");
        assertThat(BinInterior.worthMeasuring(SCHEMA.attribute("er_status"), er, new double[] {900, 900, 10}, 1))
                .as("a category has no values to histogram").isFalse();
    }

    @Test
    void decodesABinToItsValuesInTheirNoisyProportions() {
        BinInterior interior = measure(1, 1);
        assertThat(interior.counts()).hasSize(300);
        assertThat(interior.counts()[19]).isCloseTo(160, within(5.0)); // the value 20
        int bin = SIZE.encode(20);
        assertThat(SIZE.encode(18)).isEqualTo(bin); // 20 and 18 share the bin from 17.3 to 23 mm
        SplittableRandom rng = new SplittableRandom(2);
        int twenty = 0;
        int eighteen = 0;
        for (int i = 0; i < 4000; i++) {
            double v = interior.decode(bin, rng);
            assertThat(SIZE.encode(v)).isEqualTo(bin);
            twenty += v == 20 ? 1 : 0;
            eighteen += v == 18 ? 1 : 0;
        }
        assertThat(twenty / 4000.0).isCloseTo(0.8, within(0.05)); // uniform decoding would give about 0.18
        assertThat(eighteen / 4000.0).isCloseTo(0.2, within(0.05));
        assertThat(interior.decode(SIZE.missingCell(), rng)).isNaN();
    }

    @Test
    void theGridIsEveryValueThePrecisionAllowsBetweenTheBounds() {
        Schema s = Schema.fromJson("""
                {"name":"s","attributes":[{"name":"ki","kind":"numeric","min":0.05,"max":20.9,"precision":1}]}""");
        AttributeBins bins = AttributeBins.of(s.attribute("ki"), 4, "t");
        List<ClinicalRecord> rows = new ArrayList<>();
        for (double v : new double[] {0.1, 0.3, 0.3, 2.7, 20.9}) {
            rows.add(ClinicalRecord.builder(s).set("ki", v).build());
        }
        rows.add(ClinicalRecord.builder(s).build()); // missing: counted nowhere
        BinInterior interior = BinInterior.measure(s.attribute("ki"), bins, Table.of(s, rows).column(0), 0,
                new SplittableRandom(1));
        double[] counts = interior.counts();
        assertThat(counts).hasSize(209); // 0.1 to 20.9: 0.05 is not a value of one decimal
        assertThat(counts[0]).isEqualTo(1); // 0.1
        assertThat(counts[2]).isEqualTo(2); // 0.3
        assertThat(counts[26]).isEqualTo(1); // 2.7
        assertThat(counts[208]).isEqualTo(1); // 20.9
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(5);
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            assertThat(interior.decode(bins.encode(0.3), rng)).isIn(0.1, 0.3); // exact decimals, not 0.30000000000000004
        }
    }

    @Test
    void itsNoiseIsTheSigmaAskedAndMissingRowsCountNowhere() {
        assertThat(measure(0, 1).counts()[0]).as("1 mm: no row, and the 10 missing rows are not put there").isZero();
        double[] empty = java.util.Arrays.copyOfRange(measure(3, 7).counts(), 30, 300); // no row above 30 mm
        double mean = java.util.Arrays.stream(empty).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(empty).map(c -> (c - mean) * (c - mean)).sum() / (empty.length - 1));
        assertThat(sd).isCloseTo(3, within(0.45));
    }

    @Test
    void aBinWithNoPositiveCountIsDecodedUniformly() {
        BinInterior interior = measure(0, 1); // no value between 40.7 and 54 mm, and no noise to make one look present
        int bin = SIZE.encode(45);
        SplittableRandom rng = new SplittableRandom(3);
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < 500; i++) {
            double v = interior.decode(bin, rng);
            assertThat(SIZE.encode(v)).isEqualTo(bin);
            seen.add(v);
        }
        assertThat(seen).hasSizeGreaterThan(8);
    }

    @Test
    void savedHistogramsDecodeAsTheOriginal() {
        BinInterior interior = measure(3, 4);
        ObjectNode model = new ObjectMapper().createObjectNode();
        BinInterior.writeAll(model, new BinInterior[] {null, interior});
        BinInterior[] loaded = BinInterior.readAll(model, new AttributeBins[] {SIZE, SIZE});
        assertThat(loaded[0]).isNull();
        assertThat(loaded[1].counts()).containsExactly(interior.counts());
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            int cell = SIZE.encode(1 + i % 60);
            assertThat(loaded[1].decode(cell, b)).isEqualTo(interior.decode(cell, a));
        }
        assertThat(BinInterior.readAll(new ObjectMapper().createObjectNode(), new AttributeBins[] {SIZE})).containsExactly((BinInterior) null);
    }
}
