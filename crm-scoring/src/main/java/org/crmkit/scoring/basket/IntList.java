package org.crmkit.scoring.basket;

import java.util.Arrays;

/** A growable array of ints: the compact storage behind baskets and itemsets. Not thread-safe. */
final class IntList {
    private int[] data;
    private int size;

    IntList(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, grow(size));
        }
        data[size++] = v;
    }

    void addAll(int[] values, int from, int to) {
        int len = to - from;
        if (size + len > data.length) {
            data = Arrays.copyOf(data, Math.max(grow(data.length), size + len));
        }
        System.arraycopy(values, from, data, size, len);
        size += len;
    }

    private static int grow(int n) {
        long next = (long) n + (n >> 1) + 16;
        if (next > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 entries");
        }
        return (int) next;
    }

    int get(int i) {
        return data[i];
    }

    void set(int i, int v) {
        data[i] = v;
    }

    int size() {
        return size;
    }

    void truncate(int newSize) {
        size = newSize;
    }

    int[] raw() {
        return data;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
