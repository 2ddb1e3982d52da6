package org.crmkit.scoring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

class PeriodTransactionsTest {

    private static CustomerSummaries three() {
        return CustomerSummaries.builder()
                .add("a", 0, 0, 2, 0)
                .add("b", 2, 1.5, 2, 10)
                .add("c", 9, 3.5, 4, 10)
                .build();
    }

    @Test
    void of_poissonModel_sumsTheProbabilitiesOfEachCustomer() {
        PeriodTransactions p = PeriodTransactions.of(new LinearModel(0.5), three(), 3);
        assertThat(p.labels()).containsExactly("0", "1", "2", "3+");
        assertThat(p.actual()).containsExactly(1, 0, 1, 1);
        // Poisson means 1 (two customers with T = 2) and 2 (T = 4)
        double[] e = p.expected();
        assertThat(e[0]).isCloseTo(2 * Math.exp(-1) + Math.exp(-2), within(1e-12));
        assertThat(e[1]).isCloseTo(2 * Math.exp(-1) + 2 * Math.exp(-2), within(1e-12));
        assertThat(e[2]).isCloseTo(2 * Math.exp(-1) / 2 + 2 * Math.exp(-2), within(1e-12));
        assertThat(e[0] + e[1] + e[2] + e[3]).isCloseTo(3, within(1e-12));
        assertThat(p.simulated()).isEmpty();
        assertThat(p.table().seriesNames()).containsExactly("actual", "expected");
    }

    @Test
    void of_bgNbd_matchesEquation8OfThePaper() {
        BgNbdReference reference = new BgNbdReference(0.243, 4.414, 0.793, 2.426);
        CustomerSummaries s = CustomerSummaries.builder().add("a", 0, 0, 38.86, 0).add("b", 1, 2, 30.1, 5)
                .add("c", 0, 0, 30.1, 0).build();
        PeriodTransactions p = PeriodTransactions.of(BgNbd.of(0.243, 4.414, 0.793, 2.426), s, 7);
        double[] e = p.expected();
        double rest = 3;
        for (int n = 0; n < 7; n++) {
            double independent = reference.probabilityOfPurchases(n, 38.86) + 2 * reference.probabilityOfPurchases(n, 30.1);
            assertThat(e[n]).as("n=%d", n).isCloseTo(independent, within(1e-10));
            rest -= independent;
        }
        assertThat(e[7]).isCloseTo(rest, within(1e-10));
    }

    @Test
    void of_weightedRowsCountWithTheirWeight_andTZeroHasNoPurchase() {
        CustomerSummaries s = CustomerSummaries.builder().addWeighted("a", 0, 0, 0, 0, 3)
                .addWeighted("b", 1, 1, 2, 0, 2).build();
        PeriodTransactions p = PeriodTransactions.of(new LinearModel(0.5), s, 1);
        assertThat(p.actual()).containsExactly(3, 2);
        assertThat(p.expected()[0]).isCloseTo(3 + 2 * Math.exp(-1), within(1e-12));
        assertThat(p.expected()[1]).isCloseTo(2 * (1 - Math.exp(-1)), within(1e-12));
    }

    @Test
    void withSimulation_isSeeded_andCountsEveryCustomer() {
        BgNbd model = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        CustomerSummaries.Builder b = CustomerSummaries.builder();
        for (int i = 0; i < 2000; i++) {
            b.add("c" + i, 0, 0, 20 + i % 19, 0);
        }
        CustomerSummaries s = b.build();
        PeriodTransactions one = PeriodTransactions.withSimulation(model, s, 7, 7L, Parallelism.sequential());
        PeriodTransactions two = PeriodTransactions.withSimulation(model, s, 7, 7L, Parallelism.commonPool());
        double[] simulated = one.simulated().orElseThrow();
        assertThat(two.simulated().orElseThrow()).containsExactly(simulated);
        assertThat(two.expected()).containsExactly(one.expected());
        double total = 0;
        for (double v : simulated) {
            total += v;
        }
        assertThat(total).isEqualTo(2000);
        // the simulated zeros lie within 4 binomial standard errors of the expectation
        double p0 = one.expected()[0] / 2000;
        assertThat(simulated[0]).isCloseTo(one.expected()[0], within(4 * Math.sqrt(2000 * p0 * (1 - p0))));
        assertThat(one.table().seriesNames()).containsExactly("actual", "expected", "simulated");
    }

    @Test
    void of_invalidInput_isRefused() {
        LinearModel m = new LinearModel(1);
        assertThatThrownBy(() -> PeriodTransactions.of(m, three(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lastBar 0");
        assertThatThrownBy(() -> PeriodTransactions.of(m, CustomerSummaries.builder().build(), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no customers");
        assertThatNullPointerException().isThrownBy(() -> PeriodTransactions.of(null, three(), 3)).withMessage("model");
        assertThatNullPointerException().isThrownBy(() -> PeriodTransactions.of(m, null, 3)).withMessage("summaries");
    }
}
