package org.crmkit.scoring.value;

/**
 * Textbook (deterministic) customer lifetime value formulas.
 *
 * <p>All amounts are per customer in one currency; rates are per period.
 *
 * <pre>{@code
 * // 40 a week for 30 years, undiscounted: 40 x 52 x 30 = 62,400
 * double clv = LifetimeValue.simple(40, 52, 30);
 * // margin 100 a year, retention 80 %, discount 10 %: 100 x 0.8 / (1 + 0.1 - 0.8) = 266.67
 * double withRetention = LifetimeValue.retentionPerpetuity(100, 0.8, 0.1);
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class LifetimeValue {
    private LifetimeValue() {
    }

    /**
     * Simple undiscounted lifetime value: margin per purchase times purchases per period
     * times number of periods (the CRM-textbook example: a customer spending 40 a week for
     * 30 more years is worth 40 x 52 x 30 = 62,400).
     *
     * @param marginPerPurchase the margin (or spend) per purchase, finite
     * @param purchasesPerPeriod purchases per period, finite and {@code >= 0}
     * @param periods the number of periods, finite and {@code >= 0}
     * @return the product, finite
     * @throws IllegalArgumentException if an argument is invalid or the result overflows
     */
    public static double simple(double marginPerPurchase, double purchasesPerPeriod,
            double periods) {
        finite("marginPerPurchase", marginPerPurchase);
        nonNegative("purchasesPerPeriod", purchasesPerPeriod);
        nonNegative("periods", periods);
        return finiteResult(marginPerPurchase * purchasesPerPeriod * periods);
    }

    /**
     * Lifetime value with constant retention and discounting over an infinite horizon,
     * margins received at the end of each period the customer survives:
     * {@code sum_{t>=1} m r^t / (1 + d)^t = m r / (1 + d - r)}
     * (Gupta &amp; Lehmann 2003, "Customers as assets", Journal of Interactive Marketing
     * 17(1), the margin multiple r / (1 + d - r); the retention model of Berger &amp; Nasr 1998, "Customer lifetime
     * value: marketing models and applications", J. Interactive Marketing 12(1)).
     *
     * @param margin the margin per period m, finite
     * @param retention the retention rate r per period, in [0, 1]
     * @param discountRate the discount rate d per period, {@code >= 0}, with
     *     {@code 1 + d - r > 0}
     * @return the lifetime value, finite
     * @throws IllegalArgumentException if an argument is out of range or the series
     *     diverges ({@code r = 1} and {@code d = 0})
     */
    public static double retentionPerpetuity(double margin, double retention,
            double discountRate) {
        finite("margin", margin);
        checkRates(retention, discountRate);
        if (!(1 + discountRate - retention > 0)) {
            throw new IllegalArgumentException("the series diverges: retention " + retention
                    + " with discount rate " + discountRate);
        }
        return finiteResult(margin * retention / (1 + discountRate - retention));
    }

    /**
     * Lifetime value with constant retention and discounting over a finite horizon:
     * {@code sum_{t=1..T} m (r / (1 + d))^t} (the finite-horizon form of the same model:
     * Gupta &amp; Lehmann 2003; Berger &amp; Nasr 1998; Blattberg, Kim &amp; Neslin 2008,
     * "Database Marketing", Springer). It tends to {@link #retentionPerpetuity} as T grows;
     * with {@code r = 1} it is the discounted annuity of m.
     *
     * @param margin the margin per period m, finite
     * @param retention the retention rate r, in [0, 1]
     * @param discountRate the discount rate d, {@code >= 0}
     * @param periods the horizon T, {@code >= 0}
     * @return the lifetime value, finite
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double retentionFiniteHorizon(double margin, double retention,
            double discountRate, int periods) {
        finite("margin", margin);
        checkRates(retention, discountRate);
        if (periods < 0) {
            throw new IllegalArgumentException("periods must be >= 0: " + periods);
        }
        double q = retention / (1 + discountRate);
        double sum;
        if (q == 1.0) {
            sum = periods;
        } else {
            // geometric series q + q^2 + ... + q^T = q (1 - q^T) / (1 - q)
            sum = q * (1 - Math.pow(q, periods)) / (1 - q);
        }
        return finiteResult(margin * sum);
    }

    private static void checkRates(double retention, double discountRate) {
        if (!(retention >= 0 && retention <= 1)) {
            throw new IllegalArgumentException("retention must be in [0, 1]: " + retention);
        }
        if (!(discountRate >= 0) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException(
                    "discount rate must be finite and >= 0: " + discountRate);
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite: " + v);
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0: " + v);
        }
    }

    private static double finiteResult(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the lifetime value overflows: " + v);
        }
        return v;
    }
}
