package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;
import org.crmkit.scoring.retention.RetentionFit;
import org.crmkit.scoring.retention.RetentionFitter;
import org.crmkit.scoring.retention.RetentionModelJson;
import org.crmkit.scoring.retention.RetentionModelKind;
import org.crmkit.scoring.retention.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm retention fit}: fits sBG or BdW by maximum likelihood
 * ({@link RetentionFitter}) to a survival CSV and writes the model JSON
 * ({@link RetentionModelJson}) to {@code --out}; a status line with the estimates and standard
 * errors goes to stderr.
 *
 * <pre>{@code
 * crm retention fit --survival regular.csv --model sbg --out sbg.json
 * }</pre>
 *
 * <p>The CSV has a header and either the columns {@code period,active} (one cohort) or
 * {@code cohort,period,active} (each cohort's rows in period order 0, 1, 2, ..., cohorts may
 * be interleaved; each cohort contributes its own right-censored likelihood): {@code active} is
 * the number of customers of the cohort still active in that period, period 0 being the
 * customers acquired. Bad input (a missing column, a count that is not a whole number
 * {@code >= 0}, a period out of order, a count that grows, a cohort without period 0 or 1, data
 * with no churn or no renewal) exits with code 2 and one line naming file, line and field. A fit
 * that does not converge leaves {@code --out} as it was, says why on stderr and exits with
 * code 1.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a contractual retention model (sbg, bdw) to survival counts; writes the model JSON.")
public final class RetentionFitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--survival", required = true, paramLabel = "FILE",
            description = "CSV with columns period,active or cohort,period,active; - for stdin")
    private Path survival;

    @Option(names = "--model", defaultValue = "sbg", paramLabel = "sbg|bdw",
            description = "sbg (shifted beta-geometric, default) or bdw (beta-discrete-Weibull)")
    private String model;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json",
            description = "model JSON, replaced only when the fit converged; - for stdout")
    private Path out;

    @Override
    public Integer call() throws IOException {
        OutputOptions.refuse(out, survival);
        RetentionModelKind kind;
        try {
            kind = RetentionModelKind.parse(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model: " + e.getMessage(), e);
        }
        SurvivalData data = read(spec, survival);
        RetentionFit fit;
        try {
            fit = RetentionFitter.fit(kind, data);
        } catch (IllegalArgumentException e) {
            BadInputException b = new BadInputException(survival, 0, "active", e.getMessage());
            b.initCause(e);
            throw b;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!fit.converged()) {
            err.println("crm retention fit: the fit did not converge: " + fit.convergence()
                    + (InputFiles.isStandardStream(out) ? "" : "; " + out + " was left unchanged"));
            return 1;
        }
        String json = RetentionModelJson.write(fit);
        AtomicOutput.write(spec, out, w -> w.write(json + "\n"));
        err.println("crm retention fit: " + describe(fit)
                + (InputFiles.isStandardStream(out) ? "" : "; wrote " + out));
        return 0;
    }

    private static String describe(RetentionFit fit) {
        StringBuilder s = new StringBuilder(fit.model().modelName()).append(" on ").append(fit.customers())
                .append(" customers, ").append(fit.cohorts()).append(fit.cohorts() == 1 ? " cohort, " : " cohorts, ")
                .append(fit.periods()).append(" periods:");
        Map<String, Double> se = fit.standardErrors();
        fit.model().parameters().forEach((name, value) -> {
            s.append(' ').append(name).append(' ').append(String.format(Locale.ROOT, "%.4f", value));
            Optional.ofNullable(se.get(name)).ifPresent(e -> s.append(String.format(Locale.ROOT, " (se %.4f)", e)));
        });
        return s.append(String.format(Locale.ROOT, ", log-likelihood %.4f", fit.logLikelihood())).toString();
    }

    /**
     * Reads a survival CSV, naming file, line and field in every error.
     *
     * @param spec the running command, not null
     * @param file the file or {@code -}, not null
     * @return the data, never null
     * @throws IOException if the file cannot be read
     */
    static SurvivalData read(CommandSpec spec, Path file) throws IOException {
        SurvivalData.Builder builder = SurvivalData.builder();
        long rows = 0;
        try (CsvReader in = CsvReader.of(InputFiles.open(spec, file), InputFiles.displayName(file),
                CsvReader.Options.comma())) {
            int cohort = in.findColumn("cohort").orElse(-1);
            int period = in.column("period");
            int active = in.column("active");
            for (CsvRecord row : in) {
                String name = cohort < 0 ? "all" : row.getRequired(cohort);
                int p = row.getInt(period);
                if (p < 0) {
                    throw row.error(period, "a period must be a whole number >= 0");
                }
                long a = row.getLong(active);
                if (a < 0) {
                    throw row.error(active, "an active count must be a whole number >= 0");
                }
                try {
                    builder.add(name, p, a);
                } catch (IllegalArgumentException e) {
                    throw row.error(e.getMessage().contains("was expected") ? period : active, e.getMessage());
                }
                rows++;
            }
        }
        if (rows == 0) {
            throw new BadInputException(file, 0, null, "no data rows: expected period,active counts");
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            BadInputException b = new BadInputException(file, 0, "period", e.getMessage());
            b.initCause(e);
            throw b;
        }
    }
}
