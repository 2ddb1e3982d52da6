package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.internal.BgNbdModel;

/**
 * The BG/NBD ("beta-geometric / negative binomial distribution") model of Fader, Hardie
 * and Lee (2005), "'Counting your customers' the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2), 275-284, with parameters {@code r, alpha}
 * (gamma heterogeneity of the purchase rate) and {@code a, b} (beta heterogeneity of the
 * drop-out probability after each repeat purchase).
 *
 * <p>Equation numbers in the method documentation refer to that paper: eq. 8
 * P(X(t) = x), eq. 9 E[X(t)], eq. 10 the conditional expectation (the numbering used by
 * the lifetimes package's {@code BetaGeoFitter}). The likelihood is the paper's likelihood
 * of a randomly chosen customer (its equation number is not quoted here because it could
 * not be checked). P(alive) follows Fader, Hardie and Lee (2008), "Computing P(alive)
 * using the BG/NBD model", www.brucehardie.com/notes/021/. The example uses the CDNOW
 * estimates published in the paper, r = 0.243, alpha = 4.414, a = 0.793, b = 2.426
 * (LL = -9582.4), as also quoted by the CLVTools and lifetimes test suites.
 *
 * <p>Formulas: {@link #probabilityOfPurchases} is eq. 8; {@link #expectedPurchases} is
 * eq. 9, {@code (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]},
 * evaluated without division by {@code a - 1}; {@link #conditionalExpectedPurchases} is
 * eq. 10; {@link #probabilityAlive} is
 * {@code 1 / (1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))} (Fader, Hardie and
 * Lee 2008), equal to 1 for {@code x = 0}: BG/NBD customers die only after a purchase.
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
 * BgNbd model = fit.model();            // or BgNbd.of(0.243, 4.414, 0.793, 2.426)
 * double e = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares the parameter
 * values exactly.
 */
public final class BgNbd extends BetaGeometricModel implements PurchaseModel {

    /** The model name, {@value}. */
    public static final String NAME = "bg-nbd";
    private static final BtydModel<BgNbd> MODEL = new BgNbdModel();

    private BgNbd(double r, double alpha, double a, double b) {
        super(MODEL, r, alpha, a, b, false);
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param r the shape of the purchase-rate gamma distribution, positive
     * @param alpha the scale of the purchase-rate gamma distribution, positive
     * @param a the first shape of the drop-out beta distribution, positive
     * @param b the second shape of the drop-out beta distribution, positive
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static BgNbd of(double r, double alpha, double a, double b) {
        return new BgNbd(r, alpha, a, b);
    }

    /**
     * Returns the model specification for fitting, persistence and the SPI.
     *
     * @return the BG/NBD specification, never null
     */
    public static BtydModel<BgNbd> model() {
        return MODEL;
    }

    /**
     * Returns the parameters r, alpha, a, b.
     *
     * @return the values in that order, never null
     */
    public List<Double> parameterValues() {
        return valueList();
    }
}
