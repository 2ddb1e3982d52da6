package org.crmkit.scoring.summary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Customer ids as UTF-8 bytes in one array, indexed densely in order of first addition,
 * with an open-addressing hash table over the bytes.
 *
 * <p>Why not {@code String[]} and a {@code HashMap<String, Integer>}: at millions of
 * customers the objects (a String, its byte array, a map node and a boxed index per id,
 * about 120 bytes) dominate both the heap and the collector's work, which grows with the
 * live set and made reading 10 million transactions ten times slower than 1 million.
 * Here an id costs its bytes, one offset and about two table slots (about 28 bytes for
 * an 8-character id), no object is created per id, and a {@code String} is made only
 * when one is asked for.
 *
 * <p>Ids are compared as bytes; the readers validate UTF-8 before they get here, so equal
 * bytes means equal text. Not thread-safe while ids are added; once the owner stops
 * adding, reads are safe to share (the owners publish it through final fields).
 */
final class IdDictionary {
    private static final int MAX_BYTES = Integer.MAX_VALUE - 16;

    private byte[] bytes;
    private int used;
    private int[] offsets;
    private int size;
    // slot -> (hash << 32) | (index + 1); 0 is empty. Null in a read-only (compacted) dictionary.
    // The hash beside the index lets a probe skip an occupied slot without reading that id's
    // bytes: at millions of ids each such read was a cache miss, and comparing ids was most
    // of the time of reading 10 million transactions.
    private long[] table;
    private int mask;

    IdDictionary(int expectedIds) {
        int capacity = Math.max(16, expectedIds);
        bytes = new byte[Math.max(64, capacity * 8)];
        offsets = new int[capacity + 1];
        int slots = Integer.highestOneBit(Math.max(32, capacity * 2 - 1)) << 1;
        table = new long[slots];
        mask = slots - 1;
    }

    private IdDictionary(byte[] bytes, int[] offsets, int size) {
        this.bytes = bytes;
        this.used = offsets[size];
        this.offsets = offsets;
        this.size = size;
    }

    /**
     * Builds a dictionary of distinct ids.
     *
     * @throws IllegalArgumentException naming the first id that repeats, and its position
     */
    static IdDictionary of(String[] ids, String what) {
        IdDictionary d = new IdDictionary(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                throw new NullPointerException(what + "[" + i + "]");
            }
            if (d.addIfAbsent(ids[i]) < 0) {
                throw new IllegalArgumentException("duplicate customer id '" + ids[i] + "' at "
                        + what + "[" + i + "]");
            }
        }
        return d;
    }

    int size() {
        return size;
    }

    String get(int i) {
        int s = offsets[i];
        return new String(bytes, s, offsets[i + 1] - s, StandardCharsets.UTF_8);
    }

    int start(int i) {
        return offsets[i];
    }

    int end(int i) {
        return offsets[i + 1];
    }

    byte[] bytes() {
        return bytes;
    }

    String[] toArray() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** Returns the index of the id, adding it if new. */
    int intern(byte[] b, int s, int e) {
        int r = addIfAbsent(b, s, e);
        return r >= 0 ? r : -1 - r;
    }

    /** Adds the id and returns its index, or returns {@code -1 - index} if it is present. */
    int addIfAbsent(byte[] b, int s, int e) {
        int h = hash(b, s, e);
        int slot = h & mask;
        long tag = (long) h << 32;
        while (true) {
            long v = table[slot];
            if (v == 0) {
                return insert(b, s, e, slot, tag);
            }
            if ((v & 0xFFFF_FFFF_0000_0000L) == tag && equalsAt((int) v - 1, b, s, e)) {
                return -(int) v;
            }
            slot = (slot + 1) & mask;
        }
    }

    int addIfAbsent(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return addIfAbsent(b, 0, b.length);
    }

    int intern(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return intern(b, 0, b.length);
    }

    /** Tells whether id {@code index} is the bytes {@code b[s, e)}. */
    boolean sameAs(int index, byte[] b, int s, int e) {
        return equalsAt(index, b, s, e);
    }

    private boolean equalsAt(int index, byte[] b, int s, int e) {
        int is = offsets[index];
        int ie = offsets[index + 1];
        return ie - is == e - s && Arrays.equals(bytes, is, ie, b, s, e);
    }

    private int insert(byte[] b, int s, int e, int slot, long tag) {
        int len = e - s;
        if (used + len > bytes.length) {
            long want = Math.max((long) bytes.length * 3 / 2, (long) used + len);
            if (want > MAX_BYTES) {
                if ((long) used + len > MAX_BYTES) {
                    throw new IllegalStateException("customer ids exceed 2 GB");
                }
                want = MAX_BYTES;
            }
            bytes = Arrays.copyOf(bytes, (int) want);
        }
        System.arraycopy(b, s, bytes, used, len);
        used += len;
        if (size + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, (int) Math.min(Integer.MAX_VALUE - 8,
                    (long) offsets.length * 3 / 2 + 1));
        }
        int index = size++;
        offsets[size] = used;
        table[slot] = tag | (index + 1);
        if (size * 2L > table.length) {
            rehash();
        }
        return index;
    }

    /**
     * Makes room for {@code ids} ids in all, so that adding up to that many moves the table
     * once, not once per doubling (at millions of ids each move is a cache miss per id).
     */
    void reserve(int ids) {
        if (ids > offsets.length - 1) {
            offsets = Arrays.copyOf(offsets, ids + 1);
        }
        if ((long) ids * 2 > table.length) {
            resize(Integer.highestOneBit((int) Math.min(1 << 30, (long) ids * 2 - 1)) << 1);
        }
    }

    private void rehash() {
        resize(table.length * 2);
    }

    /** Moves the table to {@code length} slots, a power of two above the number of ids. */
    private void resize(int length) {
        long[] t = new long[length];
        int m = t.length - 1;
        for (long v : table) {
            if (v != 0) {
                int slot = (int) (v >>> 32) & m;
                while (t[slot] != 0) {
                    slot = (slot + 1) & m;
                }
                t[slot] = v;
            }
        }
        table = t;
        mask = m;
    }

    private static int hash(byte[] b, int s, int e) {
        int h = 0x9747b28c;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        // MurmurHash3's 32-bit finaliser (Appleby): every input bit reaches the low bits,
        // which pick the slot. With a single multiply, the polynomial sums of numbered ids
        // ("0000001", "0000002", ...) stayed clustered and linear probing ran long chains:
        // 10 million CDNOW-style rows spent most of their time comparing ids.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** A read-only copy holding the ids with {@code keep[i]} in order. */
    IdDictionary subset(boolean[] keep, int kept) {
        int[] off = new int[kept + 1];
        int total = 0;
        int r = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                total += offsets[i + 1] - offsets[i];
                off[++r] = total;
            }
        }
        byte[] b = new byte[total];
        r = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                int len = offsets[i + 1] - offsets[i];
                System.arraycopy(bytes, offsets[i], b, off[r], len);
                r++;
            }
        }
        return new IdDictionary(b, off, kept);
    }

    /** A read-only copy trimmed to size; the lookup table is dropped. */
    IdDictionary trimmed() {
        return new IdDictionary(Arrays.copyOf(bytes, used), Arrays.copyOf(offsets, size + 1), size);
    }

    /** Bytes held by the arrays (ids, offsets, table). */
    long heapBytes() {
        return bytes.length + 4L * offsets.length + (table == null ? 0 : 8L * table.length);
    }
}
