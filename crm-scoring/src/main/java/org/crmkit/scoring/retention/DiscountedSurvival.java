package org.crmkit.scoring.retention;

/**
 * The DERL sum {@code sum_{k >= 0} [S(m + 1 + k) / S(m)] / (1 + d)^k} of a model without a
 * closed form, summed in log space.
 *
 * <p>Truncation: because {@code S} does not increase, every term after term {@code k} is at most
 * {@code term_k z^(j - k)} with {@code z = 1 / (1 + d)}, so the remainder after term {@code k} is
 * at most {@code term_k z / (1 - z)}; the sum stops when that bound is below
 * {@value #TOLERANCE} of the sum. Since {@code term_k <= z^k}, at most
 * {@code ceil(ln(TOLERANCE (1 - z)) / ln z) + 1} terms are ever needed (then the remainder is
 * below {@value #TOLERANCE} in absolute terms): the loop is bounded by the discount rate, about
 * 440,000 terms at the smallest rate accepted ({@link RetentionModel#MIN_DISCOUNT_RATE}).
 */
final class DiscountedSurvival {
    /** Relative (at worst absolute) bound on the truncated remainder. */
    static final double TOLERANCE = 1e-15;

    /** ln S(t) of a model, for real t >= 0 (t may exceed the int range). */
    interface LogSurvival {
        double at(double t);
    }

    private DiscountedSurvival() {
    }

    static long maxTerms(double discountRate) {
        double logZ = -Math.log1p(discountRate);
        double oneMinusZ = discountRate / (1 + discountRate);
        return (long) Math.ceil(Math.log(TOLERANCE * oneMinusZ) / logZ) + 1;
    }

    static double sum(LogSurvival logSurvival, int renewals, double discountRate) {
        double log1pd = Math.log1p(discountRate);
        double tailFactor = 1 / discountRate; // z / (1 - z)
        double base = logSurvival.at(renewals);
        long terms = maxTerms(discountRate);
        double sum = 0;
        for (long k = 0; k < terms; k++) {
            double term = Math.exp(logSurvival.at((double) renewals + 1 + k) - base - k * log1pd);
            sum += term;
            if (term * tailFactor <= TOLERANCE * sum) {
                break;
            }
        }
        return sum;
    }
}
