package org.pathosynth.eval.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.eval.data.ColumnType;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.data.EvalTable;

/**
 * Exact nearest Gower row sums ({@link GowerDcr}) without comparing every query with every
 * reference row.
 *
 * <p>Cells that can only cost 0 or 1 (categories, numbers whose reference range is 0, and whether
 * a number is present) form a prefix tree over the reference rows; a query walks it depth first,
 * adding 1 per mismatch and leaving a branch once its mismatches alone reach the best sum found.
 * Each leaf holds rows that agree on all those cells, sorted by their first present number, and is
 * scanned outward from the query's value until the gap alone rules the rest out. Survivors are
 * summed cell by cell in column order, exactly as the direct loop does, so every result equals the
 * direct computation bit for bit (floating-point sums of non-negative cells never decrease, which
 * makes the mismatch count a safe bound).
 */
final class GowerIndex {
    /** Slack on bounds that come from rescaled values, far above their rounding (~1e-16). */
    private static final double MARGIN = 1e-9;
    private static final int MISSING = -1;
    private static final int UNSEEN = -2;

    private final int columns;
    private final boolean[] continuous;
    private final double[] range;
    private final Map<Object, Integer>[] codebooks;
    /** Per reference row and column: the code (discrete columns) or the value (continuous columns, NaN missing). */
    private final int[][] refCodes;
    private final double[][] refValues;
    /** Trie levels: discrete columns, then presence of continuous columns. */
    private final int[] levelColumn;
    private final boolean[] levelIsPresence;
    private final Node root;

    private static final class Node {
        int code;
        Node[] children; // sorted by code; null on leaves
        int[] rows;      // leaves only, sorted by sortColumn value
        double[] sortKeys;
        int sortColumn = -1;
    }

    @SuppressWarnings("unchecked")
    GowerIndex(EvalColumn[] reference, double[] range) {
        this.columns = reference.length;
        this.range = range.clone();
        this.continuous = new boolean[columns];
        this.codebooks = new Map[columns];
        int rows = columns == 0 ? 0 : reference[0].size();
        refCodes = new int[columns][];
        refValues = new double[columns][];
        List<Integer> discreteLevels = new ArrayList<>();
        List<Integer> presenceLevels = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            EvalColumn c = reference[j];
            continuous[j] = c.type() != ColumnType.CATEGORICAL && range[j] > 0;
            if (continuous[j]) {
                refValues[j] = new double[rows];
                for (int k = 0; k < rows; k++) {
                    refValues[j][k] = value(c, k);
                }
                presenceLevels.add(j);
            } else {
                Map<Object, Integer> codebook = new HashMap<>();
                codebooks[j] = codebook;
                refCodes[j] = new int[rows];
                for (int k = 0; k < rows; k++) {
                    Object key = key(c, k);
                    refCodes[j][k] = key == null ? MISSING : codebook.computeIfAbsent(key, x -> codebook.size());
                }
                discreteLevels.add(j);
            }
        }
        // narrow levels first keep the upper tree small
        discreteLevels.sort(Comparator.comparingInt(j -> codebooks[j].size()));
        int levels = discreteLevels.size() + presenceLevels.size();
        levelColumn = new int[levels];
        levelIsPresence = new boolean[levels];
        for (int l = 0; l < levels; l++) {
            boolean presence = l >= discreteLevels.size();
            levelIsPresence[l] = presence;
            levelColumn[l] = presence ? presenceLevels.get(l - discreteLevels.size()) : discreteLevels.get(l);
        }
        int[] all = new int[rows];
        for (int k = 0; k < rows; k++) {
            all[k] = k;
        }
        root = build(all, 0);
    }

    private int refLevelCode(int level, int row) {
        int j = levelColumn[level];
        return levelIsPresence[level] ? (Double.isNaN(refValues[j][row]) ? 0 : 1) : refCodes[j][row];
    }

    private Node build(int[] rows, int level) {
        Node node = new Node();
        if (level == levelColumn.length) {
            makeLeaf(node, rows);
            return node;
        }
        Integer[] boxed = new Integer[rows.length];
        for (int i = 0; i < rows.length; i++) {
            boxed[i] = rows[i];
        }
        Arrays.sort(boxed, Comparator.comparingInt(r -> refLevelCode(level, r)));
        List<Node> children = new ArrayList<>();
        int from = 0;
        while (from < boxed.length) {
            int code = refLevelCode(level, boxed[from]);
            int to = from;
            while (to < boxed.length && refLevelCode(level, boxed[to]) == code) {
                to++;
            }
            int[] part = new int[to - from];
            for (int i = from; i < to; i++) {
                part[i - from] = boxed[i];
            }
            Node child = build(part, level + 1);
            child.code = code;
            children.add(child);
            from = to;
        }
        node.children = children.toArray(new Node[0]);
        return node;
    }

    private void makeLeaf(Node leaf, int[] rows) {
        for (int j = 0; j < columns && rows.length > 0; j++) {
            if (continuous[j] && !Double.isNaN(refValues[j][rows[0]])) {
                leaf.sortColumn = j; // presence is the same for every row of a leaf
                break;
            }
        }
        if (leaf.sortColumn < 0) {
            leaf.rows = rows;
            return;
        }
        double[] values = refValues[leaf.sortColumn];
        double scale = range[leaf.sortColumn];
        leaf.rows = Arrays.stream(rows).boxed().sorted(Comparator.comparingDouble(r -> values[r]))
                .mapToInt(Integer::intValue).toArray();
        leaf.sortKeys = new double[leaf.rows.length];
        for (int i = 0; i < leaf.rows.length; i++) {
            leaf.sortKeys[i] = values[leaf.rows[i]] / scale;
        }
    }

    /** One query row, coded against this index. */
    final class Query {
        private final int[] codes = new int[columns];
        private final double[] values = new double[columns];
        private double best;

        Query(EvalColumn[] queryColumns, int row) {
            for (int j = 0; j < columns; j++) {
                EvalColumn c = queryColumns[j];
                if (continuous[j]) {
                    values[j] = value(c, row);
                } else {
                    Object key = key(c, row);
                    codes[j] = key == null ? MISSING : codebooks[j].getOrDefault(key, UNSEEN);
                }
            }
        }

        /** The smallest Gower row sum (not yet divided by the column count) over the reference rows. */
        double nearestSum() {
            best = Double.POSITIVE_INFINITY;
            walk(root, 0, 0);
            return best;
        }

        private int levelCode(int level) {
            int j = levelColumn[level];
            return levelIsPresence[level] ? (Double.isNaN(values[j]) ? 0 : 1) : codes[j];
        }

        private void walk(Node node, int level, int mismatches) {
            if (node.children == null) {
                scanLeaf(node, mismatches);
                return;
            }
            int own = levelCode(level);
            int match = own == UNSEEN ? -1 : findChild(node.children, own);
            if (match >= 0) {
                walk(node.children[match], level + 1, mismatches); // the cheapest branch first tightens the bound
            }
            if (mismatches + 1 >= best) {
                return;
            }
            for (int i = 0; i < node.children.length; i++) {
                if (i != match && mismatches + 1 < best) {
                    walk(node.children[i], level + 1, mismatches + 1);
                }
            }
        }

        private void scanLeaf(Node leaf, int mismatches) {
            int[] rows = leaf.rows;
            int s = leaf.sortColumn;
            if (s < 0 || Double.isNaN(values[s])) {
                for (int r : rows) {
                    consider(r);
                }
                return;
            }
            double key = values[s] / range[s];
            int start = Arrays.binarySearch(leaf.sortKeys, key);
            start = start >= 0 ? start : -start - 1;
            int lo = start - 1;
            int hi = start;
            while (lo >= 0 || hi < rows.length) {
                boolean moved = false;
                if (hi < rows.length) {
                    if (mismatches + Math.min(leaf.sortKeys[hi] - key, 1) > best + MARGIN) {
                        hi = rows.length;
                    } else {
                        consider(rows[hi++]);
                        moved = true;
                    }
                }
                if (lo >= 0) {
                    if (mismatches + Math.min(key - leaf.sortKeys[lo], 1) > best + MARGIN) {
                        lo = -1;
                    } else {
                        consider(rows[lo--]);
                        moved = true;
                    }
                }
                if (!moved && lo < 0 && hi >= rows.length) {
                    break;
                }
            }
        }

        /** The direct row sum, column by column, abandoned once it exceeds the best. */
        private void consider(int k) {
            double sum = 0;
            for (int j = 0; j < columns; j++) {
                double cell;
                if (continuous[j]) {
                    double q = values[j];
                    double r = refValues[j][k];
                    boolean qm = Double.isNaN(q);
                    boolean rm = Double.isNaN(r);
                    cell = qm || rm ? (qm && rm ? 0 : 1) : Math.min(Math.abs(q - r) / range[j], 1);
                } else {
                    cell = codes[j] == refCodes[j][k] ? 0 : 1;
                }
                sum += cell;
                if (sum > best) {
                    return;
                }
            }
            best = sum;
        }
    }

    private static int findChild(Node[] children, int code) {
        int lo = 0;
        int hi = children.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = children[mid].code;
            if (c < code) {
                lo = mid + 1;
            } else if (c > code) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The identity of a discrete cell: its label, or its number with −0 folded into 0; null when missing. */
    private static Object key(EvalColumn c, int row) {
        if (c.isMissing(row)) {
            return null;
        }
        return c.type() == ColumnType.CATEGORICAL ? c.label(row) : (Object) (value(c, row) + 0.0);
    }

    /** Datetimes in seconds, numbers as they are (as {@link GowerDcr} measures them). */
    static double value(EvalColumn c, int i) {
        return c.type() == ColumnType.DATETIME ? c.number(i) / 1e9 : c.number(i);
    }
}
