package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmScores;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 point 2 end to end: daily data where one customer first buys on the calibration
 * end day. The summary row has T = 0, reads back, is accepted as model input (and left out
 * of the likelihood), and RFM gives it the best recency score and the lowest frequency.
 */
class NewCustomerPipelineTest {

    @Test
    void summarize_firstPurchaseOnCalibrationEnd_flowsIntoModelsAndRfm() throws IOException {
        LocalDate end = LocalDate.of(2024, 6, 30);
        TransactionLog log = TransactionLog.builder()
                .add("a", LocalDate.of(2024, 1, 2), 10).add("a", LocalDate.of(2024, 3, 1), 20)
                .add("b", LocalDate.of(2024, 2, 1), 15).add("b", LocalDate.of(2024, 6, 1), 5)
                .add("b", LocalDate.of(2024, 6, 20), 7)
                .add("c", LocalDate.of(2024, 4, 4), 30)
                .add("new", end, 12)
                .build();
        CustomerSummaries s = Summarizer.builder().timeUnit(TimeUnit.WEEKS).calibrationEnd(end)
                .build().summarize(log);
        int row = 3;
        assertThat(s.customerId(row)).isEqualTo("new");
        assertThat(s.t(row)).isZero();

        StringWriter w = new StringWriter();
        SummaryCsv.write(w, s);
        CustomerSummaries back = SummaryCsv.read(new ByteArrayInputStream(
                w.toString().getBytes(StandardCharsets.UTF_8)), "summary.csv");
        BtydData data = BtydData.from(back);
        assertThat(data.newCustomers()).isEqualTo(1);
        assertThat(data.customers()).isEqualTo(3);

        RfmScores rfm = RfmScorer.builder().bins(2).build().score(back);
        assertThat(rfm.recency(row)).isEqualTo(2);   // bought on the last day: most recent
        assertThat(rfm.frequency(row)).isEqualTo(1); // no repeat purchase
    }
}
