package org.crmkit.scoring.diagnostics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionLog;

/**
 * The tracking plot of a transaction model: actual versus expected repeat transactions of a
 * cohort per period, incremental and cumulative, over the calibration and the holdout
 * period (Fader, Hardie and Lee 2005, "Counting your customers the easy way: an alternative
 * to the Pareto/NBD model", Marketing Science 24(2), 275-284, figures 3 and 4).
 *
 * <p>Definitions, with the conventions of the customer summary (see
 * {@link org.crmkit.scoring.summary.Summarizer}):
 * <ul>
 *   <li>the cohort is every customer of the log whose first purchase day is on or before the
 *       calibration end; customers who first bought later are left out and counted
 *       ({@link #laterCustomers()});</li>
 *   <li>time 0 is the cohort's earliest first purchase day; a day is dated at its start, so
 *       day {@code d} lies at time {@code (d - start) / unit.days()}; period {@code k}
 *       (0-based) covers times {@code [k, k + 1)}, one time unit, and the last period ends
 *       with the observation end day (it may be shorter);</li>
 *   <li>actual: the repeat purchase days of the cohort in each period, all transactions of
 *       one customer on one day counting once and the first purchase day not at all (every
 *       day with a transaction counts, whatever its net amount);</li>
 *   <li>expected: the cumulative expectation at the end {@code e_k} of period {@code k} is
 *       {@code sum_i E[X(e_k - s_i)]}, where {@code s_i} is customer i's first purchase
 *       time and {@code E[X(t)]} the unconditional expected repeat purchases of a customer
 *       {@code t} time units after the first purchase ({@link PurchaseModel#expectedPurchases},
 *       0 for {@code t <= 0}); the incremental expectation is its first difference. This is
 *       the "expected cumulative transactions" of the tracking plots, computed as in BTYD's
 *       {@code bgnbd.ExpectedCumulativeTransactions} (customers grouped by first purchase
 *       date, each group contributing from its own start).</li>
 * </ul>
 *
 * <p>Cost: two passes over the log and a sort of each customer's days (a counting sort
 * groups them first), then {@code distinct first purchase days x periods} evaluations of
 * {@code E[X(t)]}, independent of the cohort size. Customer chunks run on the given
 * {@link Parallelism}; counts are integers, so the result does not depend on it.
 *
 * <pre>{@code
 * TrackingCurve tracking = TrackingCurve.of(model, log, TimeUnit.WEEKS,
 *         LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30));
 * double[] weekly = tracking.expectedIncremental();
 * PlotTable table = tracking.table(true);   // weeks, actual, expected (cumulative)
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class TrackingCurve {
    private final String model;
    private final TimeUnit unit;
    private final LocalDate cohortStart;
    private final LocalDate calibrationEnd;
    private final LocalDate observationEnd;
    private final int customers;
    private final int laterCustomers;
    private final double calibrationEndTime;
    private final double[] periodEnd;
    private final double[] actual;
    private final double[] expected;

    private TrackingCurve(String model, TimeUnit unit, LocalDate cohortStart, LocalDate calibrationEnd,
            LocalDate observationEnd, int customers, int laterCustomers, double calibrationEndTime,
            double[] periodEnd, double[] actual, double[] expected) {
        this.model = model;
        this.unit = unit;
        this.cohortStart = cohortStart;
        this.calibrationEnd = calibrationEnd;
        this.observationEnd = observationEnd;
        this.customers = customers;
        this.laterCustomers = laterCustomers;
        this.calibrationEndTime = calibrationEndTime;
        this.periodEnd = periodEnd;
        this.actual = actual;
        this.expected = expected;
    }

    /**
     * Computes the tracking data on the default {@link Parallelism}.
     *
     * @param model the fitted model, in the time unit {@code unit}, not null
     * @param log the transactions of the cohort, not null
     * @param unit the time unit of the model and the period length, not null
     * @param calibrationEnd the last day of the calibration period, not null
     * @param observationEnd the last day of the holdout period, not before the calibration
     *     end, not null
     * @return the tracking data, never null
     * @throws IllegalArgumentException if the observation end is before the calibration end,
     *     a transaction lies after the observation end (the message names it), or no
     *     customer made a first purchase by the calibration end
     */
    public static TrackingCurve of(PurchaseModel model, TransactionLog log, TimeUnit unit,
            LocalDate calibrationEnd, LocalDate observationEnd) {
        return of(model, log, unit, calibrationEnd, observationEnd, Parallelism.defaults());
    }

    /**
     * Computes the tracking data on the given {@link Parallelism}; the result does not
     * depend on it.
     *
     * <pre>{@code
     * TrackingCurve t = TrackingCurve.of(model, log, TimeUnit.WEEKS, calEnd, obsEnd,
     *         Parallelism.sequential());
     * }</pre>
     *
     * @param model the fitted model, in the time unit {@code unit}, not null
     * @param log the transactions of the cohort, not null
     * @param unit the time unit of the model and the period length, not null
     * @param calibrationEnd the last day of the calibration period, not null
     * @param observationEnd the last day of the holdout period, not null
     * @param parallelism where the work runs, not null
     * @return the tracking data, never null
     * @throws IllegalArgumentException as {@link #of(PurchaseModel, TransactionLog, TimeUnit,
     *     LocalDate, LocalDate)}
     */
    public static TrackingCurve of(PurchaseModel model, TransactionLog log, TimeUnit unit,
            LocalDate calibrationEnd, LocalDate observationEnd, Parallelism parallelism) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(observationEnd, "observationEnd");
        Objects.requireNonNull(parallelism, "parallelism");
        if (observationEnd.isBefore(calibrationEnd)) {
            throw new IllegalArgumentException("observation end " + observationEnd
                    + " is before the calibration end " + calibrationEnd);
        }
        long cal = calibrationEnd.toEpochDay();
        long obs = observationEnd.toEpochDay();
        int n = log.size();
        int customerCount = log.customerCount();
        int[] first = new int[customerCount];
        Arrays.fill(first, Integer.MAX_VALUE);
        int[] start = new int[customerCount + 1];
        for (int i = 0; i < n; i++) {
            int d = log.epochDay(i);
            if (d > obs) {
                throw new IllegalArgumentException("transaction " + i + " on " + LocalDate.ofEpochDay(d)
                        + " is after the observation end " + observationEnd);
            }
            int c = log.customerIndex(i);
            if (d < first[c]) {
                first[c] = d;
            }
            start[c + 1]++;
        }
        int cohort = 0;
        int later = 0;
        int t0 = Integer.MAX_VALUE;
        for (int c = 0; c < customerCount; c++) {
            if (first[c] <= cal) {
                cohort++;
                t0 = Math.min(t0, first[c]);
            } else if (first[c] != Integer.MAX_VALUE) {
                later++;
            }
        }
        if (cohort == 0) {
            throw new IllegalArgumentException("no customer made a first purchase by the calibration end "
                    + calibrationEnd);
        }
        double length = unit.days();
        double end = (obs + 1 - t0) / length;
        int periods = (int) Math.ceil(end);
        double[] periodEnd = new double[periods];
        for (int k = 0; k < periods; k++) {
            periodEnd[k] = Math.min(k + 1, end);
        }
        double[] actual = actualCounts(log, first, start, cal, t0, length, periods, parallelism);
        double[] expected = expectedCounts(model, first, cal, t0, length, periodEnd, parallelism);
        return new TrackingCurve(model.modelName(), unit, LocalDate.ofEpochDay(t0), calibrationEnd,
                observationEnd, cohort, later, Math.min(end, (cal + 1 - t0) / length), periodEnd, actual, expected);
    }

    /** Repeat purchase days per period: a counting sort by customer, then each customer's days sorted. */
    private static double[] actualCounts(TransactionLog log, int[] first, int[] start, long cal, int t0,
            double length, int periods, Parallelism parallelism) {
        int customerCount = first.length;
        for (int c = 0; c < customerCount; c++) {
            start[c + 1] += start[c];
        }
        int[] days = new int[log.size()];
        int[] fill = Arrays.copyOf(start, customerCount);
        for (int i = 0; i < log.size(); i++) {
            int c = log.customerIndex(i);
            days[fill[c]++] = log.epochDay(i);
        }
        int chunks = Parallelism.chunkCount(customerCount, 4096);
        long[][] partial = new long[chunks][];
        parallelism.forEachChunk(customerCount, 4096, (chunk, from, to) -> {
            long[] local = new long[periods];
            for (int c = from; c < to; c++) {
                if (first[c] > cal) {
                    continue;
                }
                int s = start[c];
                int e = start[c + 1];
                Arrays.sort(days, s, e);
                for (int j = s + 1; j < e; j++) {
                    if (days[j] != days[j - 1]) {
                        local[(int) ((days[j] - t0) / length)]++;
                    }
                }
            }
            partial[chunk] = local;
        });
        double[] actual = new double[periods];
        for (long[] local : partial) {
            if (local != null) {
                for (int k = 0; k < periods; k++) {
                    actual[k] += local[k];
                }
            }
        }
        return actual;
    }

    /** Expected repeat purchases per period, the cohort grouped by first purchase day. */
    private static double[] expectedCounts(PurchaseModel model, int[] first, long cal, int t0, double length,
            double[] periodEnd, Parallelism parallelism) {
        int span = (int) (cal - t0) + 1;
        long[] byDay = new long[span];
        for (int f : first) {
            if (f <= cal) {
                byDay[f - t0]++;
            }
        }
        int[] offsets = new int[span];
        int distinct = 0;
        for (int o = 0; o < span; o++) {
            if (byDay[o] > 0) {
                offsets[distinct++] = o;
            }
        }
        int periods = periodEnd.length;
        double[][] rows = new double[distinct][];
        int groups = distinct;
        parallelism.run(groups, g -> {
            double birth = offsets[g] / length;
            double[] row = new double[periods];
            for (int k = 0; k < periods; k++) {
                double t = periodEnd[k] - birth;
                row[k] = t > 0 ? model.expectedPurchases(t) : 0;
            }
            rows[g] = row;
        });
        double[] cumulative = new double[periods];
        for (int g = 0; g < distinct; g++) {
            double weight = byDay[offsets[g]];
            for (int k = 0; k < periods; k++) {
                cumulative[k] += weight * rows[g][k];
            }
        }
        double[] incremental = new double[periods];
        double previous = 0;
        for (int k = 0; k < periods; k++) {
            incremental[k] = Math.max(0, cumulative[k] - previous);
            previous = Math.max(previous, cumulative[k]);
        }
        return incremental;
    }

    /**
     * Returns the name of the model the expectation comes from.
     *
     * @return the model name, never null
     */
    public String model() {
        return model;
    }

    /**
     * Returns the time unit: the length of a period and the unit of every time.
     *
     * @return the unit, never null
     */
    public TimeUnit timeUnit() {
        return unit;
    }

    /**
     * Returns the cohort's earliest first purchase day, time 0.
     *
     * @return the date, never null
     */
    public LocalDate cohortStart() {
        return cohortStart;
    }

    /**
     * Returns the last day of the calibration period.
     *
     * @return the date, never null
     */
    public LocalDate calibrationEnd() {
        return calibrationEnd;
    }

    /**
     * Returns the last day of the holdout period.
     *
     * @return the date, never null
     */
    public LocalDate observationEnd() {
        return observationEnd;
    }

    /**
     * Returns the time at which the calibration period ends (the end of its last day).
     *
     * @return the time in units since {@link #cohortStart()}, positive
     */
    public double calibrationEndTime() {
        return calibrationEndTime;
    }

    /**
     * Returns the number of customers in the cohort.
     *
     * @return the count, positive
     */
    public int customers() {
        return customers;
    }

    /**
     * Returns the number of customers of the log left out because their first purchase is
     * after the calibration end.
     *
     * @return the count, {@code >= 0}
     */
    public int laterCustomers() {
        return laterCustomers;
    }

    /**
     * Returns the number of periods.
     *
     * @return the count, positive
     */
    public int periods() {
        return periodEnd.length;
    }

    /**
     * Returns the end time of each period: {@code k + 1}, and for the last period the end of
     * the observation end day.
     *
     * @return a copy, in units since {@link #cohortStart()}, ascending, never null
     */
    public double[] periodEnds() {
        return periodEnd.clone();
    }

    /**
     * Returns the actual repeat purchase days per period.
     *
     * @return a copy, whole numbers, never null
     */
    public double[] actualIncremental() {
        return actual.clone();
    }

    /**
     * Returns the expected repeat purchases per period.
     *
     * @return a copy, finite and {@code >= 0}, never null
     */
    public double[] expectedIncremental() {
        return expected.clone();
    }

    /**
     * Returns the actual repeat purchase days up to the end of each period.
     *
     * @return a copy, non-decreasing, never null
     */
    public double[] actualCumulative() {
        return cumulate(actual);
    }

    /**
     * Returns the expected repeat purchases up to the end of each period.
     *
     * @return a copy, non-decreasing, never null
     */
    public double[] expectedCumulative() {
        return cumulate(expected);
    }

    private static double[] cumulate(double[] values) {
        double[] c = new double[values.length];
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            sum += values[k];
            c[k] = sum;
        }
        return c;
    }

    /**
     * Returns the plotted numbers: x is the period end (named after the time unit, e.g.
     * {@code weeks}), series {@code actual} and {@code expected}.
     *
     * @param cumulative whether the series are cumulative (else per period)
     * @return the table, never null
     */
    public PlotTable table(boolean cumulative) {
        return new PlotTable.Builder(unit.toString(), periodEnd)
                .add("actual", cumulative ? actualCumulative() : actual)
                .add("expected", cumulative ? expectedCumulative() : expected)
                .build();
    }

    /**
     * Returns the format {@code TrackingCurve[model, N customers, K periods of UNIT]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "TrackingCurve[" + model + ", " + customers + " customers, " + periodEnd.length + " periods of "
                + unit + "]";
    }
}
