package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.ProgressListener;
import org.crmkit.scoring.summary.ColumnSelector;
import org.crmkit.scoring.summary.TransactionCsv;
import org.crmkit.scoring.summary.TransactionLog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options that name a transaction file and its columns ({@code crm summarize},
 * {@code crm plot tracking}), as a picocli mixin, and the one way the CLI reads such a file:
 * a regular file through {@link TransactionCsv#read(Path, ProgressListener, Cancellation)}
 * (in parallel parts when large), {@code -} from standard input.
 */
final class TransactionInputOptions {
    @Option(names = "--transactions", required = true, paramLabel = "FILE",
            description = "transaction file, one transaction per line; - for stdin")
    Path transactions;

    @Mixin
    private DelimiterOption delimiter;

    @Option(names = "--no-header", description = "the file has no header line")
    private boolean noHeader;

    @Option(names = "--customer-col", required = true, paramLabel = "C",
            description = "customer id column: header name or 1-based position")
    private ColumnSelector customerCol;

    @Option(names = "--date-col", required = true, paramLabel = "D",
            description = "date column: header name or 1-based position")
    private ColumnSelector dateCol;

    @Option(names = "--amount-col", paramLabel = "A",
            description = "amount column (optional; without it amounts are 0)")
    private ColumnSelector amountCol;

    @Option(names = "--date-format", defaultValue = "yyyy-MM-dd", paramLabel = "PATTERN",
            description = "date pattern, e.g. yyyyMMdd (default yyyy-MM-dd)")
    private String dateFormat;

    /**
     * Reads the transactions.
     *
     * @param spec the running command, not null
     * @param latestDate the latest date allowed (a later one is an error naming its line), or null
     * @param listener hears the reading's progress, not null
     * @return the log, never null
     * @throws BadInputException if the file cannot be opened
     * @throws org.crmkit.scoring.summary.CsvInputException if its content is invalid
     * @throws IOException if it cannot be read
     */
    TransactionLog read(CommandSpec spec, LocalDate latestDate, ProgressListener listener) throws IOException {
        TransactionCsv.Builder csv = TransactionCsv.builder()
                .delimiter(delimiter.delimiter())
                .header(!noHeader)
                .customerColumn(customerCol)
                .dateColumn(dateCol)
                .dateFormat(dateFormat);
        if (amountCol != null) {
            csv.amountColumn(amountCol);
        }
        if (latestDate != null) {
            csv.latestDate(latestDate);
        }
        TransactionCsv reader = csv.build();
        try (InputStream in = InputFiles.open(spec, transactions)) {
            if (!InputFiles.isStandardStream(transactions) && Files.isRegularFile(transactions)) {
                // a file is read in parallel parts; opening it first gave the usual errors
                return reader.read(transactions, listener, Cancellation.never());
            }
            return reader.read(in, InputFiles.displayName(transactions), listener, Cancellation.never());
        }
    }
}
