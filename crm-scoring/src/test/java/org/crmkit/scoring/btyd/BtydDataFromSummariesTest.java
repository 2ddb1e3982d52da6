package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.crmkit.scoring.evaluation.HoldoutData;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.SummaryCsv;
import org.junit.jupiter.api.Test;

/** {@link BtydData#from} and {@link HoldoutData#from}: summaries as model and evaluation input. */
class BtydDataFromSummariesTest {

    private static CustomerSummaries read(String csv) throws IOException {
        return SummaryCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    @Test
    void from_summariesWithMonetaryValue_compressesIdenticalRows() {
        CustomerSummaries s = CustomerSummaries.builder()
                .add("a", 2, 30.43, 38.86, 22.35)
                .add("b", 0, 0, 38.86, 0)
                .add("c", 0, 0, 38.86, 0)
                .build();
        BtydData data = BtydData.from(s);
        assertThat(data.inputRows()).isEqualTo(3);
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.customers()).isEqualTo(3.0);
        assertThat(data.hasMonetary()).isTrue();
        assertThat(data.frequency(0)).isEqualTo(2.0);
        assertThat(data.monetary(0)).isEqualTo(22.35);
        assertThat(data.weight(1)).isEqualTo(2.0);
    }

    @Test
    void from_weightedPeriodsFile_keepsTheWeights() throws IOException {
        BtydData data = BtydData.from(read("frequency,recency,periods,weights\n0,0,6,3464\n1,1,6,1091\n6,6,6,1203\n"));
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.customers()).isEqualTo(3464.0 + 1091 + 1203);
        assertThat(data.age(2)).isEqualTo(6.0);
        assertThat(data.hasMonetary()).isFalse();
    }

    @Test
    void from_repeatBuyerWithRecencyZero_namesTheCustomer() throws IOException {
        CustomerSummaries s = read("customer_id,frequency,recency,T\nok,1,3,5\nbad,2,0,5\n");
        assertThatThrownBy(() -> BtydData.from(s)).isInstanceOfSatisfying(InvalidSummaryException.class, e -> {
            assertThat(e).hasMessage("customer 'bad': frequency 2.0 > 0 with recency 0");
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.customerId()).isEqualTo("bad");
            assertThat(e.reason()).isEqualTo("frequency 2.0 > 0 with recency 0");
        });
    }

    @Test
    void from_emptySummaries_isRejected() {
        CustomerSummaries s = CustomerSummaries.builder().build();
        assertThatThrownBy(() -> BtydData.from(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty table");
        assertThatThrownBy(() -> BtydData.from(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("summaries");
    }

    @Test
    void holdoutFrom_summariesWithHoldout_takesFrequencyAndDurationHoldout() throws IOException {
        CustomerSummaries s = read("customer_id,frequency,recency,T,frequency_holdout,monetary_value_holdout,"
                + "duration_holdout\na,2,30,38,3,10.5,39\nb,0,0,38,0,0,39\n");
        HoldoutData data = HoldoutData.from(s);
        assertThat(data.size()).isEqualTo(2);
        assertThat(data.calibration().customers()).isEqualTo(2.0);
    }

    @Test
    void holdoutFrom_summariesWithoutHoldoutOrWithWeights_isRejected() throws IOException {
        CustomerSummaries plain = read("customer_id,frequency,recency,T\na,2,30,38\n");
        assertThatThrownBy(() -> HoldoutData.from(plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no holdout columns");
        CustomerSummaries zero = read("customer_id,frequency,recency,T,frequency_holdout,monetary_value_holdout,"
                + "duration_holdout\na,2,30,38,3,10.5,0\n");
        assertThatThrownBy(() -> HoldoutData.from(zero)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer 'a': duration_holdout 0.0 is not positive");
    }
}
