package org.pathosynth.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void derivedSeedsAreStableAndDistinct() {
        assertThat(Seeds.derive(42, "sample")).isEqualTo(Seeds.derive(42, "sample"));
        assertThat(Seeds.derive(42, "sample")).isNotEqualTo(Seeds.derive(43, "sample"));
        assertThat(Seeds.derive(42, "sample")).isNotEqualTo(Seeds.derive(42, "generate"));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Seeds.derive(42, "generate", i));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void valuesArePinnedSoRunsStayReproducibleAcrossVersions() {
        // Changing the derivation would silently change every seeded output: pin it.
        assertThat(Seeds.mix(0)).isEqualTo(0L);
        assertThat(Seeds.mix(1)).isEqualTo(0x5692161D100B05E5L);
    }
}
