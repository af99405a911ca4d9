package org.pathosynth.synth.aim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.core.schema.CoherenceRule;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.dp.AttributeBins;
import org.pathosynth.synth.internal.dp.CompressedDomain;
import org.pathosynth.synth.internal.pgm.StructuralZeros;

/**
 * The structural zeros the schema's coherence rules imply on pairs of modelled attributes: a biopsy has no tumour size,
 * so the cells (biopsy, any size) are empty in every table the synthesizer samples. Public (the rules, the bins and the
 * compressed domains), so telling the model costs no privacy; it then holds such a dependence without measuring it.
 */
final class RuleZeros {
    private RuleZeros() {
    }

    /**
     * For each pair of modelled attributes that a rule names, the compressed cells all of whose values the rule forbids
     * together; pairs with no such cell are left out.
     *
     * @param modelled the schema index of each modelled attribute
     */
    static List<StructuralZeros> of(Schema schema, int[] modelled, AttributeBins[] bins, CompressedDomain[] domains) {
        List<StructuralZeros> out = new ArrayList<>();
        for (int a = 0; a < modelled.length; a++) {
            for (int b = a + 1; b < modelled.length; b++) {
                boolean[] impossible = new boolean[domains[a].size() * domains[b].size()];
                boolean any = false;
                for (CoherenceRule rule : schema.rules()) {
                    List<String> named = rule.attributes();
                    if (!named.contains(schema.attribute(modelled[a]).name())
                            || !named.contains(schema.attribute(modelled[b]).name())) {
                        continue;
                    }
                    for (int ga = 0; ga < domains[a].size(); ga++) {
                        for (int gb = 0; gb < domains[b].size(); gb++) {
                            if (forbidsAll(rule, schema, modelled[a], bins[a], domains[a].groups()[ga],
                                    modelled[b], bins[b], domains[b].groups()[gb])) {
                                impossible[ga * domains[b].size() + gb] = true;
                                any = true;
                            }
                        }
                    }
                }
                if (any) {
                    out.add(new StructuralZeros(new int[] {a, b}, impossible));
                }
            }
        }
        return out;
    }

    /**
     * Whether the rule changes every row holding a value of one of {@code cellsA} and one of {@code cellsB} (every other
     * attribute missing): the rule blanks what it says is absent, so a row it changes is one no table may hold.
     */
    private static boolean forbidsAll(CoherenceRule rule, Schema schema, int a, AttributeBins binsA, int[] cellsA,
                                      int b, AttributeBins binsB, int[] cellsB) {
        SplittableRandom representative = new SplittableRandom(0); // any value of a bin says the same to a rule
        for (int ca : cellsA) {
            for (int cb : cellsB) {
                double[] row = new double[schema.size()];
                Arrays.fill(row, Double.NaN);
                row[a] = binsA.decode(ca, representative);
                row[b] = binsB.decode(cb, representative);
                double[] before = row.clone();
                rule.enforce(row, schema);
                if (Arrays.equals(row, before)) {
                    return false;
                }
            }
        }
        return true;
    }
}
