package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsufficientHeapExceptionTest {

    @Test
    void estimatedLines_withinAFewPercentOfTheTruth(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,frequency,recency,T\n");
        for (int i = 0; i < 40_000; i++) {
            csv.append("customer-").append(i).append(',').append(i % 9).append(",12.5,").append(30 + i % 11).append('\n');
        }
        Path file = dir.resolve("s.csv");
        Files.writeString(file, csv);
        assertThat(InsufficientHeapException.estimatedLines(file)).isBetween(38_000L, 42_000L);
        Files.writeString(file, "customer_id,frequency,recency,T\n1,0,0,3\n");
        assertThat(InsufficientHeapException.estimatedLines(file)).isZero(); // small files are not estimated
    }

    @Test
    void neededBytes_tenMillionRowsNeedMoreThanTheGigabyteTheyFailedIn() {
        // measured: 10^7 summary rows ran out of memory in -Xmx1024m and completed in -Xmx1280m
        long need = InsufficientHeapException.neededBytes(10_000_000);
        assertThat(need).isGreaterThan(1024L << 20).isLessThanOrEqualTo(1280L << 20);
        assertThat(InsufficientHeapException.neededBytes(0)).isPositive();
    }

    @Test
    void requireForSummary_passesFilesThatFit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.csv");
        Files.writeString(file, "customer_id,frequency,recency,T\n1,0,0,3\n");
        InsufficientHeapException.requireForSummary(file); // does not throw
        InsufficientHeapException.requireForSummary(Path.of("-"));
    }
}
