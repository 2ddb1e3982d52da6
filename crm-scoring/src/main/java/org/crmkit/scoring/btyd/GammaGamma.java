package org.crmkit.scoring.btyd;

import java.util.Objects;
import org.crmkit.scoring.btyd.internal.GammaGammaModel;
import org.hipparchus.random.RandomDataGenerator;

/**
 * The Gamma-Gamma model of the monetary value of transactions (Fader, Hardie and Lee
 * 2005, "RFM and CLV: using iso-value curves for customer base analysis", Journal of
 * Marketing Research 42(4), 415-430; Fader and Hardie 2013, "The Gamma-Gamma model of
 * monetary value", www.brucehardie.com/notes/025/): each transaction of a customer is {@code Gamma(p, nu)}, and
 * {@code nu ~ Gamma(q, v)} across customers (the note writes {@code gamma} for {@code v}).
 *
 * <pre>{@code
 * FitResult<GammaGamma> fit = BtydFitter.standard().fit(GammaGamma.model(),
 *         BtydData.withMonetary(x, tx, T, meanSpend));
 * double spend = fit.model().conditionalExpectedSpend(2, 22.35);
 * double clv = GammaGamma.of(6.25, 3.74, 15.44).lifetimeValue(
 *         BgNbd.of(0.243, 4.414, 0.793, 2.426), 52, 0.01, 2, 30.43, 38.86, 22.35);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares parameter values
 * exactly.
 */
public final class GammaGamma extends ParametricModel implements SpendModel {

    /** The model name, {@value}. */
    public static final String NAME = "gamma-gamma";
    private static final BtydModel<GammaGamma> MODEL = new GammaGammaModel();

    private final double p;
    private final double q;
    private final double v;

    private GammaGamma(double p, double q, double v) {
        super(MODEL, p, q, v);
        this.p = p;
        this.q = q;
        this.v = v;
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param p the shape of the transaction-value gamma distribution, positive
     * @param q the shape of the gamma distribution of its rate across customers, positive
     * @param v the scale (rate) of that distribution, positive
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static GammaGamma of(double p, double q, double v) {
        return new GammaGamma(p, q, v);
    }

    /**
     * Returns the model specification for fitting, persistence and the SPI.
     *
     * @return the Gamma-Gamma specification, never null
     */
    public static BtydModel<GammaGamma> model() {
        return MODEL;
    }

    /**
     * {@inheritDoc} The posterior mean of Fader and Hardie (2013):
     * {@code (v + m x) p / (p x + q - 1)}, a weighted mean of the population mean
     * {@code v p / (q - 1)} and the observed mean {@code m}.
     *
     * @throws IllegalStateException if {@code p x + q <= 1}, where the mean is infinite
     */
    @Override
    public double conditionalExpectedSpend(double frequency, double monetary) {
        if (!(frequency >= 0) || frequency != Math.rint(frequency) || Double.isInfinite(frequency)) {
            throw new IllegalArgumentException("frequency " + frequency + " is not a whole number >= 0");
        }
        if (frequency == 0) {
            return populationMeanSpend();
        }
        if (!(monetary > 0) || Double.isInfinite(monetary)) {
            throw new IllegalArgumentException("monetary value " + monetary
                    + " is not positive and finite for frequency " + frequency);
        }
        double denominator = p * frequency + q - 1;
        if (!(denominator > 0)) {
            throw new IllegalStateException("expected spend is infinite: p x + q = "
                    + (p * frequency + q) + " <= 1");
        }
        double value = (v + monetary * frequency) * (p / denominator);
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("expected spend overflows for p=" + p + ", q=" + q
                    + ", v=" + v + ", x=" + frequency + ", m=" + monetary);
        }
        return value;
    }

    /**
     * {@inheritDoc} {@code v p / (q - 1)}.
     *
     * @throws IllegalStateException if {@code q <= 1}
     */
    @Override
    public double populationMeanSpend() {
        if (!(q > 1)) {
            throw new IllegalStateException("mean spend is infinite for q = " + q + " <= 1");
        }
        return v * (p / (q - 1));
    }

    /**
     * Returns the discounted expected residual lifetime value over a horizon: the
     * transaction model's {@link PurchaseModel#discountedExpectedPurchases discounted
     * expected purchases} times this model's {@link #conditionalExpectedSpend expected
     * spend} (Fader, Hardie and Lee 2005, JMR, which assume spend independent of the
     * transaction process).
     *
     * @param purchases the transaction model, not null
     * @param periods the horizon in time units, {@code >= 0}
     * @param discountRate the discount rate per time unit, {@code >= 0}
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @param monetary mean spend of the repeat purchases (ignored when x = 0)
     * @return the discounted expected value, finite and {@code >= 0}
     * @throws IllegalArgumentException if an argument is invalid
     * @throws IllegalStateException if the expected spend is infinite
     */
    public double lifetimeValue(PurchaseModel purchases, long periods, double discountRate,
            double x, double tx, double age, double monetary) {
        Objects.requireNonNull(purchases, "purchases");
        double count = purchases.discountedExpectedPurchases(periods, discountRate, x, tx, age);
        return count == 0 ? 0 : count * conditionalExpectedSpend(x, monetary);
    }

    /**
     * Draws the mean spend of customers with the given repeat frequencies:
     * {@code nu ~ Gamma(q, v)}, then each of the x transactions {@code ~ Gamma(p, nu)}.
     *
     * @param frequency the number of transactions per customer, whole numbers, not null
     * @param seed the random seed
     * @return the mean transaction value per customer (0 where x = 0), never null
     * @throws IllegalArgumentException if a frequency is not a whole number {@code >= 0}
     */
    public double[] simulateMeanSpend(double[] frequency, long seed) {
        Objects.requireNonNull(frequency, "frequency");
        RandomDataGenerator random = new RandomDataGenerator(seed);
        double[] mean = new double[frequency.length];
        for (int i = 0; i < frequency.length; i++) {
            double x = frequency[i];
            if (!(x >= 0) || x != Math.rint(x) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("frequency " + i + " = " + x + " is invalid");
            }
            double nu = random.nextGamma(q, 1 / v);
            double sum = 0;
            for (int j = 0; j < x; j++) {
                sum += random.nextGamma(p, 1 / nu);
            }
            mean[i] = x == 0 ? 0 : sum / x;
        }
        return mean;
    }
}
