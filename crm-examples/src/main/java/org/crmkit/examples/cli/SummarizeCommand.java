package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.InvalidTransactionException;
import org.crmkit.scoring.summary.NonPositiveDayPolicy;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.SummaryCsv;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm summarize}: reads a transaction file and writes the per-customer summary CSV
 * ({@code customer_id,frequency,recency,T,monetary_value} and, with a holdout period,
 * {@code frequency_holdout,monetary_value_holdout,duration_holdout}).
 *
 * <pre>{@code
 * crm summarize --transactions CDNOW_sample.txt --delimiter whitespace --no-header \
 *     --customer-col 2 --date-col 3 --date-format yyyyMMdd --amount-col 5 \
 *     --time-unit weeks --calibration-end 1997-09-30 --out summary.csv
 * }</pre>
 *
 * <p>Bad input exits with code 2 and one line on stderr naming file, line and column;
 * {@code -} reads the transactions from stdin or writes the summary to stdout.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Summarise a transaction file into per-customer frequency, recency, T "
                + "and monetary value.")
public final class SummarizeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private TransactionInputOptions input;

    @Option(names = "--time-unit", defaultValue = "days", paramLabel = "UNIT",
            description = "days (default), weeks or months (365.25/12 days)")
    private TimeUnit timeUnit;

    @Option(names = "--calibration-end", paramLabel = "YYYY-MM-DD",
            description = "last day of the calibration period (inclusive); default the "
                    + "observation end or the last transaction date")
    private LocalDate calibrationEnd;

    @Option(names = "--observation-end", paramLabel = "YYYY-MM-DD",
            description = "last day of the holdout period (inclusive); default the last "
                    + "transaction date")
    private LocalDate observationEnd;

    @Option(names = "--non-positive-days", defaultValue = "keep", paramLabel = "POLICY",
            description = "days with net value <= 0: keep (default), exclude or reject")
    private NonPositiveDayPolicy nonPositiveDays;

    @Mixin
    private OutputOptions output;

    @picocli.CommandLine.Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() throws IOException {
        output.refuseInputs(input.transactions);
        PrintWriter err = spec.commandLine().getErr();
        Summarizer.Builder summarizer = Summarizer.builder().timeUnit(timeUnit)
                .nonPositiveDays(nonPositiveDays);
        if (calibrationEnd != null) {
            summarizer.calibrationEnd(calibrationEnd);
        }
        if (observationEnd != null) {
            summarizer.observationEnd(observationEnd);
        }
        Summarizer s = summarizer.build();
        TransactionLog log = input.read(spec, observationEnd, progress.listener(spec));
        progress.finish();
        int transactionCount = log.size();
        try {
            s.requireHeap(log);
        } catch (IllegalStateException tooSmall) {
            throw new InsufficientHeapException(tooSmall.getMessage());
        }
        CustomerSummaries summaries;
        try {
            summaries = s.summarize(log);
        } catch (InvalidTransactionException e) {
            BadInputException b = new BadInputException(input.transactions, 0, null, e.getMessage());
            b.initCause(e);
            throw b;
        }
        log = null; // not needed while the summaries are written: let the collector have it
        try (AtomicOutput out = output.open(spec)) {
            if (InputFiles.isStandardStream(out.target())) {
                SummaryCsv.write(out.writer(), summaries, output.spreadsheetSafe());
            } else {
                // a file takes the bytes as formatted, the rows formatted on both cores
                SummaryCsv.write(out.stream(), summaries, output.spreadsheetSafe(), Parallelism.defaults());
            }
            out.commit();
        }
        err.printf("wrote %d customer summaries (%d transactions) to %s%n",
                summaries.size(), transactionCount, output.describe());
        if (summaries.omittedCustomers() > 0) {
            err.printf("note: %d customers without a purchase day in the calibration period "
                    + "were omitted%n", summaries.omittedCustomers());
        }
        return 0;
    }
}
