package org.crmkit.scoring.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.evaluation.HoldoutData;
import org.crmkit.scoring.summary.CustomerSummaries;

/**
 * The calibration-versus-holdout plot: mean holdout purchases of the customers with
 * {@code 0, 1, ..., k - 1, k+} calibration repeat purchases, actual versus predicted.
 *
 * <p>The prediction for customer i is the conditional expectation
 * {@code E[Y(d_i) | x_i, t_x_i, T_i]} over the customer's holdout duration {@code d_i}
 * ({@link PurchaseModel#conditionalExpectedPurchases}); each group's predicted value is the
 * mean over its customers, as is the actual value (Fader, Hardie and Lee 2005, "Counting
 * your customers the easy way", Marketing Science 24(2), figure 5, "conditional
 * expectations"; lifetimes' {@code plot_calibration_purchases_vs_holdout_purchases}). A
 * group without customers has no value.
 *
 * <p>Cost: one bulk prediction ({@link PurchaseModel#conditionalExpectedPurchases(double,
 * double[], double[], double[], double[], Parallelism)}) per distinct holdout duration
 * (usually one), on the given {@link Parallelism}; the result does not depend on it.
 *
 * <pre>{@code
 * CalibrationHoldout c = CalibrationHoldout.of(model, summariesWithHoldout, 7);
 * OptionalDouble meanOfOnes = c.actualMean(1);
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class CalibrationHoldout {
    private final String model;
    private final List<String> labels;
    private final long[] customers;
    private final double[] actualSum;
    private final double[] predictedSum;

    private CalibrationHoldout(String model, List<String> labels, long[] customers, double[] actualSum,
            double[] predictedSum) {
        this.model = model;
        this.labels = List.copyOf(labels);
        this.customers = customers;
        this.actualSum = actualSum;
        this.predictedSum = predictedSum;
    }

    /**
     * Computes the plot data on the default {@link Parallelism}.
     *
     * @param model the fitted model, not null
     * @param summaries summaries with the holdout columns, unweighted, not null
     * @param lastGroup k: groups {@code 0 .. k - 1} and {@code k+}, {@code 1 <= k <= 1000}
     * @return the plot data, never null
     * @throws IllegalArgumentException if k is out of range, the summaries have no holdout
     *     columns or carry weights, or a row is invalid (the message names the customer)
     */
    public static CalibrationHoldout of(PurchaseModel model, CustomerSummaries summaries, int lastGroup) {
        return of(model, summaries, lastGroup, Parallelism.defaults());
    }

    /**
     * Computes the plot data on the given {@link Parallelism}.
     *
     * <pre>{@code
     * CalibrationHoldout c = CalibrationHoldout.of(model, s, 7, Parallelism.sequential());
     * }</pre>
     *
     * @param model the fitted model, not null
     * @param summaries summaries with the holdout columns, unweighted, not null
     * @param lastGroup k: groups {@code 0 .. k - 1} and {@code k+}, {@code 1 <= k <= 1000}
     * @param parallelism where the predictions run, not null
     * @return the plot data, never null
     * @throws IllegalArgumentException as {@link #of(PurchaseModel, CustomerSummaries, int)}
     */
    public static CalibrationHoldout of(PurchaseModel model, CustomerSummaries summaries, int lastGroup,
            Parallelism parallelism) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(parallelism, "parallelism");
        if (lastGroup < 1 || lastGroup > 1000) {
            throw new IllegalArgumentException("lastGroup " + lastGroup + " is not in 1..1000");
        }
        HoldoutData.from(summaries); // the holdout checks of the evaluation package
        int n = summaries.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = summaries.frequency(i);
        }
        double[] tx = summaries.recencyColumn();
        double[] age = summaries.tColumn();
        double[] duration = summaries.durationHoldoutColumn();
        double[] predicted = new double[n];
        boolean sameDuration = true;
        for (int i = 1; i < n && sameDuration; i++) {
            sameDuration = duration[i] == duration[0];
        }
        if (sameDuration) {
            model.conditionalExpectedPurchases(duration[0], x, tx, age, predicted, parallelism);
        } else {
            parallelism.forEachChunk(n, 4096, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    predicted[i] = model.conditionalExpectedPurchases(duration[i], x[i], tx[i], age[i]);
                }
            });
        }
        int groups = lastGroup + 1;
        long[] count = new long[groups];
        double[] actualSum = new double[groups];
        double[] predictedSum = new double[groups];
        for (int i = 0; i < n; i++) {
            int g = Math.min(summaries.frequency(i), lastGroup);
            count[g]++;
            actualSum[g] += summaries.frequencyHoldout(i);
            predictedSum[g] += predicted[i];
        }
        List<String> labels = new ArrayList<>(groups);
        for (int k = 0; k < lastGroup; k++) {
            labels.add(Integer.toString(k));
        }
        labels.add(lastGroup + "+");
        return new CalibrationHoldout(model.modelName(), labels, count, actualSum, predictedSum);
    }

    /**
     * Returns the name of the model.
     *
     * @return the model name, never null
     */
    public String model() {
        return model;
    }

    /**
     * Returns the group labels {@code "0" .. "k-1", "k+"}.
     *
     * @return an unmodifiable list of {@code k + 1} labels, never null
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the number of customers in a group.
     *
     * @param group the group, {@code 0 .. k}
     * @return the count, {@code >= 0}
     * @throws IndexOutOfBoundsException if group is out of range
     */
    public long customers(int group) {
        return customers[Objects.checkIndex(group, customers.length)];
    }

    /**
     * Returns the mean actual holdout purchases of a group.
     *
     * @param group the group, {@code 0 .. k}
     * @return the mean, or empty for a group without customers
     * @throws IndexOutOfBoundsException if group is out of range
     */
    public OptionalDouble actualMean(int group) {
        return mean(actualSum, group);
    }

    /**
     * Returns the mean predicted holdout purchases of a group.
     *
     * @param group the group, {@code 0 .. k}
     * @return the mean, or empty for a group without customers
     * @throws IndexOutOfBoundsException if group is out of range
     */
    public OptionalDouble predictedMean(int group) {
        return mean(predictedSum, group);
    }

    private OptionalDouble mean(double[] sums, int group) {
        long c = customers[Objects.checkIndex(group, customers.length)];
        return c == 0 ? OptionalDouble.empty() : OptionalDouble.of(sums[group] / c);
    }

    /**
     * Returns the plotted numbers: x is the calibration repeat purchases (the last row
     * stands for k and more), series {@code actual} and {@code predicted}; a group without
     * customers has empty cells.
     *
     * @return the table, never null
     */
    public PlotTable table() {
        int groups = customers.length;
        double[] x = new double[groups];
        double[] a = new double[groups];
        double[] p = new double[groups];
        for (int g = 0; g < groups; g++) {
            x[g] = g;
            a[g] = actualMean(g).orElse(Double.NaN);
            p[g] = predictedMean(g).orElse(Double.NaN);
        }
        return new PlotTable.Builder("calibration_purchases", x).add("actual", a).add("predicted", p).build();
    }

    /**
     * Returns the format {@code CalibrationHoldout[model, groups=[..]]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "CalibrationHoldout[" + model + ", groups=" + labels + "]";
    }
}
