package org.crmkit.scoring.churn;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.MbgNbd;
import org.crmkit.scoring.btyd.PurchaseModel;

/**
 * The default churn risk of a non-contractual customer: the probability that a customer
 * with history {@code (x, t_x, T)} makes <em>no</em> purchase in the next window
 * {@code (T, T + w]}, under a fitted {@link PurchaseModel}.
 *
 * <h2>Derivation</h2>
 * Condition on whether the customer is still alive at {@code T}. A customer who is dead
 * does not buy, so
 * <pre>
 *   risk = P(Y(w) = 0 | x, t_x, T) = (1 - A) + A * Q0,   A = P(alive at T | x, t_x, T),
 * </pre>
 * where {@code Q0} is the probability that an alive customer stays quiet for {@code w}.
 * Given alive, the individual parameters have the usual posterior distributions, and the
 * future is a fresh process of the same kind with the updated mixing distributions
 * (Fader, Hardie and Lee 2005, "Counting your customers the easy way", Marketing Science
 * 24(2), 275-284, section 3 and appendix, for BG/NBD; Fader and Hardie 2005, "A note on
 * deriving the Pareto/NBD model and related expressions", for Pareto/NBD; Fader, Hardie
 * and Shang 2010, Marketing Science 29(6), for BG/BB):
 * <ul>
 *   <li><b>BG/NBD</b> and <b>MBG/NBD</b> (Batislam, Denizel and Filiztekin 2007): an alive
 *       customer can only drop out right after a purchase, so "no purchase in the window"
 *       is exactly "no Poisson event in the window". With the rate's posterior
 *       {@code Gamma(r + x, alpha + T)} the Poisson zero term integrates to the negative
 *       binomial zero probability:
 *       {@code Q0 = ((alpha + T) / (alpha + T + w))^(r + x)}, and
 *       {@code A = 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))}
 *       (FHL 2005 eq. 13) or, for MBG/NBD, {@code 1 / (1 + a / (b + x) (...)^(r + x))}.</li>
 *   <li><b>Pareto/NBD</b>: given alive, rate {@code lambda ~ Gamma(r + x, alpha + T)} and
 *       drop-out rate {@code mu ~ Gamma(s, beta + T)}, independent (their joint posterior is
 *       proportional to {@code lambda^x e^-(lambda + mu) T} times the priors). With
 *       remaining lifetime {@code tau ~ Exp(mu)} the customer stays quiet when the first
 *       purchase comes after {@code min(tau, w)}:
 *       {@code E[e^-lambda min(tau, w)] = E[(alpha'/(alpha'+w))^r' (beta'/(beta'+w))^s]
 *       + int_0^w (s/beta') (beta'/(beta'+u))^(s+1) (alpha'/(alpha'+u))^r' du},
 *       i.e. {@code P(X(w) = 0)} of Fader and Hardie's note "Deriving an expression for
 *       P(X(t) = x) under the Pareto/NBD model" with the posterior parameters
 *       {@code (r + x, alpha + T, s, beta + T)}; the integral is evaluated by the model's
 *       {@link org.crmkit.scoring.btyd.ParetoNbd#conditionalProbabilityOfPurchases
 *       conditionalProbabilityOfPurchases(0, ...)}.</li>
 *   <li><b>BG/BB</b>: the discrete analogue. Given alive at opportunity {@code n}, the
 *       purchase probability {@code p ~ Beta(alpha + x, beta + n - x)} and the drop-out
 *       probability {@code theta ~ Beta(gamma, delta + n)}, independent. At each of the
 *       next {@code m} opportunities the customer first survives (probability
 *       {@code 1 - theta}) and then buys with probability {@code p}. Quiet for {@code m}
 *       opportunities means dying at opportunity {@code j + 1} after {@code j} quiet ones,
 *       or surviving all {@code m} quietly:
 *       {@code Q0 = sum_{j=0}^{m-1} E[theta (1-theta)^j] E[(1-p)^j] + E[(1-theta)^m] E[(1-p)^m]},
 *       with the beta moments {@code E[(1-p)^j] = prod_{i<j} (beta' + i)/(alpha' + beta' + i)},
 *       {@code E[(1-theta)^j] = prod_{i<j} (delta' + i)/(gamma + delta' + i)} and
 *       {@code E[theta (1-theta)^j] = E[(1-theta)^j] gamma / (gamma + delta' + j)}. The window
 *       counts opportunities and must be a whole number.</li>
 *   <li>Any other (plug-in) model: {@code conditionalProbabilityOfPurchases(0, w, x, t_x, T)},
 *       which every {@link PurchaseModel} defines.</li>
 * </ul>
 * The risk is <em>not</em> {@code 1 - P(alive)}: under BG/NBD every customer without a
 * repeat purchase has {@code P(alive) = 1}, whatever their age, and ranking by
 * {@code P(alive)} alone is worse than chance on CDNOW (see {@link ChurnEvaluation}).
 *
 * <pre>{@code
 * PurchaseModel model = BgNbd.of(0.243, 4.414, 0.793, 2.426);
 * double risk = NoPurchaseRisk.of(model, 39, 2, 30.43, 38.86);    // no purchase in 39 weeks
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class NoPurchaseRisk {

    /** Customers per task of the bulk method. */
    static final int CHUNK = 1 << 14;

    private NoPurchaseRisk() {
    }

    /**
     * Returns the probability of no purchase in {@code (T, T + window]} given the history.
     *
     * @param model the fitted purchase model, not null
     * @param window the window length in the model's time unit, {@code > 0} (whole for BG/BB)
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return a probability in [0, 1]
     * @throws IllegalArgumentException if the window or the history is invalid
     */
    public static double of(PurchaseModel model, double window, double x, double tx, double age) {
        Objects.requireNonNull(model, "model");
        requireWindow(window);
        if (model instanceof BgNbd || model instanceof MbgNbd) {
            BtydData.validateRow(0, x, tx, age, 0, 1);
            double[] p = betaGeometricParameters(model);
            return betaGeometric(p[0], p[1], p[2], p[3], model instanceof MbgNbd, window, x, tx, age,
                    null, 0);
        }
        if (model instanceof BgBb bgbb) {
            return bgBb(bgbb, window, x, tx, age);
        }
        return clamp(model.conditionalProbabilityOfPurchases(0, window, x, tx, age));
    }

    /**
     * Computes the risk (and optionally P(alive)) for many customers with the default
     * {@link Parallelism}.
     *
     * @param model the model, not null
     * @param window the window, {@code > 0}
     * @param x frequencies, not null
     * @param tx recencies, not null
     * @param age ages, not null
     * @param risk receives the risks, same length, not null
     * @param alive receives P(alive at T), same length, or null
     * @throws IllegalArgumentException if the lengths differ or a history is invalid
     */
    public static void of(PurchaseModel model, double window, double[] x, double[] tx, double[] age,
            double[] risk, double[] alive) {
        of(model, window, x, tx, age, risk, alive, Parallelism.defaults());
    }

    /**
     * Computes the risk (and optionally P(alive)) for many customers, in chunks of at least
     * {@value #CHUNK} customers, where the given {@link Parallelism} says.
     *
     * @param model the model, not null
     * @param window the window, {@code > 0}
     * @param x frequencies, not null
     * @param tx recencies, not null
     * @param age ages, not null
     * @param risk receives the risks, same length, not null
     * @param alive receives P(alive at T), same length, or null
     * @param parallelism where the work runs, not null
     * @throws IllegalArgumentException if the lengths differ or a history is invalid
     */
    public static void of(PurchaseModel model, double window, double[] x, double[] tx, double[] age,
            double[] risk, double[] alive, Parallelism parallelism) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parallelism, "parallelism");
        requireWindow(window);
        int n = Objects.requireNonNull(x, "x").length;
        if (Objects.requireNonNull(tx, "tx").length != n || Objects.requireNonNull(age, "age").length != n
                || Objects.requireNonNull(risk, "risk").length != n || (alive != null && alive.length != n)) {
            throw new IllegalArgumentException("arrays differ in length: x " + n + ", tx " + tx.length
                    + ", T " + age.length + ", risk " + risk.length
                    + (alive == null ? "" : ", alive " + alive.length));
        }
        boolean betaGeometric = model instanceof BgNbd || model instanceof MbgNbd;
        double[] p = betaGeometric ? betaGeometricParameters(model) : null;
        boolean modified = model instanceof MbgNbd;
        parallelism.forEachChunk(n, CHUNK, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                if (betaGeometric) {
                    BtydData.validateRow(i, x[i], tx[i], age[i], 0, 1);
                    risk[i] = betaGeometric(p[0], p[1], p[2], p[3], modified, window, x[i], tx[i], age[i],
                            alive, i);
                } else {
                    risk[i] = of(model, window, x[i], tx[i], age[i]);
                    if (alive != null) {
                        alive[i] = model.probabilityAlive(x[i], tx[i], age[i]);
                    }
                }
            }
        });
    }

    private static double[] betaGeometricParameters(PurchaseModel model) {
        List<Double> v = model instanceof BgNbd bg ? bg.parameterValues() : ((MbgNbd) model).parameterValues();
        return new double[] {v.get(0), v.get(1), v.get(2), v.get(3)};
    }

    /** BG/NBD (MBG/NBD when modified): 1 - A (1 - Q0), see the class comment. */
    private static double betaGeometric(double r, double alpha, double a, double b, boolean modified,
            double w, double x, double tx, double age, double[] aliveOut, int i) {
        double rx = r + x;
        double alive;
        if (x == 0 && !modified) {
            alive = 1;
        } else {
            double logOdds = Math.log(a / (modified ? b + x : b + x - 1)) + rx * Math.log((alpha + age) / (alpha + tx));
            alive = logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
        }
        if (aliveOut != null) {
            aliveOut[i] = alive;
        }
        double quiet = Math.exp(-rx * Math.log1p(w / (alpha + age)));
        return clamp(1 - alive * (1 - quiet));
    }

    private static double bgBb(BgBb model, double window, double x, double tx, double n) {
        if (window != Math.rint(window) || window > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("window " + window + " is not a whole number of opportunities");
        }
        double alive = model.probabilityAlive(x, tx, n); // validates the history
        List<Double> v = model.parameterValues();
        double a1 = v.get(0) + x;
        double b1 = v.get(1) + n - x;
        double gamma = v.get(2);
        double d1 = v.get(3) + n;
        int m = (int) window;
        double quiet = 0;
        double noBuy = 1;     // E[(1 - p)^j]
        double survive = 1;   // E[(1 - theta)^j]
        for (int j = 0; j < m; j++) {
            quiet += survive * gamma / (gamma + d1 + j) * noBuy;
            noBuy *= (b1 + j) / (a1 + b1 + j);
            survive *= (d1 + j) / (gamma + d1 + j);
        }
        quiet += survive * noBuy;
        return clamp(1 - alive * (1 - quiet));
    }

    private static void requireWindow(double window) {
        if (!(window > 0) || Double.isInfinite(window)) {
            throw new IllegalArgumentException("window " + window + " is not positive and finite");
        }
    }

    private static double clamp(double p) {
        return p > 1 ? 1 : p < 0 || Double.isNaN(p) ? 0 : p;
    }
}
