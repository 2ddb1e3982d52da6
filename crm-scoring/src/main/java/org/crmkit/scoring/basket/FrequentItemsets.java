package org.crmkit.scoring.basket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The frequent itemsets of a set of baskets, as found by {@link ItemsetMiner}, stored in
 * flat primitive arrays (about 4 bytes per item of every itemset, 8 bytes per itemset and a
 * hash index of 8 bytes per itemset), with lookup of any itemset's count.
 *
 * <pre>{@code
 * FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.01).build().mine(baskets);
 * sets.size();                               // number of frequent itemsets
 * sets.count(List.of("rake", "gloves"));     // OptionalInt[count], empty if not frequent
 * FrequentItemsets closed = sets.closed();   // no superset with the same count
 * FrequentItemsets maximal = sets.maximal(); // no frequent superset
 * }</pre>
 *
 * <p>Itemsets are numbered {@code 0 .. size()-1} in the order of discovery (depth first;
 * every itemset comes after its prefixes). Immutable and thread-safe.
 */
public final class FrequentItemsets {
    private final int baskets;
    private final double minSupport;
    private final int minCount;
    private final int maxLen;
    /** Item names by internal code (codes ordered by increasing support). */
    private final String[] names;
    private final int[] itemCounts;
    private final int[] flat;
    private final int[] starts;
    private final int[] counts;
    private final int[] table;
    private final int mask;
    private final boolean complete;

    FrequentItemsets(int baskets, double minSupport, int minCount, int maxLen, String[] names,
            int[] itemCounts, int[] flat, int[] starts, int[] counts) {
        this(baskets, minSupport, minCount, maxLen, names, itemCounts, flat, starts, counts, true);
    }

    private FrequentItemsets(int baskets, double minSupport, int minCount, int maxLen,
            String[] names, int[] itemCounts, int[] flat, int[] starts, int[] counts,
            boolean complete) {
        this.complete = complete;
        this.baskets = baskets;
        this.minSupport = minSupport;
        this.minCount = minCount;
        this.maxLen = maxLen;
        this.names = names;
        this.itemCounts = itemCounts;
        this.flat = flat;
        this.starts = starts;
        this.counts = counts;
        int m = counts.length;
        int cap = Integer.highestOneBit(Math.max(2, m) * 2 - 1) << 1;
        this.table = new int[cap];
        this.mask = cap - 1;
        for (int i = 0; i < m; i++) {
            int h = hash(flat, starts[i], starts[i + 1]) & mask;
            while (table[h] != 0) {
                h = (h + 1) & mask;
            }
            table[h] = i + 1;
        }
    }

    private static int hash(int[] a, int from, int to) {
        int h = 0x2545F491;
        for (int i = from; i < to; i++) {
            h = (h ^ a[i]) * 0x9E3779B1;
            h ^= h >>> 15;
        }
        return h;
    }

    /** Index of the itemset whose sorted codes are {@code key[0..len)}, or -1. */
    int indexOf(int[] key, int len) {
        int h = hash(key, 0, len) & mask;
        while (true) {
            int e = table[h];
            if (e == 0) {
                return -1;
            }
            int s = starts[e - 1];
            if (starts[e] - s == len && Arrays.equals(flat, s, s + len, key, 0, len)) {
                return e - 1;
            }
            h = (h + 1) & mask;
        }
    }

    /**
     * Returns the number of baskets mined, the denominator of support.
     *
     * @return the number of baskets, {@code >= 0}
     */
    public int baskets() {
        return baskets;
    }

    /**
     * Returns the minimum support the itemsets were mined with.
     *
     * @return the minimum support, in (0, 1]
     */
    public double minSupport() {
        return minSupport;
    }

    /**
     * Returns the minimum count, {@link ItemsetMiner#minimumCount(int, double)} of the
     * baskets and the minimum support.
     *
     * @return the minimum count, {@code >= 1}
     */
    public int minCount() {
        return minCount;
    }

    /**
     * Returns the largest itemset size that was searched.
     *
     * @return the maximum length, {@code >= 1}
     */
    public int maxLen() {
        return maxLen;
    }

    /**
     * Returns the number of frequent itemsets.
     *
     * @return the number, {@code >= 0}
     */
    public int size() {
        return counts.length;
    }

    /**
     * Returns the number of frequent items (itemsets of size 1).
     *
     * @return the number, {@code >= 0}
     */
    public int frequentItems() {
        return names.length;
    }

    /**
     * Returns one itemset.
     *
     * @param index the 0-based index
     * @return the itemset, never null
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public Itemset get(int index) {
        Objects.checkIndex(index, size());
        return new Itemset(sortedNames(starts[index], starts[index + 1]), counts[index],
                (double) counts[index] / baskets);
    }

    /**
     * Returns the size of one itemset without materialising it.
     *
     * @param index the 0-based index
     * @return the number of items, {@code >= 1}
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int sizeOf(int index) {
        Objects.checkIndex(index, size());
        return starts[index + 1] - starts[index];
    }

    /**
     * Returns the count of one itemset without materialising it.
     *
     * @param index the 0-based index
     * @return the count, {@code >= minCount()}
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int countOf(int index) {
        Objects.checkIndex(index, size());
        return counts[index];
    }

    /**
     * Passes every itemset to an action, in index order.
     *
     * @param action the action, not null
     */
    public void forEach(Consumer<? super Itemset> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < size(); i++) {
            action.accept(get(i));
        }
    }

    /**
     * Returns the count of an itemset: the number of baskets holding all its items.
     *
     * @param items the items, not null, no null element; empty means every basket
     * @return the count, or empty if the itemset is not among these itemsets (not frequent,
     *     longer than {@link #maxLen()}, or left out by {@link #closed()} or {@link #maximal()})
     */
    public OptionalInt count(Collection<String> items) {
        Objects.requireNonNull(items, "items");
        if (items.isEmpty()) {
            return OptionalInt.of(baskets);
        }
        Map<String, Integer> codes = codeMap();
        int[] key = new int[items.size()];
        int len = 0;
        for (String item : items) {
            Integer c = codes.get(Objects.requireNonNull(item, "item"));
            if (c == null) {
                return OptionalInt.empty();
            }
            key[len++] = c;
        }
        Arrays.sort(key);
        for (int i = 1; i < len; i++) {
            if (key[i] == key[i - 1]) {
                throw new IllegalArgumentException("an item is given twice: " + names[key[i]]);
            }
        }
        int idx = indexOf(key, len);
        return idx < 0 ? OptionalInt.empty() : OptionalInt.of(counts[idx]);
    }

    private Map<String, Integer> codeMap() {
        Map<String, Integer> m = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], i);
        }
        return m;
    }

    /**
     * Returns the closed itemsets: those with no proper superset of the same count among
     * these itemsets (Pasquier, Bastide, Taouil and Lakhal 1999, "Discovering frequent closed
     * itemsets for association rules", ICDT; arules {@code is.closed}). It suffices to look at
     * supersets with one more item: support only falls as items are added.
     *
     * @return the closed itemsets, never null
     * @throws IllegalStateException if these itemsets are themselves a closed or maximal
     *     selection
     */
    public FrequentItemsets closed() {
        return select(true);
    }

    /**
     * Returns the maximal itemsets: those with no proper superset among these frequent
     * itemsets (arules {@code is.maximal}). With a {@link #maxLen()} below the longest
     * frequent itemset, the itemsets of that length are maximal here.
     *
     * @return the maximal itemsets, never null
     * @throws IllegalStateException if these itemsets are themselves a closed or maximal
     *     selection
     */
    public FrequentItemsets maximal() {
        return select(false);
    }

    private FrequentItemsets select(boolean closed) {
        requireComplete();
        int m = size();
        boolean[] dropped = new boolean[m];
        int[] key = new int[Math.max(1, maxLen)];
        for (int w = 0; w < m; w++) {
            int s = starts[w];
            int k = starts[w + 1] - s;
            if (k < 2) {
                continue;
            }
            for (int skip = 0; skip < k; skip++) {
                int len = 0;
                for (int p = 0; p < k; p++) {
                    if (p != skip) {
                        key[len++] = flat[s + p];
                    }
                }
                int sub = indexOf(key, len);
                if (!closed || counts[sub] == counts[w]) {
                    dropped[sub] = true;
                }
            }
        }
        IntList f = new IntList(flat.length);
        IntList st = new IntList(m + 1);
        IntList ct = new IntList(m);
        st.add(0);
        for (int i = 0; i < m; i++) {
            if (!dropped[i]) {
                f.addAll(flat, starts[i], starts[i + 1]);
                st.add(f.size());
                ct.add(counts[i]);
            }
        }
        return new FrequentItemsets(baskets, minSupport, minCount, maxLen, names, itemCounts,
                f.toArray(), st.toArray(), ct.toArray(), false);
    }

    /**
     * Tells whether these are all frequent itemsets up to {@link #maxLen()} (as mined), not a
     * closed or maximal selection; rules need all of them.
     *
     * @return true if complete
     */
    public boolean isComplete() {
        return complete;
    }

    void requireComplete() {
        if (!complete) {
            throw new IllegalStateException("needs all frequent itemsets, not a closed or maximal selection");
        }
    }

    /**
     * Returns every itemset as a list (materialises them all).
     *
     * @return an unmodifiable list in index order, never null
     */
    public List<Itemset> toList() {
        List<Itemset> list = new ArrayList<>(size());
        forEach(list::add);
        return List.copyOf(list);
    }

    /**
     * Returns a summary, {@code FrequentItemsets[itemsets=N, baskets=B, minCount=C]}.
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return "FrequentItemsets[itemsets=" + size() + ", baskets=" + baskets + ", minCount="
                + minCount + "]";
    }

    // --- package-private access for rule generation

    List<String> sortedNames(int from, int to) {
        String[] out = new String[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = names[flat[i]];
        }
        Arrays.sort(out);
        return List.of(out);
    }

    String name(int code) {
        return names[code];
    }

    int itemCount(int code) {
        return itemCounts[code];
    }

    int start(int index) {
        return starts[index];
    }

    int code(int position) {
        return flat[position];
    }

    int rawCount(int index) {
        return counts[index];
    }

    Map<String, Integer> codes() {
        return codeMap();
    }
}
