package org.crmkit.scoring.basket;

import java.util.Arrays;

/**
 * Depth-first frequent-itemset search over vertical tid-lists that switches to diffsets
 * where they are smaller: Zaki's Eclat (Zaki, Parthasarathy, Ogihara and Li 1997, "New
 * algorithms for fast discovery of association rules", KDD-97) with the dEclat diffsets of
 * Zaki and Gouda (2003, "Fast vertical mining using diffsets", KDD-03).
 *
 * <p>Why this algorithm: every set it keeps is a sorted {@code int[]} of basket ids (a
 * tid-list) or of the ids a child loses against its parent (a diffset, {@code d(PXY) =
 * t(PX) \ t(PY)}, {@code count(PXY) = count(PX) - |d(PXY)|}); intersections and differences
 * are branch-light merges over primitive arrays with early exits once the minimum count is
 * out of reach; the memory held at any time is the level-1 tid-lists (one int per item
 * occurrence) plus one equivalence class per depth of the search path. A class switches from
 * tid-lists to diffsets when the sum of its members' diffsets is smaller than the sum of their
 * tid-lists, which happens on dense data where diffsets shrink fast (Zaki and Gouda, section
 * 4). FP-growth (Han, Pei and Yin 2000) was the other candidate: it is fast on dense data too,
 * but its pointer-based tree and conditional trees cost far more objects and memory in Java
 * than flat int arrays. Items are ordered by increasing support, which keeps the classes of
 * the frequent items, the largest ones, small.
 *
 * <p>Not thread-safe: one instance mines one data set once.
 */
final class Eclat {
    private final int minCount;
    private final int maxLen;
    private final int[] prefix;
    private final IntList flat = new IntList(1 << 12);
    private final IntList starts = new IntList(1 << 10);
    private final IntList counts = new IntList(1 << 10);
    private int[] scratch;
    /** Pair counts of the frequent items (upper triangle), or null when too many items. */
    private int[] pairs;
    private int pairItems;

    /** The most pair counters kept (64 MB); beyond that level 2 intersects tid-lists. */
    private static final long MAX_PAIR_COUNTERS = 16L << 20;

    private Eclat(int minCount, int maxLen) {
        this.minCount = minCount;
        this.maxLen = maxLen;
        this.prefix = new int[maxLen + 1];
        starts.add(0);
    }

    static FrequentItemsets mine(Baskets baskets, int minCount, int maxLen, double minSupport) {
        return new Eclat(minCount, maxLen).run(baskets, minSupport);
    }

    private FrequentItemsets run(Baskets baskets, double minSupport) {
        int n = baskets.size();
        int[] codes = baskets.codeArray();
        int[] offsets = baskets.offsetArray();
        String[] names = baskets.itemArray();
        int m = names.length;
        int[] freq = new int[m];
        for (int c : codes) {
            freq[c]++;
        }
        long[] order = new long[m];
        int f = 0;
        for (int c = 0; c < m; c++) {
            if (freq[c] >= minCount) {
                order[f++] = ((long) freq[c] << 32) | c;
            }
        }
        Arrays.sort(order, 0, f); // ascending support, ties by first appearance
        int[] recode = new int[m];
        Arrays.fill(recode, -1);
        String[] frequentNames = new String[f];
        int[] itemCounts = new int[f];
        int[][] tids = new int[f][];
        for (int k = 0; k < f; k++) {
            int c = (int) order[k];
            recode[c] = k;
            frequentNames[k] = names[c];
            itemCounts[k] = freq[c];
            tids[k] = new int[freq[c]];
        }
        int[] fill = new int[f];
        for (int t = 0; t < n; t++) {
            for (int p = offsets[t]; p < offsets[t + 1]; p++) {
                int k = recode[codes[p]];
                if (k >= 0) {
                    tids[k][fill[k]++] = t;
                }
            }
        }
        if (maxLen >= 2 && (long) f * (f - 1) / 2 <= MAX_PAIR_COUNTERS) {
            countPairs(codes, offsets, recode, f);
        }
        scratch = new int[Math.max(1, n)];
        int[] items = new int[f];
        int[] lens = new int[f];
        for (int k = 0; k < f; k++) {
            items[k] = k;
            lens[k] = itemCounts[k];
            if (maxLen >= 1) {
                emit(0, k, itemCounts[k]);
            }
        }
        if (maxLen >= 2 && f > 1) {
            expand(0, items, tids, lens, itemCounts.clone(), f, false);
        }
        scratch = null;
        pairs = null;
        return new FrequentItemsets(n, minSupport, minCount, maxLen, frequentNames, itemCounts,
                flat.toArray(), starts.toArray(), counts.toArray());
    }

    /**
     * Counts every pair of frequent items in one pass over the baskets (a triangular matrix,
     * as Zaki et al. 1997 do for the 2-itemsets), so that level 2 intersects the tid-lists of
     * frequent pairs only: on sparse data most pairs are infrequent.
     */
    private void countPairs(int[] codes, int[] offsets, int[] recode, int f) {
        pairs = new int[(int) ((long) f * (f - 1) / 2)];
        pairItems = f;
        int[] local = new int[16];
        for (int t = 0; t + 1 < offsets.length; t++) {
            int len = 0;
            for (int p = offsets[t]; p < offsets[t + 1]; p++) {
                int k = recode[codes[p]];
                if (k >= 0) {
                    if (len == local.length) {
                        local = Arrays.copyOf(local, len * 2);
                    }
                    local[len++] = k;
                }
            }
            Arrays.sort(local, 0, len);
            for (int a = 0; a < len - 1; a++) {
                int row = pairRow(local[a]);
                for (int b = a + 1; b < len; b++) {
                    pairs[row + local[b] - local[a] - 1]++;
                }
            }
        }
    }

    private int pairRow(int i) {
        return (int) ((long) i * (2L * pairItems - i - 1) / 2);
    }

    private void emit(int depth, int item, int count) {
        flat.addAll(prefix, 0, depth);
        flat.add(item);
        starts.add(flat.size());
        counts.add(count);
    }

    /**
     * Expands one equivalence class: members {@code prefix[0..depth) + items[i]} with their
     * tid-lists (or diffsets against the prefix when {@code diff}) and counts; every member
     * is already emitted.
     */
    private void expand(int depth, int[] items, int[][] sets, int[] lens, int[] cnts, int size,
            boolean diff) {
        boolean deeper = depth + 3 <= maxLen;
        for (int i = 0; i < size - 1; i++) {
            prefix[depth] = items[i];
            int cap = size - i - 1;
            int[] cItems = deeper ? new int[cap] : null;
            int[][] cSets = deeper ? new int[cap][] : null;
            int[] cLens = deeper ? new int[cap] : null;
            int[] cCnts = deeper ? new int[cap] : null;
            int c = 0;
            int ci = cnts[i];
            int row = depth == 0 && pairs != null ? pairRow(items[i]) - items[i] - 1 : -1;
            for (int j = i + 1; j < size; j++) {
                int count;
                int len;
                if (row >= 0) {
                    count = pairs[row + items[j]];
                    if (count < minCount) {
                        continue;
                    }
                    len = deeper ? intersect(sets[i], lens[i], sets[j], lens[j]) : count;
                } else if (!diff) {
                    len = intersect(sets[i], lens[i], sets[j], lens[j]);
                    count = len;
                } else {
                    len = difference(sets[j], lens[j], sets[i], lens[i], ci - minCount);
                    count = len < 0 ? -1 : ci - len;
                }
                if (count < minCount) {
                    continue;
                }
                emit(depth + 1, items[j], count);
                if (deeper) {
                    cItems[c] = items[j];
                    cSets[c] = Arrays.copyOf(scratch, len);
                    cLens[c] = len;
                    cCnts[c] = count;
                    c++;
                }
            }
            if (c > 1) {
                boolean childDiff = diff;
                if (!diff) {
                    long tidTotal = 0;
                    long diffTotal = 0;
                    for (int k = 0; k < c; k++) {
                        tidTotal += cCnts[k];
                        diffTotal += ci - cCnts[k];
                    }
                    if (diffTotal < tidTotal) {
                        for (int k = 0; k < c; k++) {
                            int len = difference(sets[i], lens[i], cSets[k], cLens[k], Integer.MAX_VALUE);
                            cSets[k] = Arrays.copyOf(scratch, len);
                            cLens[k] = len;
                        }
                        childDiff = true;
                    }
                }
                expand(depth + 1, cItems, cSets, cLens, cCnts, c, childDiff);
            }
        }
    }

    /** Writes a ∩ b to the scratch array; returns its size, or -1 once it cannot reach the minimum. */
    private int intersect(int[] a, int la, int[] b, int lb) {
        int[] out = scratch;
        int i = 0;
        int j = 0;
        int k = 0;
        int need = minCount;
        while (i < la && j < lb) {
            if (k + Math.min(la - i, lb - j) < need) {
                return -1;
            }
            int x = a[i];
            int y = b[j];
            if (x == y) {
                out[k++] = x;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return k;
    }

    /** Writes a \ b to the scratch array; returns its size, or -1 once it exceeds {@code limit}. */
    private int difference(int[] a, int la, int[] b, int lb, int limit) {
        int[] out = scratch;
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < la) {
            int x = a[i];
            while (j < lb && b[j] < x) {
                j++;
            }
            if (j < lb && b[j] == x) {
                i++;
                j++;
                continue;
            }
            if (k == limit) {
                return -1;
            }
            out[k++] = x;
            i++;
        }
        return k;
    }
}
