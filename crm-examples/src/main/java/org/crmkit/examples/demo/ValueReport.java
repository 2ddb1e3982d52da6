package org.crmkit.examples.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.concentration.AbcClass;
import org.crmkit.scoring.concentration.RevenueConcentration;
import org.crmkit.scoring.evaluation.HoldoutData;
import org.crmkit.scoring.evaluation.HoldoutEvaluation;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmScores;
import org.crmkit.scoring.rfm.RfmSegmentMap;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.NonPositiveDayPolicy;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionLog;

/**
 * Scores the purchases of a customer store with crm-scoring, in weeks: RFM segments,
 * revenue concentration (80/20, Gini, ABC), a BG/NBD holdout check, and the customers
 * with the highest expected discounted lifetime value from BG/NBD and Gamma-Gamma.
 *
 * <pre>{@code
 * ValueReport report = ValueReport.of(store, Currency.getInstance("EUR"),
 *         LocalDate.of(2024, 6, 30), LocalDate.of(2024, 12, 31), 52, 0.10);
 * report.topCustomers().forEach(System.out::println);
 * }</pre>
 *
 * <p>What it computes, in order:
 * <ol>
 *   <li>a transaction log of the store's purchase and return lines in one currency (lines
 *       in other currencies are left out and counted), calendar days in UTC;</li>
 *   <li>summaries of the whole period up to the observation end (days whose net value is
 *       not positive are not purchase days, {@link NonPositiveDayPolicy#EXCLUDE}), scored
 *       by RFM with five bins and {@link RfmSegmentMap#defaults()}, and the concentration
 *       of the customers' net spend;</li>
 *   <li>summaries with the calibration end and a holdout up to the observation end:
 *       BG/NBD fitted on the calibration period, its predicted holdout purchases compared
 *       with the actual ones;</li>
 *   <li>BG/NBD and Gamma-Gamma fitted to the whole period, and for every customer the
 *       expected purchases and discounted expected lifetime value over the horizon (Fader,
 *       Hardie and Lee 2005, "RFM and CLV", JMR 42(4)); the top ten by value.</li>
 * </ol>
 * Each search of the fitter is capped at 100 iterations so that the report stays quick; a
 * fit that needs more is reported as not converged (see {@link FitResult#convergence()}).
 * Customers whose first purchase day is the last day of a fitted period have age T = 0,
 * which the models cannot use: they are left out of that fit and counted.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValueReport {
    /** The number of customers in {@link #topCustomers()}. */
    public static final int TOP = 10;

    /**
     * One customer's expected value.
     *
     * @param customerId the customer id
     * @param frequency the repeat purchase days x
     * @param recency t_x in weeks
     * @param age T in weeks
     * @param probabilityAlive P(alive) at the end of the period
     * @param expectedPurchases expected purchases over the horizon (undiscounted)
     * @param expectedSpend expected mean value of a purchase (Gamma-Gamma)
     * @param lifetimeValue discounted expected value over the horizon
     */
    public record CustomerValue(String customerId, int frequency, double recency, double age,
            double probabilityAlive, double expectedPurchases, double expectedSpend, double lifetimeValue) {
        /**
         * Checks the id.
         *
         * @throws NullPointerException if the id is null
         */
        public CustomerValue {
            Objects.requireNonNull(customerId, "customerId");
        }
    }

    private final Currency currency;
    private final int lines;
    private final int otherCurrencyLines;
    private final CustomerSummaries whole;
    private final Map<String, Integer> segmentCounts;
    private final double topFifthShare;
    private final double gini;
    private final Map<AbcClass, Integer> abcCounts;
    private final FitResult<BgNbd> calibrationFit;
    private final HoldoutEvaluation holdout;
    private final Map<String, HoldoutEvaluation> holdoutByGroup;
    private final FitResult<BgNbd> processFit;
    private final HoldoutEvaluation processHoldout;
    private final int calibrationLeftOut;
    private final FitResult<BgNbd> purchaseFit;
    private final FitResult<GammaGamma> spendFit;
    private final int wholeLeftOut;
    private final List<CustomerValue> top;
    private final double holdoutWeeks;
    private final int horizonWeeks;
    private final double annualDiscountRate;

    private ValueReport(Parts b) {
        this.currency = b.currency;
        this.lines = b.lines;
        this.otherCurrencyLines = b.otherCurrencyLines;
        this.whole = b.whole;
        this.segmentCounts = java.util.Collections.unmodifiableMap(b.segmentCounts);
        this.topFifthShare = b.topFifthShare;
        this.gini = b.gini;
        this.abcCounts = java.util.Collections.unmodifiableMap(b.abcCounts);
        this.calibrationFit = b.calibrationFit;
        this.holdout = b.holdout;
        this.holdoutByGroup = java.util.Collections.unmodifiableMap(b.holdoutByGroup);
        this.processFit = b.processFit;
        this.processHoldout = b.processHoldout;
        this.calibrationLeftOut = b.calibrationLeftOut;
        this.purchaseFit = b.purchaseFit;
        this.spendFit = b.spendFit;
        this.wholeLeftOut = b.wholeLeftOut;
        this.top = List.copyOf(b.top);
        this.holdoutWeeks = b.holdoutWeeks;
        this.horizonWeeks = b.horizonWeeks;
        this.annualDiscountRate = b.annualDiscountRate;
    }

    /** The results while they are computed; confined to {@link #of}. */
    private static final class Parts {
        Currency currency;
        int lines;
        int otherCurrencyLines;
        CustomerSummaries whole;
        Map<String, Integer> segmentCounts;
        double topFifthShare;
        double gini;
        Map<AbcClass, Integer> abcCounts;
        FitResult<BgNbd> calibrationFit;
        HoldoutEvaluation holdout;
        Map<String, HoldoutEvaluation> holdoutByGroup = new LinkedHashMap<>();
        FitResult<BgNbd> processFit;
        HoldoutEvaluation processHoldout;
        int calibrationLeftOut;
        FitResult<BgNbd> purchaseFit;
        FitResult<GammaGamma> spendFit;
        int wholeLeftOut;
        List<CustomerValue> top;
        double holdoutWeeks;
        int horizonWeeks;
        double annualDiscountRate;
    }

    /**
     * Scores the purchases of every customer in a store.
     *
     * @param store the customers and their activities, not null
     * @param currency the currency of the lines to score, not null
     * @param calibrationEnd the last day of the calibration period, before {@code observationEnd}
     * @param observationEnd the last day of the observed period (no purchase after it), not null
     * @param horizonWeeks the lifetime-value horizon in weeks, 1 to 520
     * @param annualDiscountRate the yearly discount rate, 0 to 1 (applied weekly as
     *     {@code (1 + d)^(1/52) - 1})
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is out of range, there are no
     *     purchases in the currency, or a purchase is after the observation end
     * @throws IllegalStateException if the store has too few repeat buyers to fit the models
     */
    public static ValueReport of(CustomerStore store, Currency currency, LocalDate calibrationEnd,
            LocalDate observationEnd, int horizonWeeks, double annualDiscountRate) {
        return of(store, currency, calibrationEnd, observationEnd, horizonWeeks, annualDiscountRate, Map.of(), null);
    }

    /**
     * Scores the purchases of every customer in a store and also reports the holdout check
     * per group of customers: how well the calibration fit predicts each group, and, for the
     * group believed to buy as BG/NBD assumes, a fit of its own. The demo groups its
     * customers by the behaviour they were simulated with, so it shows the model fitting
     * data of the kind it assumes beside its misfit on buyers who do not.
     *
     * @param store the customers and their activities, not null
     * @param currency the currency of the lines to score, not null
     * @param calibrationEnd the last day of the calibration period, before {@code observationEnd}
     * @param observationEnd the last day of the observed period (no purchase after it), not null
     * @param horizonWeeks the lifetime-value horizon in weeks, 1 to 520
     * @param annualDiscountRate the yearly discount rate, 0 to 1
     * @param groupOf a group label per customer id, not null (customers without a label are
     *     in no group; an empty map gives no breakdown)
     * @param processGroup the label of the customers believed to follow BG/NBD, fitted on
     *     their own, or null for none
     * @return the report, never null
     * @throws IllegalArgumentException if an argument is out of range, there are no
     *     purchases in the currency, or a purchase is after the observation end
     * @throws IllegalStateException if the store has too few repeat buyers to fit the models
     */
    public static ValueReport of(CustomerStore store, Currency currency, LocalDate calibrationEnd,
            LocalDate observationEnd, int horizonWeeks, double annualDiscountRate, Map<String, String> groupOf,
            String processGroup) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(groupOf, "groupOf");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(observationEnd, "observationEnd");
        if (!calibrationEnd.isBefore(observationEnd)) {
            throw new IllegalArgumentException("calibration end " + calibrationEnd
                    + " is not before the observation end " + observationEnd);
        }
        if (horizonWeeks < 1 || horizonWeeks > 520) {
            throw new IllegalArgumentException("horizon must be 1 to 520 weeks: " + horizonWeeks);
        }
        if (!(annualDiscountRate >= 0 && annualDiscountRate <= 1)) {
            throw new IllegalArgumentException("annual discount rate must be 0 to 1: " + annualDiscountRate);
        }
        Parts b = new Parts();
        b.currency = currency;
        b.horizonWeeks = horizonWeeks;
        b.annualDiscountRate = annualDiscountRate;
        b.holdoutWeeks = ChronoUnit.DAYS.between(calibrationEnd, observationEnd) / 7.0;
        List<Purchase> purchases = new ArrayList<>();
        for (Customer c : store.all()) {
            for (Activity a : store.activitiesOf(c.id())) {
                if (a instanceof Purchase p) {
                    b.lines++;
                    if (p.amount().currency().equals(currency)) {
                        purchases.add(p);
                    } else {
                        b.otherCurrencyLines++;
                    }
                }
            }
        }
        if (purchases.isEmpty()) {
            throw new IllegalArgumentException("no purchase in " + currency + " to score");
        }
        TransactionLog log = TransactionLog.fromPurchases(purchases, currency, ZoneOffset.UTC);

        CustomerSummaries whole = summarizer(observationEnd, observationEnd).summarize(log);
        b.whole = whole;
        RfmSegmentMap map = RfmSegmentMap.defaults();
        RfmScores scores = RfmScorer.builder().bins(map.bins()).build().score(whole);
        Map<String, Integer> segments = new LinkedHashMap<>();
        map.segments().forEach(rule -> segments.put(rule.name(), 0));
        for (String s : map.segments(scores)) {
            segments.merge(s, 1, Integer::sum);
        }
        b.segmentCounts = segments;
        double[] spend = whole.totalSpendColumn();
        for (int i = 0; i < spend.length; i++) {
            spend[i] = Math.max(0, spend[i]); // a customer whose returns exceed the purchases brought no revenue
        }
        RevenueConcentration concentration = RevenueConcentration.of(spend);
        b.topFifthShare = concentration.shareOfTop(0.2);
        b.gini = concentration.gini();
        Map<AbcClass, Integer> abc = new EnumMap<>(AbcClass.class);
        for (AbcClass k : AbcClass.values()) {
            abc.put(k, 0);
        }
        for (AbcClass k : concentration.abcClasses()) {
            abc.merge(k, 1, Integer::sum);
        }
        b.abcCounts = abc;

        BtydFitter fitter = BtydFitter.standard().withMaxIterations(100);
        CustomerSummaries split = summarizer(calibrationEnd, observationEnd).summarize(log);
        CustomerSummaries calibration = withPositiveAge(split);
        b.calibrationLeftOut = split.size() - calibration.size();
        b.calibrationFit = fitter.fit(BgNbd.model(), BtydData.from(calibration));
        b.holdout = HoldoutEvaluation.evaluate(b.calibrationFit.model(), HoldoutData.from(calibration));
        for (String group : new java.util.TreeSet<>(groupOf.values())) {
            CustomerSummaries members = rows(calibration, i -> group.equals(groupOf.get(calibration.customerId(i))));
            if (members.size() > 0) {
                b.holdoutByGroup.put(group, HoldoutEvaluation.evaluate(b.calibrationFit.model(),
                        HoldoutData.from(members)));
                if (group.equals(processGroup)) {
                    b.processFit = fitter.fit(BgNbd.model(), BtydData.from(members));
                    b.processHoldout = HoldoutEvaluation.evaluate(b.processFit.model(), HoldoutData.from(members));
                }
            }
        }

        CustomerSummaries fitted = withPositiveAge(whole);
        b.wholeLeftOut = whole.size() - fitted.size();
        BtydData data = BtydData.from(fitted);
        b.purchaseFit = fitter.fit(BgNbd.model(), data);
        b.spendFit = fitter.fit(GammaGamma.model(), data);
        b.top = top(fitted, b.purchaseFit.model(), b.spendFit.model(), horizonWeeks,
                Math.pow(1 + annualDiscountRate, 1 / 52.0) - 1);
        return new ValueReport(b);
    }

    /**
     * Returns the currency of the scored lines.
     *
     * @return the currency, never null
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Returns the number of purchase and return lines in the store.
     *
     * @return the count, {@code >= 0}
     */
    public int lines() {
        return lines;
    }

    /**
     * Returns the number of lines left out because they are in another currency.
     *
     * @return the count, {@code >= 0}
     */
    public int otherCurrencyLines() {
        return otherCurrencyLines;
    }

    /**
     * Returns the summaries of the whole observed period (RFM and concentration input).
     *
     * @return the summaries, never null
     */
    public CustomerSummaries wholePeriod() {
        return whole;
    }

    /**
     * Returns the number of customers per RFM segment of {@link RfmSegmentMap#defaults()},
     * in the map's order (segments without customers included), then the fallback if used.
     *
     * @return an unmodifiable ordered map, never null
     */
    public Map<String, Integer> segmentCounts() {
        return segmentCounts;
    }

    /**
     * Returns the share of net revenue of the top 20% of customers.
     *
     * @return the share, 0 to 1
     */
    public double topFifthShare() {
        return topFifthShare;
    }

    /**
     * Returns the Gini coefficient of the customers' net revenue.
     *
     * @return the coefficient, 0 to 1
     */
    public double gini() {
        return gini;
    }

    /**
     * Returns the number of customers per ABC class (thresholds 80% and 95%).
     *
     * @return an unmodifiable map with every class, never null
     */
    public Map<AbcClass, Integer> abcCounts() {
        return abcCounts;
    }

    /**
     * Returns the BG/NBD fit on the calibration period.
     *
     * @return the fit, never null
     */
    public FitResult<BgNbd> calibrationFit() {
        return calibrationFit;
    }

    /**
     * Returns the holdout comparison of the calibration fit.
     *
     * @return the evaluation, never null
     */
    public HoldoutEvaluation holdout() {
        return holdout;
    }

    /**
     * Returns the holdout comparison of the calibration fit per group of customers.
     *
     * @return the comparisons by group label in label order, unmodifiable, empty without groups
     */
    public Map<String, HoldoutEvaluation> holdoutByGroup() {
        return holdoutByGroup;
    }

    /**
     * Returns the calibration fit on the customers of the process group alone.
     *
     * @return the fit, empty without a process group or when it has no customer
     */
    public java.util.Optional<FitResult<BgNbd>> processFit() {
        return java.util.Optional.ofNullable(processFit);
    }

    /**
     * Returns the holdout comparison of {@link #processFit()} on the process group.
     *
     * @return the comparison, empty without a process fit
     */
    public java.util.Optional<HoldoutEvaluation> processHoldout() {
        return java.util.Optional.ofNullable(processHoldout);
    }

    /**
     * Returns the length of the holdout period in weeks.
     *
     * @return the length, positive
     */
    public double holdoutWeeks() {
        return holdoutWeeks;
    }

    /**
     * Returns the number of customers left out of the calibration fit because T = 0.
     *
     * @return the count, {@code >= 0}
     */
    public int calibrationLeftOut() {
        return calibrationLeftOut;
    }

    /**
     * Returns the BG/NBD fit on the whole period, used for the values.
     *
     * @return the fit, never null
     */
    public FitResult<BgNbd> purchaseFit() {
        return purchaseFit;
    }

    /**
     * Returns the Gamma-Gamma fit on the whole period, used for the values.
     *
     * @return the fit, never null
     */
    public FitResult<GammaGamma> spendFit() {
        return spendFit;
    }

    /**
     * Returns the number of customers left out of the whole-period fits because T = 0.
     *
     * @return the count, {@code >= 0}
     */
    public int wholeLeftOut() {
        return wholeLeftOut;
    }

    /**
     * Returns the lifetime-value horizon.
     *
     * @return the horizon in weeks
     */
    public int horizonWeeks() {
        return horizonWeeks;
    }

    /**
     * Returns the yearly discount rate.
     *
     * @return the rate, 0 to 1
     */
    public double annualDiscountRate() {
        return annualDiscountRate;
    }

    /**
     * Returns the (at most) {@value #TOP} customers with the highest discounted expected
     * lifetime value, highest first (ties by id).
     *
     * @return an unmodifiable list, never null
     */
    public List<CustomerValue> topCustomers() {
        return top;
    }

    /**
     * The demo's summarizer: weeks, the given calibration and observation end, purchase days
     * of no positive value left out. The churn section summarizes with it too, so that both
     * sections see the same periods.
     */
    static Summarizer summarizer(LocalDate calibrationEnd, LocalDate observationEnd) {
        return Summarizer.builder().timeUnit(TimeUnit.WEEKS).calibrationEnd(calibrationEnd)
                .observationEnd(observationEnd).nonPositiveDays(NonPositiveDayPolicy.EXCLUDE).build();
    }

    /**
     * The rows with T > 0 (a first purchase on the last day gives T = 0, which no model accepts);
     * the churn section scores the same rows.
     */
    static CustomerSummaries withPositiveAge(CustomerSummaries s) {
        return rows(s, i -> s.t(i) > 0);
    }

    /** The rows {@code keep} accepts, in order. */
    private static CustomerSummaries rows(CustomerSummaries s, java.util.function.IntPredicate keep) {
        CustomerSummaries.Builder b = CustomerSummaries.builder().timeUnit(TimeUnit.WEEKS);
        for (int i = 0; i < s.size(); i++) {
            if (keep.test(i)) {
                if (s.hasHoldout()) {
                    b.add(s.customerId(i), s.frequency(i), s.recency(i), s.t(i), s.monetaryValue(i),
                            s.frequencyHoldout(i), s.monetaryValueHoldout(i), s.durationHoldout(i));
                } else {
                    b.add(s.customerId(i), s.frequency(i), s.recency(i), s.t(i), s.monetaryValue(i));
                }
            }
        }
        return b.build();
    }

    /**
     * The customers with the highest discounted value. The discounted sum over the horizon
     * costs one conditional expectation per week, so it is computed only for the customers
     * that can reach the top: with a discount factor of at least {@code f = (1 + d)^-horizon}
     * per purchase, a customer's discounted value lies between {@code f U} and {@code U}, its
     * undiscounted value U; whoever has {@code U} below the {@value #TOP}-th largest
     * {@code f U} cannot be among the top, so the pruning is exact.
     */
    private static List<CustomerValue> top(CustomerSummaries s, BgNbd purchases, GammaGamma spend, int horizon,
            double weeklyDiscount) {
        int n = s.size();
        double[] x = BtydData.frequencies(s);
        double[] tx = s.recencyColumn();
        double[] t = s.tColumn();
        double[] expected = new double[n];
        double[] alive = new double[n];
        purchases.predict(horizon, x, tx, t, expected, alive);
        double[] perPurchase = new double[n];
        double[] undiscounted = new double[n];
        for (int i = 0; i < n; i++) {
            perPurchase[i] = spend.conditionalExpectedSpend(x[i], x[i] == 0 ? 0 : s.monetaryValue(i));
            undiscounted[i] = expected[i] * perPurchase[i];
        }
        double floor = Math.pow(1 + weeklyDiscount, -horizon);
        double[] lower = Arrays.stream(undiscounted).map(u -> u * floor).sorted().toArray();
        double threshold = lower[Math.max(0, n - TOP)];
        List<CustomerValue> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (undiscounted[i] >= threshold) {
                double count = purchases.discountedExpectedPurchases(horizon, weeklyDiscount, x[i], tx[i], t[i]);
                candidates.add(new CustomerValue(s.customerId(i), s.frequency(i), tx[i], t[i], alive[i], expected[i],
                        perPurchase[i], count * perPurchase[i]));
            }
        }
        candidates.sort(Comparator.comparingDouble(CustomerValue::lifetimeValue).reversed()
                .thenComparing(CustomerValue::customerId));
        return candidates.subList(0, Math.min(TOP, candidates.size()));
    }
}
