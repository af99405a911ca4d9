package org.pathosynth.synth.aim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.schema.PresentOnlyWith;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.dp.AttributeBins;
import org.pathosynth.synth.internal.dp.CompressedDomain;
import org.pathosynth.synth.internal.pgm.StructuralZeros;

class RuleZerosTest {
    private static final Schema SCHEMA = Schema.breastCancer();

    private static AttributeBins bins(String name) {
        return AttributeBins.of(SCHEMA.attribute(name), 20, "test");
    }

    /** Every cell its own compressed cell. */
    private static CompressedDomain whole(AttributeBins bins) {
        double[] counts = new double[bins.size()];
        return bins.isCoded() ? CompressedDomain.categorical(counts, Double.NEGATIVE_INFINITY)
                : CompressedDomain.ordered(counts, Double.NEGATIVE_INFINITY);
    }

    private static int[] indices(String... names) {
        return java.util.Arrays.stream(names).mapToInt(SCHEMA::indexOf).toArray();
    }

    @Test
    void aBiopsyHasNoTumourSizeAndNothingElseIsForbidden() {
        AttributeBins test = bins("test_used_for_diagnosis");
        AttributeBins size = bins("tumor_size_mm");
        AttributeBins er = bins("er_status");
        List<StructuralZeros> zeros = RuleZeros.of(SCHEMA, indices("test_used_for_diagnosis", "tumor_size_mm", "er_status"),
                new AttributeBins[] {test, size, er}, new CompressedDomain[] {whole(test), whole(size), whole(er)});
        assertThat(zeros).hasSize(1);
        StructuralZeros z = zeros.get(0);
        assertThat(z.attributes()).containsExactly(0, 1);
        int biopsy = SCHEMA.attribute("test_used_for_diagnosis").values().indexOf("biopsy");
        int sizes = size.size();
        for (int t = 0; t < test.size(); t++) {
            for (int s = 0; s < sizes; s++) {
                boolean expected = t == biopsy && s != size.missingCell();
                assertThat(z.impossible()[t * sizes + s]).as("test cell " + t + ", size cell " + s).isEqualTo(expected);
            }
        }
        assertThat(z.count()).isEqualTo(sizes - 1);
    }

    @Test
    void aMarginalHoldingAPairWithZerosHasTheirCellsAndOthersHaveNone() {
        int[] domain = {2, 3, 2};
        StructuralZeros z = new StructuralZeros(new int[] {0, 1}, new boolean[] {false, false, false, false, true, true});
        boolean[] triple = StructuralZeros.cellsOf(new int[] {0, 1, 2}, domain, List.of(z));
        // cells (a, b, c), c fastest: forbidden where a = 1 and b ≥ 1
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 2; c++) {
                    assertThat(triple[(a * 3 + b) * 2 + c]).isEqualTo(a == 1 && b >= 1);
                }
            }
        }
        assertThat(StructuralZeros.cellsOf(new int[] {0, 1}, domain, List.of(z))).containsExactly(z.impossible());
        assertThat(StructuralZeros.cellsOf(new int[] {1, 2}, domain, List.of(z))).isNull();
        assertThat(StructuralZeros.cellsOf(new int[] {0}, domain, List.of(z))).isNull();
    }

    @Test
    void twoZeroPairsInsideOneMarginalBothCount() {
        int[] domain = {2, 3, 2};
        StructuralZeros first = new StructuralZeros(new int[] {0, 1}, new boolean[] {false, false, false, false, false, true});
        StructuralZeros second = new StructuralZeros(new int[] {0, 2}, new boolean[] {false, false, true, false});
        boolean[] triple = StructuralZeros.cellsOf(new int[] {0, 1, 2}, domain, List.of(first, second));
        for (int i = 0; i < triple.length; i++) {
            int a = i / 6;
            int b = i / 2 % 3;
            int c = i % 2;
            assertThat(triple[i]).as("cell " + a + b + c).isEqualTo(a == 1 && b == 2 || a == 1 && c == 0);
        }
    }

    @Test
    void nodesAffectedPresentOnlyWithNodesTakenForbidsAffectedWithoutTaken() {
        Schema schema = new Schema("t", "", SCHEMA.attributes(), SCHEMA.constraints(),
                List.of(new PresentOnlyWith("lymph_nodes_affected", "lymph_nodes_taken")));
        AttributeBins taken = AttributeBins.of(schema.attribute("lymph_nodes_taken"), 20, "test");
        AttributeBins affected = AttributeBins.of(schema.attribute("lymph_nodes_affected"), 20, "test");
        int[] modelled = {schema.indexOf("lymph_nodes_taken"), schema.indexOf("lymph_nodes_affected")};
        assertThat(modelled[0]).isLessThan(modelled[1]);
        List<StructuralZeros> zeros = RuleZeros.of(schema, modelled, new AttributeBins[] {taken, affected},
                new CompressedDomain[] {whole(taken), whole(affected)});
        StructuralZeros z = zeros.get(0);
        int k = affected.size();
        for (int t = 0; t < taken.size(); t++) {
            for (int a = 0; a < k; a++) {
                boolean expected = t == taken.missingCell() && a != affected.missingCell();
                assertThat(z.impossible()[t * k + a]).as("taken cell " + t + ", affected cell " + a).isEqualTo(expected);
            }
        }
    }

    @Test
    void anInSituMorphologyHasNoGradeOnEitherCode() {
        AttributeBins morphology = bins("morphology_icdo");
        AttributeBins grade = bins("sbr_grade");
        List<StructuralZeros> zeros = RuleZeros.of(SCHEMA, indices("morphology_icdo", "sbr_grade"),
                new AttributeBins[] {morphology, grade}, new CompressedDomain[] {whole(morphology), whole(grade)});
        List<String> codes = SCHEMA.attribute("morphology_icdo").values();
        StructuralZeros z = zeros.get(0);
        assertThat(z.count()).isEqualTo(2 * 3); // two in-situ codes, three grades
        for (String inSitu : List.of("8500/2", "8520/2")) {
            int m = codes.indexOf(inSitu);
            assertThat(z.impossible()[m * grade.size()]).isTrue();
            assertThat(z.impossible()[m * grade.size() + grade.missingCell()]).isFalse();
        }
        assertThat(z.impossible()[codes.indexOf("8500/3") * grade.size()]).isFalse();
    }

    @Test
    void aCompressedCellThatMixesABiopsyWithASurgeryHoldsNoZero() {
        AttributeBins test = bins("test_used_for_diagnosis");
        AttributeBins size = bins("tumor_size_mm");
        List<String> values = SCHEMA.attribute("test_used_for_diagnosis").values();
        double[] counts = new double[test.size()];
        counts[values.indexOf("mastectomy")] = 500;
        counts[test.missingCell()] = 100;
        // biopsy, lumpectomy and the others fall under the threshold: one "other" cell of biopsies and surgeries
        CompressedDomain merged = CompressedDomain.categorical(counts, 50);
        assertThat(merged.size()).isEqualTo(3);
        List<StructuralZeros> zeros = RuleZeros.of(SCHEMA, indices("test_used_for_diagnosis", "tumor_size_mm"),
                new AttributeBins[] {test, size}, new CompressedDomain[] {merged, whole(size)});
        assertThat(zeros).isEmpty();
    }
}
