package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.ProgressListener;
import org.junit.jupiter.api.Test;

/** Issue 15: reading a large transaction file reports progress and can be cancelled. */
class TransactionCsvProgressTest {

    private static byte[] file(int rows) {
        StringBuilder sb = new StringBuilder("customer,date,amount\n");
        for (int i = 0; i < rows; i++) {
            sb.append('c').append(i % 1000).append(",2020-01-").append(10 + i % 20).append(",1.5\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final TransactionCsv CSV = TransactionCsv.builder().customerColumn(ColumnSelector.byName("customer"))
            .dateColumn(ColumnSelector.byName("date")).amountColumn(ColumnSelector.byName("amount")).build();

    @Test
    void read_reportsEvery65536LinesAndAtTheEnd() throws IOException {
        List<ProgressEvent> events = new ArrayList<>();
        TransactionLog log = CSV.read(new ByteArrayInputStream(file(140_000)), "t.csv", events::add,
                Cancellation.never());
        assertThat(log.size()).isEqualTo(140_000);
        assertThat(events).extracting(ProgressEvent::done).containsExactly(65_536L, 131_072L, 140_001L);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.phase()).isEqualTo("read t.csv: lines");
            assertThat(e.total()).isEmpty();
        });
        // the same transactions as without a listener
        assertThat(CSV.read(new ByteArrayInputStream(file(140_000)), "t.csv").size()).isEqualTo(log.size());
    }

    @Test
    void read_cancelled_throws() {
        Cancellation cancel = Cancellation.create();
        cancel.cancel();
        assertThatThrownBy(() -> CSV.read(new ByteArrayInputStream(file(70_000)), "t.csv", ProgressListener.none(),
                cancel)).isInstanceOf(CancellationException.class).hasMessage("read t.csv: lines was cancelled");
    }
}
