package org.crmkit.scoring.btyd;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.internal.AgeCache;
import org.crmkit.scoring.btyd.internal.BtydSimulations;
import org.crmkit.scoring.btyd.internal.DiscountedSum;
import org.crmkit.scoring.btyd.internal.GGompertzNbdFormulas;
import org.crmkit.scoring.btyd.internal.GGompertzNbdModel;
import org.crmkit.scoring.btyd.internal.ModelSupport;

/**
 * The GGompertz/NBD model of Bemmaor and Glady (2012), "Modeling purchasing behavior with
 * sudden 'death': a flexible customer lifetime model", Management Science 58(5), 1012-1021:
 * Poisson purchases at a gamma({@code r, alpha}) distributed rate while alive, as in the
 * Pareto/NBD, and a Gompertz lifetime {@code P(tau > t | eta) = exp(-eta (e^(b t) - 1))} whose
 * scale {@code eta} is gamma({@code s, beta}) distributed, so that
 * {@code P(tau > t) = (beta / (beta + e^(b t) - 1))^s}. With {@code b > 0} the hazard of a
 * customer grows with age; as {@code b -> 0} with {@code beta / b} fixed the lifetime becomes
 * exponential and the model the Pareto/NBD with {@code beta_P = beta / b}.
 *
 * <p>The likelihood and P(alive) contain an integral over the unobserved time of death,
 * taken by an adaptive Gauss-Legendre quadrature in log space (see the internal
 * {@code GGompertzNbdFormulas}); the expectations integrate the survival. On the CDNOW sample
 * the paper reports (Table 2, p. 1018, as quoted by CLVTools' tests) {@code r = 0.553,
 * alpha = 10.578, b = 0.0002, s = 0.603, beta = 0.0026} and LL = -9594.98, and CLVTools
 * reaches LL = -9594.9762 at {@code b = 1.1e-6, beta = 1.3e-5}: the maximum lies at the
 * boundary {@code b, beta -> 0}, i.e. at the Pareto/NBD, and a fit reports it as such.
 *
 * <pre>{@code
 * FitResult<GGompertzNbd> fit = BtydFitter.standard().fit(GGompertzNbd.model(), data);
 * GGompertzNbd model = GGompertzNbd.of(0.55, 10.6, 0.05, 0.6, 0.5);
 * double alive = model.probabilityAlive(2, 30.43, 38.86);
 * double next52 = model.conditionalExpectedPurchases(52, 2, 30.43, 38.86);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares the parameter
 * values exactly.
 */
public final class GGompertzNbd extends ParametricModel implements PurchaseModel {

    /** The model name, {@value}. */
    public static final String NAME = "ggompertz-nbd";
    private static final BtydModel<GGompertzNbd> MODEL = new GGompertzNbdModel();

    private final double r;
    private final double alpha;
    private final double b;
    private final double s;
    private final double beta;

    private GGompertzNbd(double r, double alpha, double b, double s, double beta) {
        super(MODEL, r, alpha, b, s, beta);
        this.r = r;
        this.alpha = alpha;
        this.b = b;
        this.s = s;
        this.beta = beta;
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param r the shape of the purchase-rate gamma distribution, positive
     * @param alpha the rate of the purchase-rate gamma distribution, positive
     * @param b the Gompertz parameter (how fast the hazard grows with age), positive
     * @param s the shape of the gamma distribution of the lifetime scale, positive
     * @param beta the rate of the gamma distribution of the lifetime scale, positive
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static GGompertzNbd of(double r, double alpha, double b, double s, double beta) {
        return new GGompertzNbd(r, alpha, b, s, beta);
    }

    /**
     * Returns the model specification for fitting, persistence and the SPI.
     *
     * @return the GGompertz/NBD specification, never null
     */
    public static BtydModel<GGompertzNbd> model() {
        return MODEL;
    }

    /**
     * Returns the parameters r, alpha, b, s, beta.
     *
     * @return the values in that order, never null
     */
    public List<Double> parameterValues() {
        return valueList();
    }

    private static void requireHistory(double x, double tx, double age) {
        BtydData.validateRow(0, x, tx, age, 0, 1);
    }

    private static void requireWindow(String name, double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException(name + " " + t + " is not finite and >= 0");
        }
    }

    /** The model of a customer alive at T with the given history, time measured from T. */
    private GGompertzNbd posterior(double x, double age) {
        return new GGompertzNbd(r + x, alpha + age, b, s, GGompertzNbdFormulas.posteriorBeta(beta, b, age));
    }

    /**
     * Returns the log-likelihood of one customer history.
     *
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the log-likelihood, finite
     * @throws IllegalArgumentException if the history is invalid
     */
    public double logLikelihood(double x, double tx, double age) {
        requireHistory(x, tx, age);
        return GGompertzNbdFormulas.logLikelihood(r, alpha, b, s, beta, x, tx, age);
    }

    /**
     * {@inheritDoc} {@code r / alpha} times the integral of the survival
     * {@code (beta / (beta + e^(b u) - 1))^s} over {@code (0, t]}, by quadrature.
     */
    @Override
    public double expectedPurchases(double t) {
        requireWindow("window t", t);
        return GGompertzNbdFormulas.expectedPurchases(r, alpha, b, s, beta, t);
    }

    /**
     * {@inheritDoc} P(alive) times the expected purchases of the posterior process
     * {@code (r + x, alpha + T, b, s, 1 + (beta - 1) e^(-b T))}.
     */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        requireWindow("window t", t);
        requireHistory(x, tx, age);
        if (t == 0) {
            return 0;
        }
        double alive = GGompertzNbdFormulas.probabilityAlive(r, alpha, b, s, beta, x, tx, age);
        return alive * posterior(x, age).expectedPurchases(t);
    }

    /**
     * {@inheritDoc} The alive term of the likelihood over the likelihood, so the gamma
     * functions cancel; 1 when {@code t_x = T}.
     */
    @Override
    public double probabilityAlive(double x, double tx, double age) {
        requireHistory(x, tx, age);
        return GGompertzNbdFormulas.probabilityAlive(r, alpha, b, s, beta, x, tx, age);
    }

    /**
     * {@inheritDoc} P(alive at T) times the posterior survival
     * {@code ((beta + e^(b T) - 1) / (beta + e^(b (T + t)) - 1))^s}.
     */
    @Override
    public double probabilityAliveAt(double t, double x, double tx, double age) {
        requireWindow("time t", t);
        requireHistory(x, tx, age);
        double alive = GGompertzNbdFormulas.probabilityAlive(r, alpha, b, s, beta, x, tx, age);
        double post = GGompertzNbdFormulas.posteriorBeta(beta, b, age);
        return alive * Math.exp(GGompertzNbdFormulas.logSurvival(b, s, post, t));
    }

    /**
     * {@inheritDoc} The negative binomial probability of {@code n} purchases over the time
     * alive in the window, mixed over the lifetime distribution by quadrature.
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        ModelSupport.requirePurchaseCount(n);
        ModelSupport.requirePositiveWindow(t);
        return GGompertzNbdFormulas.probabilityOfPurchases(r, alpha, b, s, beta, t, n);
    }

    /**
     * {@inheritDoc} Given alive at T, the future is the GGompertz/NBD process
     * {@code (r + x, alpha + T, b, s, 1 + (beta - 1) e^(-b T))}; given dead, no purchase.
     */
    @Override
    public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx, double age) {
        ModelSupport.requirePurchaseCount(n);
        ModelSupport.requirePositiveWindow(t);
        requireHistory(x, tx, age);
        double alive = GGompertzNbdFormulas.probabilityAlive(r, alpha, b, s, beta, x, tx, age);
        GGompertzNbd post = posterior(x, age);
        double given = GGompertzNbdFormulas.probabilityOfPurchases(post.r, post.alpha, b, s, post.beta, t, n);
        return Math.min(1.0, alive * given + (n == 0 ? 1.0 - alive : 0.0));
    }

    /**
     * {@inheritDoc} Given alive at T the future is the posterior process
     * {@code (r + x, alpha + T, b, s, 1 + (beta - 1) e^(-b T))}, whose expected purchases in
     * {@code (T, T + u]} are {@code (r + x) / (alpha + T) A(u)} with {@code A(u)} the
     * posterior expected time alive ({@link GGompertzNbdFormulas#expectedTimeAlive}), which
     * depends on the age T only; so the discounted sum factors as
     * {@code P(alive) (r + x) / (alpha + T) sum_k v^k (A(k) - A(k - 1))}
     * ({@link DiscountedSum}), and the bulk form takes that sum once per distinct age.
     */
    @Override
    public double discountedExpectedPurchases(long periods, double discountRate, double x, double tx,
            double age) {
        ModelSupport.requireDiscounting(periods, discountRate);
        requireHistory(x, tx, age);
        if (periods == 0) {
            return 0;
        }
        if (discountRate == 0) {
            return conditionalExpectedPurchases(periods, x, tx, age); // the sum telescopes
        }
        double alive = GGompertzNbdFormulas.probabilityAlive(r, alpha, b, s, beta, x, tx, age);
        return alive * (r + x) / (alpha + age) * discountedAliveTime(periods, discountRate, age);
    }

    /**
     * {@inheritDoc} One P(alive) per customer and the discounted expected time alive once per
     * distinct age in each chunk; equal to the one-customer form.
     */
    @Override
    public void discountedExpectedPurchases(long periods, double discountRate, double[] x,
            double[] tx, double[] age, double[] out, Parallelism parallelism) {
        ModelSupport.requireDiscounting(periods, discountRate);
        int n = HistoryArrays.requireSameLength(x, tx, age, out);
        Objects.requireNonNull(parallelism, "parallelism").forEachChunk(n, 256, (c, from, to) -> {
            AgeCache cache = new AgeCache();
            for (int i = from; i < to; i++) {
                double t = age[i];
                ModelSupport.requireHistory(i, x[i], tx[i], t);
                if (periods == 0 || discountRate == 0) {
                    out[i] = discountedExpectedPurchases(periods, discountRate, x[i], tx[i], t);
                    continue;
                }
                double sum = cache.get(t);
                if (Double.isNaN(sum)) {
                    sum = discountedAliveTime(periods, discountRate, t);
                    cache.put(t, sum);
                }
                double alive = GGompertzNbdFormulas.probabilityAlive(r, alpha, b, s, beta, x[i], tx[i], t);
                out[i] = alive * (r + x[i]) / (alpha + t) * sum;
            }
        });
    }

    /** {@code sum_{k=1..K} v^k (A(k) - A(k - 1))} for the posterior lifetime at age T. */
    private double discountedAliveTime(long periods, double discountRate, double age) {
        double postBeta = GGompertzNbdFormulas.posteriorBeta(beta, b, age);
        return DiscountedSum.of(u -> GGompertzNbdFormulas.expectedTimeAlive(b, s, postBeta, u), periods,
                discountRate);
    }

    /**
     * {@inheritDoc} Each customer draws {@code lambda ~ gamma(r, alpha)} and
     * {@code eta ~ gamma(s, beta)}, dies at {@code ln(1 + E / eta) / b} with {@code E} a
     * standard exponential (the inverse of the Gompertz survival) and buys at the times of a
     * Poisson process of rate {@code lambda} until then.
     */
    @Override
    public SimulatedCohort simulate(double[] ages, double holdout, long seed) {
        return BtydSimulations.ggompertzNbd(r, alpha, b, s, beta, Objects.requireNonNull(ages, "ages"), holdout,
                seed);
    }
}
