package org.pathosynth.synth.internal.pate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TeacherBlocksTest {
    /** Every row in exactly one block, blocks about equal, and a row added leaves the other rows where they were. */
    @Test
    void eachRowGoesToOneTeacherOnItsOwn() {
        int[][] blocks = TeacherBlocks.assign(10_000, 4, new SplittableRandom(1));
        int[] seen = new int[10_000];
        for (int[] block : blocks) {
            assertThat(block.length).isBetween(2_300, 2_700);
            for (int r : block) {
                seen[r]++;
            }
        }
        assertThat(seen).containsOnly(1);
        // the same draws with one row more: the first 10,000 rows keep their teachers, one block gains the new row
        int[][] more = TeacherBlocks.assign(10_001, 4, new SplittableRandom(1));
        int changed = 0;
        for (int t = 0; t < 4; t++) {
            int[] without = Arrays.stream(more[t]).filter(r -> r < 10_000).toArray();
            assertThat(without).isEqualTo(blocks[t]);
            changed += more[t].length - blocks[t].length;
        }
        assertThat(changed).isEqualTo(1);
        assertThat(TeacherBlocks.assign(2, 5, new SplittableRandom(3)).length).isEqualTo(5); // some blocks empty
        assertThatThrownBy(() -> TeacherBlocks.assign(5, 0, new SplittableRandom(3))).hasMessageContaining("at least one teacher");
    }

    @Test
    void theTeacherCountReadsTheNoisyRows() {
        assertThat(TeacherBlocks.count(2007.4, 1000)).isEqualTo(3);
        assertThat(TeacherBlocks.count(999.9, 1000)).isEqualTo(1);
        assertThat(TeacherBlocks.count(-3, 1000)).isEqualTo(1);
    }
}
