package org.crmkit.scoring.uncertainty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.ParameterTransform;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Parameter sets that express how uncertain a fit's estimates are: the estimate and a list of
 * models with parameters drawn around it. {@link PredictionIntervals} turns them into intervals.
 *
 * <p>Three ways to make them:
 * <ul>
 * <li>{@link #fromCovariance} / {@link #fromFit}: the large-sample normal approximation of
 *     the maximum-likelihood estimator (e.g. Pawitan 2001, <i>In All Likelihood</i>, sec.
 *     9.4), applied on the scale the fitter searches on, {@code theta = log(parameter)} for
 *     the positive parameters of the built-in models (logit for (0, 1), identity for
 *     unbounded ones: {@link BtydModel#transforms()}). The fit's covariance
 *     ({@link FitResult#covariance()}) is the inverse observed information on that scale
 *     carried to the parameter scale by the delta method, {@code C = J V J} with
 *     {@code J = diag(d parameter / d theta)}; here it is carried back exactly,
 *     {@code V = J^-1 C J^-1}, and {@code theta = theta_hat + L z} is drawn with
 *     {@code L L' = V} (Cholesky) and {@code z} standard normal. Every draw is then inside
 *     the parameter space (a normal draw on the parameter scale would give negative
 *     {@code r} or {@code a} for a poorly determined parameter), and the draws are skewed as
 *     the likelihood of a positive parameter usually is.</li>
 * <li>{@link ParametricBootstrap}: data simulated from the fit and refitted (Efron and
 *     Tibshirani 1993, <i>An Introduction to the Bootstrap</i>, sec. 6.5); slower, free of
 *     the normal approximation.</li>
 * <li>{@link #fixed}: the estimate alone, for intervals with process uncertainty only.</li>
 * </ul>
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
 * ParameterDraws<BgNbd> draws = ParameterDraws.fromFit(BgNbd.model(), fit, 200, 7L);
 * PredictionIntervals intervals = PredictionIntervals.of(draws, 0.9);
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal seeds give equal draws.
 *
 * @param <F> the type of the fitted model
 */
public final class ParameterDraws<F extends FittedModel> {

    /** The most draws of one set, to bound the work of the intervals made from it. */
    public static final int MAX_DRAWS = 100_000;

    private final BtydModel<F> model;
    private final F estimate;
    private final List<F> draws;
    private final DrawMethod method;
    private final int requested;
    private final String description;

    ParameterDraws(BtydModel<F> model, F estimate, List<F> draws, DrawMethod method, int requested,
            String description) {
        this.model = model;
        this.estimate = estimate;
        this.draws = List.copyOf(draws);
        this.method = method;
        this.requested = requested;
        this.description = description;
    }

    /**
     * Returns the estimate alone as the only draw: intervals made from it carry no parameter
     * uncertainty, only the process uncertainty their method adds.
     *
     * @param <F> the type of the fitted model
     * @param model the model specification, not null
     * @param estimate the fitted model, not null
     * @return the draws, never null
     */
    public static <F extends FittedModel> ParameterDraws<F> fixed(BtydModel<F> model, F estimate) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(estimate, "estimate");
        return new ParameterDraws<>(model, estimate, List.of(estimate), DrawMethod.ESTIMATE, 1,
                "the estimates, no parameter uncertainty");
    }

    /**
     * Returns draws from the covariance of a fit (see the class documentation).
     *
     * @param <F> the type of the fitted model
     * @param model the model specification the fit used, not null
     * @param fit the fit, not null; it must have a covariance
     * @param draws the number of draws, in {@code [2, MAX_DRAWS]}
     * @param seed the random seed
     * @return the draws, never null
     * @throws IllegalArgumentException if the fit has no covariance (its observed information
     *     is not positive definite), did not converge, or draws is out of range
     */
    public static <F extends FittedModel> ParameterDraws<F> fromFit(BtydModel<F> model, FitResult<F> fit, int draws,
            long seed) {
        Objects.requireNonNull(fit, "fit");
        if (!fit.converged()) {
            throw new IllegalArgumentException("the fit did not converge (" + fit.convergence()
                    + "); its covariance does not describe the estimates");
        }
        double[][] c = fit.covariance().orElseThrow(() -> new IllegalArgumentException(
                "the fit has no covariance: its observed information is not positive definite"));
        return fromCovariance(model, fit.model(), c, draws, seed);
    }

    /**
     * Returns draws from a covariance matrix of the estimates on the parameter scale, as
     * {@link FitResult#covariance()} and the {@code covariance} of a model file hold it (see
     * the class documentation for how it is used).
     *
     * @param <F> the type of the fitted model
     * @param model the model specification, not null
     * @param estimate the fitted model, not null
     * @param covariance the k x k covariance, rows and columns in the order of
     *     {@link BtydModel#parameterNames()}, symmetric positive definite, not null
     * @param draws the number of draws, in {@code [2, MAX_DRAWS]}
     * @param seed the random seed
     * @return the draws, never null
     * @throws IllegalArgumentException if the matrix has the wrong size, is not finite, not
     *     symmetric or not positive definite, or draws is out of range
     */
    public static <F extends FittedModel> ParameterDraws<F> fromCovariance(BtydModel<F> model, F estimate,
            double[][] covariance, int draws, long seed) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(covariance, "covariance");
        requireDraws(draws);
        List<String> names = model.parameterNames();
        List<ParameterTransform> transforms = model.transforms();
        int k = names.size();
        if (covariance.length != k) {
            throw new IllegalArgumentException("covariance has " + covariance.length + " rows; model "
                    + model.name() + " has " + k + " parameters " + names);
        }
        double[] theta = new double[k];
        double[] jacobian = new double[k];
        Map<String, Double> p = estimate.parameters();
        for (int i = 0; i < k; i++) {
            Double value = p.get(names.get(i));
            if (value == null) {
                throw new IllegalArgumentException("the estimate has no parameter " + names.get(i));
            }
            theta[i] = transforms.get(i).toUnbounded(value);
            jacobian[i] = transforms.get(i).derivative(theta[i]);
        }
        double[][] v = new double[k][k];
        for (int i = 0; i < k; i++) {
            if (covariance[i] == null || covariance[i].length != k) {
                throw new IllegalArgumentException("covariance row " + i + " does not have " + k + " entries");
            }
            for (int j = 0; j < k; j++) {
                double c = covariance[i][j];
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("covariance[" + i + "][" + j + "] = " + c + " is not finite");
                }
                v[i][j] = c / (jacobian[i] * jacobian[j]);
            }
        }
        RealMatrix lower;
        try {
            lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(v), 1e-8, 1e-300).getL();
        } catch (MathIllegalArgumentException notDefinite) {
            throw new IllegalArgumentException("covariance of " + model.name()
                    + " is not symmetric positive definite: " + notDefinite.getMessage(), notDefinite);
        }
        RandomDataGenerator random = new RandomDataGenerator(seed);
        List<F> list = new ArrayList<>(draws);
        double[] z = new double[k];
        double[] values = new double[k];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < k; i++) {
                z[i] = random.nextNormal(0, 1);
            }
            for (int i = 0; i < k; i++) {
                double t = theta[i];
                for (int j = 0; j <= i; j++) {
                    t += lower.getEntry(i, j) * z[j];
                }
                values[i] = transforms.get(i).toParameter(t);
            }
            list.add(model.withParameters(values.clone()));
        }
        return new ParameterDraws<>(model, estimate, list, DrawMethod.COVARIANCE, draws,
                draws + " draws from the fitted covariance (normal on the log scale of positive parameters)");
    }

    static void requireDraws(int draws) {
        if (draws < 2 || draws > MAX_DRAWS) {
            throw new IllegalArgumentException("draws " + draws + " is not in [2, " + MAX_DRAWS + "]");
        }
    }

    /**
     * Returns the model specification.
     *
     * @return the model, never null
     */
    public BtydModel<F> model() {
        return model;
    }

    /**
     * Returns the estimate the draws spread around.
     *
     * @return the fitted model, never null
     */
    public F estimate() {
        return estimate;
    }

    /**
     * Returns the drawn models; for a bootstrap only the refits that converged.
     *
     * @return an unmodifiable list, never empty
     */
    public List<F> draws() {
        return draws;
    }

    /**
     * Returns the number of drawn models.
     *
     * @return {@code draws().size()}
     */
    public int size() {
        return draws.size();
    }

    /**
     * Returns how the draws were made.
     *
     * @return the method, never null
     */
    public DrawMethod method() {
        return method;
    }

    /**
     * Returns the draws asked for; for a bootstrap the refits, of which {@link #size()} converged.
     *
     * @return the requested count
     */
    public int requested() {
        return requested;
    }

    /**
     * Returns a sentence saying how the draws were made, e.g.
     * {@code 200 parametric-bootstrap refits (2 did not converge and are left out)}.
     *
     * @return the description, never null
     */
    public String description() {
        return description;
    }

    /**
     * Returns the standard deviation of each parameter over the draws (n - 1 in the
     * denominator), by name; 0 for {@link #fixed}. Compare with {@link FitResult#standardErrors()}.
     *
     * @return an ordered unmodifiable map, never null
     */
    public Map<String, Double> standardDeviations() {
        Map<String, Double> sd = new LinkedHashMap<>();
        for (String name : model.parameterNames()) {
            double mean = 0;
            for (F d : draws) {
                mean += d.parameters().get(name);
            }
            mean /= draws.size();
            double ss = 0;
            for (F d : draws) {
                double e = d.parameters().get(name) - mean;
                ss += e * e;
            }
            sd.put(name, draws.size() < 2 ? 0 : Math.sqrt(ss / (draws.size() - 1)));
        }
        return Collections.unmodifiableMap(sd);
    }

    /**
     * Returns {@code ParameterDraws[<model>, <description>]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "ParameterDraws[" + model.name() + ", " + description + "]";
    }
}
