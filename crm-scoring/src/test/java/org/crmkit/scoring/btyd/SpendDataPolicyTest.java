package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 point 5: a repeat customer whose mean spend is zero or negative (as customer 10244
 * of the full CDNOW data) is named, or left out and counted; a Gamma-Gamma model whose mean
 * spend is infinite ({@code q <= 1}) is refused when it is read.
 */
class SpendDataPolicyTest {

    /** Six repeat buyers with plausible spend, one with 0 (row 3, "C-10244"), one non-buyer. */
    private static CustomerSummaries summaries() {
        CustomerSummaries.Builder b = CustomerSummaries.builder();
        b.add("C-1", 2, 10, 30, 20.5);
        b.add("C-2", 1, 5, 30, 12.0);
        b.add("C-3", 4, 25, 30, 35.25);
        b.add("C-10244", 3, 20, 30, 0.0);
        b.add("C-5", 0, 0, 30, 0.0);
        b.add("C-6", 6, 28, 30, 18.0);
        b.add("C-7", 2, 12, 30, 41.0);
        b.add("C-8", 1, 3, 30, 9.5);
        return b.build();
    }

    @Test
    void forSpendModel_rejectNamesTheRowAndCustomer() {
        assertThatThrownBy(() -> BtydData.forSpendModel(summaries(), NonPositiveSpendPolicy.REJECT))
                .isInstanceOfSatisfying(InvalidSummaryException.class, e -> {
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.customerId()).isEqualTo("C-10244");
                    assertThat(e.getMessage()).contains("mean repeat spend 0.0").contains("EXCLUDE");
                });
    }

    @Test
    void forSpendModel_excludeLeavesOutCountsAndFitsAsWithoutThem() {
        BtydData spend = BtydData.forSpendModel(summaries(), NonPositiveSpendPolicy.EXCLUDE);
        assertThat(spend.excludedCustomers()).isEqualTo(1);
        assertThat(spend.customers()).isEqualTo(7);
        FitResult<GammaGamma> fit = BtydFitter.standard().fit(GammaGamma.model(), spend);
        // the reference: the same customers typed in without the zero-spend one
        BtydData byHand = BtydData.withMonetary(new double[] {2, 1, 4, 0, 6, 2, 1},
                new double[] {10, 5, 25, 0, 28, 12, 3}, new double[] {30, 30, 30, 30, 30, 30, 30},
                new double[] {20.5, 12.0, 35.25, 0, 18.0, 41.0, 9.5});
        FitResult<GammaGamma> reference = BtydFitter.standard().fit(GammaGamma.model(), byHand);
        assertThat(fit.logLikelihood()).isCloseTo(reference.logLikelihood(), within(1e-9));
        assertThat(fit.excludedCustomers()).isEqualTo(1);
        assertThat(reference.excludedCustomers()).isZero();
        assertThat(fit.convergence()).contains("1.0 customer(s) with a non-positive mean spend left out");
    }

    @Test
    void fit_zeroSpendWithoutAPolicySaysHowToNameThem() {
        BtydData data = BtydData.from(summaries());
        assertThatThrownBy(() -> BtydFitter.standard().fit(GammaGamma.model(), data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.0 repeat customer(s) have a mean repeat spend of 0")
                .hasMessageContaining("BtydData.forSpendModel");
    }

    @Test
    void read_gammaGammaWithInfiniteMeanSpendIsRefusedAtLoad() {
        String json = BtydModelJson.write(GammaGamma.of(2, 0.8, 10), "weeks");
        assertThatThrownBy(() -> BtydModelJson.read(json).toModel())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q = 0.8 <= 1 is refused").hasMessageContaining("infinite");
        assertThatThrownBy(() -> BtydModelJson.read(json).as(GammaGamma.model()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q = 0.8");
        assertThat(BtydModelJson.read(BtydModelJson.write(GammaGamma.of(6.25, 3.74, 15.44), "weeks")).toModel())
                .isInstanceOf(GammaGamma.class);
    }
}
