package org.pathosynth.synth.internal.pate;

import java.util.SplittableRandom;

/**
 * The disjoint blocks of rows PATE's teachers train on. Each row goes to a teacher drawn uniformly at random, on its
 * own: adding or removing a row changes one teacher's block and leaves the others' distribution as it was, which is
 * what the votes' bound assumes for the same neighbouring tables as the Gaussian measurements. (Cutting a shuffle of
 * all N rows into equal blocks, as the references do, moves rows between every block when a row is added.)
 */
public final class TeacherBlocks {
    private TeacherBlocks() {
    }

    /** The row indices of each of {@code teachers} blocks; a block may be empty. */
    public static int[][] assign(int rows, int teachers, SplittableRandom rng) {
        if (teachers < 1) {
            throw new IllegalArgumentException("at least one teacher, got " + teachers);
        }
        int[] teacherOf = new int[rows];
        int[] sizes = new int[teachers];
        for (int r = 0; r < rows; r++) {
            teacherOf[r] = rng.nextInt(teachers);
            sizes[teacherOf[r]]++;
        }
        int[][] blocks = new int[teachers][];
        for (int t = 0; t < teachers; t++) {
            blocks[t] = new int[sizes[t]];
        }
        int[] filled = new int[teachers];
        for (int r = 0; r < rows; r++) {
            blocks[teacherOf[r]][filled[teacherOf[r]]++] = r;
        }
        return blocks;
    }

    /**
     * PATE-CTGAN's teacher count, ⌊rows / rowsPerTeacher⌋ + 1 (smartnoise's rule), read from a noisy estimate of the
     * rows rather than their exact number, so that it does not change with one row.
     */
    public static int count(double noisyRows, int rowsPerTeacher) {
        return (int) Math.floor(Math.max(0, noisyRows) / rowsPerTeacher) + 1;
    }
}
