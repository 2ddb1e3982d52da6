package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.InvalidSummaryException;
import org.crmkit.scoring.btyd.ModelFileException;
import org.crmkit.scoring.btyd.StoredModel;
import org.crmkit.scoring.evaluation.HoldoutData;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.SummaryCsv;
import org.crmkit.scoring.summary.TimeUnit;

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
            BadInputException b = new BadInputException(file,
                    e.line() > 0 ? e.line() : lineOf(file, e.row()), e.field(), e.getMessage());
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

    /**
     * The time unit to record for summaries read from {@code file}: the unit the file
     * records ({@code # time_unit=...}, written by {@code crm summarize}), or the one given
     * as an option; both must agree when both are known.
     */
    static String timeUnit(Path file, CustomerSummaries s, String option) {
        Optional<TimeUnit> recorded = s.timeUnit();
        if (option == null) {
            return recorded.map(TimeUnit::toString).orElse("unspecified");
        }
        if (recorded.isPresent()) {
            TimeUnit given = TimeUnit.parse(option);
            if (given != recorded.get()) {
                throw new BadInputException(file, 1, "time_unit", "the file records time unit "
                        + recorded.get() + " but --time-unit is " + given);
            }
            return given.toString();
        }
        return option;
    }

    /** Reads a model file, naming the file in any error. */
    static FittedModel readModel(Path file) throws IOException {
        StoredModel stored;
        try {
            stored = BtydModelJson.read(file);
        } catch (ModelFileException e) {
            BadInputException b = new BadInputException(file, 0, e.path(), e.problem());
            b.initCause(e);
            throw b;
        }
        try {
            return stored.toModel();
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
