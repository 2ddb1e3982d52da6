package org.crmkit.scoring.uncertainty;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SpendModel;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Intervals for what managers plan with: per customer, the expected purchases in a window,
 * P(alive) and the lifetime value; over a customer base, the total purchases in a window
 * (such as a holdout period) and the revenue of the next year.
 *
 * <p><b>What each interval includes.</b>
 * <ul>
 * <li>Per customer ({@link #expectedPurchases}, {@link #probabilityAlive},
 *     {@link #lifetimeValue}): parameter uncertainty only. Each is an interval for the
 *     model's <i>expectation</i> for that customer (a confidence interval for
 *     {@code E[Y(t) | x, t_x, T]}, not a range for the purchases the customer will make):
 *     the quantity is computed under every parameter draw and the interval is the draws'
 *     equal-tailed percentile range.</li>
 * <li>Totals ({@link #totalPurchases}, {@link #totalRevenue}) with {@code process = false}:
 *     the same for the sum of the customers' expectations. With {@code process = true} a
 *     prediction interval for the total that will be observed: under each parameter draw every
 *     customer's purchase count is simulated from the model's conditional distribution
 *     {@link PurchaseModel#conditionalProbabilityOfPurchases P(Y(t) = n | x, t_x, T)} (inverse
 *     transform sampling; the tail beyond {@code 1 - 1e-10} of the probability is left out),
 *     customers independent given the parameters; for revenue each customer's purchases are
 *     then valued by the Gamma-Gamma model: the customer's rate {@code nu} is drawn from its
 *     posterior {@code Gamma(q + p x, v + x m)} (shape, rate) and the sum of {@code Y} purchases is
 *     {@code Gamma(p Y, nu)} (Fader and Hardie 2013, "The Gamma-Gamma model of monetary
 *     value", note 025, eq. 1 and the posterior of nu). {@link Interval#includes()} says which.</li>
 * </ul>
 * With {@link ParameterDraws#fixed} draws the totals include process uncertainty only. With a
 * spend model its draws are paired with the purchase model's by index ({@code j mod size}),
 * the two fits being independent; the number of joint draws is the larger size.
 *
 * <p>Cost: per customer, one evaluation per joint draw; with process, one probability table
 * per distinct history (customers agreeing in {@code t, x, t_x, T} and, for revenue, {@code m}
 * share it) and draw, and {@code max(1, ceil(1000 / draws))} simulated totals per draw
 * ({@link #withSimulatedTotals}); the probabilities are computed only as far as the largest
 * uniform drawn for that history needs.
 *
 * <pre>{@code
 * ParameterDraws<BgNbd> draws = ParameterDraws.fromFit(BgNbd.model(), fit, 200, 7L);
 * PredictionIntervals intervals = PredictionIntervals.of(draws, 0.9);
 * Interval alive = intervals.probabilityAlive(2, 30.43, 38.86);
 * Interval holdout = intervals.totalPurchases(durations, x, tx, age, true, 7L);
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal seeds give equal intervals on every {@link Parallelism}.
 */
public final class PredictionIntervals {

    /** The fewest simulated totals an interval with process uncertainty is taken from, unless {@link #withSimulatedTotals} says otherwise. */
    public static final int DEFAULT_SIMULATED_TOTALS = 1000;
    /** The most purchases of one customer in one window a simulation considers. */
    static final int MAX_COUNT = 100_000;
    /** Probability mass of the conditional count distribution left out at its tail. */
    static final double TAIL = 1e-10;

    private final ParameterDraws<? extends PurchaseModel> purchases;
    private final ParameterDraws<? extends SpendModel> spend;
    private final double level;
    private final Parallelism parallelism;
    private final int simulatedTotals;

    private PredictionIntervals(ParameterDraws<? extends PurchaseModel> purchases,
            ParameterDraws<? extends SpendModel> spend, double level, Parallelism parallelism, int simulatedTotals) {
        this.purchases = purchases;
        this.spend = spend;
        this.level = level;
        this.parallelism = parallelism;
        this.simulatedTotals = simulatedTotals;
    }

    /**
     * Returns these intervals taking totals with process uncertainty from at least {@code count}
     * simulated totals: {@code max(1, ceil(count / draws))} per joint draw (default
     * {@value #DEFAULT_SIMULATED_TOTALS}); fewer are faster and give rougher ends.
     *
     * @param count the fewest simulated totals, in {@code [1, ParameterDraws.MAX_DRAWS]}
     * @return new intervals, never null
     * @throws IllegalArgumentException if count is out of range
     */
    public PredictionIntervals withSimulatedTotals(int count) {
        if (count < 1 || count > ParameterDraws.MAX_DRAWS) {
            throw new IllegalArgumentException("simulated totals " + count + " is not in [1, "
                    + ParameterDraws.MAX_DRAWS + "]");
        }
        return new PredictionIntervals(purchases, spend, level, parallelism, count);
    }

    /**
     * Returns intervals of the given level from a purchase model's draws, on
     * {@link Parallelism#defaults()}.
     *
     * @param purchases the purchase model's parameter draws, not null
     * @param level the coverage, in (0, 1), e.g. 0.9
     * @return the intervals, never null
     * @throws IllegalArgumentException if level is not in (0, 1)
     */
    public static PredictionIntervals of(ParameterDraws<? extends PurchaseModel> purchases, double level) {
        Objects.requireNonNull(purchases, "purchases");
        Quantiles.requireLevel(level);
        return new PredictionIntervals(purchases, null, level, Parallelism.defaults(), DEFAULT_SIMULATED_TOTALS);
    }

    /**
     * Returns these intervals with a spend model's draws, for lifetime value and revenue.
     *
     * @param draws the spend model's parameter draws, not null; every draw must have a finite
     *     mean spend ({@link GammaGamma#hasFiniteMeanSpend()})
     * @return new intervals, never null
     * @throws IllegalArgumentException if a Gamma-Gamma draw has {@code q <= 1}
     */
    public PredictionIntervals withSpend(ParameterDraws<? extends SpendModel> draws) {
        Objects.requireNonNull(draws, "draws");
        int infinite = 0;
        for (SpendModel s : draws.draws()) {
            if (s instanceof GammaGamma gg && !gg.hasFiniteMeanSpend()) {
                infinite++;
            }
        }
        if (infinite > 0) {
            throw new IllegalArgumentException(infinite + " of " + draws.size()
                    + " spend-model draws have q <= 1 (infinite mean spend); the spend model's q is too poorly"
                    + " determined for value intervals");
        }
        return new PredictionIntervals(purchases, draws, level, parallelism, simulatedTotals);
    }

    /**
     * Returns these intervals computed on another setting; the results do not depend on it.
     *
     * @param value where the work runs, not null
     * @return new intervals, never null
     */
    public PredictionIntervals withParallelism(Parallelism value) {
        return new PredictionIntervals(purchases, spend, level, Objects.requireNonNull(value, "parallelism"),
                simulatedTotals);
    }

    /**
     * Returns the level of the intervals.
     *
     * @return the coverage, in (0, 1)
     */
    public double level() {
        return level;
    }

    /**
     * Returns the interval of {@link PurchaseModel#conditionalExpectedPurchases(double, double, double, double)}.
     *
     * @param t the future window, {@code >= 0}
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the interval, parameter uncertainty only, never null
     * @throws IllegalArgumentException if the history or t is invalid
     */
    public Interval expectedPurchases(double t, double x, double tx, double age) {
        return single((p, s) -> p.conditionalExpectedPurchases(t, x, tx, age), false);
    }

    /**
     * Returns the interval of {@link PurchaseModel#probabilityAlive(double, double, double)}.
     *
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the interval, parameter uncertainty only, never null
     * @throws IllegalArgumentException if the history is invalid
     */
    public Interval probabilityAlive(double x, double tx, double age) {
        return single((p, s) -> p.probabilityAlive(x, tx, age), false);
    }

    /**
     * Returns the interval of the discounted expected residual lifetime value over
     * {@code periods}: {@link PurchaseModel#discountedExpectedPurchases} times
     * {@link SpendModel#conditionalExpectedSpend}, under each joint draw of both models.
     *
     * @param periods the horizon in whole time units, {@code >= 0}
     * @param discountRate the discount rate per time unit, {@code >= 0}
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @param monetary the mean spend of the repeat purchases (ignored when x = 0)
     * @return the interval, parameter uncertainty of both models, never null
     * @throws IllegalStateException if no spend draws were given ({@link #withSpend})
     * @throws IllegalArgumentException if an argument is invalid
     */
    public Interval lifetimeValue(long periods, double discountRate, double x, double tx, double age,
            double monetary) {
        requireSpend();
        return single((p, s) -> value(p, s, periods, discountRate, x, tx, age, monetary), true);
    }

    /**
     * Writes the ends of {@link #expectedPurchases(double, double, double, double)} for many customers.
     *
     * @param t the future window, {@code >= 0}
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param low receives the lower ends, same length, not null
     * @param high receives the upper ends, same length, not null
     * @throws IllegalArgumentException if lengths differ or a history is invalid
     */
    public void expectedPurchases(double t, double[] x, double[] tx, double[] age, double[] low, double[] high) {
        bulk(x, tx, age, null, low, high, false, (p, s, i) -> p.conditionalExpectedPurchases(t, x[i], tx[i], age[i]));
    }

    /**
     * Writes the ends of {@link #probabilityAlive(double, double, double)} for many customers.
     *
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param low receives the lower ends, same length, not null
     * @param high receives the upper ends, same length, not null
     * @throws IllegalArgumentException if lengths differ or a history is invalid
     */
    public void probabilityAlive(double[] x, double[] tx, double[] age, double[] low, double[] high) {
        bulk(x, tx, age, null, low, high, false, (p, s, i) -> p.probabilityAlive(x[i], tx[i], age[i]));
    }

    /**
     * Writes the ends of {@link #lifetimeValue(long, double, double, double, double, double)} for many customers.
     *
     * @param periods the horizon in whole time units, {@code >= 0}
     * @param discountRate the discount rate per time unit, {@code >= 0}
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param monetary the mean spends, not null
     * @param low receives the lower ends, same length, not null
     * @param high receives the upper ends, same length, not null
     * @throws IllegalStateException if no spend draws were given
     * @throws IllegalArgumentException if lengths differ or an argument is invalid
     */
    public void lifetimeValue(long periods, double discountRate, double[] x, double[] tx, double[] age,
            double[] monetary, double[] low, double[] high) {
        requireSpend();
        bulk(x, tx, age, Objects.requireNonNull(monetary, "monetary"), low, high, true,
                (p, s, i) -> value(p, s, periods, discountRate, x[i], tx[i], age[i], monetary[i]));
    }

    /**
     * Writes the ends of the interval of {@link SpendModel#conditionalExpectedSpend} for many
     * customers, parameter uncertainty of the spend model only.
     *
     * @param x the frequencies, not null
     * @param monetary the mean spends, not null
     * @param low receives the lower ends, same length, not null
     * @param high receives the upper ends, same length, not null
     * @throws IllegalStateException if no spend draws were given
     * @throws IllegalArgumentException if lengths differ or an argument is invalid
     */
    public void expectedSpend(double[] x, double[] monetary, double[] low, double[] high) {
        requireSpend();
        Objects.requireNonNull(monetary, "monetary");
        bulk(x, x, x, monetary, low, high, true, (p, s, i) -> s.conditionalExpectedSpend(x[i], monetary[i]));
    }

    /**
     * Returns the interval of the total purchases of a customer base, customer {@code i} over
     * its own window {@code t[i]} (a holdout period of its own length, or one horizon for all).
     *
     * @param t the window of each customer, each {@code >= 0}, not null
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param process whether to include the purchase process (a prediction interval for the
     *     total that will be observed) or not (an interval for the expected total)
     * @param seed the random seed of the process simulation
     * @return the interval, never null
     * @throws IllegalArgumentException if lengths differ, the arrays are empty or a history is invalid
     */
    public Interval totalPurchases(double[] t, double[] x, double[] tx, double[] age, boolean process, long seed) {
        Objects.requireNonNull(t, "t");
        return total(t, x, tx, age, null, process, seed);
    }

    /**
     * Returns the interval of the total revenue of a customer base over the next {@code t}
     * time units (undiscounted): purchases times spend per purchase, summed over customers.
     *
     * @param t the window, {@code >= 0}, e.g. 52 weeks
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param monetary the mean spends of the repeat purchases, not null
     * @param process whether to include the purchase and spend processes; needs Gamma-Gamma spend draws
     * @param seed the random seed of the process simulation
     * @return the interval, never null
     * @throws IllegalStateException if no spend draws were given
     * @throws IllegalArgumentException if lengths differ, the arrays are empty, an argument is
     *     invalid, or {@code process} is asked for with a spend model other than Gamma-Gamma
     */
    public Interval totalRevenue(double t, double[] x, double[] tx, double[] age, double[] monetary, boolean process,
            long seed) {
        requireSpend();
        Objects.requireNonNull(monetary, "monetary");
        Objects.requireNonNull(x, "x");
        if (process && !(spend.estimate() instanceof GammaGamma)) {
            throw new IllegalArgumentException("the spend process is simulated for gamma-gamma only, not "
                    + spend.estimate().modelName());
        }
        double[] window = new double[x.length];
        java.util.Arrays.fill(window, t);
        return total(window, x, tx, age, monetary, process, seed);
    }

    // ----------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Quantity {
        double of(PurchaseModel p, SpendModel s);
    }

    @FunctionalInterface
    private interface RowQuantity {
        double of(PurchaseModel p, SpendModel s, int row);
    }

    private static double value(PurchaseModel p, SpendModel s, long periods, double discountRate, double x,
            double tx, double age, double monetary) {
        double count = p.discountedExpectedPurchases(periods, discountRate, x, tx, age);
        return count == 0 ? 0 : count * s.conditionalExpectedSpend(x, monetary);
    }

    private void requireSpend() {
        if (spend == null) {
            throw new IllegalStateException("no spend-model draws: call withSpend first");
        }
    }

    /** The joint draws: the purchase model's, or with the spend model the larger count. */
    private int joint(boolean withSpend) {
        return withSpend ? Math.max(purchases.size(), spend.size()) : purchases.size();
    }

    private PurchaseModel purchaseDraw(int j) {
        return purchases.draws().get(j % purchases.size());
    }

    private SpendModel spendDraw(int j) {
        return spend == null ? null : spend.draws().get(j % spend.size());
    }

    private Set<UncertaintySource> parameterSources(boolean withSpend) {
        boolean varies = purchases.method() != DrawMethod.ESTIMATE
                || (withSpend && spend.method() != DrawMethod.ESTIMATE);
        return varies ? EnumSet.of(UncertaintySource.PARAMETERS) : EnumSet.noneOf(UncertaintySource.class);
    }

    private String method(boolean withSpend, String how) {
        return purchases.description() + (withSpend ? "; spend: " + spend.description() : "") + "; " + how;
    }

    private Interval single(Quantity q, boolean withSpend) {
        int draws = joint(withSpend);
        double[] values = new double[draws];
        for (int j = 0; j < draws; j++) {
            values[j] = q.of(purchaseDraw(j), spendDraw(j));
        }
        double point = q.of(purchases.estimate(), withSpend ? spend.estimate() : null);
        double[] ends = Quantiles.interval(values, draws, level);
        return new Interval(level, ends[0], point, ends[1], parameterSources(withSpend),
                method(withSpend, "percentile interval of the expectation"));
    }

    private void bulk(double[] x, double[] tx, double[] age, double[] monetary, double[] low, double[] high,
            boolean withSpend, RowQuantity q) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        int n = x.length;
        if (tx.length != n || age.length != n || low.length != n || high.length != n
                || (monetary != null && monetary.length != n)) {
            throw new IllegalArgumentException("array lengths differ: x " + n + ", tx " + tx.length + ", age "
                    + age.length + ", low " + low.length + ", high " + high.length
                    + (monetary == null ? "" : ", monetary " + monetary.length));
        }
        int draws = joint(withSpend);
        PurchaseModel[] p = new PurchaseModel[draws];
        SpendModel[] s = new SpendModel[draws];
        for (int j = 0; j < draws; j++) {
            p[j] = purchaseDraw(j);
            s[j] = spendDraw(j);
        }
        parallelism.forEachChunk(n, Math.max(1, 65_536 / draws), (c, from, to) -> {
            double[] values = new double[draws];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < draws; j++) {
                    values[j] = q.of(p[j], s[j], i);
                }
                double[] ends = Quantiles.interval(values, draws, level);
                low[i] = ends[0];
                high[i] = ends[1];
            }
        });
    }

    /** Customers that agree in window, history and (for revenue) mean spend, with their count. */
    private record Row(double t, double x, double tx, double age, double m) {
    }

    private Interval total(double[] t, double[] x, double[] tx, double[] age, double[] monetary, boolean process,
            long seed) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(age, "age");
        int n = x.length;
        if (t.length != n || tx.length != n || age.length != n || (monetary != null && monetary.length != n)) {
            throw new IllegalArgumentException("array lengths differ: t " + t.length + ", x " + n + ", tx "
                    + tx.length + ", age " + age.length + (monetary == null ? "" : ", monetary " + monetary.length));
        }
        if (n == 0) {
            throw new IllegalArgumentException("no customers");
        }
        boolean revenue = monetary != null;
        Map<Row, int[]> counts = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!(t[i] >= 0) || Double.isInfinite(t[i])) {
                throw new IllegalArgumentException("window " + i + " = " + t[i] + " is not a number >= 0");
            }
            // x = 0: the mean spend is not used, so such customers share a row whatever it holds
            Row row = new Row(t[i], x[i], tx[i], age[i], revenue && x[i] > 0 ? monetary[i] : 0);
            int[] c = counts.get(row);
            if (c == null) {
                counts.put(row, new int[] {1});
                rows.add(row);
            } else {
                c[0]++;
            }
        }
        int m = rows.size();
        Row[] row = rows.toArray(new Row[0]);
        int[] weight = new int[m];
        for (int k = 0; k < m; k++) {
            weight[k] = counts.get(row[k])[0];
        }
        double point = expectedTotal(purchases.estimate(), revenue ? spend.estimate() : null, row, weight);
        int draws = joint(revenue);
        int replicates = process ? Math.max(1, (simulatedTotals + draws - 1) / draws) : 1;
        double[] totals = new double[draws * replicates];
        parallelism.run(draws, j -> {
            PurchaseModel p = purchaseDraw(j);
            SpendModel s = revenue ? spendDraw(j) : null;
            if (!process) {
                totals[j] = expectedTotal(p, s, row, weight);
                return;
            }
            RandomDataGenerator random = new RandomDataGenerator(Quantiles.seed(seed, j));
            double[] sums = new double[replicates];
            CountTable table = new CountTable();
            double[] uniforms = new double[BATCH];
            for (int k = 0; k < m; k++) {
                Row r = row[k];
                table.start(p, r.t(), r.x(), r.tx(), r.age());
                double spendShape = 0;
                double posteriorShape = 0;
                double posteriorRate = 0;
                if (revenue) {
                    Map<String, Double> g = s.parameters();
                    spendShape = g.get("p");
                    posteriorShape = g.get("q") + spendShape * r.x();
                    posteriorRate = g.get("v") + r.x() * r.m();
                }
                // customer c of replicate rep is sample rep * weight + c; uniforms are drawn a batch at a
                // time so that the table is extended once, to the largest of them
                long samples = (long) replicates * weight[k];
                for (long first = 0; first < samples; first += BATCH) {
                    int size = (int) Math.min(BATCH, samples - first);
                    double largest = 0;
                    for (int b = 0; b < size; b++) {
                        uniforms[b] = random.nextDouble();
                        largest = Math.max(largest, uniforms[b]);
                    }
                    table.extendTo(largest);
                    for (int b = 0; b < size; b++) {
                        int count = table.sample(uniforms[b]);
                        int rep = (int) ((first + b) / weight[k]);
                        if (!revenue) {
                            sums[rep] += count;
                        } else if (count > 0) {
                            double nu = random.nextGamma(posteriorShape, 1 / posteriorRate);
                            sums[rep] += random.nextGamma(spendShape * count, 1 / nu);
                        }
                    }
                }
            }
            System.arraycopy(sums, 0, totals, j * replicates, replicates);
        });
        for (double v : totals) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("a simulated total is not finite: " + v);
            }
        }
        double[] ends = Quantiles.interval(totals, totals.length, level);
        Set<UncertaintySource> includes = parameterSources(revenue);
        String how;
        if (process) {
            includes.add(UncertaintySource.PURCHASE_PROCESS);
            if (revenue) {
                includes.add(UncertaintySource.SPEND_PROCESS);
            }
            how = "percentile interval of " + totals.length + " simulated totals (" + replicates + " per draw)";
        } else {
            how = "percentile interval of the expected total";
        }
        return new Interval(level, ends[0], point, ends[1], includes, method(revenue, how));
    }

    private static double expectedTotal(PurchaseModel p, SpendModel s, Row[] rows, int[] weight) {
        double sum = 0;
        for (int k = 0; k < rows.length; k++) {
            Row r = rows[k];
            double e = p.conditionalExpectedPurchases(r.t(), r.x(), r.tx(), r.age());
            if (s != null && e > 0) {
                e *= s.conditionalExpectedSpend(r.x(), r.m());
            }
            sum += weight[k] * e;
        }
        return sum;
    }

    /** Uniforms drawn at a time for the customers of one distinct history. */
    private static final int BATCH = 4096;

    /**
     * The cumulative distribution of one customer's purchase count in a window, from the model's
     * conditional probabilities, computed lazily: only as far as the largest uniform drawn so
     * far needs (inverse transform sampling looks no further), and never beyond where all but
     * {@link #TAIL} of the mass is reached, {@link #MAX_COUNT}, or where the probabilities have
     * underflowed to 0 past the mean. Confined to one thread.
     */
    private static final class CountTable {
        private double[] cumulative = new double[64];
        private int size;
        private boolean complete;
        private PurchaseModel model;
        private double t;
        private double x;
        private double tx;
        private double age;
        private double mean;

        void start(PurchaseModel p, double window, double frequency, double recency, double calibrationAge) {
            size = 0;
            model = p;
            t = window;
            x = frequency;
            tx = recency;
            age = calibrationAge;
            complete = false;
            if (t == 0) {
                add(1);
                complete = true;
                return;
            }
            mean = p.conditionalExpectedPurchases(t, x, tx, age);
        }

        void extendTo(double u) {
            while (!complete && (size == 0 || cumulative[size - 1] < u)) {
                int n = size;
                double pn = model.conditionalProbabilityOfPurchases(n, t, x, tx, age);
                double sum = (size == 0 ? 0 : cumulative[size - 1]) + pn;
                add(sum);
                complete = sum >= 1 - TAIL || (pn == 0 && n > mean) || n == MAX_COUNT;
            }
        }

        private void add(double v) {
            if (size == cumulative.length) {
                cumulative = java.util.Arrays.copyOf(cumulative, size * 2);
            }
            cumulative[size++] = v;
        }

        /** The smallest n with {@code F(n) >= u}, or the last n computed when F stops short of u. */
        int sample(double u) {
            int lo = 0;
            int hi = size - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] >= u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }
}
