package org.crmkit.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

/** Issue 9 point 2: evaluate accepts customers whose first purchase is on the calibration end. */
class NewCustomerEvaluationTest {

    @Test
    void evaluate_zeroAgeCustomer_countsAsNewCustomerWithNoRepeat() {
        CustomerSummaries s = CustomerSummaries.builder()
                .add("old", 2, 30.0, 38.0, 10.0, 1, 12.0, 39.0)
                .add("new", 0, 0.0, 0.0, 0.0, 1, 15.0, 39.0)
                .build();
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        HoldoutEvaluation e = HoldoutEvaluation.evaluate(m, HoldoutData.from(s));
        assertThat(e.customers()).isEqualTo(2);
        // the new customer's prediction is the unconditional E[X(39)]
        assertThat(e.predictedTotal()).isCloseTo(m.conditionalExpectedPurchases(39, 2, 30, 38)
                + m.expectedPurchases(39), within(1e-9));
        // calibration table: the new customer is certain to have 0 repeat purchases by T = 0
        FrequencyRow zero = e.calibrationTable().get(0);
        assertThat(zero.expected()).isCloseTo(1 + m.probabilityOfPurchases(0, 38), within(1e-12));
    }
}
