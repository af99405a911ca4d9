package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.ClinicalRecord;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;

class OneWayMarginalsTest {
    @Test
    void emptyCellsOfANoisyMarginalGainLittleMass() {
        Schema schema = Schema.breastCancer();
        List<ClinicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(ClinicalRecord.builder(schema).set("tumor_size_mm", 20.0).build());
        }
        Table real = Table.of(schema, rows);
        double rho = schema.size() / (2 * 30.0 * 30.0); // noise sd 30 per cell
        int tumour = schema.indexOf("tumor_size_mm");
        for (long seed = 1; seed <= 5; seed++) {
            double[] counts = OneWayMarginals.measure(real, rho, java.util.Set.copyOf(schema.names()), "test",
                    new SplittableRandom(seed)).counts(tumour);
            double total = Arrays.stream(counts).sum();
            double largest = Arrays.stream(counts).max().orElseThrow();
            // every row is in one cell; clipped noise alone would give the 20-odd other cells about 0.4 sd each, a third
            // of the mass
            assertThat((total - largest) / total).as("seed %d", seed).isLessThan(0.12);
        }
    }
}
