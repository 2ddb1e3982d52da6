package org.crmkit.core.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules by which a {@link DuplicateDetector} decides that two records describe the same
 * customer: weighted {@link MatchRule}s whose contributions are added up, a threshold the sum
 * must reach, the region for phone numbers without country code, and the largest group of
 * records sharing a key that still counts as evidence. Change it without touching the detector:
 * {@code MatchPolicy.fuzzy().toBuilder().threshold(10).build()}.
 *
 * <pre>{@code
 * DuplicateDetector detector = DuplicateDetector.of(MatchPolicy.fuzzy());
 * for (DuplicateCandidate c : detector.find(store.all())) {
 *     c.score();      // 14.2
 *     c.evidence();   // [email +7.0, name 0.97 +3.9, postal-code +3.0]
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class MatchPolicy {
    private final List<MatchRule> rules;
    private final double threshold;
    private final String defaultRegion;
    private final int maxGroupSize;

    private MatchPolicy(Builder b) {
        this.rules = List.copyOf(b.rules);
        this.threshold = b.threshold;
        this.defaultRegion = b.defaultRegion;
        this.maxGroupSize = b.maxGroupSize;
    }

    /**
     * The fuzzy policy: e-mail +7, phone (E.164) +6, name by Jaro-Winkler from 0.85 up to +4.5
     * (unlike names -5), same phonetic codes +4, postal code +3, birth date +4 (different -8);
     * threshold 9, phone region DE, keys shared by more than 50 records ignored. So a shared
     * e-mail or phone with a like name matches, a like name with the same postal code or birth
     * date matches, an equal name alone does not, and family members sharing a phone and
     * address but not their birth date do not. Precision and recall on a labelled simulated set are in the README.
     *
     * @return the policy, never null
     */
    public static MatchPolicy fuzzy() {
        return builder()
                .rule(MatchRules.email(7))
                .rule(MatchRules.phone(6))
                .rule(MatchRules.name(4.5, 5, 0.85))
                .rule(MatchRules.phoneticName(4))
                .rule(MatchRules.postalCode(3))
                .rule(MatchRules.birthDate(4, 8))
                .threshold(9)
                .build();
    }

    /**
     * The exact-key policy of earlier versions: records sharing an e-mail (lower case), a phone
     * number (digits) or the exact normalised name with a postal code; threshold 1.
     *
     * @return the policy, never null
     */
    public static MatchPolicy exactKeys() {
        return builder().rule(MatchRules.exactEmail()).rule(MatchRules.exactPhone())
                .rule(MatchRules.exactNameAndPostalCode()).threshold(1).build();
    }

    /** @return a builder with no rules, threshold 1, region DE and group limit 50 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy's settings, never null */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rules.addAll(rules);
        b.threshold = threshold;
        b.defaultRegion = defaultRegion;
        b.maxGroupSize = maxGroupSize;
        return b;
    }

    /** @return the rules, in order, never null */
    public List<MatchRule> rules() {
        return rules;
    }

    /** @return the score a pair must reach */
    public double threshold() {
        return threshold;
    }

    /** @return the phone region for numbers without country code */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** @return the most records a key may have and still count */
    public int maxGroupSize() {
        return maxGroupSize;
    }

    /**
     * Returns the rule names, threshold, region and group limit.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "MatchPolicy[rules=" + rules.stream().map(MatchRule::name).toList() + ", threshold=" + threshold
                + ", defaultRegion=" + defaultRegion + ", maxGroupSize=" + maxGroupSize + "]";
    }

    /** Builds a {@link MatchPolicy}. Not thread-safe. */
    public static final class Builder {
        private final List<MatchRule> rules = new ArrayList<>();
        private double threshold = 1;
        private String defaultRegion = "DE";
        private int maxGroupSize = 50;

        private Builder() {
        }

        /**
         * Adds a rule.
         *
         * @param rule not null
         * @return this builder
         * @throws IllegalArgumentException if a rule of the same name is already there
         */
        public Builder rule(MatchRule rule) {
            Objects.requireNonNull(rule, "rule");
            if (rules.stream().anyMatch(r -> r.name().equals(rule.name()))) {
                throw new IllegalArgumentException("the policy already has a rule named '" + rule.name() + "'");
            }
            rules.add(rule);
            return this;
        }

        /**
         * Removes the rule of a name.
         *
         * @param name the rule's name, not null
         * @return this builder
         * @throws IllegalArgumentException if there is no such rule
         */
        public Builder withoutRule(String name) {
            Objects.requireNonNull(name, "name");
            if (!rules.removeIf(r -> r.name().equals(name))) {
                throw new IllegalArgumentException("the policy has no rule named '" + name + "'");
            }
            return this;
        }

        /**
         * Sets the score a pair must reach.
         *
         * @param value finite and above 0
         * @return this builder
         * @throws IllegalArgumentException otherwise
         */
        public Builder threshold(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("threshold must be finite and above 0: " + value);
            }
            threshold = value;
            return this;
        }

        /**
         * Sets the phone region for numbers without country code.
         *
         * @param value an ISO 3166 alpha-2 code {@link MatchNormalizer#e164} knows, not null
         * @return this builder
         * @throws IllegalArgumentException if unknown
         */
        public Builder defaultRegion(String value) {
            Objects.requireNonNull(value, "defaultRegion");
            if (!MatchNormalizer.knowsRegion(value)) {
                throw new IllegalArgumentException("unknown phone region '" + value + "'");
            }
            defaultRegion = value.toUpperCase(java.util.Locale.ROOT);
            return this;
        }

        /**
         * Sets the most records a key may have and still count.
         *
         * @param value at least 2
         * @return this builder
         * @throws IllegalArgumentException if below 2
         */
        public Builder maxGroupSize(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("maxGroupSize must be at least 2: " + value);
            }
            maxGroupSize = value;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy, never null
         * @throws IllegalStateException if it has no rule
         */
        public MatchPolicy build() {
            if (rules.isEmpty()) {
                throw new IllegalStateException("a match policy needs at least one rule");
            }
            return new MatchPolicy(this);
        }
    }
}
