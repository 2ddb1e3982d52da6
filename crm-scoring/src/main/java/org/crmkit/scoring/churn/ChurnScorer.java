package org.crmkit.scoring.churn;

import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SpendModel;
import org.crmkit.scoring.summary.CustomerSummaries;

/**
 * Scores churn warnings for non-contractual customers from a fitted purchase model: the
 * risk of {@link NoPurchaseRisk} over a window, P(alive), the level of a
 * {@link WarningPolicy} and, with a spend model, the expected value at risk
 * {@code risk x residual lifetime value}, where the residual lifetime value is the model's
 * {@link PurchaseModel#discountedExpectedPurchases discounted expected purchases} over the
 * value horizon times the spend model's {@link SpendModel#conditionalExpectedSpend
 * expected spend per purchase}.
 *
 * <pre>{@code
 * ChurnScorer scorer = ChurnScorer.builder(bgnbd)
 *         .window(39)                                 // weeks, the model's time unit
 *         .spendModel(gammaGamma, 52, 0.002)          // value horizon 52 weeks, 0.2% a week
 *         .build();
 * ChurnScores scores = scorer.score(summaries);
 * List<ChurnWarning> callFirst = scores.watchList(10);
 * ChurnWarning one = scorer.assess("C-1", 3, 10, 38, 25.0, evidence);   // with complaints, surveys...
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is single-threaded. Bulk scoring runs in
 * chunks where the builder's {@link Parallelism} says (default {@link Parallelism#defaults()}).
 */
public final class ChurnScorer {

    private final PurchaseModel model;
    private final double window;
    private final WarningPolicy policy;
    private final SpendModel spend;
    private final int valuePeriods;
    private final double discountRate;
    private final Parallelism parallelism;

    private ChurnScorer(Builder b) {
        this.parallelism = b.parallelism;
        this.model = b.model;
        this.window = b.window;
        this.policy = b.policy;
        this.spend = b.spend;
        this.valuePeriods = b.valuePeriods;
        this.discountRate = b.discountRate;
    }

    /**
     * Returns a builder for the given purchase model.
     *
     * @param model the fitted purchase model, not null
     * @return a new builder, never null
     */
    public static Builder builder(PurchaseModel model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /**
     * Returns the window of the risk.
     *
     * @return the window in the model's time unit, positive
     */
    public double window() {
        return window;
    }

    /**
     * Returns the warning policy.
     *
     * @return the policy, never null
     */
    public WarningPolicy policy() {
        return policy;
    }

    /**
     * Tells whether a spend model was given, so that values at risk are computed.
     *
     * @return true with a spend model
     */
    public boolean hasValue() {
        return spend != null;
    }

    /**
     * Scores every customer of the summaries (weights are ignored: each row is one customer).
     *
     * @param summaries the summaries, not null, with monetary values when a spend model is set
     * @return the scores in row order, never null
     * @throws IllegalArgumentException if a row is invalid for the model (naming the row) or
     *     monetary values are missing with a spend model
     */
    public ChurnScores score(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        if (spend != null && !summaries.hasMonetaryValue()) {
            throw new IllegalArgumentException("the summaries have no monetary_value, needed with a spend model");
        }
        // The summaries hand out fresh copies: score them without a second copy.
        return scoreOwned(summaries.customerIdColumn(), BtydData.frequencies(summaries), summaries.recencyColumn(),
                summaries.tColumn(), spend == null ? null : summaries.monetaryValueColumn());
    }

    /**
     * Scores customers given as columns.
     *
     * @param ids the customer ids, not null, no null element
     * @param x frequencies, not null
     * @param tx recencies, not null
     * @param age ages T, not null
     * @param monetary mean repeat-purchase values, needed with a spend model, else may be null
     * @return the scores in row order, never null
     * @throws IllegalArgumentException if lengths differ, a history is invalid or monetary
     *     values are missing with a spend model
     */
    public ChurnScores score(String[] ids, double[] x, double[] tx, double[] age, double[] monetary) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(age, "age");
        return scoreOwned(ids.clone(), x.clone(), tx.clone(), age.clone(), monetary);
    }

    /** Scores columns this scorer may keep: the caller no longer holds them. */
    private ChurnScores scoreOwned(String[] ids, double[] x, double[] tx, double[] age, double[] monetary) {
        int n = ids.length;
        if (Objects.requireNonNull(x, "x").length != n) {
            throw new IllegalArgumentException("ids " + n + " and x " + x.length + " differ in length");
        }
        if (spend != null && (monetary == null || monetary.length != n)) {
            throw new IllegalArgumentException("monetary values of every customer are needed with a spend model");
        }
        double[] risk = new double[n];
        double[] alive = new double[n];
        NoPurchaseRisk.of(model, window, x, tx, age, risk, alive, parallelism);
        byte[] levels = new byte[n];
        double[] value = spend == null ? null : new double[n];
        parallelism.forEachChunk(n, NoPurchaseRisk.CHUNK, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                levels[i] = (byte) summaryLevel(risk[i], x[i], tx[i], age[i]).ordinal();
                if (value != null) {
                    value[i] = risk[i] * lifetimeValue(x[i], tx[i], age[i], monetary[i]);
                }
            }
        });
        return new ChurnScores(this, ids, x, tx, age, risk, alive, levels, value);
    }

    /** The level from the model risk and the hiatus, the only evidence a summary holds. */
    private WarningLevel summaryLevel(double risk, double x, double tx, double age) {
        WarningLevel level = policy.modelLevel(risk);
        return policy.hasHiatus(x, tx, age) ? level.raise() : level;
    }

    private double lifetimeValue(double x, double tx, double age, double monetary) {
        double perPurchase = spend.conditionalExpectedSpend(x, x > 0 ? monetary : 0);
        double v = perPurchase * model.discountedExpectedPurchases(valuePeriods, discountRate, x, tx, age);
        return Double.isFinite(v) && v > 0 ? v : 0;
    }

    /**
     * Assesses one customer with all the evidence of its record.
     *
     * @param customerId the customer's id, not null
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @param monetary mean repeat-purchase value (used with a spend model; 0 when x = 0)
     * @param evidence complaints, surveys, consent, recent purchases, not null
     * @return the warning, never null
     * @throws IllegalArgumentException if the history is invalid
     */
    public ChurnWarning assess(String customerId, double x, double tx, double age, double monetary,
            ChurnEvidence evidence) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(evidence, "evidence");
        double risk = NoPurchaseRisk.of(model, window, x, tx, age);
        double alive = model.probabilityAlive(x, tx, age);
        ChurnAssessment a = policy.assess(risk, alive, window, x, tx, age, evidence);
        OptionalDouble value = spend == null ? OptionalDouble.empty()
                : OptionalDouble.of(risk * lifetimeValue(x, tx, age, monetary));
        return new ChurnWarning(customerId, risk, alive, a, value);
    }

    @Override
    public String toString() {
        return "ChurnScorer[" + model + ", window " + window + ", " + policy
                + (spend == null ? "" : ", value " + spend + " over " + valuePeriods + " at " + discountRate) + "]";
    }

    /** Builds a {@link ChurnScorer}; single-threaded, each option at most once. */
    public static final class Builder {
        private final PurchaseModel model;
        private double window = Double.NaN;
        private WarningPolicy policy = WarningPolicy.defaults();
        private SpendModel spend;
        private int valuePeriods;
        private double discountRate;
        private Parallelism parallelism = Parallelism.defaults();
        private final Set<String> set = new HashSet<>();

        private Builder(PurchaseModel model) {
            this.model = model;
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " is already set");
            }
        }

        /**
         * Sets the window of the risk (required).
         *
         * @param t the window in the model's time unit, positive and finite (whole for BG/BB)
         * @return this builder
         * @throws IllegalArgumentException if not positive and finite
         * @throws IllegalStateException if already set
         */
        public Builder window(double t) {
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("window " + t + " is not positive and finite");
            }
            once("window");
            this.window = t;
            return this;
        }

        /**
         * Sets the warning policy (default {@link WarningPolicy#defaults()}).
         *
         * @param p the policy, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder policy(WarningPolicy p) {
            Objects.requireNonNull(p, "policy");
            once("policy");
            this.policy = p;
            return this;
        }

        /**
         * Adds a spend model so that each customer gets a value at risk.
         *
         * @param model the spend model, not null
         * @param periods the value horizon in whole time units, {@code >= 1}
         * @param rate the discount rate per time unit, finite and {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if the horizon or the rate is invalid
         * @throws IllegalStateException if already set
         */
        public Builder spendModel(SpendModel model, int periods, double rate) {
            Objects.requireNonNull(model, "model");
            if (periods < 1) {
                throw new IllegalArgumentException("value horizon " + periods + " is not >= 1");
            }
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("discount rate " + rate + " is not finite and >= 0");
            }
            once("spendModel");
            this.spend = model;
            this.valuePeriods = periods;
            this.discountRate = rate;
            return this;
        }

        /**
         * Sets where bulk scoring runs (default {@link Parallelism#defaults()}).
         *
         * @param p the setting, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder parallelism(Parallelism p) {
            Objects.requireNonNull(p, "parallelism");
            once("parallelism");
            this.parallelism = p;
            return this;
        }

        /**
         * Builds the scorer.
         *
         * @return the scorer, never null
         * @throws IllegalStateException if no window was set
         */
        public ChurnScorer build() {
            if (Double.isNaN(window)) {
                throw new IllegalStateException("window is not set");
            }
            return new ChurnScorer(this);
        }
    }
}
