package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.ProgressEvent;
import org.junit.jupiter.api.Test;

/**
 * {@link CovariateFitter} and its objective {@link CovariateLikelihood}: independent checks
 * (zero coefficients give the plain model's likelihood, each row's likelihood is the plain
 * model's at the row's individual parameters, the analytic gradient matches central
 * differences), parameter recovery from simulated cohorts with known coefficients, the
 * equality constraint and the L2 penalty.
 */
class CovariateFitterTest {

    static final CovariateModel PARETO_TRUTH = CovariateModel.of(CovariateModel.Family.PARETO_NBD,
            new double[] {0.55, 10.5, 0.6, 11.5}, CovariateCohorts.DESIGN, new double[] {0.5, -0.3},
            new double[] {-0.4, 0.25});
    static final CovariateModel BG_TRUTH = CovariateModel.of(CovariateModel.Family.BG_NBD,
            new double[] {0.25, 4.4, 0.8, 2.4}, CovariateCohorts.DESIGN, new double[] {0.4, 0.3},
            new double[] {0.5, -0.3});

    private static CovariateLikelihood objective(CovariateModel.Family family, CovariateData data, boolean[] tied,
            double lt, double ll) {
        return new CovariateLikelihood(family, data, tied, lt, ll, Parallelism.sequential());
    }

    @Test
    void logLikelihood_zeroCoefficients_equalsPlainModel() {
        for (CovariateModel truth : new CovariateModel[] {PARETO_TRUTH, BG_TRUTH}) {
            CovariateData data = CovariateCohorts.draw(truth, 3_000, 11);
            CovariateLikelihood f = objective(truth.family(), data, new boolean[2], 0, 0);
            double[] base = truth.baseArray();
            double ll = f.logLikelihood(f.theta(base, new double[2], new double[2]), null);
            double plain = truth.family().specification().logLikelihood(base, data.withoutCovariates(), null);
            assertThat(ll).as(truth.family().name()).isCloseTo(plain, within(1e-9 * Math.abs(plain)));
        }
    }

    @Test
    void logLikelihood_eachCustomer_equalsPlainModelAtIndividualParameters() {
        double[][] histories = {{0, 0, 30}, {1, 12.5, 30}, {4, 28, 30}, {12, 51.9, 52}, {2, 30, 30}, {40, 20, 38}};
        double[][] profiles = {{0, 0}, {1, -1.5}, {0, 2.2}, {1, 0.7}};
        for (CovariateModel truth : new CovariateModel[] {PARETO_TRUTH, BG_TRUTH}) {
            for (double[] h : histories) {
                for (double[] z : profiles) {
                    CovariateData one = CovariateData.of(CovariateCohorts.DESIGN, new double[] {h[0]},
                            new double[] {h[1]}, new double[] {h[2]}, new double[][] {z});
                    CovariateLikelihood f = objective(truth.family(), one, new boolean[2], 0, 0);
                    double ll = f.logLikelihood(f.theta(truth.baseArray(), truth.transactionArray(),
                            truth.lifetimeArray()), null);
                    double[] q = truth.individualParameters(z);
                    double plain = truth.family().specification().logLikelihood(q,
                            BtydData.of(new double[] {h[0]}, new double[] {h[1]}, new double[] {h[2]}), null);
                    assertThat(ll).as("%s %s %s", truth.family(), java.util.Arrays.toString(h),
                            java.util.Arrays.toString(z)).isCloseTo(plain, within(1e-10 * Math.abs(plain)));
                    assertThat(truth.logLikelihood(h[0], h[1], h[2], z)).isCloseTo(plain, within(1e-10 * Math.abs(plain)));
                }
            }
        }
    }

    @Test
    void gradient_matchesCentralDifferences() {
        for (CovariateModel truth : new CovariateModel[] {PARETO_TRUTH, BG_TRUTH}) {
            CovariateData data = CovariateCohorts.draw(truth, 2_000, 5);
            for (boolean[] tied : new boolean[][] {{false, false}, {true, false}}) {
                CovariateLikelihood f = objective(truth.family(), data, tied, 0.01, 0.03);
                double[] theta = f.theta(truth.baseArray(), truth.transactionArray(), truth.lifetimeArray());
                for (int i = 0; i < theta.length; i++) {
                    theta[i] += 0.05 * (i % 3 - 1); // away from the truth, where the gradient is not small
                }
                double[] g = new double[f.parameterCount()];
                f.value(theta, g);
                for (int i = 0; i < theta.length; i++) {
                    double h = 1e-5;
                    double[] up = theta.clone();
                    double[] down = theta.clone();
                    up[i] += h;
                    down[i] -= h;
                    double[] scratch = new double[theta.length];
                    double fd = (f.value(up, scratch) - f.value(down, scratch)) / (2 * h);
                    assertThat(g[i]).as("%s tied %s d/dtheta_%d", truth.family(), tied[0], i)
                            .isCloseTo(fd, within(1e-6 + 1e-5 * Math.abs(fd)));
                }
            }
        }
    }

    @Test
    void logLikelihood_doesNotDependOnParallelism() {
        CovariateData data = CovariateCohorts.draw(PARETO_TRUTH, 20_000, 9);
        double[] theta = objective(PARETO_TRUTH.family(), data, new boolean[2], 0, 0)
                .theta(PARETO_TRUTH.baseArray(), PARETO_TRUTH.transactionArray(), PARETO_TRUTH.lifetimeArray());
        double[] g1 = new double[8];
        double[] g2 = new double[8];
        double v1 = objective(PARETO_TRUTH.family(), data, new boolean[2], 0, 0).value(theta, g1);
        double v2 = new CovariateLikelihood(PARETO_TRUTH.family(), data, new boolean[2], 0, 0,
                Parallelism.commonPool()).value(theta, g2);
        assertThat(v2).isEqualTo(v1);
        assertThat(g2).containsExactly(g1);
    }

    /**
     * Recovery on 50,000 simulated Pareto/NBD customers: every population parameter and every
     * coefficient within 3 standard errors of the truth.
     */
    @Test
    void fit_paretoNbd_recoversParametersAndCoefficientsOf50000Customers() {
        CovariateData data = CovariateCohorts.draw(PARETO_TRUTH, 50_000, 2026);
        CovariateFit fit = CovariateFitter.standard().fit(CovariateModel.Family.PARETO_NBD, data);
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertWithinThreeSe(fit, PARETO_TRUTH);
        // 50,000 rows: started from a pilot of 20,000 sampled rows, converged on all rows
        assertThat(fit.convergence()).contains("sampled rows");
        assertThat(fit.parameterCount()).isEqualTo(8);
        // the plain fit is reported on the pilot path too: BtydFitter's own fit of the same rows
        double plain = BtydFitter.standard().fit(ParetoNbd.model(), data.withoutCovariates()).logLikelihood();
        assertThat(fit.plainLogLikelihood()).hasValueCloseTo(plain, within(1e-6 * Math.abs(plain)));
        // nested models: the covariates can only raise the maximum; here by far (true effects)
        assertThat(2 * (fit.logLikelihood() - plain)).isGreaterThan(100);
        assertThat(fit.limitReached()).isEmpty();
        assertThat(fit.atBoundary()).isEmpty();
    }

    /** Recovery on 50,000 simulated BG/NBD customers, as for the Pareto/NBD. */
    @Test
    void fit_bgNbd_recoversParametersAndCoefficientsOf50000Customers() {
        CovariateData data = CovariateCohorts.draw(BG_TRUTH, 50_000, 7);
        CovariateFit fit = CovariateFitter.standard().fit(CovariateModel.Family.BG_NBD, data);
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertWithinThreeSe(fit, BG_TRUTH);
    }

    private static void assertWithinThreeSe(CovariateFit fit, CovariateModel truth) {
        CovariateModel m = fit.model();
        Map<String, Double> se = m.standardErrors();
        assertThat(se).hasSize(8);
        truth.parameters().forEach((name, value) -> assertThat(m.parameters().get(name))
                .as("%s (se %s) %s", name, se.get(name), fit).isCloseTo(value, within(3 * se.get(name))));
        truth.transactionCoefficients().forEach((name, value) -> assertThat(m.transactionCoefficients().get(name))
                .as("trans %s %s", name, fit).isCloseTo(value, within(3 * se.get("trans." + name))));
        truth.lifetimeCoefficients().forEach((name, value) -> assertThat(m.lifetimeCoefficients().get(name))
                .as("life %s %s", name, fit).isCloseTo(value, within(3 * se.get("life." + name))));
        // informative: population parameters within 20%, coefficients within 0.1 (1 SE)
        truth.parameters().forEach((name, value) -> assertThat(se.get(name)).isPositive().isLessThan(0.2 * value));
        se.forEach((name, v) -> assertThat(v).as(name).isPositive());
        m.design().coefficientNames().forEach(c -> assertThat(se.get("trans." + c) + se.get("life." + c))
                .isLessThan(0.2));
    }

    @Test
    void fit_levelWithoutRepeatPurchases_isReportedAtBoundary() {
        CovariateData drawn = CovariateCohorts.draw(PARETO_TRUTH, 1_000, 8);
        int n = drawn.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] w = new double[n];
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = new double[] {drawn.covariate(i, 0), drawn.covariate(i, 1)};
            boolean male = z[i][0] == 1;
            x[i] = male ? 0 : drawn.frequency(i);
            tx[i] = male ? 0 : drawn.recency(i);
            t[i] = drawn.age(i);
            w[i] = drawn.weight(i);
        }
        CovariateFit fit = CovariateFitter.standard().fit(CovariateModel.Family.PARETO_NBD,
                CovariateData.of(CovariateCohorts.DESIGN, x, tx, t, z, w));
        assertThat(fit.converged()).as(fit.toString()).isFalse();
        // no repeat purchase is explained by a purchase rate -> 0 or an instant dropout (or both)
        assertThat(fit.convergence()).startsWith("at boundary: ").containsPattern("(trans.gender=m -> -inf|life.gender=m -> \\+inf)");
        assertThat(Double.isFinite(fit.logLikelihood())).isTrue();
        assertThat(fit.atBoundary()).isNotEmpty().containsAnyOf(Map.entry("trans.gender=m", "-inf"),
                Map.entry("life.gender=m", "+inf"));
        assertThat(fit.limitReached()).isEmpty();
    }

    /** 1,000 Pareto/NBD customers of the truth. */
    private static CovariateData small() {
        return CovariateCohorts.draw(PARETO_TRUTH, 1_000, 31);
    }

    @Test
    void withTimeLimit_stopsTheSearchAtTheBestPointReached() {
        AtomicLong now = new AtomicLong();
        List<ProgressEvent> events = new ArrayList<>();
        // the clock jumps past the limit after the 5th evaluation of the covariate search
        CovariateFit fit = CovariateFitter.standard().withClock(now::get).withTimeLimit(Duration.ofHours(1))
                .withProgress(e -> {
                    events.add(e);
                    if (e.phase().contains("with covariates") && e.done() == 5) {
                        now.set(Duration.ofHours(2).toNanos());
                    }
                }).fit(CovariateModel.Family.PARETO_NBD, small());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.limitReached()).contains(FitLimit.TIME);
        assertThat(fit.convergence()).contains("stopped by the time limit of PT1H after 5 likelihood evaluations");
        assertThat(fit.logLikelihood()).isFinite();
        // the plain fit ran to its end first, and counts its own evaluations
        assertThat(fit.plainLogLikelihood()).isPresent();
        assertThat(events).anyMatch(e -> e.phase().equals("fit pareto-nbd: likelihood evaluations"));
        assertThat(events.stream().filter(e -> e.phase().contains("with covariates")).map(ProgressEvent::done))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        // the point reached is no worse than the start (plain estimate, coefficients 0)
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(fit.plainLogLikelihood().getAsDouble() - 1e-9);
    }

    @Test
    void withTimeLimit_tiny_endsDuringThePlainFitAndStillReturnsAFiniteEstimate() {
        AtomicLong now = new AtomicLong();
        CovariateFit fit = CovariateFitter.standard().withClock(() -> now.getAndAdd(1_000_000L))
                .withTimeLimit(Duration.ofMillis(3)).fit(CovariateModel.Family.BG_NBD, small());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.limitReached()).contains(FitLimit.TIME);
        assertThat(fit.convergence()).contains("stopped by the time limit of PT0.003S");
        assertThat(fit.logLikelihood()).isFinite();
        fit.model().parameters().values().forEach(v -> assertThat(v).isFinite().isPositive());
    }

    @Test
    void withTimeLimit_generous_changesNothing() {
        CovariateFit free = CovariateFitter.standard().fit(CovariateModel.Family.PARETO_NBD, small());
        CovariateFit limited = CovariateFitter.standard().withTimeLimit(Duration.ofHours(1))
                .fit(CovariateModel.Family.PARETO_NBD, small());
        assertThat(free.converged()).isTrue();
        assertThat(limited.converged()).isTrue();
        assertThat(limited.limitReached()).isEmpty();
        assertThat(limited.logLikelihood()).isEqualTo(free.logLikelihood());
        assertThat(limited.model().transactionCoefficients()).isEqualTo(free.model().transactionCoefficients());
    }

    @Test
    void withMaxIterations_tiny_reportsTheIterationLimit() {
        CovariateFit fit = CovariateFitter.standard().withMaxIterations(2).fit(CovariateModel.Family.PARETO_NBD,
                small());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.limitReached()).contains(FitLimit.ITERATIONS);
        assertThat(fit.logLikelihood()).isFinite();
    }

    @Test
    void withCancellation_cancelled_throws() {
        Cancellation c = Cancellation.create();
        c.cancel();
        assertThatThrownBy(() -> CovariateFitter.standard().withCancellation(c)
                .fit(CovariateModel.Family.PARETO_NBD, small())).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> CovariateFitter.standard().withTimeLimit(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive");
    }

    @Test
    void fit_constraint_givesEqualCoefficients() {
        CovariateModel truth = CovariateModel.of(CovariateModel.Family.PARETO_NBD, new double[] {0.55, 10.5, 0.6, 11.5},
                CovariateCohorts.DESIGN, new double[] {0.4, -0.3}, new double[] {0.4, 0.2});
        CovariateData data = CovariateCohorts.draw(truth, 8_000, 3);
        CovariateFit fit = CovariateFitter.standard().withConstraints(Set.of("gender"))
                .fit(CovariateModel.Family.PARETO_NBD, data);
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.parameterCount()).isEqualTo(7);
        double gt = fit.model().transactionCoefficients().get("gender=m");
        assertThat(fit.model().lifetimeCoefficients().get("gender=m")).isEqualTo(gt);
        assertThat(fit.standardErrors().get("life.gender=m")).isEqualTo(fit.standardErrors().get("trans.gender=m"));
        assertThat(gt).isCloseTo(0.4, within(3 * fit.standardErrors().get("trans.gender=m")));
        assertThatThrownBy(() -> CovariateFitter.standard().withConstraints(Set.of("age"))
                .fit(CovariateModel.Family.PARETO_NBD, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'age'");
    }

    @Test
    void fit_regularization_isStationaryPointOfPenalizedObjectiveAndShrinks() {
        CovariateData data = CovariateCohorts.draw(PARETO_TRUTH, 5_000, 13);
        CovariateFit plain = CovariateFitter.standard().fit(CovariateModel.Family.PARETO_NBD, data);
        double lambda = 0.05;
        CovariateFit fit = CovariateFitter.standard().withRegularization(lambda)
                .fit(CovariateModel.Family.PARETO_NBD, data);
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        // stationary: central differences of -LL/n (the plain model's likelihood per row) + lambda sum gamma^2
        CovariateModel m = fit.model();
        double[] trans = m.transactionArray();
        double[] life = m.lifetimeArray();
        for (int j = 0; j < 2; j++) {
            for (boolean isTrans : new boolean[] {true, false}) {
                double h = 1e-5;
                double[] up = (isTrans ? trans : life).clone();
                double[] down = up.clone();
                up[j] += h;
                down[j] -= h;
                double fUp = penalised(m, data, isTrans ? up : trans, isTrans ? life : up, lambda);
                double fDown = penalised(m, data, isTrans ? down : trans, isTrans ? life : down, lambda);
                assertThat((fUp - fDown) / (2 * h)).as("%s %d", isTrans, j).isCloseTo(0, within(2e-6));
            }
            assertThat(Math.abs(trans[j])).isLessThan(Math.abs(plain.model().transactionArray()[j]));
            assertThat(Math.abs(life[j])).isLessThan(Math.abs(plain.model().lifetimeArray()[j]));
        }
        double sumSq = 0;
        for (int j = 0; j < 2; j++) {
            sumSq += trans[j] * trans[j] + life[j] * life[j];
        }
        assertThat(fit.penalty()).isCloseTo(data.customers() * lambda * sumSq, within(1e-9));
        assertThat(fit.regularizationTransaction()).isEqualTo(lambda);
        // a very strong penalty leaves the plain model
        CovariateFit strong = CovariateFitter.standard().withRegularization(1e4).fit(CovariateModel.Family.PARETO_NBD,
                data);
        strong.model().transactionCoefficients().values().forEach(v -> assertThat(v).isCloseTo(0, within(1e-4)));
        assertThat(strong.logLikelihood()).isCloseTo(strong.plainLogLikelihood().orElseThrow(), within(0.5));
    }

    /** -LL / n + lambda sum gamma^2 from the per-customer likelihood of {@link CovariateModel}. */
    private static double penalised(CovariateModel m, CovariateData data, double[] trans, double[] life,
            double lambda) {
        CovariateModel at = CovariateModel.of(m.family(), m.baseArray(), m.design(), trans, life);
        double ll = 0;
        double[] z = new double[2];
        for (int i = 0; i < data.size(); i++) {
            z[0] = data.covariate(i, 0);
            z[1] = data.covariate(i, 1);
            ll += data.weight(i) * at.logLikelihood(data.frequency(i), data.recency(i), data.age(i), z);
        }
        double pen = 0;
        for (int j = 0; j < 2; j++) {
            pen += trans[j] * trans[j] + life[j] * life[j];
        }
        return -ll / data.customers() + lambda * pen;
    }

    @Test
    void value_sweep_isFiniteOrInfinityNeverNaN() {
        CovariateData data = CovariateCohorts.draw(PARETO_TRUTH, 200, 21);
        java.util.Random random = new java.util.Random(4);
        for (CovariateModel.Family family : CovariateModel.Family.values()) {
            CovariateLikelihood f = objective(family, data, new boolean[2], 0.01, 0.01);
            for (int trial = 0; trial < 120; trial++) {
                double[] theta = new double[f.parameterCount()];
                for (int i = 0; i < theta.length; i++) {
                    theta[i] = (random.nextDouble() * 2 - 1) * (i < 4 ? 12 : 6);
                }
                double[] g = new double[theta.length];
                double v = f.value(theta, g);
                assertThat(Double.isNaN(v)).as("%s %s", family, java.util.Arrays.toString(theta)).isFalse();
                if (Double.isFinite(v)) {
                    for (double gi : g) {
                        assertThat(Double.isFinite(gi)).as("%s %s", family, java.util.Arrays.toString(theta)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void builders_rejectBadArguments() {
        assertThatThrownBy(() -> CovariateFitter.standard().withRegularization(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> CovariateFitter.standard().withRegularization(0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lifetime");
        assertThatThrownBy(() -> CovariateFitter.standard().withGradientTolerance(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CovariateFitter.standard().withMaxIterations(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CovariateFitter.standard().withParallelism(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CovariateFitter.standard().fit(null, null)).isInstanceOf(NullPointerException.class);
    }
}
