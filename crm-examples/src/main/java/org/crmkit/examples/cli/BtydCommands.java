package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.InvalidSummaryException;
import org.crmkit.scoring.btyd.NonPositiveSpendPolicy;
import org.crmkit.scoring.evaluation.HoldoutData;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.SummaryCsv;

/**
 * File loading shared by {@code crm fit}, {@code predict} and {@code evaluate}: summaries
 * through the scoring module's one reader ({@link SummaryCsv}) and its factories
 * ({@link BtydData#from}, {@link HoldoutData#from}), model files through
 * {@link BtydModelJson}. Every problem becomes a {@link BadInputException} naming the
 * file, reported by {@link ErrorReporter}.
 */
final class BtydCommands {

    private BtydCommands() {
    }

    /** Reads a summary CSV; its errors already name file, line and column. */
    static CustomerSummaries readSummary(Path file) throws IOException {
        return SummaryCsv.read(file);
    }

    /** The model input of summaries read from {@code file}, naming the file in any error. */
    static BtydData modelInput(Path file, CustomerSummaries summaries) {
        requireModelRows(file, summaries);
        try {
            return BtydData.from(summaries);
        } catch (IllegalArgumentException e) {
            throw located(file, e);
        }
    }

    /**
     * The input of a spend model: as {@link #modelInput}, with the policy for repeat customers
     * whose mean spend is not positive; under REJECT the error names file, line and customer.
     */
    static BtydData spendInput(Path file, CustomerSummaries summaries, NonPositiveSpendPolicy policy) {
        requireModelRows(file, summaries);
        try {
            return BtydData.forSpendModel(summaries, policy);
        } catch (InvalidSummaryException e) {
            BadInputException b = new BadInputException(file, lineOf(file, e.row()), "monetary_value", e.getMessage());
            b.initCause(e);
            throw b;
        } catch (IllegalArgumentException e) {
            throw located(file, e);
        }
    }

    /** The holdout input of summaries read from {@code file}, naming the file in any error. */
    static HoldoutData holdoutInput(Path file, CustomerSummaries summaries) {
        try {
            return HoldoutData.from(summaries);
        } catch (IllegalArgumentException e) {
            throw located(file, e);
        }
    }

    /**
     * Checks the rules models add to those of {@link SummaryCsv} (for example frequency
     * {@code > 0} needs recency {@code > 0}), naming file, line and customer of the first
     * row that breaks one.
     */
    static void requireModelRows(Path file, CustomerSummaries s) {
        if (s.size() == 0) {
            throw new BadInputException(file, 0, null, "no customer rows (empty table)");
        }
        try {
            BtydData.validateAll(s);
        } catch (InvalidSummaryException e) {
            BadInputException b = new BadInputException(file, lineOf(file, e.row()), null, e.getMessage());
            b.initCause(e);
            throw b;
        }
    }

    /**
     * The 1-based line of data row {@code row} (counted from 0) of a CSV file whose blank
     * lines are skipped, as {@link SummaryCsv} does; 0 if the file cannot be read again.
     * Only called on the error path, so reading the file once more costs nothing that
     * matters.
     */
    private static long lineOf(Path file, int row) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long line = 0;
            int nonBlank = -1; // the header is non-blank line 0
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (!text.isBlank() && ++nonBlank == row + 1) {
                    return line;
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads a model file, naming the file in any error. */
    static FittedModel readModel(Path file) throws IOException {
        String json = Files.readString(file);
        try {
            return BtydModelJson.read(json).toModel();
        } catch (IllegalArgumentException e) {
            throw located(file, e);
        }
    }

    private static BadInputException located(Path file, IllegalArgumentException e) {
        BadInputException b = new BadInputException(file, 0, null, e.getMessage());
        b.initCause(e);
        return b;
    }
}
