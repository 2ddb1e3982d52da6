package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.crmkit.scoring.Parallelism;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.dfp.DfpMath;
import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD P(alive) and E[Y(t) | x, t_x, T] against a reference computed independently in
 * 60-digit decimal arithmetic (Hipparchus {@link Dfp}) from the closed form of Fader and
 * Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions", sections
 * 3, 5 and 6: the untransformed Gauss hypergeometric functions
 * {@code 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+t))} (alpha >= beta) or
 * {@code 2F1(r+s+x, r+x; r+s+x+1; (beta-alpha)/(beta+t))} summed as plain power series, with
 * powers through {@code exp} and {@code log} at that precision. The code under test uses
 * Euler's transformation, a continued fraction, quadrature and a fast series; none of them is
 * used here. Every value, scalar and bulk, must be within a relative 1e-10.
 */
class ParetoNbdHighPrecisionTest {

    private static final DfpField FIELD = new DfpField(60);
    private static final double TOLERANCE = 1e-10;

    @Test
    void probabilityAliveAndConditionalExpectation_matchHighPrecisionReference() {
        List<double[]> cases = cases();
        int n = cases.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = cases.get(i)[4];
            tx[i] = cases.get(i)[5];
            age[i] = cases.get(i)[6];
        }
        for (int i = 0; i < n; i++) {
            double[] c = cases.get(i);
            ParetoNbd model = ParetoNbd.of(c[0], c[1], c[2], c[3]);
            double[] reference = reference(c[0], c[1], c[2], c[3], c[4], c[5], c[6], 39.0);
            String label = java.util.Arrays.toString(c);
            assertThat(model.probabilityAlive(c[4], c[5], c[6])).as("P(alive) %s", label)
                    .satisfies(v -> assertRelative(v, reference[0], label));
            assertThat(model.conditionalExpectedPurchases(39.0, c[4], c[5], c[6])).as("E[Y] %s", label)
                    .satisfies(v -> assertRelative(v, reference[1], label));
            double[] one = {c[4]};
            double[] alive = new double[1];
            double[] expected = new double[1];
            model.predict(39.0, one, new double[] {c[5]}, new double[] {c[6]}, expected, alive,
                    Parallelism.sequential());
            assertRelative(alive[0], reference[0], "bulk " + label);
            assertRelative(expected[0], reference[1], "bulk " + label);
        }
    }

    private static void assertRelative(double actual, double expected, String label) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs reference %s", label, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.abs(expected));
    }

    /** r, alpha, s, beta, x, t_x, T: a seeded sweep and the trap cases. */
    private static List<double[]> cases() {
        List<double[]> out = new ArrayList<>();
        // CDNOW estimates, many histories
        for (double[] h : new double[][] {{0, 0, 38.86}, {2, 30.43, 38.86}, {1, 1.71, 38.86}, {7, 29.43, 35.14},
                {20, 37.0, 38.0}, {5, 2.0, 38.0}}) {
            out.add(new double[] {0.553, 10.578, 0.606, 11.669, h[0], h[1], h[2]});
        }
        SplittableRandom random = new SplittableRandom(20_261_202L);
        for (int i = 0; i < 50; i++) {
            double r = 0.1 + 4 * random.nextDouble();
            double alpha = Math.exp(-2 + 6 * random.nextDouble());
            double s = 0.1 + 3 * random.nextDouble();
            double beta = Math.exp(-2 + 6 * random.nextDouble());
            double t = 1 + 200 * random.nextDouble();
            int x = random.nextInt(30);
            double tx = x == 0 ? 0 : t * random.nextDouble();
            if (Math.abs(s - 1) > 1e-3 && z(alpha, beta, tx) < 0.97) {
                out.add(new double[] {r, alpha, s, beta, x, tx, t});
            }
        }
        // traps: large x, alpha close to beta, T far from t_x, z close to one
        out.add(new double[] {0.553, 10.578, 0.606, 11.669, 150, 38.0, 38.86});
        out.add(new double[] {0.553, 10.578, 0.606, 11.669, 400, 300.0, 1000.0});
        out.add(new double[] {2.0, 5.0, 0.7, 5.0 * (1 + 1e-9), 3, 10.0, 40.0});
        out.add(new double[] {2.0, 5.0 * (1 + 1e-12), 0.7, 5.0, 3, 10.0, 40.0});
        out.add(new double[] {0.8, 4.0, 1.4, 4.0, 12, 30.0, 52.0});
        out.add(new double[] {0.553, 10.578, 0.606, 11.669, 1, 0.5, 1000.0});
        out.add(new double[] {0.553, 10.578, 0.606, 11.669, 30, 1.0, 900.0});
        out.add(new double[] {0.5, 0.2, 0.6, 20.0, 2, 1.0, 30.0});      // alpha << beta, z ~ 0.94
        out.add(new double[] {0.5, 20.0, 0.6, 0.2, 2, 1.0, 30.0});      // alpha >> beta
        out.add(new double[] {0.5, 20.0, 0.6, 0.2, 60, 2.0, 30.0});
        out.add(new double[] {3.0, 1.0, 2.5, 3.0, 0, 0.0, 500.0});
        return out;
    }

    private static double z(double alpha, double beta, double t) {
        return Math.abs(alpha - beta) / (Math.max(alpha, beta) + t);
    }

    /** {P(alive), E[Y(h) | x, t_x, T]} from the note's closed form, in 60 digits. */
    private static double[] reference(double r0, double alpha0, double s0, double beta0, double x0,
            double tx0, double t0, double h0) {
        Dfp r = FIELD.newDfp(r0);
        Dfp alpha = FIELD.newDfp(alpha0);
        Dfp s = FIELD.newDfp(s0);
        Dfp beta = FIELD.newDfp(beta0);
        Dfp x = FIELD.newDfp(x0);
        Dfp tx = FIELD.newDfp(tx0);
        Dfp t = FIELD.newDfp(t0);
        Dfp one = FIELD.getOne();
        Dfp rx = r.add(x);
        Dfp a1 = rx.add(s);
        Dfp c1 = a1.add(one);
        Dfp a0;
        if (alpha0 >= beta0) {
            Dfp b1 = s.add(one);
            Dfp d = alpha.subtract(beta);
            a0 = hyp2f1(a1, b1, c1, d.divide(alpha.add(tx))).divide(pow(alpha.add(tx), a1))
                    .subtract(hyp2f1(a1, b1, c1, d.divide(alpha.add(t))).divide(pow(alpha.add(t), a1)));
        } else {
            Dfp d = beta.subtract(alpha);
            a0 = hyp2f1(a1, rx, c1, d.divide(beta.add(tx))).divide(pow(beta.add(tx), a1))
                    .subtract(hyp2f1(a1, rx, c1, d.divide(beta.add(t))).divide(pow(beta.add(t), a1)));
        }
        if (tx0 >= t0) {
            a0 = FIELD.getZero();
        }
        Dfp odds = s.divide(a1).multiply(pow(alpha.add(t), rx)).multiply(pow(beta.add(t), s)).multiply(a0);
        Dfp alive = one.divide(one.add(odds));
        Dfp bt = beta.add(t);
        Dfp sm1 = s.subtract(one);
        Dfp expected = alive.multiply(rx).multiply(bt).divide(alpha.add(t).multiply(sm1))
                .multiply(one.subtract(pow(bt.divide(bt.add(FIELD.newDfp(h0))), sm1)));
        return new double[] {alive.toDouble(), expected.toDouble()};
    }

    private static Dfp pow(Dfp base, Dfp exponent) {
        return DfpMath.exp(DfpMath.log(base).multiply(exponent));
    }

    /** The Gauss series of 2F1(a, b; c; z), 0 <= z < 1, all terms positive here. */
    private static Dfp hyp2f1(Dfp a, Dfp b, Dfp c, Dfp z) {
        Dfp sum = FIELD.getOne();
        Dfp term = FIELD.getOne();
        Dfp eps = FIELD.newDfp("1e-50");
        for (int n = 0; n < 200_000; n++) {
            Dfp k = FIELD.newDfp(n);
            term = term.multiply(a.add(k)).multiply(b.add(k)).divide(c.add(k).multiply(k.add(FIELD.getOne())))
                    .multiply(z);
            sum = sum.add(term);
            if (term.lessThan(sum.multiply(eps)) && n > 10) {
                return sum;
            }
        }
        throw new AssertionError("reference series did not converge");
    }
}
