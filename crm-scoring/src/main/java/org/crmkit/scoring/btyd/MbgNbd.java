package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.internal.MbgNbdModel;

/**
 * The MBG/NBD ("modified BG/NBD") model of Batislam, Denizel and Filiztekin (2007),
 * "Empirical validation and comparison of models for customer base analysis",
 * International Journal of Research in Marketing 24(3), 201-209: BG/NBD in which a
 * customer may also drop out right after the first purchase, so customers without repeat
 * purchases are not assumed alive. Parameters {@code r, alpha} (gamma purchase rate) and
 * {@code a, b} (beta drop-out probability).
 *
 * <p>Batislam et al. fit the model to grocery retail transaction data (paper abstract,
 * doi:10.1016/j.ijresmar.2006.12.005), not to CDNOW; formulas below are cited by name,
 * without equation numbers, because those could not be checked against the paper. The
 * same model is implemented in R's BTYDplus ({@code mbgnbd.*}, equivalently
 * {@code mbgcnbd.*} with {@code k = 1}) and Python's lifetimes
 * ({@code ModifiedBetaGeoFitter}).
 *
 * <p>Formulas: {@link #expectedPurchases} is the expectation of a new customer,
 * {@code b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]}, evaluated
 * without division by {@code a - 1}; {@link #conditionalExpectedPurchases} is Batislam et
 * al.'s conditional expectation; {@link #probabilityAlive} is
 * {@code 1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x))}; {@link #probabilityOfPurchases}
 * is Fader, Hardie and Lee (2005) eq. 8 (BG/NBD) with drop-out also possible at time 0.
 *
 * <pre>{@code
 * FitResult<MbgNbd> fit = BtydFitter.standard().fit(MbgNbd.model(), data);
 * double alive = fit.model().probabilityAlive(0, 0, 38.86); // below 1, unlike BG/NBD
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares the parameter
 * values exactly.
 */
public final class MbgNbd extends BetaGeometricModel implements PurchaseModel {

    /** The model name, {@value}. */
    public static final String NAME = "mbg-nbd";
    private static final BtydModel<MbgNbd> MODEL = new MbgNbdModel();

    private MbgNbd(double r, double alpha, double a, double b) {
        super(MODEL, r, alpha, a, b, true);
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
    public static MbgNbd of(double r, double alpha, double a, double b) {
        return new MbgNbd(r, alpha, a, b);
    }

    /**
     * Returns the model specification for fitting, persistence and the SPI.
     *
     * @return the MBG/NBD specification, never null
     */
    public static BtydModel<MbgNbd> model() {
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
