package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The heap given to the JVM is too small for the work asked, found before the work starts:
 * the command ends with exit code 1 and one line saying which {@code -Xmx} to run with,
 * instead of running out of memory midway.
 */
final class InsufficientHeapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * The peak heap per summary row while a summary file is read and scored: 42 bytes held
     * per row once read (the id as UTF-8 bytes, offsets, four columns), about twice that
     * while the columns and the id table grow (measured on 10^7 rows: 882 MB after a
     * collection at the peak).
     */
    static final long BYTES_PER_SUMMARY_ROW = 90;
    /** The room the JVM and the command need besides the rows. */
    private static final long BASE_BYTES = 48L << 20;
    /** How much of a file is sampled to estimate its number of lines. */
    private static final int SAMPLE_BYTES = 1 << 16;

    InsufficientHeapException(String message) {
        super(message);
    }

    /**
     * Refuses to read a summary file that will not fit the heap: the rows are estimated from
     * the file's size and the mean length of the lines in its first 64 KB. Standard input
     * and files smaller than the sample are not checked (they either fit or meet the
     * out-of-memory message).
     *
     * @param file the summary file, not null
     * @throws InsufficientHeapException if the estimate exceeds the maximum heap
     * @throws IOException if the file cannot be read
     */
    static void requireForSummary(Path file) throws IOException {
        if (InputFiles.isStandardStream(file) || !Files.isRegularFile(file)) {
            return;
        }
        long rows = estimatedLines(file);
        long need = neededBytes(rows);
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            long mb = (need >> 20) + 1;
            throw new InsufficientHeapException(String.format(Locale.ROOT, "%s has about %,d rows: reading them needs"
                    + " about %d MB of heap (the heap is %d MB); run java -Xmx%dm -jar crm.jar ...", file, rows, mb,
                    max >> 20, (mb + 255) / 256 * 256));
        }
    }

    /**
     * The lines of a file estimated from its size and the lines in its first 64 KB; 0 for a
     * file no larger than that (small enough not to matter) or without a line end in it.
     */
    static long estimatedLines(Path file) throws IOException {
        long size = Files.size(file);
        if (size <= SAMPLE_BYTES) {
            return 0;
        }
        byte[] sample = new byte[SAMPLE_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(sample, 0, SAMPLE_BYTES);
        }
        int lines = 0;
        for (int i = 0; i < read; i++) {
            if (sample[i] == '\n') {
                lines++;
            }
        }
        return read == 0 ? 0 : size * lines / read;
    }

    /** The heap that reading and scoring {@code rows} summary rows needs, with room for the collector. */
    static long neededBytes(long rows) {
        // G1 needs room to work: a quarter more than the data (10^7 rows ran in 1,280 MB, not in 1,024)
        return (BASE_BYTES + rows * BYTES_PER_SUMMARY_ROW) * 5 / 4;
    }
}
