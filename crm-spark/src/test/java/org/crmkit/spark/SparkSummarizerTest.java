package org.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.InvalidTransactionException;
import org.crmkit.scoring.summary.NonPositiveDayPolicy;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.TimeUnit;
import org.junit.jupiter.api.Test;

class SparkSummarizerTest {

    @Test
    void summarize_cdnow_equalsSummarizer() {
        Transactions t = Transactions.cdnow(TestSpark.dataDirectory());
        LocalDate cal = LocalDate.of(1997, 9, 30);
        LocalDate obs = LocalDate.of(1998, 6, 30);
        CustomerSummaries expected = Summarizer.builder().timeUnit(TimeUnit.WEEKS).calibrationEnd(cal)
                .observationEnd(obs).build().summarize(t.log());
        Dataset<Row> actual = SparkSummarizer.builder().customerColumn("customer").dateColumn("date")
                .amountColumn("amount").timeUnit(TimeUnit.WEEKS).calibrationEnd(cal).observationEnd(obs).build()
                .summarize(t.dataset(TestSpark.session()));
        assertSame(expected, actual);
        assertThat(expected.size()).isEqualTo(23_570);
    }

    @Test
    void summarize_simulatedWithReturns_equalsSummarizerUnderEveryPolicyAndUnit() {
        Transactions t = Transactions.simulated(3000, 11);
        Dataset<Row> data = t.dataset(TestSpark.session()).cache();
        LocalDate cal = LocalDate.of(2021, 3, 31);
        for (Map.Entry<NonPositiveDayPolicy, TimeUnit> c : Map.of(NonPositiveDayPolicy.KEEP, TimeUnit.WEEKS,
                NonPositiveDayPolicy.EXCLUDE, TimeUnit.MONTHS).entrySet()) {
            CustomerSummaries expected = Summarizer.builder().timeUnit(c.getValue()).calibrationEnd(cal)
                    .nonPositiveDays(c.getKey()).build().summarize(t.log());
            Dataset<Row> actual = SparkSummarizer.builder().customerColumn("customer").dateColumn("date")
                    .amountColumn("amount").timeUnit(c.getValue()).calibrationEnd(cal).nonPositiveDays(c.getKey())
                    .build().summarize(data);
            assertSame(expected, actual);
        }
        // defaults: calibration end = last transaction date, no holdout
        CustomerSummaries expected = Summarizer.builder().build().summarize(t.log());
        Dataset<Row> actual = SparkSummarizer.builder().customerColumn("customer").amountColumn("amount").build()
                .summarize(data);
        assertThat(actual.columns()).doesNotContain("frequency_holdout");
        assertSame(expected, actual);
        data.unpersist();
    }

    @Test
    void summarize_rejectPolicy_namesTheDay() {
        Transactions t = new Transactions();
        t.add("a", LocalDate.of(2021, 1, 1), 10);
        t.add("b", LocalDate.of(2021, 1, 2), 4);
        t.add("b", LocalDate.of(2021, 1, 2), -4);
        SparkSummarizer s = SparkSummarizer.builder().customerColumn("customer").amountColumn("amount")
                .nonPositiveDays(NonPositiveDayPolicy.REJECT).build();
        assertThatThrownBy(() -> s.summarize(t.dataset(TestSpark.session())))
                .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("2021-01-02")
                .hasMessageContaining("<= 0");
    }

    @Test
    void summarize_transactionAfterObservationEnd_isRejected() {
        Transactions t = new Transactions();
        t.add("a", LocalDate.of(2021, 1, 1), 10);
        t.add("a", LocalDate.of(2021, 3, 1), 10);
        SparkSummarizer s = SparkSummarizer.builder().customerColumn("customer").amountColumn("amount")
                .observationEnd(LocalDate.of(2021, 2, 1)).build();
        assertThatThrownBy(() -> s.summarize(t.dataset(TestSpark.session())))
                .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("after the observation end");
    }

    @Test
    void summarize_missingColumn_isNamed() {
        Transactions t = new Transactions();
        t.add("a", LocalDate.of(2021, 1, 1), 10);
        SparkSummarizer s = SparkSummarizer.builder().customerColumn("client").build();
        assertThatThrownBy(() -> s.summarize(t.dataset(TestSpark.session())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'client'");
    }

    @Test
    void builder_optionSetTwice_isRejected() {
        assertThatThrownBy(() -> SparkSummarizer.builder().timeUnit(TimeUnit.DAYS).timeUnit(TimeUnit.WEEKS))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SparkSummarizer.builder().calibrationEnd(LocalDate.of(2021, 2, 1))
                .observationEnd(LocalDate.of(2021, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparkSummarizer.builder().customerColumn(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every row of the single-machine summary against the Spark row of the same customer. */
    static void assertSame(CustomerSummaries expected, Dataset<Row> actual) {
        Map<String, Row> byId = new HashMap<>();
        for (Row r : actual.collectAsList()) {
            byId.put(r.getString(r.fieldIndex("customer_id")), r);
        }
        assertThat(byId).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Row r = byId.get(expected.customerId(i));
            assertThat(r).as("customer %s", expected.customerId(i)).isNotNull();
            String who = expected.customerId(i);
            assertThat(r.getInt(r.fieldIndex("frequency"))).as(who).isEqualTo(expected.frequency(i));
            assertThat(r.getDouble(r.fieldIndex("recency"))).as(who).isEqualTo(expected.recency(i));
            assertThat(r.getDouble(r.fieldIndex("T"))).as(who).isEqualTo(expected.t(i));
            assertClose(r.getDouble(r.fieldIndex("monetary_value")), expected.monetaryValue(i), who);
            assertThat(r.getDate(r.fieldIndex("first_purchase")).toLocalDate()).as(who)
                    .isEqualTo(expected.firstPurchase(i));
            assertThat(r.getDate(r.fieldIndex("last_purchase")).toLocalDate()).as(who)
                    .isEqualTo(expected.lastPurchase(i));
            assertClose(r.getDouble(r.fieldIndex("total_spend")), expected.totalSpend(i), who);
            assertThat(r.getLong(r.fieldIndex("order_count"))).as(who).isEqualTo(expected.orderCount(i));
            if (expected.hasHoldout()) {
                assertThat(r.getInt(r.fieldIndex("frequency_holdout"))).as(who).isEqualTo(expected.frequencyHoldout(i));
                assertClose(r.getDouble(r.fieldIndex("monetary_value_holdout")), expected.monetaryValueHoldout(i), who);
                assertThat(r.getDouble(r.fieldIndex("duration_holdout"))).as(who).isEqualTo(expected.durationHoldout(i));
            }
        }
    }

    private static void assertClose(double actual, double expected, String who) {
        assertThat(Math.abs(actual - expected)).as(who + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(expected)));
    }
}
