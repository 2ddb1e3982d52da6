package org.crmkit.scoring.loyalty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.scoring.Parallelism;

/**
 * Classifies a customer's brand sequence into a {@link BrandPattern} and so a
 * {@link LoyaltyLevel}.
 *
 * <p>With {@code n} purchases in date order, {@code share} the leading brand's share,
 * {@code runs} the number of maximal runs of one brand ({@code AABABB} has 4) and the
 * <em>final run</em> the run that ends the sequence, the rules are tried in this order
 * (defaults in brackets, each configurable through {@link #builder()}):
 * <ol>
 *   <li>{@code n < minPurchases} [3]: {@link BrandPattern#UNDETERMINED};</li>
 *   <li>{@code share >= hardCoreShare} [0.9]: {@link BrandPattern#HARD_CORE} (one brand
 *       throughout, allowing one odd purchase in ten);</li>
 *   <li>shifting: {@code runs <= maxShiftRuns} [3], the final run has at least
 *       {@code minNewRun} [2] purchases (the switch is recent and confirmed), and before it
 *       at least 2 purchases of which another brand has a share of at least
 *       {@code shiftDominance} [0.75]: {@link BrandPattern#SHIFTING} ({@code AAABBB});</li>
 *   <li>split: the two (or else three) leading brands cover at least
 *       {@code splitCoverage} [0.9] of the purchases, each of them bought at least twice,
 *       and the sequence alternates ({@code runs >= 3}): {@link BrandPattern#SPLIT}
 *       ({@code AABABB}, {@code ABCABC});</li>
 *   <li>otherwise {@link BrandPattern#SWITCHER} ({@code ABCDBD}).</li>
 * </ol>
 *
 * <pre>{@code
 * BrandPatternClassifier c = BrandPatternClassifier.defaults();
 * c.classify("C-1", List.of("A", "A", "A", "B", "B", "B")).pattern();   // SHIFTING
 * BrandPatterns all = c.classify(sequences);                             // bulk, columnar
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is single-threaded. The bulk method works in
 * chunks of customers where its {@link Parallelism} says.
 */
public final class BrandPatternClassifier {

    static final int CHUNK = 1 << 13;
    private static final BrandPatternClassifier DEFAULTS = builder().build();

    private final int minPurchases;
    private final double hardCoreShare;
    private final int maxShiftRuns;
    private final int minNewRun;
    private final double shiftDominance;
    private final double splitCoverage;

    private BrandPatternClassifier(Builder b) {
        this.minPurchases = b.minPurchases;
        this.hardCoreShare = b.hardCoreShare;
        this.maxShiftRuns = b.maxShiftRuns;
        this.minNewRun = b.minNewRun;
        this.shiftDominance = b.shiftDominance;
        this.splitCoverage = b.splitCoverage;
    }

    /**
     * Returns the classifier with the default thresholds of the class comment.
     *
     * @return the classifier, never null
     */
    public static BrandPatternClassifier defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Classifies one customer's brands in date order.
     *
     * @param customerId the customer, not null
     * @param brands the brands of the purchases in date order, not null, no null element
     * @return the loyalty with its reasons, never null
     */
    public BrandLoyalty classify(String customerId, List<String> brands) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(brands, "brands");
        Map<String, Integer> codes = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] seq = new int[brands.size()];
        for (int i = 0; i < seq.length; i++) {
            String b = Objects.requireNonNull(brands.get(i), "brand");
            seq[i] = codes.computeIfAbsent(b, k -> {
                names.add(k);
                return names.size() - 1;
            });
        }
        Result r = new Result();
        classify(seq, 0, seq.length, new int[names.size() + 1], new int[names.size() + 1], r);
        return toLoyalty(customerId, r, names::get);
    }

    /**
     * Classifies every customer of the sequences with the default {@link Parallelism}.
     *
     * @param sequences the customers' brand sequences, not null
     * @return the patterns, row for row, never null
     */
    public BrandPatterns classify(BrandSequences sequences) {
        return classify(sequences, Parallelism.defaults());
    }

    /**
     * Classifies every customer of the sequences, in chunks where the {@link Parallelism} says.
     *
     * @param sequences the customers' brand sequences, not null
     * @param parallelism where the work runs, not null
     * @return the patterns, row for row, never null
     */
    public BrandPatterns classify(BrandSequences sequences, Parallelism parallelism) {
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(parallelism, "parallelism");
        int n = sequences.size();
        int[] offsets = sequences.offsets();
        int[] codes = sequences.brandCodes();
        byte[] pattern = new byte[n];
        float[] share = new float[n];
        int brands = sequences.brandCount();
        parallelism.forEachChunk(n, CHUNK, (c, from, to) -> {
            int[] count = new int[brands + 1];
            int[] last = new int[brands + 1];
            Result r = new Result();
            for (int i = from; i < to; i++) {
                classify(codes, offsets[i], offsets[i + 1], count, last, r);
                pattern[i] = (byte) r.pattern.ordinal();
                share[i] = (float) r.share;
            }
        });
        return new BrandPatterns(this, sequences, pattern, share);
    }

    /** Scratch result of one classification. */
    static final class Result {
        BrandPattern pattern;
        int purchases;
        int leading;
        double share;
        int runs;
        int distinct;
        double coverage;
        int covering;
        int previousBrand;
        int finalBrand;
        int finalRun;
        int earlierLength;
        double earlierShare;
    }

    /**
     * Classifies codes[from, to); count and last are zero-filled scratch arrays indexed by
     * brand code (left zero-filled again).
     */
    void classify(int[] codes, int from, int to, int[] count, int[] last, Result r) {
        int n = to - from;
        r.purchases = n;
        r.runs = 0;
        r.leading = n == 0 ? -1 : codes[to - 1];
        r.share = 0;
        r.distinct = 0;
        r.coverage = 0;
        r.covering = 0;
        r.previousBrand = -1;
        r.finalBrand = -1;
        r.finalRun = 0;
        r.earlierLength = 0;
        r.earlierShare = 0;
        if (n == 0) {
            r.pattern = BrandPattern.UNDETERMINED;
            return;
        }
        int top1 = 0;
        int top2 = 0;
        int top3 = 0;
        int leadingCount = 0;
        int leadingLast = -1;
        for (int i = from; i < to; i++) {
            int b = codes[i];
            if (i == from || b != codes[i - 1]) {
                r.runs++;
            }
            if (count[b] == 0) {
                r.distinct++;
            }
            count[b]++;
            last[b] = i;
        }
        // leading brand (the latest bought on a tie) and the three largest counts
        for (int i = from; i < to; i++) {
            int b = codes[i];
            int k = count[b];
            if (k < 0) {
                continue; // already visited
            }
            if (k > leadingCount || (k == leadingCount && last[b] > leadingLast)) {
                leadingCount = k;
                leadingLast = last[b];
                r.leading = b;
            }
            if (k > top1) {
                top3 = top2;
                top2 = top1;
                top1 = k;
            } else if (k > top2) {
                top3 = top2;
                top2 = k;
            } else if (k > top3) {
                top3 = k;
            }
            count[b] = -k; // mark visited, keep the count
        }
        r.share = (double) leadingCount / n;
        // the final run and the brand share before it
        int finalBrand = codes[to - 1];
        r.finalBrand = finalBrand;
        int start = to - 1;
        while (start > from && codes[start - 1] == finalBrand) {
            start--;
        }
        r.finalRun = to - start;
        r.earlierLength = start - from;
        int earlierTop = 0;
        for (int i = from; i < start; i++) {
            int b = codes[i];
            last[b] = 0; // reuse last[] as the count of the earlier part
        }
        for (int i = from; i < start; i++) {
            int b = codes[i];
            last[b]++;
            if (last[b] > earlierTop) {
                earlierTop = last[b];
                r.previousBrand = b;
            }
        }
        r.earlierShare = r.earlierLength == 0 ? 0 : (double) earlierTop / r.earlierLength;
        for (int i = from; i < to; i++) {
            count[codes[i]] = 0;
            last[codes[i]] = 0;
        }
        if (n < minPurchases) {
            r.pattern = BrandPattern.UNDETERMINED;
            return;
        }
        if (r.share >= hardCoreShare) {
            r.pattern = BrandPattern.HARD_CORE;
            return;
        }
        if (r.runs <= maxShiftRuns && r.finalRun >= minNewRun && r.earlierLength >= 2
                && r.previousBrand != finalBrand && r.earlierShare >= shiftDominance) {
            r.pattern = BrandPattern.SHIFTING;
            return;
        }
        if (r.runs >= 3) {
            if (top2 >= 2 && (double) (top1 + top2) / n >= splitCoverage) {
                r.covering = 2;
                r.coverage = (double) (top1 + top2) / n;
                r.pattern = BrandPattern.SPLIT;
                return;
            }
            if (top3 >= 2 && (double) (top1 + top2 + top3) / n >= splitCoverage) {
                r.covering = 3;
                r.coverage = (double) (top1 + top2 + top3) / n;
                r.pattern = BrandPattern.SPLIT;
                return;
            }
        }
        r.covering = Math.min(3, r.distinct);
        r.coverage = (double) (top1 + top2 + top3) / n;
        r.pattern = BrandPattern.SWITCHER;
    }

    BrandLoyalty toLoyalty(String customerId, Result r, java.util.function.IntFunction<String> name) {
        String leading = r.leading < 0 ? "" : name.apply(r.leading);
        String reason = switch (r.pattern) {
            case UNDETERMINED -> r.purchases + " purchase(s), fewer than " + minPurchases;
            case HARD_CORE -> String.format(Locale.ROOT, "'%s' has %s of %d purchases (>= %s)", leading,
                    percent(r.share), r.purchases, percent(hardCoreShare));
            case SHIFTING -> String.format(Locale.ROOT, "moved from '%s' (%s of the first %d) to '%s' for the last %d",
                    name.apply(r.previousBrand), percent(r.earlierShare), r.earlierLength, leadingOfFinal(r, name),
                    r.finalRun);
            case SPLIT -> String.format(Locale.ROOT, "%d brands cover %s of %d purchases, alternating in %d runs",
                    r.covering, percent(r.coverage), r.purchases, r.runs);
            case SWITCHER -> String.format(Locale.ROOT,
                    "%d brands in %d runs; '%s' leads with %s; the top %d cover %s (< %s)", r.distinct, r.runs,
                    leading, percent(r.share), r.covering, percent(r.coverage), percent(splitCoverage));
        };
        return new BrandLoyalty(customerId, r.pattern, leading, r.share, r.purchases, r.runs, List.of(reason));
    }

    private static String leadingOfFinal(Result r, java.util.function.IntFunction<String> name) {
        return r.finalBrand >= 0 ? name.apply(r.finalBrand) : "";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    @Override
    public String toString() {
        return "BrandPatternClassifier[min purchases " + minPurchases + ", hard-core share " + hardCoreShare
                + ", shift runs <= " + maxShiftRuns + ", new run >= " + minNewRun + ", shift dominance "
                + shiftDominance + ", split coverage " + splitCoverage + "]";
    }

    /** Builds a {@link BrandPatternClassifier}; single-threaded, each option at most once. */
    public static final class Builder {
        private int minPurchases = 3;
        private double hardCoreShare = 0.9;
        private int maxShiftRuns = 3;
        private int minNewRun = 2;
        private double shiftDominance = 0.75;
        private double splitCoverage = 0.9;
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " is already set");
            }
        }

        private static double share(String what, double v) {
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException(what + " " + v + " is not in (0, 1]");
            }
            return v;
        }

        /**
         * Sets the fewest purchases a pattern needs.
         *
         * @param n at least 2
         * @return this builder
         * @throws IllegalArgumentException if n is below 2
         * @throws IllegalStateException if already set
         */
        public Builder minPurchases(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("min purchases " + n + " is below 2");
            }
            once("minPurchases");
            this.minPurchases = n;
            return this;
        }

        /**
         * Sets the leading-brand share of a hard-core customer.
         *
         * @param share in (0.5, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder hardCoreShare(double share) {
            if (!(share > 0.5)) {
                throw new IllegalArgumentException("hard-core share " + share + " is not above 0.5");
            }
            once("hardCoreShare");
            this.hardCoreShare = share("hard-core share", share);
            return this;
        }

        /**
         * Sets the shifting rule: at most {@code maxRuns} runs, a final run of at least
         * {@code minNewRun} purchases, and a share of at least {@code dominance} of the
         * previous brand before it.
         *
         * @param maxRuns at least 2
         * @param newRun at least 1
         * @param dominance in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder shifting(int maxRuns, int newRun, double dominance) {
            if (maxRuns < 2 || newRun < 1) {
                throw new IllegalArgumentException("shifting runs " + maxRuns + " / new run " + newRun + " too small");
            }
            once("shifting");
            this.maxShiftRuns = maxRuns;
            this.minNewRun = newRun;
            this.shiftDominance = share("shift dominance", dominance);
            return this;
        }

        /**
         * Sets the share that two or three leading brands must cover for a split pattern.
         *
         * @param coverage in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder splitCoverage(double coverage) {
            once("splitCoverage");
            this.splitCoverage = share("split coverage", coverage);
            return this;
        }

        /**
         * Builds the classifier.
         *
         * @return the classifier, never null
         */
        public BrandPatternClassifier build() {
            return new BrandPatternClassifier(this);
        }
    }
}
