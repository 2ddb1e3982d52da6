package org.crmkit.scoring.loyalty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Loyal-customer identification (忠诚顾客识别): places each customer in one of Dick and
 * Basu's (1994) four cells ({@link LoyaltyCell}) by crossing repeat patronage with relative
 * attitude, and says why.
 *
 * <p><b>Repeat patronage is high</b> when every known item passes (defaults in brackets):
 * repeat purchases at least {@code minRepeatPurchases} [2]; tenure at least
 * {@code minTenure} [0]; P(alive), when known, at least {@code minProbabilityAlive} [0.5];
 * share of wallet, when known, at least {@code minShareOfWallet} [0.5].
 *
 * <p><b>Attitude is high</b> for a net-promoter answer of 9 or 10 (a promoter, Reichheld
 * 2003, "The one number you need to grow", Harvard Business Review 81(12)) and low for 0..6
 * (a detractor). For a passive answer (7, 8) or without an answer the latest satisfaction
 * {@code C = b / a} decides: at least {@code minSatisfaction} [1.0, expectations met] is
 * high; a passive without a satisfaction counts as low. With neither an answer nor a
 * satisfaction the cell is {@link LoyaltyCell#UNDETERMINED}. The behavioural brand level,
 * when known, is reported among the reasons.
 *
 * <pre>{@code
 * LoyaltyIdentifier id = LoyaltyIdentifier.defaults();
 * LoyaltyAssessment a = id.assess(LoyaltyEvidence.builder("C-1", 6, 52).npsAnswer(10).build());
 * a.cell();                                          // TRUE_LOYALTY
 * LoyaltyReport report = id.assessAll(evidenceOfAllCustomers);
 * report.loyalCustomers();                           // the true-loyalty list
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is single-threaded.
 */
public final class LoyaltyIdentifier {

    private static final LoyaltyIdentifier DEFAULTS = builder().build();

    private final int minRepeat;
    private final double minTenure;
    private final double minAlive;
    private final double minShare;
    private final double minSatisfaction;

    private LoyaltyIdentifier(Builder b) {
        this.minRepeat = b.minRepeat;
        this.minTenure = b.minTenure;
        this.minAlive = b.minAlive;
        this.minShare = b.minShare;
        this.minSatisfaction = b.minSatisfaction;
    }

    /**
     * Returns the identifier with the defaults of the class comment.
     *
     * @return the identifier, never null
     */
    public static LoyaltyIdentifier defaults() {
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
     * Assesses one customer.
     *
     * @param e the customer's evidence, not null
     * @return the cell with its reasons, never null
     */
    public LoyaltyAssessment assess(LoyaltyEvidence e) {
        Objects.requireNonNull(e, "evidence");
        List<String> reasons = new ArrayList<>();
        boolean patronage = true;
        boolean ok = e.repeatPurchases() >= minRepeat;
        patronage &= ok;
        reasons.add(e.repeatPurchases() + " repeat purchases " + (ok ? ">= " : "< ") + minRepeat);
        if (minTenure > 0) {
            ok = e.tenure() >= minTenure;
            patronage &= ok;
            reasons.add("tenure " + number(e.tenure()) + (ok ? " >= " : " < ") + number(minTenure));
        }
        if (e.probabilityAlive().isPresent()) {
            double p = e.probabilityAlive().getAsDouble();
            ok = p >= minAlive;
            patronage &= ok;
            reasons.add(String.format(Locale.ROOT, "P(alive) %.2f %s %.2f", p, ok ? ">=" : "<", minAlive));
        }
        if (e.shareOfWallet().isPresent()) {
            double s = e.shareOfWallet().getAsDouble();
            ok = s >= minShare;
            patronage &= ok;
            reasons.add(String.format(Locale.ROOT, "share of wallet %.0f%% %s %.0f%%", s * 100, ok ? ">=" : "<",
                    minShare * 100));
        }
        e.brandLevel().ifPresent(l -> reasons.add("brand loyalty " + l.label()));
        Optional<Boolean> attitude = Optional.empty();
        if (e.npsAnswer().isPresent() && e.npsAnswer().getAsInt() >= 9) {
            attitude = Optional.of(true);
            reasons.add("NPS answer " + e.npsAnswer().getAsInt() + ": promoter");
        } else if (e.npsAnswer().isPresent() && e.npsAnswer().getAsInt() <= 6) {
            attitude = Optional.of(false);
            reasons.add("NPS answer " + e.npsAnswer().getAsInt() + ": detractor");
        } else if (e.satisfaction().isPresent()) {
            double c = e.satisfaction().getAsDouble();
            attitude = Optional.of(c >= minSatisfaction);
            reasons.add((e.npsAnswer().isPresent() ? "NPS answer " + e.npsAnswer().getAsInt() + ": passive; " : "")
                    + String.format(Locale.ROOT, "satisfaction C = b/a %.2f %s %.2f", c,
                    c >= minSatisfaction ? ">=" : "<", minSatisfaction));
        } else if (e.npsAnswer().isPresent()) {
            attitude = Optional.of(false);
            reasons.add("NPS answer " + e.npsAnswer().getAsInt() + ": passive, no satisfaction survey");
        } else {
            reasons.add("no NPS answer or satisfaction survey: attitude unknown");
        }
        boolean high = patronage;
        LoyaltyCell cell = attitude.map(a -> LoyaltyCell.of(a, high)).orElse(LoyaltyCell.UNDETERMINED);
        return new LoyaltyAssessment(e.customerId(), cell, patronage, attitude, reasons);
    }

    /**
     * Assesses many customers.
     *
     * @param evidence one entry per customer, not null, no null element
     * @return the report, never null
     */
    public LoyaltyReport assessAll(Collection<LoyaltyEvidence> evidence) {
        Objects.requireNonNull(evidence, "evidence");
        List<LoyaltyAssessment> all = new ArrayList<>(evidence.size());
        List<LoyaltyEvidence> inputs = new ArrayList<>(evidence.size());
        for (LoyaltyEvidence e : evidence) {
            all.add(assess(e));
            inputs.add(e);
        }
        return new LoyaltyReport(inputs, all);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public String toString() {
        return "LoyaltyIdentifier[repeat >= " + minRepeat + ", tenure >= " + minTenure + ", P(alive) >= " + minAlive
                + ", share >= " + minShare + ", satisfaction >= " + minSatisfaction + "]";
    }

    /** Builds a {@link LoyaltyIdentifier}; single-threaded, each option at most once. */
    public static final class Builder {
        private int minRepeat = 2;
        private double minTenure;
        private double minAlive = 0.5;
        private double minShare = 0.5;
        private double minSatisfaction = 1.0;
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " is already set");
            }
        }

        /**
         * Sets the fewest repeat purchases of high patronage.
         *
         * @param n {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder minRepeatPurchases(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("min repeat purchases " + n + " is negative");
            }
            once("minRepeatPurchases");
            this.minRepeat = n;
            return this;
        }

        /**
         * Sets the shortest tenure of high patronage.
         *
         * @param t finite and {@code >= 0}, in the evidence's time unit
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minTenure(double t) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("min tenure " + t + " is not finite and >= 0");
            }
            once("minTenure");
            this.minTenure = t;
            return this;
        }

        /**
         * Sets the lowest P(alive) of high patronage.
         *
         * @param p in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minProbabilityAlive(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("min P(alive) " + p + " is not in [0, 1]");
            }
            once("minProbabilityAlive");
            this.minAlive = p;
            return this;
        }

        /**
         * Sets the lowest share of wallet of high patronage.
         *
         * @param s in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minShareOfWallet(double s) {
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("min share of wallet " + s + " is not in [0, 1]");
            }
            once("minShareOfWallet");
            this.minShare = s;
            return this;
        }

        /**
         * Sets the lowest satisfaction C = b/a of a high attitude.
         *
         * @param c finite and positive
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minSatisfaction(double c) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("min satisfaction " + c + " is not positive and finite");
            }
            once("minSatisfaction");
            this.minSatisfaction = c;
            return this;
        }

        /**
         * Builds the identifier.
         *
         * @return the identifier, never null
         */
        public LoyaltyIdentifier build() {
            return new LoyaltyIdentifier(this);
        }
    }
}
