package org.crmkit.scoring.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.crmkit.scoring.summary.CustomerSummaries;

/**
 * The period-transactions histogram: customers by number of repeat purchases in the
 * calibration period, {@code 0, 1, ..., k - 1, k+}, actual versus what the model expects
 * (and, optionally, versus one cohort simulated from the model).
 *
 * <p>The expected count of customers with {@code n} repeat purchases is
 * {@code sum_i P(X(T_i) = n)} ({@link PurchaseModel#probabilityOfPurchases}), and the
 * last bar holds {@code sum_i (1 - sum_{n<k} P(X(T_i) = n))}: the fit check of Fader,
 * Hardie and Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
 * figure 2, and of lifetimes' {@code plot_period_transactions}. A customer with
 * {@code T = 0} counts as certain to have none. The simulated bar draws one customer per
 * summary row with the row's T ({@link PurchaseModel#simulate}) and counts its calibration
 * frequency. Rows of weighted summaries count with their weight (the simulated customer
 * too).
 *
 * <p>Cost: customers are grouped by distinct T, so the model is evaluated
 * {@code k x distinct T} times (a summary made from daily data has at most one T per
 * first purchase day), on the given {@link Parallelism}; the result does not depend on it.
 *
 * <pre>{@code
 * PeriodTransactions p = PeriodTransactions.of(model, summaries, 7);
 * double[] expected = p.expected();   // bars 0..6 and 7+
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class PeriodTransactions {
    private final String model;
    private final List<String> labels;
    private final double[] actual;
    private final double[] expected;
    private final double[] simulated; // null without a simulation

    private PeriodTransactions(String model, List<String> labels, double[] actual, double[] expected,
            double[] simulated) {
        this.model = model;
        this.labels = List.copyOf(labels);
        this.actual = actual;
        this.expected = expected;
        this.simulated = simulated;
    }

    /**
     * Tabulates actual and expected customers by repeat purchases on the default
     * {@link Parallelism}, without a simulation.
     *
     * @param model the fitted model, not null
     * @param summaries the calibration summaries, not null, not empty
     * @param lastBar k: bars {@code 0 .. k - 1} and {@code k+}, {@code 1 <= k <= 1000}
     * @return the histogram, never null
     * @throws IllegalArgumentException if k is out of range, the summaries are empty or a
     *     row is invalid for the models (the message names the customer)
     */
    public static PeriodTransactions of(PurchaseModel model, CustomerSummaries summaries, int lastBar) {
        return compute(model, summaries, lastBar, false, 0, Parallelism.defaults());
    }

    /**
     * Tabulates actual, expected and simulated customers by repeat purchases.
     *
     * <pre>{@code
     * PeriodTransactions p = PeriodTransactions.withSimulation(model, summaries, 7, 42L,
     *         Parallelism.defaults());
     * }</pre>
     *
     * @param model the fitted model, not null
     * @param summaries the calibration summaries, not null, not empty
     * @param lastBar k: bars {@code 0 .. k - 1} and {@code k+}, {@code 1 <= k <= 1000}
     * @param seed the seed of the simulation; equal seeds give equal bars
     * @param parallelism where the model is evaluated, not null
     * @return the histogram, never null
     * @throws IllegalArgumentException as {@link #of}
     */
    public static PeriodTransactions withSimulation(PurchaseModel model, CustomerSummaries summaries,
            int lastBar, long seed, Parallelism parallelism) {
        return compute(model, summaries, lastBar, true, seed, parallelism);
    }

    private static PeriodTransactions compute(PurchaseModel model, CustomerSummaries summaries, int lastBar,
            boolean simulate, long seed, Parallelism parallelism) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(parallelism, "parallelism");
        if (lastBar < 1 || lastBar > 1000) {
            throw new IllegalArgumentException("lastBar " + lastBar + " is not in 1..1000");
        }
        int n = summaries.size();
        if (n == 0) {
            throw new IllegalArgumentException("no customers");
        }
        BtydData.validateAll(summaries);
        int bars = lastBar + 1;
        double[] actual = new double[bars];
        double[] age = summaries.tColumn();
        for (int i = 0; i < n; i++) {
            actual[Math.min(summaries.frequency(i), lastBar)] += summaries.weight(i);
        }
        // distinct T with their total weight
        double[] sorted = age.clone();
        Arrays.sort(sorted);
        double[] weightOf = new double[n];
        double[] distinct = new double[n];
        int groups = 0;
        if (summaries.hasWeights()) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(age[a], age[b]));
            for (int j = 0; j < n; j++) {
                int i = order[j];
                if (groups == 0 || distinct[groups - 1] != age[i]) {
                    distinct[groups++] = age[i];
                }
                weightOf[groups - 1] += summaries.weight(i);
            }
        } else {
            for (int j = 0; j < n; j++) {
                if (groups == 0 || distinct[groups - 1] != sorted[j]) {
                    distinct[groups++] = sorted[j];
                }
                weightOf[groups - 1]++;
            }
        }
        int chunks = Parallelism.chunkCount(groups, 64);
        double[][] partial = new double[chunks][];
        int g = groups;
        parallelism.forEachChunk(g, 64, (chunk, from, to) -> {
            double[] local = new double[bars];
            for (int j = from; j < to; j++) {
                double t = distinct[j];
                double rest = 1;
                for (int k = 0; k < lastBar; k++) {
                    double p = t > 0 ? model.probabilityOfPurchases(k, t) : k == 0 ? 1 : 0;
                    local[k] += weightOf[j] * p;
                    rest -= p;
                }
                local[lastBar] += weightOf[j] * Math.max(0, rest);
            }
            partial[chunk] = local;
        });
        double[] expected = new double[bars];
        for (double[] local : partial) {
            for (int k = 0; k < bars; k++) {
                expected[k] += local[k];
            }
        }
        double[] simulated = null;
        if (simulate) {
            double[] ages = new double[n];
            for (int i = 0; i < n; i++) {
                ages[i] = Math.max(age[i], Double.MIN_NORMAL); // simulate needs T > 0; such a row draws none
            }
            SimulatedCohort cohort = model.simulate(ages, 0, seed);
            double[] x = cohort.frequency();
            simulated = new double[bars];
            for (int i = 0; i < n; i++) {
                simulated[(int) Math.min(x[i], lastBar)] += summaries.weight(i);
            }
        }
        List<String> labels = new ArrayList<>(bars);
        for (int k = 0; k < lastBar; k++) {
            labels.add(Integer.toString(k));
        }
        labels.add(lastBar + "+");
        return new PeriodTransactions(model.modelName(), labels, actual, expected, simulated);
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
     * Returns the bar labels {@code "0" .. "k-1", "k+"}.
     *
     * @return an unmodifiable list of {@code k + 1} labels, never null
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the observed customers per bar.
     *
     * @return a copy, never null
     */
    public double[] actual() {
        return actual.clone();
    }

    /**
     * Returns the expected customers per bar; they sum to the number of customers.
     *
     * @return a copy, never null
     */
    public double[] expected() {
        return expected.clone();
    }

    /**
     * Returns the simulated customers per bar, when a simulation was asked for.
     *
     * @return a copy, or empty, never null
     */
    public Optional<double[]> simulated() {
        return Optional.ofNullable(simulated).map(double[]::clone);
    }

    /**
     * Returns the plotted numbers: x is the number of repeat purchases (the last row stands
     * for k and more), series {@code actual}, {@code expected} and, if simulated,
     * {@code simulated}.
     *
     * @return the table, never null
     */
    public PlotTable table() {
        double[] x = new double[actual.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = k;
        }
        PlotTable.Builder b = new PlotTable.Builder("repeat_purchases", x).add("actual", actual)
                .add("expected", expected);
        if (simulated != null) {
            b.add("simulated", simulated);
        }
        return b.build();
    }

    /**
     * Returns the format {@code PeriodTransactions[model, bars=[0, 1, .., k+]]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "PeriodTransactions[" + model + ", bars=" + labels + "]";
    }
}
