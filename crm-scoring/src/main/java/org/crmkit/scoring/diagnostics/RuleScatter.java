package org.crmkit.scoring.diagnostics;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.basket.AssociationRule;

/**
 * The scatter plot of association rules: support against confidence, each point coloured
 * by its lift (the usual view of a rule set, as in Hahsler, Grün and Hornik 2005, "arules",
 * and arulesViz's scatter plot). One point per rule, in the order given.
 *
 * <pre>{@code
 * RuleScatter s = RuleScatter.of(rules.toList());
 * double[] lift = s.lift();
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class RuleScatter {
    private final double[] support;
    private final double[] confidence;
    private final double[] lift;

    private RuleScatter(double[] support, double[] confidence, double[] lift) {
        this.support = support;
        this.confidence = confidence;
        this.lift = lift;
    }

    /**
     * Takes the measures of the rules.
     *
     * @param rules the rules, not null, no null element, at least one
     * @return the scatter data, never null
     * @throws IllegalArgumentException if there is no rule
     */
    public static RuleScatter of(List<AssociationRule> rules) {
        Objects.requireNonNull(rules, "rules");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("no rules to plot");
        }
        int n = rules.size();
        double[] s = new double[n];
        double[] c = new double[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            AssociationRule r = Objects.requireNonNull(rules.get(i), "rule " + i);
            s[i] = r.support();
            c[i] = r.confidence();
            l[i] = r.lift();
        }
        return new RuleScatter(s, c, l);
    }

    /**
     * Returns the number of rules.
     *
     * @return the count, positive
     */
    public int size() {
        return support.length;
    }

    /**
     * Returns the support of each rule.
     *
     * @return a copy, in (0, 1], never null
     */
    public double[] support() {
        return support.clone();
    }

    /**
     * Returns the confidence of each rule.
     *
     * @return a copy, in (0, 1], never null
     */
    public double[] confidence() {
        return confidence.clone();
    }

    /**
     * Returns the lift of each rule.
     *
     * @return a copy, positive, never null
     */
    public double[] lift() {
        return lift.clone();
    }

    /**
     * Returns the plotted numbers: x is the support, series {@code confidence} and
     * {@code lift}, one row per rule.
     *
     * @return the table, never null
     */
    public PlotTable table() {
        return new PlotTable.Builder("support", support).add("confidence", confidence).add("lift", lift).build();
    }

    /**
     * Returns the format {@code RuleScatter[N rules]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "RuleScatter[" + support.length + " rules]";
    }
}
