package org.crmkit.scoring.loyalty;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The brand patterns of every customer of a {@link BrandSequences}, column by column, from
 * {@link BrandPatternClassifier#classify(BrandSequences)}. The reasons of one customer are
 * written on demand by {@link #loyalty(int)}.
 *
 * <pre>{@code
 * BrandPatterns p = BrandPatternClassifier.defaults().classify(sequences);
 * p.pattern(0);                  // e.g. SPLIT
 * p.countByLevel();              // {ABSOLUTE=.., STRONG=.., MEDIUM=.., NONE=..}
 * BrandLoyalty one = p.loyalty(0);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BrandPatterns {

    private final BrandPatternClassifier classifier;
    private final BrandSequences sequences;
    private final byte[] pattern;
    private final float[] share;

    BrandPatterns(BrandPatternClassifier classifier, BrandSequences sequences, byte[] pattern, float[] share) {
        this.classifier = classifier;
        this.sequences = sequences;
        this.pattern = pattern;
        this.share = share;
    }

    /**
     * Returns the number of customers.
     *
     * @return the count, {@code >= 0}
     */
    public int size() {
        return pattern.length;
    }

    /**
     * Returns a customer's id.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the id, never null
     * @throws IndexOutOfBoundsException if out of range
     */
    public String customerId(int i) {
        return sequences.customerId(i);
    }

    /**
     * Returns a customer's pattern.
     *
     * @param i the row
     * @return the pattern, never null
     * @throws IndexOutOfBoundsException if out of range
     */
    public BrandPattern pattern(int i) {
        return BrandPattern.values()[pattern[i]];
    }

    /**
     * Returns a customer's loyalty level.
     *
     * @param i the row
     * @return the level, never null
     * @throws IndexOutOfBoundsException if out of range
     */
    public LoyaltyLevel level(int i) {
        return pattern(i).level();
    }

    /**
     * Returns the share of a customer's leading brand (stored as a float).
     *
     * @param i the row
     * @return the share in [0, 1]
     * @throws IndexOutOfBoundsException if out of range
     */
    public double leadingShare(int i) {
        return share[i];
    }

    /**
     * Returns a customer's number of purchases.
     *
     * @param i the row
     * @return the count, {@code >= 0}
     * @throws IndexOutOfBoundsException if out of range
     */
    public int purchases(int i) {
        return sequences.offsets()[i + 1] - sequences.offsets()[i];
    }

    /**
     * Returns the customer's full result with its reasons, classified again from the sequence.
     *
     * @param i the row
     * @return the loyalty, never null
     * @throws IndexOutOfBoundsException if out of range
     */
    public BrandLoyalty loyalty(int i) {
        int[] offsets = sequences.offsets();
        BrandPatternClassifier.Result r = new BrandPatternClassifier.Result();
        int brands = sequences.brandCount();
        classifier.classify(sequences.brandCodes(), offsets[i], offsets[i + 1], new int[brands + 1],
                new int[brands + 1], r);
        return classifier.toLoyalty(sequences.customerId(i), r, sequences::brandName);
    }

    /**
     * Returns the number of customers per loyalty level, every level present.
     *
     * @return an unmodifiable map in level order, never null
     */
    public Map<LoyaltyLevel, Integer> countByLevel() {
        Map<LoyaltyLevel, Integer> m = new EnumMap<>(LoyaltyLevel.class);
        for (LoyaltyLevel l : LoyaltyLevel.values()) {
            m.put(l, 0);
        }
        for (byte b : pattern) {
            m.merge(BrandPattern.values()[b].level(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Returns the number of customers per pattern, every pattern present.
     *
     * @return an unmodifiable map in pattern order, never null
     */
    public Map<BrandPattern, Integer> countByPattern() {
        Map<BrandPattern, Integer> m = new EnumMap<>(BrandPattern.class);
        for (BrandPattern p : BrandPattern.values()) {
            m.put(p, 0);
        }
        for (byte b : pattern) {
            m.merge(BrandPattern.values()[b], 1, Integer::sum);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "BrandPatterns[" + pattern.length + " customers, " + countByLevel() + "]";
    }
}
