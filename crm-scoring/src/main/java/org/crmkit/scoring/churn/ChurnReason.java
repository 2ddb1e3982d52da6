package org.crmkit.scoring.churn;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.customer.ContactChannel;

/**
 * One reason behind a churn warning, as a value the application can act on (call the
 * customer about an open complaint, re-ask for consent, ...).
 *
 * <p>Every reason has a stable {@link #code()} (used in the {@code reasons} column of
 * {@code crm churn score}, joined with {@code ;}) and a human {@link #describe()}.
 *
 * <pre>{@code
 * for (ChurnReason reason : warning.reasons()) {
 *     if (reason instanceof ChurnReason.Complaints c && c.open() > 0) { ... }
 *     System.out.println(reason.describe());
 * }
 * }</pre>
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface ChurnReason {

    /**
     * Returns the stable short code of the reason, e.g. {@code model_risk}.
     *
     * @return the code, never null
     */
    String code();

    /**
     * Returns a one-line description with the numbers behind the reason.
     *
     * @return the description, never null
     */
    String describe();

    /**
     * The purchase model's probability of no purchase in the next window.
     *
     * @param risk the probability in [0, 1]
     * @param window the window length in the model's time unit, positive
     */
    record ModelRisk(double risk, double window) implements ChurnReason {
        /** @throws IllegalArgumentException if risk is not a probability or the window not positive */
        public ModelRisk {
            if (!(risk >= 0 && risk <= 1)) {
                throw new IllegalArgumentException("risk " + risk + " is not in [0, 1]");
            }
            if (!(window > 0) || Double.isInfinite(window)) {
                throw new IllegalArgumentException("window " + window + " is not positive and finite");
            }
        }

        @Override
        public String code() {
            return "model_risk";
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "P(no purchase in next %s) = %.2f", number(window), risk);
        }
    }

    /**
     * The time since the last purchase is long against the customer's own typical time
     * between purchases.
     *
     * @param hiatus time since the last purchase, {@code >= 0}
     * @param typicalGap the customer's mean time between purchases, positive
     */
    record Hiatus(double hiatus, double typicalGap) implements ChurnReason {
        /** @throws IllegalArgumentException if a value is out of range */
        public Hiatus {
            if (!(hiatus >= 0) || Double.isInfinite(hiatus)) {
                throw new IllegalArgumentException("hiatus " + hiatus + " is not finite and >= 0");
            }
            if (!(typicalGap > 0) || Double.isInfinite(typicalGap)) {
                throw new IllegalArgumentException("typical gap " + typicalGap + " is not positive and finite");
            }
        }

        /**
         * Returns the hiatus in multiples of the typical gap.
         *
         * @return {@code hiatus / typicalGap}, finite
         */
        public double ratio() {
            return hiatus / typicalGap;
        }

        @Override
        public String code() {
            return "hiatus";
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "no purchase for %s, %.1f x the usual gap of %s", number(hiatus),
                    ratio(), number(typicalGap));
        }
    }

    /**
     * The purchase rate of the recent look-back period fell against the period of the
     * same length before it.
     *
     * @param recentRate purchases in the recent period, {@code >= 0}
     * @param earlierRate purchases in the earlier period of the same length, positive
     */
    record FallingRate(double recentRate, double earlierRate) implements ChurnReason {
        /** @throws IllegalArgumentException if a rate is out of range */
        public FallingRate {
            if (!(recentRate >= 0) || Double.isInfinite(recentRate)) {
                throw new IllegalArgumentException("recent rate " + recentRate + " is not finite and >= 0");
            }
            if (!(earlierRate > 0) || Double.isInfinite(earlierRate)) {
                throw new IllegalArgumentException("earlier rate " + earlierRate + " is not positive and finite");
            }
        }

        @Override
        public String code() {
            return "falling_rate";
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "purchases per period fell from %s to %s", number(earlierRate),
                    number(recentRate));
        }
    }

    /**
     * Open complaints, or complaints made recently.
     *
     * @param open complaints not yet resolved or rejected, {@code >= 0}
     * @param recent complaints made within the look-back period, {@code >= 0}
     */
    record Complaints(int open, int recent) implements ChurnReason {
        /** @throws IllegalArgumentException if a count is negative or both are 0 */
        public Complaints {
            if (open < 0 || recent < 0 || open + recent == 0) {
                throw new IllegalArgumentException("complaint counts open " + open + ", recent " + recent
                        + " must be >= 0 and not both 0");
            }
        }

        @Override
        public String code() {
            return "complaints";
        }

        @Override
        public String describe() {
            return open + " open complaint(s), " + recent + " recent";
        }
    }

    /**
     * Satisfaction {@code C = b / a} fell between the two latest surveys.
     *
     * @param previous the earlier satisfaction, finite and {@code >= 0}
     * @param latest the latest satisfaction, finite, below {@code previous}
     */
    record SatisfactionDrop(double previous, double latest) implements ChurnReason {
        /** @throws IllegalArgumentException if the values do not show a drop */
        public SatisfactionDrop {
            if (!(previous >= 0) || !(latest >= 0) || Double.isInfinite(previous) || !(latest < previous)) {
                throw new IllegalArgumentException("satisfaction " + previous + " -> " + latest + " is not a drop");
            }
        }

        @Override
        public String code() {
            return "satisfaction_drop";
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "satisfaction C = b/a fell from %.2f to %.2f", previous, latest);
        }
    }

    /**
     * The net-promoter answer (0..10) fell between the two latest surveys.
     *
     * @param previous the earlier answer, 0..10
     * @param latest the latest answer, 0..10, below {@code previous}
     */
    record NpsDrop(int previous, int latest) implements ChurnReason {
        /** @throws IllegalArgumentException if the answers are out of range or do not drop */
        public NpsDrop {
            if (previous < 0 || previous > 10 || latest < 0 || latest >= previous) {
                throw new IllegalArgumentException("NPS answer " + previous + " -> " + latest + " is not a drop");
            }
        }

        @Override
        public String code() {
            return "nps_drop";
        }

        @Override
        public String describe() {
            return "recommendation score fell from " + previous + " to " + latest;
        }
    }

    /**
     * The customer withdrew consent (opt-out, refusal or do-not-contact) on some channels
     * within the look-back period.
     *
     * @param channels the channels, not empty
     */
    record LostConsent(Set<ContactChannel> channels) implements ChurnReason {
        /** @throws IllegalArgumentException if no channel is given */
        public LostConsent {
            channels = Set.copyOf(Objects.requireNonNull(channels, "channels"));
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("lost consent needs at least one channel");
            }
        }

        @Override
        public String code() {
            return "lost_consent";
        }

        @Override
        public String describe() {
            Set<String> names = new TreeSet<>();
            channels.forEach(c -> names.add(c.name().toLowerCase(Locale.ROOT)));
            return "withdrew consent on " + String.join(", ", names);
        }
    }

    /**
     * A segmentation rule of the {@link WarningPolicy} holds for the customer.
     *
     * @param rule the rule's name, not blank
     * @param explanation why it holds, from the rule's explanation, not null
     */
    record RuleMatched(String rule, String explanation) implements ChurnReason {
        /** @throws IllegalArgumentException if the name is blank */
        public RuleMatched {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(explanation, "explanation");
            if (rule.isBlank()) {
                throw new IllegalArgumentException("rule name is blank");
            }
        }

        @Override
        public String code() {
            return "rule:" + rule;
        }

        @Override
        public String describe() {
            return "rule '" + rule + "': " + explanation;
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    }
}
