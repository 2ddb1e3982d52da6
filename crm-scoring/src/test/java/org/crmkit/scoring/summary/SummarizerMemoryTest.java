package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 point 12: a grouped log (each customer's transactions in one run) is summarised
 * without a copy of its transactions, and the summarizer says beforehand what it needs.
 */
class SummarizerMemoryTest {

    private static TransactionLog log(boolean grouped) {
        TransactionLog.Builder b = TransactionLog.builder();
        LocalDate d = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 3000; i++) {
            int c = grouped ? i / 3 : i % 1000;
            b.add("c" + c, d.plusDays(i % 97), 1 + i % 5);
        }
        return b.build();
    }

    @Test
    void workingBytes_groupedLogNeedsNoCopyOfTheTransactions() {
        Summarizer s = Summarizer.builder().build();
        assertThat(s.workingBytes(log(true))).isEqualTo(64L * 1000);
        assertThat(s.workingBytes(log(false))).isEqualTo(64L * 1000 + 12L * 3000);
    }

    @Test
    void summarize_groupedAndShuffledLogs_giveTheSameSummaries() {
        // the same transactions in two orders: customer c has days i with i % 1000 == c
        TransactionLog.Builder grouped = TransactionLog.builder();
        TransactionLog.Builder mixed = TransactionLog.builder();
        LocalDate d = LocalDate.of(2024, 1, 1);
        for (int c = 0; c < 1000; c++) {
            for (int k = 0; k < 3; k++) {
                int i = c + 1000 * k;
                grouped.add("c" + c, d.plusDays(i % 97), 1 + i % 5);
            }
        }
        for (int i = 0; i < 3000; i++) {
            mixed.add("c" + i % 1000, d.plusDays(i % 97), 1 + i % 5);
        }
        Summarizer s = Summarizer.builder().timeUnit(TimeUnit.WEEKS).build();
        CustomerSummaries a = s.summarize(grouped.build());
        CustomerSummaries b = s.summarize(mixed.build());
        assertThat(a.customerIdColumn()).containsExactly(b.customerIdColumn());
        assertThat(a.frequencyColumn()).containsExactly(b.frequencyColumn());
        assertThat(a.recencyColumn()).containsExactly(b.recencyColumn());
        assertThat(a.tColumn()).containsExactly(b.tColumn());
        assertThat(a.monetaryValueColumn()).containsExactly(b.monetaryValueColumn());
    }

    @Test
    void requireHeap_smallLog_passes() {
        Summarizer.builder().build().requireHeap(log(false));
    }
}
