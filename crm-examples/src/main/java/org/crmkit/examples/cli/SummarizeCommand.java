package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.crmkit.scoring.summary.ColumnSelector;
import org.crmkit.scoring.summary.CsvDelimiter;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.NonPositiveDayPolicy;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.SummaryCsv;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionCsv;
import org.crmkit.scoring.summary.TransactionLog;
import picocli.CommandLine.Command;
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
 * <p>Bad input exits with code 2 and one line on stderr naming file, line and column.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Summarise a transaction file into per-customer frequency, recency, T "
                + "and monetary value.")
public final class SummarizeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--transactions", required = true, paramLabel = "FILE",
            description = "transaction file, one transaction per line")
    private Path transactions;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "DELIM",
            description = "',' (default), ';', tab or whitespace")
    private String delimiter;

    @Option(names = "--no-header", description = "the file has no header line")
    private boolean noHeader;

    @Option(names = "--customer-col", required = true, paramLabel = "C",
            description = "customer id column: header name or 1-based position")
    private String customerCol;

    @Option(names = "--date-col", required = true, paramLabel = "D",
            description = "date column: header name or 1-based position")
    private String dateCol;

    @Option(names = "--amount-col", paramLabel = "A",
            description = "amount column (optional; without it amounts are 0)")
    private String amountCol;

    @Option(names = "--date-format", defaultValue = "yyyy-MM-dd", paramLabel = "PATTERN",
            description = "date pattern, e.g. yyyyMMdd (default yyyy-MM-dd)")
    private String dateFormat;

    @Option(names = "--time-unit", defaultValue = "days", paramLabel = "UNIT",
            description = "days (default), weeks or months (365.25/12 days)")
    private String timeUnit;

    @Option(names = "--calibration-end", paramLabel = "YYYY-MM-DD",
            description = "last day of the calibration period (inclusive); default the "
                    + "observation end or the last transaction date")
    private String calibrationEnd;

    @Option(names = "--observation-end", paramLabel = "YYYY-MM-DD",
            description = "last day of the holdout period (inclusive); default the last "
                    + "transaction date")
    private String observationEnd;

    @Option(names = "--non-positive-days", defaultValue = "keep", paramLabel = "POLICY",
            description = "days with net value <= 0: keep (default), exclude or reject")
    private String nonPositiveDays;

    @Option(names = "--out", required = true, paramLabel = "SUMMARY.csv",
            description = "summary CSV to write")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        TimeUnit unit = TimeUnit.parse(timeUnit);
        LocalDate cal = date("--calibration-end", calibrationEnd);
        LocalDate obs = date("--observation-end", observationEnd);
        NonPositiveDayPolicy policy = policy(nonPositiveDays);
        TransactionCsv.Builder csv = TransactionCsv.builder()
                .delimiter(CsvDelimiter.parse(delimiter))
                .header(!noHeader)
                .customerColumn(ColumnSelector.parse(customerCol))
                .dateColumn(ColumnSelector.parse(dateCol))
                .dateFormat(dateFormat);
        if (amountCol != null) {
            csv.amountColumn(ColumnSelector.parse(amountCol));
        }
        if (obs != null) {
            csv.latestDate(obs);
        }
        Summarizer.Builder summarizer = Summarizer.builder().timeUnit(unit)
                .nonPositiveDays(policy);
        if (cal != null) {
            summarizer.calibrationEnd(cal);
        }
        if (obs != null) {
            summarizer.observationEnd(obs);
        }
        Summarizer s = summarizer.build();
        TransactionLog log = csv.build().read(transactions);
        int transactionCount = log.size();
        s.requireHeap(log);
        CustomerSummaries summaries = s.summarize(log);
        log = null; // not needed while the summaries are written: let the collector have it
        SummaryCsv.write(out, summaries);
        spec.commandLine().getOut().printf("wrote %d customer summaries (%d transactions) to %s%n",
                summaries.size(), transactionCount, out);
        if (summaries.omittedCustomers() > 0) {
            err.printf("note: %d customers without a purchase day in the calibration period "
                    + "were omitted%n", summaries.omittedCustomers());
        }
        return 0;
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": cannot parse '" + text
                    + "' as a date YYYY-MM-DD", e);
        }
    }

    private static NonPositiveDayPolicy policy(String text) {
        for (NonPositiveDayPolicy p : NonPositiveDayPolicy.values()) {
            if (p.name().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("--non-positive-days: unknown policy '" + text
                + "'; expected keep, exclude or reject");
    }
}
