package org.crmkit.scoring.churn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.segment.Attribute;
import org.crmkit.core.segment.AttributeRegistry;
import org.crmkit.core.segment.AttributeType;
import org.crmkit.core.segment.Clause;
import org.crmkit.core.segment.CompiledRule;
import org.crmkit.core.segment.Rule;
import org.crmkit.core.segment.SubjectRecord;
import org.crmkit.core.segment.Truth;

/**
 * Turns a customer's model risk and record into a {@link WarningLevel} with reasons.
 *
 * <p>The rules, in order (every threshold is configurable through {@link #builder()}):
 * <ol>
 *   <li><b>Model level.</b> The risk (probability of no purchase in the window, see
 *       {@link NoPurchaseRisk}) is compared with three cut-points: at least {@code watch}
 *       (default 0.60) gives {@link WarningLevel#WATCH}, at least {@code warning} (0.80)
 *       {@link WarningLevel#WARNING}, at least {@code critical} (0.95)
 *       {@link WarningLevel#CRITICAL}. A level above NONE carries a
 *       {@link ChurnReason.ModelRisk} reason.</li>
 *   <li><b>Behavioural reasons</b>, each of which raises the level by one step (at most to
 *       critical):
 *       <ul>
 *         <li>{@link ChurnReason.Hiatus}: for a customer with {@code x >= 1} repeat purchases, the
 *             time since the last purchase {@code T - t_x} is at least {@code hiatusFactor}
 *             (default 2) times the customer's own mean gap {@code t_x / x};</li>
 *         <li>{@link ChurnReason.FallingRate}: the purchases of the latest look-back period
 *             are at most {@code rateFallFactor} (default 0.5) times those of the period
 *             before, which had at least 2;</li>
 *         <li>{@link ChurnReason.Complaints}: an open complaint, or a complaint in the
 *             look-back period;</li>
 *         <li>{@link ChurnReason.SatisfactionDrop}: satisfaction C = b/a fell by at least
 *             {@code satisfactionDrop} (default 0.2) between the two latest surveys;</li>
 *         <li>{@link ChurnReason.NpsDrop}: the recommendation answer fell by at least
 *             {@code npsDrop} (default 2) points;</li>
 *         <li>{@link ChurnReason.LostConsent}: consent withdrawn in the look-back period;</li>
 *         <li>{@link ChurnReason.RuleMatched}: a segmentation {@link Rule} added with
 *             {@link Builder#rule} is TRUE. Rules are written in crm-core's rule language
 *             over the attributes of {@link #attributes()}.</li>
 *       </ul></li>
 * </ol>
 * The defaults suit a window about as long as the holdout of the CDNOW example (39 weeks);
 * the README shows the level counts they give there.
 *
 * <pre>{@code
 * WarningPolicy policy = WarningPolicy.builder()
 *         .cutPoints(0.5, 0.75, 0.9)
 *         .rule("big-spender-quiet", Rules.all(
 *                 Rules.attribute("churn_risk").isAtLeast(0.4),
 *                 Rules.attribute("frequency").isAtLeast(10)))
 *         .build();
 * ChurnAssessment a = policy.assess(0.83, 0.4, 39, 3, 10, 38, ChurnEvidence.none());
 * a.level();     // WARNING, raised to CRITICAL by a hiatus of 28 weeks against a gap of 3.3
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is single-threaded.
 */
public final class WarningPolicy {

    private static final AttributeRegistry ATTRIBUTES = AttributeRegistry.builder()
            .add(Attribute.of("churn_risk", AttributeType.NUMBER, "probability of no purchase in the window"))
            .add(Attribute.of("p_alive", AttributeType.NUMBER, "probability the customer is alive"))
            .add(Attribute.of("frequency", AttributeType.NUMBER, "repeat purchases x"))
            .add(Attribute.of("recency", AttributeType.NUMBER, "time of the last purchase t_x"))
            .add(Attribute.of("age", AttributeType.NUMBER, "time since the first purchase T"))
            .add(Attribute.of("hiatus", AttributeType.NUMBER, "time since the last purchase T - t_x"))
            .add(Attribute.of("hiatus_ratio", AttributeType.NUMBER,
                    "hiatus over the mean gap t_x / x; absent when x = 0"))
            .add(Attribute.of("open_complaints", AttributeType.NUMBER, "open complaints"))
            .add(Attribute.of("recent_complaints", AttributeType.NUMBER, "complaints in the look-back period"))
            .add(Attribute.of("satisfaction", AttributeType.NUMBER, "latest satisfaction C = b/a"))
            .add(Attribute.of("satisfaction_change", AttributeType.NUMBER,
                    "latest minus previous satisfaction; absent with fewer than two surveys"))
            .add(Attribute.of("nps_answer", AttributeType.NUMBER, "latest recommendation answer 0..10"))
            .add(Attribute.of("recent_purchases", AttributeType.NUMBER, "purchases in the look-back period"))
            .add(Attribute.of("earlier_purchases", AttributeType.NUMBER, "purchases in the period before"))
            .add(Attribute.of("lost_consent_channels", AttributeType.NUMBER, "channels whose consent was withdrawn"))
            .build();
    private static final WarningPolicy DEFAULTS = builder().build();

    private final double watch;
    private final double warning;
    private final double critical;
    private final double hiatusFactor;
    private final double rateFallFactor;
    private final double satisfactionDrop;
    private final int npsDrop;
    private final Map<String, CompiledRule> rules;
    private final List<String> ruleOrder;

    private WarningPolicy(Builder b) {
        this.watch = b.watch;
        this.warning = b.warning;
        this.critical = b.critical;
        this.hiatusFactor = b.hiatusFactor;
        this.rateFallFactor = b.rateFallFactor;
        this.satisfactionDrop = b.satisfactionDrop;
        this.npsDrop = b.npsDrop;
        this.rules = Map.copyOf(b.rules);
        this.ruleOrder = List.copyOf(b.rules.keySet());
    }

    /**
     * Returns the policy with every default of the class comment.
     *
     * @return the default policy, never null
     */
    public static WarningPolicy defaults() {
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
     * Returns the attributes that warning rules may use: {@code churn_risk}, {@code p_alive},
     * {@code frequency}, {@code recency}, {@code age}, {@code hiatus}, {@code hiatus_ratio},
     * {@code open_complaints}, {@code recent_complaints}, {@code satisfaction},
     * {@code satisfaction_change}, {@code nps_answer}, {@code recent_purchases},
     * {@code earlier_purchases}, {@code lost_consent_channels} (all numbers).
     *
     * @return the registry, never null
     */
    public static AttributeRegistry attributes() {
        return ATTRIBUTES;
    }

    /**
     * Returns the level of a model risk alone (rule 1 of the class comment).
     *
     * @param risk the probability of no purchase in the window, in [0, 1]
     * @return the level, never null
     * @throws IllegalArgumentException if risk is not in [0, 1]
     */
    public WarningLevel modelLevel(double risk) {
        if (!(risk >= 0 && risk <= 1)) {
            throw new IllegalArgumentException("risk " + risk + " is not in [0, 1]");
        }
        return risk >= critical ? WarningLevel.CRITICAL
                : risk >= warning ? WarningLevel.WARNING : risk >= watch ? WarningLevel.WATCH : WarningLevel.NONE;
    }

    /**
     * Returns the three cut-points watch, warning, critical.
     *
     * @return a new array of three increasing probabilities, never null
     */
    public double[] cutPoints() {
        return new double[] {watch, warning, critical};
    }

    /**
     * Assesses one customer: the level and all reasons of the class comment.
     *
     * @param risk the model risk in [0, 1]
     * @param pAlive the model's probability alive in [0, 1]
     * @param window the window of the risk, positive
     * @param x frequency, {@code >= 0}
     * @param tx recency, in {@code [0, T]}
     * @param age age T
     * @param evidence the customer's other evidence, not null ({@link ChurnEvidence#none()} if none)
     * @return the assessment, never null
     * @throws IllegalArgumentException if a number is out of range
     */
    public ChurnAssessment assess(double risk, double pAlive, double window, double x, double tx, double age,
            ChurnEvidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        WarningLevel level = modelLevel(risk);
        if (!(pAlive >= 0 && pAlive <= 1)) {
            throw new IllegalArgumentException("p_alive " + pAlive + " is not in [0, 1]");
        }
        if (!(x >= 0) || !(tx >= 0) || !(age >= tx) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("history x " + x + ", t_x " + tx + ", T " + age + " is invalid");
        }
        List<ChurnReason> reasons = new ArrayList<>();
        if (level != WarningLevel.NONE) {
            reasons.add(new ChurnReason.ModelRisk(risk, window));
        }
        int raises = 0;
        if (hasHiatus(x, tx, age)) {
            reasons.add(new ChurnReason.Hiatus(age - tx, tx / x));
            raises++;
        }
        if (evidence.earlierPurchases() >= 2 && evidence.recentPurchases() <= rateFallFactor * evidence.earlierPurchases()) {
            reasons.add(new ChurnReason.FallingRate(evidence.recentPurchases(), evidence.earlierPurchases()));
            raises++;
        }
        if (evidence.openComplaints() > 0 || evidence.recentComplaints() > 0) {
            reasons.add(new ChurnReason.Complaints(evidence.openComplaints(), evidence.recentComplaints()));
            raises++;
        }
        if (evidence.previousSatisfaction().isPresent() && evidence.latestSatisfaction().isPresent()) {
            double before = evidence.previousSatisfaction().getAsDouble();
            double now = evidence.latestSatisfaction().getAsDouble();
            if (before - now >= satisfactionDrop) {
                reasons.add(new ChurnReason.SatisfactionDrop(before, now));
                raises++;
            }
        }
        if (evidence.previousNps().isPresent() && evidence.latestNps().isPresent()
                && evidence.previousNps().getAsInt() - evidence.latestNps().getAsInt() >= npsDrop) {
            reasons.add(new ChurnReason.NpsDrop(evidence.previousNps().getAsInt(), evidence.latestNps().getAsInt()));
            raises++;
        }
        if (!evidence.lostConsent().isEmpty()) {
            reasons.add(new ChurnReason.LostConsent(evidence.lostConsent()));
            raises++;
        }
        if (!rules.isEmpty()) {
            SubjectRecord subject = subject(risk, pAlive, x, tx, age, evidence);
            for (String name : ruleOrder) {
                CompiledRule rule = rules.get(name);
                if (rule.evaluate(subject) == Truth.TRUE) {
                    reasons.add(new ChurnReason.RuleMatched(name, because(rule.explain(subject))));
                    raises++;
                }
            }
        }
        for (int i = 0; i < raises; i++) {
            level = level.raise();
        }
        return new ChurnAssessment(level, reasons);
    }

    /** Whether the hiatus rule holds: x >= 1 and T - t_x >= hiatusFactor * t_x / x. */
    boolean hasHiatus(double x, double tx, double age) {
        return x >= 1 && tx > 0 && age - tx >= hiatusFactor * (tx / x);
    }

    private static SubjectRecord subject(double risk, double pAlive, double x, double tx, double age,
            ChurnEvidence e) {
        SubjectRecord s = new SubjectRecord(ATTRIBUTES)
                .setNumber("churn_risk", risk).setNumber("p_alive", pAlive)
                .setNumber("frequency", x).setNumber("recency", tx).setNumber("age", age)
                .setNumber("hiatus", age - tx)
                .setNumber("open_complaints", e.openComplaints())
                .setNumber("recent_complaints", e.recentComplaints())
                .setNumber("recent_purchases", e.recentPurchases())
                .setNumber("earlier_purchases", e.earlierPurchases())
                .setNumber("lost_consent_channels", e.lostConsent().size());
        if (x >= 1 && tx > 0) {
            s.setNumber("hiatus_ratio", (age - tx) / (tx / x));
        }
        e.latestSatisfaction().ifPresent(c -> s.setNumber("satisfaction", c));
        if (e.latestSatisfaction().isPresent() && e.previousSatisfaction().isPresent()) {
            s.setNumber("satisfaction_change",
                    e.latestSatisfaction().getAsDouble() - e.previousSatisfaction().getAsDouble());
        }
        e.latestNps().ifPresent(v -> s.setNumber("nps_answer", v));
        return s;
    }

    /** The observed values of the clauses that held, e.g. "churn_risk = 0.5; frequency = 12". */
    private static String because(Clause clause) {
        List<String> parts = new ArrayList<>();
        collect(clause, parts);
        return parts.isEmpty() ? clause.text() : String.join("; ", parts);
    }

    private static void collect(Clause c, List<String> parts) {
        if (c.children().isEmpty()) {
            if (c.outcome() == Truth.TRUE) {
                parts.add(c.observed().isEmpty() ? c.text() : c.text() + " (" + c.observed() + ")");
            }
            return;
        }
        for (Clause child : c.children()) {
            collect(child, parts);
        }
    }

    @Override
    public String toString() {
        return "WarningPolicy[cut-points " + watch + "/" + warning + "/" + critical + ", hiatus x" + hiatusFactor
                + ", rate fall x" + rateFallFactor + ", satisfaction drop " + satisfactionDrop + ", NPS drop "
                + npsDrop + ", rules " + ruleOrder + "]";
    }

    /**
     * Builds a {@link WarningPolicy}; every option starts at its default and may be set
     * once. Single-threaded; the product is immutable.
     */
    public static final class Builder {
        private double watch = 0.60;
        private double warning = 0.80;
        private double critical = 0.95;
        private double hiatusFactor = 2.0;
        private double rateFallFactor = 0.5;
        private double satisfactionDrop = 0.2;
        private int npsDrop = 2;
        private final Map<String, CompiledRule> rules = new LinkedHashMap<>();
        private final java.util.Set<String> set = new java.util.HashSet<>();

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " is already set");
            }
        }

        /**
         * Sets the three risk cut-points.
         *
         * @param watchAt the lowest risk of WATCH, in (0, 1]
         * @param warningAt the lowest risk of WARNING, {@code >= watchAt}
         * @param criticalAt the lowest risk of CRITICAL, {@code >= warningAt} and {@code <= 1}
         * @return this builder
         * @throws IllegalArgumentException if the cut-points are not increasing probabilities
         * @throws IllegalStateException if already set
         */
        public Builder cutPoints(double watchAt, double warningAt, double criticalAt) {
            if (!(watchAt > 0 && watchAt <= warningAt && warningAt <= criticalAt && criticalAt <= 1)) {
                throw new IllegalArgumentException("cut-points " + watchAt + ", " + warningAt + ", " + criticalAt
                        + " are not increasing probabilities in (0, 1]");
            }
            once("cutPoints");
            this.watch = watchAt;
            this.warning = warningAt;
            this.critical = criticalAt;
            return this;
        }

        /**
         * Sets how many of a customer's mean gaps make a hiatus a reason.
         *
         * @param factor a positive finite multiple
         * @return this builder
         * @throws IllegalArgumentException if the factor is not positive and finite
         * @throws IllegalStateException if already set
         */
        public Builder hiatusFactor(double factor) {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("hiatus factor " + factor + " is not positive and finite");
            }
            once("hiatusFactor");
            this.hiatusFactor = factor;
            return this;
        }

        /**
         * Sets the share of the earlier period's purchases at or below which the recent rate
         * counts as falling.
         *
         * @param factor in [0, 1)
         * @return this builder
         * @throws IllegalArgumentException if the factor is outside [0, 1)
         * @throws IllegalStateException if already set
         */
        public Builder rateFallFactor(double factor) {
            if (!(factor >= 0 && factor < 1)) {
                throw new IllegalArgumentException("rate fall factor " + factor + " is not in [0, 1)");
            }
            once("rateFallFactor");
            this.rateFallFactor = factor;
            return this;
        }

        /**
         * Sets the fall of satisfaction C = b/a that counts as a drop.
         *
         * @param drop a positive finite difference
         * @return this builder
         * @throws IllegalArgumentException if not positive and finite
         * @throws IllegalStateException if already set
         */
        public Builder satisfactionDrop(double drop) {
            if (!(drop > 0) || Double.isInfinite(drop)) {
                throw new IllegalArgumentException("satisfaction drop " + drop + " is not positive and finite");
            }
            once("satisfactionDrop");
            this.satisfactionDrop = drop;
            return this;
        }

        /**
         * Sets the fall of the recommendation answer that counts as a drop.
         *
         * @param points 1..10
         * @return this builder
         * @throws IllegalArgumentException if outside 1..10
         * @throws IllegalStateException if already set
         */
        public Builder npsDrop(int points) {
            if (points < 1 || points > 10) {
                throw new IllegalArgumentException("NPS drop " + points + " is not in 1..10");
            }
            once("npsDrop");
            this.npsDrop = points;
            return this;
        }

        /**
         * Adds a warning rule in crm-core's segmentation rule language over
         * {@link WarningPolicy#attributes()}; when it is TRUE for a customer it adds a
         * {@link ChurnReason.RuleMatched} and raises the level by one step.
         *
         * @param name the rule's name, unique, not blank
         * @param rule the rule, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or taken, or the rule uses an
         *     attribute or operator that is not defined (from the rule compiler)
         */
        public Builder rule(String name, Rule rule) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(rule, "rule");
            if (name.isBlank()) {
                throw new IllegalArgumentException("rule name is blank");
            }
            if (rules.containsKey(name)) {
                throw new IllegalArgumentException("rule '" + name + "' is already defined");
            }
            rules.put(name, CompiledRule.compile(rule, ATTRIBUTES));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy, never null
         */
        public WarningPolicy build() {
            return new WarningPolicy(this);
        }
    }
}
