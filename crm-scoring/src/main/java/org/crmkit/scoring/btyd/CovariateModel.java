package org.crmkit.scoring.btyd;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Pareto/NBD or BG/NBD model with time-invariant covariates: the population parameters
 * of the plain model, a {@link CovariateDesign}, and one coefficient per design column for
 * the transaction process ({@code gamma_trans}) and one for the lifetime process
 * ({@code gamma_life}). Customer {@code i} with covariate vector {@code z_i} follows the
 * plain model with individual parameters:
 *
 * <ul>
 * <li>Pareto/NBD (Fader and Hardie 2007, "Incorporating time-invariant covariates into the
 * Pareto/NBD and BG/NBD models", www.brucehardie.com/notes/019/):
 * {@code alpha_i = alpha0 exp(-gamma_trans' z_i)} and
 * {@code beta_i = beta0 exp(-gamma_life' z_i)}, with {@code r} and {@code s} common to all.
 * Since the gamma-distributed purchase rate has mean {@code r / alpha_i}, a positive
 * transaction coefficient raises the purchase rate; a positive lifetime coefficient raises
 * the dropout rate (mean {@code s / beta_i}).</li>
 * <li>BG/NBD as CLVTools implements it (Bachmann, Meierer, Naef, "CLVTools", function
 * {@code bgnbd} with static covariates, source {@code src/bgnbd_staticcov.cpp}:
 * {@code alpha_i = alpha0 exp(-gamma_trans' z_i)}, {@code a_i = a0 exp(gamma_life' z_i)},
 * {@code b_i = b0 exp(gamma_life' z_i)}): the purchase side is the note's scaling of
 * {@code alpha}, unchanged; for the dropout side crmkit follows CLVTools' implementation
 * (its documentation of {@code bgnbd} cites the note above). Scaling {@code a} and {@code b}
 * by one factor keeps the mean dropout probability {@code a / (a + b)} and changes its
 * concentration {@code a + b}.</li>
 * </ul>
 *
 * <p>Every prediction for a customer is the plain model's with the customer's individual
 * parameters ({@link #forCustomer(double[])}); for a customer not yet acquired, the expected
 * purchases in {@code (0, t]} are the plain model's {@code E[X(t)]} with the individual
 * parameters of the given covariates, as CLVTools' {@code newcustomer()} computes them.
 *
 * <pre>{@code
 * CovariateModel m = fit.model();
 * PurchaseModel customer = m.forCustomer(m.design().encode(new String[] {"m", "web"}));
 * double alive = customer.probabilityAlive(2, 30.4, 38.9);
 * double newcomer = m.expectedPurchasesOfNewCustomer(52, z);
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code equals} compares all values exactly.
 */
public final class CovariateModel {

    /** The plain models that take covariates. */
    public enum Family {
        /** Pareto/NBD: parameters r, alpha, s, beta. */
        PARETO_NBD(ParetoNbd.NAME, List.of("r", "alpha", "s", "beta")),
        /** BG/NBD: parameters r, alpha, a, b. */
        BG_NBD(BgNbd.NAME, List.of("r", "alpha", "a", "b"));

        private final String modelName;
        private final List<String> parameterNames;

        Family(String modelName, List<String> parameterNames) {
            this.modelName = modelName;
            this.parameterNames = parameterNames;
        }

        /**
         * Returns the plain model's name, e.g. {@code pareto-nbd}.
         *
         * @return the name, never null
         */
        public String modelName() {
            return modelName;
        }

        /**
         * Returns the population parameter names.
         *
         * @return an unmodifiable list of four names, never null
         */
        public List<String> parameterNames() {
            return parameterNames;
        }

        /**
         * Returns the family of a plain model name.
         *
         * @param name {@code pareto-nbd} or {@code bg-nbd}, not null
         * @return the family, never null
         * @throws IllegalArgumentException for any other name
         */
        public static Family of(String name) {
            for (Family f : values()) {
                if (f.modelName.equals(Objects.requireNonNull(name, "name"))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("model '" + name + "' takes no covariates; covariates are supported for "
                    + PARETO_NBD.modelName + " and " + BG_NBD.modelName);
        }

        /** The plain fitted model with these parameters. */
        PurchaseModel plain(double p0, double p1, double p2, double p3) {
            return this == PARETO_NBD ? ParetoNbd.of(p0, p1, p2, p3) : BgNbd.of(p0, p1, p2, p3);
        }

        /** The plain model specification. */
        BtydModel<? extends PurchaseModel> specification() {
            return this == PARETO_NBD ? ParetoNbd.model() : BgNbd.model();
        }
    }

    /** Prefix of a transaction-process coefficient's name. */
    public static final String TRANSACTION_PREFIX = "trans.";
    /** Prefix of a lifetime-process coefficient's name. */
    public static final String LIFETIME_PREFIX = "life.";

    private final Family family;
    private final double[] base;
    private final CovariateDesign design;
    private final double[] transaction;
    private final double[] lifetime;
    private final Map<String, Double> standardErrors;

    private CovariateModel(Family family, double[] base, CovariateDesign design, double[] transaction,
            double[] lifetime, Map<String, Double> standardErrors) {
        this.family = family;
        this.base = base;
        this.design = design;
        this.transaction = transaction;
        this.lifetime = lifetime;
        this.standardErrors = standardErrors;
    }

    /**
     * Returns a model with the given values and no standard errors.
     *
     * @param family the plain model, not null
     * @param parameters the four population parameters in the order of
     *     {@link Family#parameterNames()}, each positive and finite, not null
     * @param design the covariate design, not null
     * @param transaction the transaction coefficients, one per design column, finite, not null
     * @param lifetime the lifetime coefficients, one per design column, finite, not null
     * @return the model, never null
     * @throws IllegalArgumentException if a value is out of range or an array has the wrong length
     */
    public static CovariateModel of(Family family, double[] parameters, CovariateDesign design, double[] transaction,
            double[] lifetime) {
        return of(family, parameters, design, transaction, lifetime, Map.of());
    }

    /**
     * Returns a model with the given values and standard errors.
     *
     * @param family the plain model, not null
     * @param parameters the four population parameters, each positive and finite, not null
     * @param design the covariate design, not null
     * @param transaction the transaction coefficients, one per design column, finite, not null
     * @param lifetime the lifetime coefficients, one per design column, finite, not null
     * @param standardErrors standard errors by parameter or coefficient name (see
     *     {@link #standardErrors()}), each finite and {@code >= 0}; may be empty, not null
     * @return the model, never null
     * @throws IllegalArgumentException if a value is out of range, an array has the wrong length
     *     or a standard error names an unknown parameter
     */
    public static CovariateModel of(Family family, double[] parameters, CovariateDesign design, double[] transaction,
            double[] lifetime, Map<String, Double> standardErrors) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(standardErrors, "standardErrors");
        if (parameters.length != 4) {
            throw new IllegalArgumentException(family.modelName + " has 4 parameters, got " + parameters.length);
        }
        for (int k = 0; k < 4; k++) {
            if (!(parameters[k] > 0) || Double.isInfinite(parameters[k])) {
                throw new IllegalArgumentException(family.modelName + " parameter " + family.parameterNames.get(k)
                        + " " + parameters[k] + " is not finite and > 0");
            }
        }
        int p = design.width();
        requireCoefficients("transaction", transaction, p);
        requireCoefficients("lifetime", lifetime, p);
        CovariateModel m = new CovariateModel(family, parameters.clone(), design, transaction.clone(),
                lifetime.clone(), Map.of());
        List<String> known = m.allNames();
        Map<String, Double> se = new LinkedHashMap<>();
        for (String name : known) {
            Double v = standardErrors.get(name);
            if (v != null) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("standard error of " + name + " " + v + " is not finite and >= 0");
                }
                se.put(name, v);
            }
        }
        for (String name : standardErrors.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("standard error for unknown parameter '" + name + "'; known: " + known);
            }
        }
        return new CovariateModel(family, m.base, design, m.transaction, m.lifetime,
                Collections.unmodifiableMap(se));
    }

    private static void requireCoefficients(String process, double[] c, int p) {
        if (c.length != p) {
            throw new IllegalArgumentException(c.length + " " + process + " coefficients for " + p + " design columns");
        }
        for (double v : c) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(process + " coefficient " + v + " is not finite");
            }
        }
    }

    /** Population parameter names, then trans.* and life.* coefficient names. */
    private List<String> allNames() {
        List<String> names = new java.util.ArrayList<>(family.parameterNames);
        for (String c : design.coefficientNames()) {
            names.add(TRANSACTION_PREFIX + c);
        }
        for (String c : design.coefficientNames()) {
            names.add(LIFETIME_PREFIX + c);
        }
        return names;
    }

    /**
     * Returns the plain model.
     *
     * @return the family, never null
     */
    public Family family() {
        return family;
    }

    /**
     * Returns the covariate design.
     *
     * @return the design, never null
     */
    public CovariateDesign design() {
        return design;
    }

    /**
     * Returns the population parameters ({@code alpha0, beta0} etc.: the individual parameters
     * of a customer with {@code z = 0}).
     *
     * @return an unmodifiable ordered map, never null
     */
    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < 4; k++) {
            m.put(family.parameterNames.get(k), base[k]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Returns the transaction-process coefficients by design column name.
     *
     * @return an unmodifiable ordered map, never null
     */
    public Map<String, Double> transactionCoefficients() {
        return coefficients(transaction);
    }

    /**
     * Returns the lifetime-process coefficients by design column name.
     *
     * @return an unmodifiable ordered map, never null
     */
    public Map<String, Double> lifetimeCoefficients() {
        return coefficients(lifetime);
    }

    private Map<String, Double> coefficients(double[] c) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < c.length; j++) {
            m.put(design.coefficientNames().get(j), c[j]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Returns the standard errors known for this model, by name: the population parameters
     * ({@code r, alpha, ...}), then {@code trans.<column>} and {@code life.<column>}.
     * Empty for a model made by hand; a fitted model has one per estimate.
     *
     * @return an unmodifiable ordered map, never null
     */
    public Map<String, Double> standardErrors() {
        return standardErrors;
    }

    double[] baseArray() {
        return base;
    }

    double[] transactionArray() {
        return transaction;
    }

    double[] lifetimeArray() {
        return lifetime;
    }

    /**
     * Returns the individual parameters of a customer with covariate vector {@code z}, in the
     * order of {@link Family#parameterNames()}: for the Pareto/NBD
     * {@code (r, alpha0 e^(-gamma_trans' z), s, beta0 e^(-gamma_life' z))}, for the BG/NBD
     * {@code (r, alpha0 e^(-gamma_trans' z), a0 e^(gamma_life' z), b0 e^(gamma_life' z))},
     * each computed as the exponential of a sum of logarithms.
     *
     * @param z the covariate vector, {@link CovariateDesign#width()} finite values, not null
     * @return a new array of the four parameters, never null
     * @throws IllegalArgumentException if {@code z} has the wrong length or a non-finite entry,
     *     or an individual parameter overflows to 0 or infinity
     */
    public double[] individualParameters(double[] z) {
        Objects.requireNonNull(z, "z");
        if (z.length != design.width()) {
            throw new IllegalArgumentException(z.length + " covariate values for " + design.width()
                    + " design columns " + design.coefficientNames());
        }
        double etaT = 0;
        double etaL = 0;
        for (int j = 0; j < z.length; j++) {
            if (!Double.isFinite(z[j])) {
                throw new IllegalArgumentException("covariate " + design.coefficientNames().get(j) + " is " + z[j]);
            }
            etaT += transaction[j] * z[j];
            etaL += lifetime[j] * z[j];
        }
        double[] p = base.clone();
        // a zero linear predictor (the reference profile) keeps the population values exactly
        p[1] = etaT == 0 ? base[1] : Math.exp(Math.log(base[1]) - etaT);
        if (family == Family.PARETO_NBD) {
            p[3] = etaL == 0 ? base[3] : Math.exp(Math.log(base[3]) - etaL);
        } else if (etaL != 0) {
            p[2] = Math.exp(Math.log(base[2]) + etaL);
            p[3] = Math.exp(Math.log(base[3]) + etaL);
        }
        for (int k = 1; k < 4; k++) {
            if (!(p[k] > 0) || Double.isInfinite(p[k])) {
                throw new IllegalArgumentException("individual " + family.parameterNames.get(k) + " " + p[k]
                        + " of covariates " + Arrays.toString(z) + " is out of range (the linear predictor overflows)");
            }
        }
        return p;
    }

    /**
     * Returns the plain model of a customer with covariate vector {@code z}: every
     * prediction of {@link PurchaseModel} (P(alive), conditional expectation, discounted
     * expected purchases, probabilities of purchase counts) for that customer.
     *
     * @param z the covariate vector, not null
     * @return the customer's model, never null
     * @throws IllegalArgumentException as {@link #individualParameters(double[])}
     */
    public PurchaseModel forCustomer(double[] z) {
        double[] p = individualParameters(z);
        return family.plain(p[0], p[1], p[2], p[3]);
    }

    /**
     * Returns the expected number of purchases in {@code (0, t]} of a customer not yet
     * acquired who will have covariates {@code z}: the plain model's {@code E[X(t)]}
     * (Pareto/NBD: Fader and Hardie 2005 note 009, eq. 27; BG/NBD: Fader, Hardie and Lee 2005,
     * eq. 9) at the individual parameters, which is what CLVTools' {@code newcustomer()}
     * computes for static covariates.
     *
     * @param t the window, finite and {@code >= 0}
     * @param z the covariate vector, not null
     * @return the expected purchases, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code t} is out of range or as
     *     {@link #individualParameters(double[])}
     */
    public double expectedPurchasesOfNewCustomer(double t, double[] z) {
        return forCustomer(z).expectedPurchases(t);
    }

    /**
     * Returns the log-likelihood of one customer: the plain model's at the individual
     * parameters.
     *
     * @param x frequency
     * @param tx recency
     * @param age T
     * @param z the covariate vector, not null
     * @return the log-likelihood
     * @throws IllegalArgumentException if the history or {@code z} is invalid
     */
    public double logLikelihood(double x, double tx, double age, double[] z) {
        BtydData.validateRow(-1, x, tx, age, 0, 1);
        return CovariateLikelihood.rowLogLikelihood(family, individualParameters(z), x, tx, age);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CovariateModel m && m.family == family && Arrays.equals(m.base, base)
                && m.design.equals(design) && Arrays.equals(m.transaction, transaction)
                && Arrays.equals(m.lifetime, lifetime) && m.standardErrors.equals(standardErrors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, Arrays.hashCode(base), design, Arrays.hashCode(transaction),
                Arrays.hashCode(lifetime), standardErrors);
    }

    /**
     * Returns e.g. {@code CovariateModel[pareto-nbd {r=.., ...}, trans {gender=m=0.3}, life {...}]}.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "CovariateModel[" + family.modelName + " " + parameters() + ", trans " + transactionCoefficients()
                + ", life " + lifetimeCoefficients() + "]";
    }
}
