package org.crmkit.scoring.loyalty;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What is known about one customer for {@link LoyaltyIdentifier}: behaviour (repeat
 * purchases, tenure, P(alive), share of wallet, the behavioural brand loyalty) and attitude
 * (the latest net-promoter answer, the latest satisfaction {@code C = b / a}). Unknown
 * items are empty and are left out of the rules.
 *
 * <pre>{@code
 * LoyaltyEvidence e = LoyaltyEvidence.builder("C-1", 6, 52)
 *         .probabilityAlive(0.92).npsAnswer(9).satisfaction(1.1)
 *         .brandLevel(LoyaltyLevel.STRONG).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is single-threaded.
 *
 * @param customerId the customer, not null
 * @param repeatPurchases repeat purchases, {@code >= 0}
 * @param tenure time since the first purchase, in the caller's time unit, {@code >= 0}
 * @param probabilityAlive the purchase model's P(alive), in [0, 1], if known
 * @param shareOfWallet the share of the customer's category purchases made with us, in [0, 1], if known
 * @param brandLevel the behavioural loyalty level of the brand sequence, if known
 * @param npsAnswer the latest "would you recommend us" answer 0..10, if known
 * @param satisfaction the latest satisfaction C = b/a, {@code >= 0}, if known
 */
public record LoyaltyEvidence(String customerId, int repeatPurchases, double tenure, OptionalDouble probabilityAlive,
        OptionalDouble shareOfWallet, Optional<LoyaltyLevel> brandLevel, OptionalInt npsAnswer,
        OptionalDouble satisfaction) {

    /** @throws IllegalArgumentException if a value is out of range */
    public LoyaltyEvidence {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(probabilityAlive, "probabilityAlive");
        Objects.requireNonNull(shareOfWallet, "shareOfWallet");
        Objects.requireNonNull(brandLevel, "brandLevel");
        Objects.requireNonNull(npsAnswer, "npsAnswer");
        Objects.requireNonNull(satisfaction, "satisfaction");
        if (repeatPurchases < 0 || !(tenure >= 0) || Double.isInfinite(tenure)) {
            throw new IllegalArgumentException("repeat purchases " + repeatPurchases + " or tenure " + tenure
                    + " out of range");
        }
        probability("probabilityAlive", probabilityAlive);
        probability("shareOfWallet", shareOfWallet);
        if (npsAnswer.isPresent() && (npsAnswer.getAsInt() < 0 || npsAnswer.getAsInt() > 10)) {
            throw new IllegalArgumentException("NPS answer " + npsAnswer.getAsInt() + " is not in 0..10");
        }
        if (satisfaction.isPresent() && (!(satisfaction.getAsDouble() >= 0)
                || Double.isInfinite(satisfaction.getAsDouble()))) {
            throw new IllegalArgumentException("satisfaction " + satisfaction.getAsDouble() + " is not finite and >= 0");
        }
    }

    private static void probability(String name, OptionalDouble p) {
        if (p.isPresent() && !(p.getAsDouble() >= 0 && p.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(name + " " + p.getAsDouble() + " is not in [0, 1]");
        }
    }

    /**
     * Returns a builder with the behaviour every customer has.
     *
     * @param customerId the customer, not null
     * @param repeatPurchases repeat purchases, {@code >= 0}
     * @param tenure time since the first purchase, {@code >= 0}
     * @return a new builder, never null
     */
    public static Builder builder(String customerId, int repeatPurchases, double tenure) {
        return new Builder(customerId, repeatPurchases, tenure);
    }

    /** Builds {@link LoyaltyEvidence}; single-threaded. */
    public static final class Builder {
        private final String customerId;
        private final int repeatPurchases;
        private final double tenure;
        private OptionalDouble alive = OptionalDouble.empty();
        private OptionalDouble share = OptionalDouble.empty();
        private Optional<LoyaltyLevel> level = Optional.empty();
        private OptionalInt nps = OptionalInt.empty();
        private OptionalDouble satisfaction = OptionalDouble.empty();

        private Builder(String customerId, int repeatPurchases, double tenure) {
            this.customerId = Objects.requireNonNull(customerId, "customerId");
            this.repeatPurchases = repeatPurchases;
            this.tenure = tenure;
        }

        /**
         * Sets P(alive).
         *
         * @param p in [0, 1]
         * @return this builder
         */
        public Builder probabilityAlive(double p) {
            this.alive = OptionalDouble.of(p);
            return this;
        }

        /**
         * Sets the share of wallet.
         *
         * @param s in [0, 1]
         * @return this builder
         */
        public Builder shareOfWallet(double s) {
            this.share = OptionalDouble.of(s);
            return this;
        }

        /**
         * Sets the behavioural brand loyalty level.
         *
         * @param l the level, not null
         * @return this builder
         */
        public Builder brandLevel(LoyaltyLevel l) {
            this.level = Optional.of(Objects.requireNonNull(l, "level"));
            return this;
        }

        /**
         * Sets the latest net-promoter answer.
         *
         * @param answer 0..10
         * @return this builder
         */
        public Builder npsAnswer(int answer) {
            this.nps = OptionalInt.of(answer);
            return this;
        }

        /**
         * Sets the latest satisfaction C = b/a.
         *
         * @param c finite and {@code >= 0}
         * @return this builder
         */
        public Builder satisfaction(double c) {
            this.satisfaction = OptionalDouble.of(c);
            return this;
        }

        /**
         * Builds the evidence.
         *
         * @return the evidence, never null
         * @throws IllegalArgumentException if a value is out of range
         */
        public LoyaltyEvidence build() {
            return new LoyaltyEvidence(customerId, repeatPurchases, tenure, alive, share, level, nps, satisfaction);
        }
    }
}
