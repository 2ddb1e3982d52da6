package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.BtydModels;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.InvalidSummaryException;
import org.crmkit.scoring.btyd.NonPositiveSpendPolicy;
import org.crmkit.scoring.btyd.StoredModel;
import org.crmkit.scoring.evaluation.HoldoutData;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.SummaryCsv;
import picocli.CommandLine.Model.CommandSpec;
import org.crmkit.scoring.summary.TimeUnit;

/**
 * File loading shared by {@code crm fit}, {@code predict}, {@code evaluate} and {@code rfm}:
 * summaries through the scoring module's one reader ({@link SummaryCsv}), checked by one rule
 * set ({@link #readSummary}: the reader's checks and {@link BtydData#validateAll}), and model
 * files through {@link BtydModelJson}. Every problem becomes a {@link BadInputException}
 * naming file, line and field, reported by {@link ErrorReporter}.
 */
final class BtydCommands {
    private static final Pattern ROW_PREFIX = Pattern.compile("^row \\d+: ");
    private static final Pattern CUSTOMER_PREFIX = Pattern.compile("^customer '.*?': ");
    private static final Pattern JSON_PATH = Pattern.compile("^\\$\\.([A-Za-z_][\\w.]*):");
    private static final Pattern QUOTED_NAME = Pattern.compile("(?:parameter|field|object) '([A-Za-z_][\\w.]*)'");

    private BtydCommands() {
    }

    /**
     * Reads a summary CSV (or standard input for {@code -}) and checks every row by the rules
     * all summary commands share, naming file, line and field of the first row that breaks one.
     *
     * @param spec the running command, not null
     * @param file the file or {@code -}, not null
     * @return the summaries, never null
     * @throws IOException if the file cannot be read
     */
    static CustomerSummaries readSummary(CommandSpec spec, Path file) throws IOException {
        InsufficientHeapException.requireForSummary(file);
        CustomerSummaries s;
        try (InputStream in = InputFiles.open(spec, file)) {
            s = SummaryCsv.read(in, InputFiles.displayName(file));
        }
        requireModelRows(file, s);
        return s;
    }

    /** The model input of summaries read from {@code file} (already checked by {@link #readSummary}). */
    static BtydData modelInput(Path file, CustomerSummaries summaries) {
        try {
            return BtydData.from(summaries);
        } catch (InvalidSummaryException e) {
            throw located(file, summaries, e);
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
            BadInputException b = new BadInputException(file,
                    e.line() > 0 ? e.line() : lineOf(summaries, e.row()), e.field(), e.getMessage());
            b.initCause(e);
            throw b;
        }
    }

    /**
     * Checks the rows as the model reads them (BG/BB: whole periods, {@code x <= t_x}) by one
     * evaluation of its likelihood, naming line and field of the first row it rejects.
     */
    static void requireModelAccepts(Path file, CustomerSummaries summaries, BtydModel<?> model, BtydData data) {
        try {
            model.logLikelihood(model.startingPoints(data).get(0), data, null);
        } catch (IllegalArgumentException e) {
            throw locateRow(file, summaries, e, i -> model.logLikelihood(model.startingPoints(single(summaries, i))
                    .get(0), single(summaries, i), null));
        }
    }

    private static BtydData single(CustomerSummaries s, int i) {
        double[] x = {s.frequency(i)};
        double[] tx = {s.recency(i)};
        double[] t = {s.t(i)};
        double[] w = {s.weight(i)};
        return s.hasMonetaryValue() ? BtydData.withMonetary(x, tx, t, new double[] {s.monetaryValue(i)}, w)
                : BtydData.of(x, tx, t, w);
    }

    /**
     * Finds the first row that {@code check} rejects, and names its line and field with the
     * reason of that row's own failure; falls back to {@code e} without a line.
     */
    static BadInputException locateRow(Path file, CustomerSummaries s, IllegalArgumentException e,
            IntConsumer check) {
        for (int i = 0; i < s.size(); i++) {
            try {
                check.accept(i);
            } catch (IllegalArgumentException rowError) {
                String reason = ROW_PREFIX.matcher(message(rowError)).replaceFirst("");
                BadInputException b = new BadInputException(file, lineOf(s, i), fieldOf(reason),
                        "customer '" + s.customerId(i) + "': " + reason);
                b.initCause(e);
                return b;
            }
        }
        BadInputException b = new BadInputException(file, 0, null, ROW_PREFIX.matcher(message(e)).replaceFirst(""));
        b.initCause(e);
        return b;
    }

    /** The holdout input of summaries read from {@code file}, naming line and field in any error. */
    static HoldoutData holdoutInput(Path file, CustomerSummaries summaries) {
        try {
            return HoldoutData.from(summaries);
        } catch (IllegalArgumentException e) {
            throw locateRow(file, summaries, e, i -> {
                if (!(summaries.durationHoldout(i) > 0) || Double.isInfinite(summaries.durationHoldout(i))) {
                    throw new IllegalArgumentException("duration_holdout " + summaries.durationHoldout(i)
                            + " is not positive and finite");
                }
                if (summaries.frequencyHoldout(i) < 0) {
                    throw new IllegalArgumentException("frequency_holdout " + summaries.frequencyHoldout(i)
                            + " is negative");
                }
            });
        }
    }

    /**
     * Checks the rules models add to those of {@link SummaryCsv} (for example frequency
     * {@code > 0} needs recency {@code > 0}), naming file, line, field and customer of the
     * first row that breaks one.
     */
    static void requireModelRows(Path file, CustomerSummaries s) {
        if (s.size() == 0) {
            throw new BadInputException(file, 0, null, "no customer rows (header only)");
        }
        try {
            BtydData.validateAll(s);
        } catch (InvalidSummaryException e) {
            throw located(file, s, e);
        }
    }

    private static BadInputException located(Path file, CustomerSummaries s, InvalidSummaryException e) {
        BadInputException b = new BadInputException(file, lineOf(s, e.row()), fieldOf(e.reason()),
                "customer '" + e.customerId() + "': " + ROW_PREFIX.matcher(e.reason()).replaceFirst(""));
        b.initCause(e);
        return b;
    }

    /**
     * The summary column a row check's reason is about: the checks of {@link BtydData} and the
     * models begin with the field name ({@code "recency 40.0 > T 39.0"}).
     */
    static String fieldOf(String reason) {
        String r = CUSTOMER_PREFIX.matcher(reason.strip()).replaceFirst("");
        String[][] prefixes = {
            {"frequency_holdout", "frequency_holdout"}, {"holdout purchases", "frequency_holdout"},
            {"duration_holdout", "duration_holdout"}, {"holdout duration", "duration_holdout"},
            {"frequency", "frequency"}, {"recency", "recency"}, {"T ", "T"}, {"T is", "T"}, {"T must", "T"},
            {"periods", "periods"}, {"bg-bb needs whole-number recency", "recency"},
            {"monetary", "monetary_value"}, {"weight", "weights"},
        };
        for (String[] p : prefixes) {
            if (r.startsWith(p[0])) {
                return p[1];
            }
        }
        return null;
    }

    /**
     * The 1-based line of data row {@code row} (counted from 0) of the summaries' file, as
     * the reader recorded it (comment, header and blank lines counted); 0 when unknown.
     */
    static long lineOf(CustomerSummaries s, int row) {
        return row < 0 || row >= s.size() ? 0 : s.sourceLine(row);
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

    /**
     * Reads a model file (or standard input for {@code -}), naming file, line and field in any
     * error: not UTF-8, not JSON, not a model document, an unknown model or bad parameters.
     *
     * @param spec the running command, not null
     * @param file the file or {@code -}, not null
     * @return the model, never null
     * @throws IOException if the file cannot be read
     */
    static FittedModel readModel(CommandSpec spec, Path file) throws IOException {
        return readModelFile(spec, file).model();
    }

    /** A model file's model and the covariance of its estimates, if it holds one. */
    record ModelFile(FittedModel model, java.util.Optional<double[][]> covariance) {
    }

    /** As {@link #readModel}, with the file's covariance (for {@code --intervals}). */
    static ModelFile readModelFile(CommandSpec spec, Path file) throws IOException {
        return readModelFile(file, JsonLines.readDocument(spec, file, "crm fit"));
    }

    /** As {@link #readModelFile(CommandSpec, Path)} for a document already read from {@code file}. */
    static ModelFile readModelFile(Path file, String json) {
        StoredModel stored;
        try {
            stored = BtydModelJson.read(json);
        } catch (IllegalArgumentException e) {
            throw modelError(file, json, e, null);
        }
        if (stored.hasCovariates()) {
            // crm predict and crm evaluate take these (CovariateCommands); one model for all customers does not exist
            throw BadInputException.definition(file, Math.max(1, JsonLines.lineOf(json, "$.covariates")), "covariates",
                    "a " + stored.model() + " model with covariates " + stored.covariateModel().get().design()
                            .covariateNames() + " scores each customer by the customer's covariate columns;"
                            + " crm predict and crm evaluate take it (with those columns in --summary), this"
                            + " command needs one model for all customers");
        }
        if (BtydModels.byName(stored.model()).isEmpty()) {
            throw BadInputException.definition(file, JsonLines.lineOf(json, "$.model"), "model",
                    "unknown model \"" + stored.model() + "\"");
        }
        FittedModel model;
        try {
            model = stored.toModel();
        } catch (IllegalArgumentException e) {
            throw modelError(file, json, e, "parameters");
        }
        try {
            return new ModelFile(model, BtydModelJson.readCovariance(json));
        } catch (IllegalArgumentException e) {
            throw modelError(file, json, e, "covariance");
        }
    }

    private static BadInputException modelError(Path file, String json, IllegalArgumentException e,
            String defaultField) {
        String m = message(e);
        String field = defaultField;
        Matcher q = QUOTED_NAME.matcher(m);
        Matcher path = JSON_PATH.matcher(m);
        if (path.find()) {
            // the strict JSON reader names the path first: "$.parameters.r: ..."
            field = path.group(1);
            m = m.substring(path.end()).strip();
        } else if (q.find()) {
            field = m.substring(q.start()).startsWith("parameter ") ? "parameters." + q.group(1) : q.group(1);
        } else if (m.contains("'model'")) {
            field = "model";
        } else if (m.contains("'parameters'")) {
            field = "parameters";
        } else if (m.contains("schemaVersion")) {
            field = "schemaVersion";
        }
        long line = field == null ? 1 : JsonLines.lineOf(json, "$." + field);
        BadInputException b = BadInputException.definition(file, Math.max(1, line), field, m);
        b.initCause(e);
        return b;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
