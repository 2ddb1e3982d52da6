package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 point 2: a customer whose first purchase is on the calibration end has
 * T = 0 (and x = t_x = 0). Its likelihood is 1 under every model, so fits with such
 * customers must equal the fits without them, and the models score it as a new customer.
 * The reference is the same fit without those rows, and the unconditional expectation
 * E[X(t)] of a customer who has just made the first purchase, not this code's T = 0 path.
 */
class NewCustomerTest {

    private static double[] withZeros(double[] column, int zeros, double value) {
        double[] out = Arrays.copyOf(column, column.length + zeros);
        Arrays.fill(out, column.length, out.length, value);
        // interleave: move the zero-age rows to the front half too, so order does not hide a bug
        double[] mixed = new double[out.length];
        int a = 0;
        int z = column.length;
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (i % 7 == 3 && z < out.length) ? out[z++] : (a < column.length ? out[a++] : out[z++]);
        }
        return mixed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bg-nbd", "mbg-nbd", "pareto-nbd", "gamma-gamma"})
    void fit_withZeroAgeCustomers_equalsFitWithout(String name) {
        Cdnow c = Cdnow.load();
        int zeros = 150;
        BtydData without = BtydData.withMonetary(c.x, c.tx, c.age, c.zbar);
        BtydData with = BtydData.withMonetary(withZeros(c.x, zeros, 0), withZeros(c.tx, zeros, 0),
                withZeros(c.age, zeros, 0), withZeros(c.zbar, zeros, 0));
        assertThat(with.inputRows()).isEqualTo(without.inputRows() + zeros);
        assertThat(with.newCustomers()).isEqualTo(zeros);
        assertThat(with.customers()).isEqualTo(without.customers());

        BtydModel<?> model = BtydModels.byName(name).orElseThrow();
        FitResult<?> a = BtydFitter.standard().fit(model, without);
        FitResult<?> b = BtydFitter.standard().fit(model, with);
        assertThat(b.model().parameters()).isEqualTo(a.model().parameters());
        assertThat(b.logLikelihood()).isEqualTo(a.logLikelihood());
        assertThat(b.converged()).isEqualTo(a.converged());
    }

    @Test
    void fit_bgBbWithNoOpportunity_equalsFitWithout() {
        // donations: frequency, recency, periods, weights (Fader, Hardie and Shang 2010)
        double[][] rows = BtydTestData.csv("donations.csv");
        double[] x = new double[rows.length + 1];
        double[] tx = new double[rows.length + 1];
        double[] n = new double[rows.length + 1];
        double[] w = new double[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            x[i + 1] = rows[i][0];
            tx[i + 1] = rows[i][1];
            n[i + 1] = rows[i][2];
            w[i + 1] = rows[i][3];
        }
        w[0] = 500; // 500 customers who had no opportunity yet
        BtydModel<?> bgbb = BtydModels.byName("bg-bb").orElseThrow();
        FitResult<?> with = BtydFitter.standard().fit(bgbb, BtydData.of(x, tx, n, w));
        FitResult<?> without = BtydFitter.standard().fit(bgbb, BtydData.of(
                Arrays.copyOfRange(x, 1, x.length), Arrays.copyOfRange(tx, 1, tx.length),
                Arrays.copyOfRange(n, 1, n.length), Arrays.copyOfRange(w, 1, w.length)));
        assertThat(with.model().parameters()).isEqualTo(without.model().parameters());
        assertThat(with.logLikelihood()).isEqualTo(without.logLikelihood());
    }

    @Test
    void from_onlyZeroAgeCustomers_isRejectedWithReason() {
        assertThatThrownBy(() -> BtydData.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no customer with T > 0");
    }

    @Test
    void validateRow_zeroAgeRepeatBuyer_isStillInvalid() {
        assertThatThrownBy(() -> BtydData.validateRow(3, 1, 0, 0, 5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 3");
        assertThatThrownBy(() -> BtydData.validateRow(3, 0, 0, -1, 0, 1))
                .hasMessageContaining("negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bg-nbd", "mbg-nbd", "pareto-nbd"})
    void scoring_zeroAge_isNewCustomer(String name) {
        Cdnow c = Cdnow.load();
        PurchaseModel m = (PurchaseModel) BtydFitter.standard()
                .fit(BtydModels.byName(name).orElseThrow(), c.data()).model();
        for (double t : new double[] {0.5, 1, 39, 52, 500}) {
            double unconditional = m.expectedPurchases(t);
            assertThat(m.conditionalExpectedPurchases(t, 0, 0, 0))
                    .as("E[Y(%s) | new customer]", t)
                    .isCloseTo(unconditional, within(1e-12 * Math.max(1, unconditional)));
        }
        // MBG/NBD lets a customer drop out at the first purchase: P(alive | x = 0, T = 0) is
        // 1 / (1 + a / b) (Batislam, Denizel and Filiztekin 2007, P(alive) with x = t_x = T = 0)
        double alive0 = name.equals("mbg-nbd")
                ? 1 / (1 + ((FittedModel) m).parameters().get("a") / ((FittedModel) m).parameters().get("b"))
                : 1.0;
        assertThat(m.probabilityAlive(0, 0, 0)).isCloseTo(alive0, within(1e-12));
        assertThat(m.probabilityAliveAt(10, 0, 0, 0)).isBetween(0.0, 1.0);
        double discounted = m.discountedExpectedPurchases(52, 0.01, 0, 0, 0);
        assertThat(discounted).isFinite().isPositive().isLessThan(m.expectedPurchases(52));
        for (int k = 0; k < 4; k++) {
            assertThat(m.conditionalProbabilityOfPurchases(k, 10, 0, 0, 0)).isBetween(0.0, 1.0);
        }

        double[] x = {0, 2, 0};
        double[] tx = {0, 30.43, 0};
        double[] age = {0, 38.86, 0};
        double[] expected = new double[3];
        double[] alive = new double[3];
        m.predict(39, x, tx, age, expected, alive);
        // the bulk path may order its operations differently: agree to rounding
        assertThat(expected[0]).isCloseTo(m.conditionalExpectedPurchases(39, 0, 0, 0), within(1e-12));
        assertThat(alive[0]).isCloseTo(alive0, within(1e-12));
        assertThat(expected[1]).isCloseTo(m.conditionalExpectedPurchases(39, 2, 30.43, 38.86), within(1e-12));
        assertThat(List.of(expected[2], alive[2])).containsExactly(expected[0], alive[0]);
    }

    @Test
    void scoring_bgBbNoOpportunity_isNewCustomer() {
        PurchaseModel m = (PurchaseModel) BtydModels.byName("bg-bb").orElseThrow()
                .withParameters(new double[] {1.204, 0.750, 0.657, 2.783});
        assertThat(m.conditionalExpectedPurchases(5, 0, 0, 0))
                .isCloseTo(m.expectedPurchases(5), within(1e-12));
        assertThat(m.probabilityAlive(0, 0, 0)).isEqualTo(1.0);
    }
}
