package org.crmkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.BtydModels;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.NonPositiveSpendPolicy;
import org.crmkit.scoring.btyd.SpendModel;
import org.crmkit.scoring.summary.CustomerSummaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm fit}: fits a buy-till-you-die model to a summary CSV by maximum likelihood and
 * prints the model JSON on one line ({@code model, parameters, logLikelihood, converged, iterations,
 * customers} and diagnostics) on stdout, and to {@code --out} when given.
 *
 * <pre>{@code
 * crm fit --model bg-nbd --summary summary.csv --out bgnbd.json
 * crm fit --model bg-nbd --summary summary.csv --regularization 0.001
 * crm fit --model pareto-nbd --summary summary.csv --covariates gender,channel --regularization 0.01
 * }</pre>
 *
 * <p>{@code --covariates} fits the Pareto/NBD or BG/NBD with time-invariant covariates
 * ({@link org.crmkit.scoring.btyd.CovariateFitter}) from extra columns of the summary and
 * writes a covariate model document ({@link org.crmkit.scoring.btyd.CovariateModelJson}), with
 * the limits, progress display, exit codes and {@code --out} policy described below.
 *
 * <p>Any model registered through {@link BtydModels} can be named. Spend models
 * ({@code gamma-gamma}) use the {@code monetary_value} column. Bad input exits with code
 * 2 and one line on stderr; a fit that does not converge prints its JSON
 * ({@code "converged":false}) on stdout, says why on stderr, leaves {@code --out} as it was
 * (a failed command never replaces a previous result) and exits with code 1; a fit whose
 * likelihood is highest at a boundary writes that limiting estimate to {@code --out}, says
 * so on stderr, and exits with code 1.
 *
 * <p>{@code --max-iterations N} limits each search, {@code --time-limit 30s} (or {@code 5m},
 * {@code 2h}, {@code 500ms}) the whole fit; a fit stopped by a limit reports it on stderr
 * ({@code crm fit: stopped by the time limit (30s) after 12 iterations; ...}) and in the JSON
 * ({@code "limitReached":"time"}, {@code "converged":false}) and exits with code 1. A fit
 * running longer than 2 s shows its likelihood evaluations on stderr unless {@code --quiet}.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a buy-till-you-die model to a summary CSV; prints the model JSON.")
public final class FitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            completionCandidates = RegisteredModels.class,
            description = "one of the registered models: ${COMPLETION-CANDIDATES}")
    private String model;

    /** The model names for the help text, from the one registry, {@link BtydModels}. */
    public static final class RegisteredModels implements Iterable<String> {
        /** Creates the list; for picocli. */
        public RegisteredModels() {
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return BtydModels.names().iterator();
        }
    }

    @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv",
            description = "summary CSV (customer_id,frequency,recency,T[,monetary_value][,weights]); - for stdin")
    private Path summary;

    @Option(names = "--out", paramLabel = "MODEL.json",
            description = "also write the JSON here (atomically, only when the fit converged)")
    private Path out;

    @Option(names = "--non-positive-spend", defaultValue = "reject", paramLabel = "reject|exclude",
            description = "spend models: a repeat customer whose mean spend is 0 or negative is an error naming"
                    + " its line (reject, default), or is left out and counted (exclude)")
    private String nonPositiveSpend;

    @Option(names = "--time-unit", paramLabel = "UNIT",
            description = "time unit of the summary, recorded in the JSON (default: the unit the "
                    + "summary file records in its '# time_unit=' line, else unspecified)")
    private String timeUnit;

    @Option(names = "--regularization", defaultValue = "0", paramLabel = "LAMBDA",
            description = "L2 penalty per customer on the log-parameters (lifetimes' penalizer_coef on the"
                    + " log scale); 0, the default, is maximum likelihood")
    private double regularization;

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "iteration limit of each search (default " + BtydFitter.DEFAULT_MAX_ITERATIONS + ")")
    private Integer maxIterations;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "stop the fit after this long (e.g. 30s, 5m, 2h) with the best point reached")
    private String timeLimit;

    @picocli.CommandLine.Mixin
    private ProgressOptions progress;

    @Option(names = "--covariates", paramLabel = "COL[,COL...]",
            description = "pareto-nbd and bg-nbd: time-invariant covariates, extra columns of the summary;"
                    + " numeric when every value is a number, else categorical (one-hot against a reference"
                    + " level); --regularization then penalises the coefficients (lambda sum gamma^2)")
    private String covariates;

    @Option(names = "--categorical", paramLabel = "COL[,COL...]",
            description = "with --covariates: treat these columns as categorical even if numeric")
    private String categorical;

    @Option(names = "--reference", paramLabel = "COL=LEVEL[,...]",
            description = "with --covariates: reference level of a categorical covariate (default: first sorted)")
    private String reference;

    @Option(names = "--constrain", paramLabel = "COL[,COL...]",
            description = "with --covariates: one coefficient shared by the purchase and the dropout process")
    private String constrain;

    /** The fitter the options ask for: limits and the progress display. */
    private BtydFitter fitter() {
        BtydFitter f = BtydFitter.standard();
        if (maxIterations != null) {
            if (maxIterations <= 0) {
                throw new IllegalArgumentException("--max-iterations: must be positive, got " + maxIterations);
            }
            f = f.withMaxIterations(maxIterations);
        }
        if (timeLimit != null) {
            f = f.withTimeLimit(ProgressOptions.parseDuration("--time-limit", timeLimit));
        }
        if (!(regularization >= 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("--regularization: expected a finite number >= 0, got " + regularization);
        }
        return f.withRegularization(regularization).withProgress(progress.listener(spec));
    }

    @Override
    public Integer call() throws IOException {
        OutputOptions.refuse(out, summary);
        if (covariates != null) {
            return CovariateCommands.fit(spec, new CovariateCommands.FitOptions(model, summary, out,
                    CovariateCommands.names("--covariates", covariates),
                    categorical == null ? java.util.Set.of()
                            : java.util.Set.copyOf(CovariateCommands.names("--categorical", categorical)),
                    CovariateCommands.references(reference),
                    constrain == null ? java.util.Set.of()
                            : java.util.Set.copyOf(CovariateCommands.names("--constrain", constrain)),
                    regularization, timeUnit, maxIterations, timeLimit, progress));
        }
        if (categorical != null || reference != null || constrain != null) {
            throw new IllegalArgumentException("--categorical, --reference and --constrain need --covariates");
        }
        BtydFitter fitter = fitter();
        PrintWriter err = spec.commandLine().getErr();
        BtydModel<?> m = BtydModels.byName(model).orElseThrow(() -> new IllegalArgumentException(
                "--model: unknown model \"" + model + "\"; known: " + BtydModels.names()));
        NonPositiveSpendPolicy policy = switch (nonPositiveSpend) {
            case "reject" -> NonPositiveSpendPolicy.REJECT;
            case "exclude" -> NonPositiveSpendPolicy.EXCLUDE;
            default -> throw new IllegalArgumentException("--non-positive-spend: expected reject or exclude, got '"
                    + nonPositiveSpend + "'");
        };
        CustomerSummaries summaries = BtydCommands.readSummary(spec, summary);
        BtydData data = BtydCommands.modelInput(summary, summaries);
        boolean spend = SpendModel.class.isAssignableFrom(
                m.withParameters(m.startingPoints(data).get(0)).getClass());
        if (spend && !summaries.hasMonetaryValue()) {
            throw new BadInputException(summary, 1, "monetary_value", model
                    + " needs the mean spend of the repeat purchases; the column is missing");
        }
        if (spend) {
            // the spend input applies the policy for non-positive mean spends and names the
            // first such customer under reject; the purchase-model row check below would blame
            // the first customer without repeat purchases instead
            data = BtydCommands.spendInput(summary, summaries, policy);
            if (data.excludedCustomers() > 0) {
                err.println("crm fit: left out " + (long) data.excludedCustomers()
                        + " repeat customer(s) with a mean spend of 0 or less (--non-positive-spend exclude)");
            }
        } else {
            BtydCommands.requireModelAccepts(summary, summaries, m, data);
        }
        FitResult<?> fit = fitter.fit(m, data);
        progress.finish();
        fit.limitReached().ifPresent(limit -> err.println("crm fit: stopped by the " + switch (limit) {
            case ITERATIONS -> "iteration limit (" + (maxIterations == null ? BtydFitter.DEFAULT_MAX_ITERATIONS
                    : maxIterations) + " per search)";
            case TIME -> "time limit (" + timeLimit + ")";
            case EVALUATIONS -> "evaluation budget";
        } + " after " + fit.iterations() + " iterations; largest gradient component " + fit.gradientNorm()));
        // one line, as the README shows it; the same text goes to --out
        String unit = BtydCommands.timeUnit(summary, summaries, timeUnit);
        String json = new ObjectMapper().readTree(BtydModelJson.write(fit, unit)).toString();
        boolean toStdout = out != null && InputFiles.isStandardStream(out);
        if (!toStdout) {
            spec.commandLine().getOut().println(json);
            spec.commandLine().getOut().flush();
        }
        // a fit whose likelihood is highest at a boundary (a, b -> inf: no drop-out detected) is
        // the limiting estimate and still usable, so --out gets it; a search that stopped short
        // of any maximum leaves --out as it was. Either way the exit code is 1.
        boolean atBoundary = !fit.atBoundary().isEmpty();
        if (!fit.converged() && !atBoundary) {
            err.println("crm fit: warning: the fit did not converge: " + fit.convergence()
                    + (out != null && !toStdout ? "; " + out + " was left unchanged" : ""));
            err.flush();
            if (toStdout) {
                spec.commandLine().getOut().println(json);
                spec.commandLine().getOut().flush();
            }
            return 1;
        }
        if (!fit.converged()) {
            err.println("crm fit: warning: the fit did not converge: " + fit.convergence()
                    + (out != null && !toStdout ? "; the limiting estimate was written to " + out : ""));
            err.flush();
        }
        if (out != null) {
            try (AtomicOutput o = AtomicOutput.open(spec, out)) {
                o.writer().write(json + "\n");
                o.commit();
            }
            if (!toStdout) {
                err.println("wrote the " + model + " model to " + out);
            }
        }
        return fit.converged() ? 0 : 1;
    }
}
