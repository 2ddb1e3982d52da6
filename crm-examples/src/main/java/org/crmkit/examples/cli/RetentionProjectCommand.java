package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crmkit.core.json.CrmJsonException;
import org.crmkit.scoring.retention.RetentionModel;
import org.crmkit.scoring.retention.RetentionModelJson;
import org.crmkit.scoring.retention.ShiftedBetaGeometric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm retention project}: the projections of a retention model for periods 1 to
 * {@code --periods}, as CSV.
 *
 * <pre>{@code
 * crm retention project --model sbg.json --periods 12 --discount-rate 0.1 --margin 100 --out projection.csv
 * period,survival,retention,expected_renewals,derl,residual_value
 * 1,0.6276...,0.6276...,...
 * }</pre>
 *
 * <p>Row {@code t} describes a cohort at the end of period {@code t} and a customer who faces
 * renewal decision {@code t} (has made {@code t - 1} renewals; see
 * {@link RetentionModel}):
 * <ul>
 *   <li>{@code survival}: {@code S(t)}, the share of the cohort that made {@code t} renewals;</li>
 *   <li>{@code retention}: {@code r(t) = S(t) / S(t - 1)};</li>
 *   <li>{@code expected_renewals}: the renewals such a customer is expected to make from
 *       decision {@code t} up to decision {@code --periods}, undiscounted
 *       ({@link RetentionModel#expectedRenewals}); row 1 is a new customer's expected number of
 *       renewals within the horizon;</li>
 *   <li>with {@code --discount-rate D}: {@code derl}, the discounted expected residual lifetime
 *       {@code DERL(D, t - 1)} (Fader and Hardie 2010) over the whole future, not only the
 *       horizon, the renewal at decision {@code t} undiscounted;</li>
 *   <li>with {@code --margin M} too: {@code residual_value = M * derl}, the customer's expected
 *       value at that renewal.</li>
 * </ul>
 * The columns are computed by the backward recursions {@code E(t) = r(t) (1 + E(t + 1))} and
 * {@code DERL(t) = r(t) (1 + DERL(t + 1) / (1 + D))} from the model's own value at the last
 * period, so the command takes time linear in {@code --periods}. For sBG with
 * {@code alpha > 1}, stderr also gives the mean residual lifetime of a new customer (infinite,
 * and so not given, for {@code alpha <= 1}).
 */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Project survival, retention, expected renewals and DERL of a retention model, as CSV.")
public final class RetentionProjectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json",
            description = "model JSON of crm retention fit (or typed in); - for stdin")
    private Path model;

    @Option(names = "--periods", required = true, paramLabel = "N",
            description = "project periods 1..N (1 to " + RetentionModel.MAX_HORIZON + ")")
    private int periods;

    @Option(names = "--discount-rate", paramLabel = "D",
            description = "discount rate per period (at least " + RetentionModel.MIN_DISCOUNT_RATE
                    + "); adds the derl column")
    private Double discountRate;

    @Option(names = "--margin", paramLabel = "M",
            description = "margin of one renewal; with --discount-rate adds residual_value = M * derl")
    private Double margin;

    @Option(names = "--out", required = true, paramLabel = "P.csv", description = "output CSV; - for stdout")
    private Path out;

    @Override
    public Integer call() throws IOException {
        OutputOptions.refuse(out, model);
        if (periods < 1 || periods > RetentionModel.MAX_HORIZON) {
            throw new IllegalArgumentException("--periods must be 1.." + RetentionModel.MAX_HORIZON + ": " + periods);
        }
        if (discountRate != null && (!(discountRate >= RetentionModel.MIN_DISCOUNT_RATE)
                || discountRate.isInfinite())) {
            throw new IllegalArgumentException("--discount-rate must be finite and at least "
                    + RetentionModel.MIN_DISCOUNT_RATE + ": " + discountRate);
        }
        if (margin != null && (discountRate == null || !Double.isFinite(margin))) {
            throw new IllegalArgumentException(discountRate == null ? "--margin needs --discount-rate"
                    : "--margin must be finite: " + margin);
        }
        RetentionModel m = readModel(spec, model);
        int n = periods;
        double[] survival = new double[n + 1];
        double[] retention = new double[n + 1];
        for (int t = 1; t <= n; t++) {
            survival[t] = m.survival(t);
            retention[t] = m.retentionRate(t);
        }
        double[] renewals = new double[n + 2];
        for (int t = n; t >= 1; t--) {
            renewals[t] = retention[t] * (1 + renewals[t + 1]);
        }
        double[] derl = null;
        if (discountRate != null) {
            derl = new double[n + 1];
            derl[n] = m.derl(discountRate, n - 1);
            for (int t = n - 1; t >= 1; t--) {
                derl[t] = retention[t] * (1 + derl[t + 1] / (1 + discountRate));
            }
        }
        double[] values = derl;
        AtomicOutput.write(spec, out, w -> write(w, survival, retention, renewals, values, margin));
        StringBuilder status = new StringBuilder("crm retention project: ").append(m.modelName()).append(", ")
                .append(n).append(" periods");
        if (m instanceof ShiftedBetaGeometric sbg) {
            status.append(sbg.meanResidualLifetime(0).isPresent()
                    ? "; mean residual lifetime of a new customer " + sbg.meanResidualLifetime(0).getAsDouble()
                            + " renewals"
                    : "; mean residual lifetime infinite (alpha <= 1)");
        }
        if (!InputFiles.isStandardStream(out)) {
            status.append("; wrote ").append(out);
        }
        spec.commandLine().getErr().println(status);
        return 0;
    }

    private static void write(Writer w, double[] survival, double[] retention, double[] renewals, double[] derl,
            Double margin) throws IOException {
        w.write("period,survival,retention,expected_renewals");
        if (derl != null) {
            w.write(",derl");
            if (margin != null) {
                w.write(",residual_value");
            }
        }
        w.write('\n');
        StringBuilder line = new StringBuilder();
        for (int t = 1; t < survival.length; t++) {
            line.setLength(0);
            line.append(t).append(',').append(survival[t]).append(',').append(retention[t]).append(',')
                    .append(renewals[t]);
            if (derl != null) {
                line.append(',').append(derl[t]);
                if (margin != null) {
                    line.append(',').append(margin * derl[t]);
                }
            }
            w.append(line).append('\n');
        }
    }

    /** Reads a retention model file, naming file, line and JSON path in any error. */
    static RetentionModel readModel(CommandSpec spec, Path file) throws IOException {
        String json = JsonLines.readDocument(spec, file, "crm retention fit");
        try {
            return RetentionModelJson.read(json).model();
        } catch (CrmJsonException e) {
            String problem = e.getMessage().startsWith(e.path() + ": ")
                    ? e.getMessage().substring(e.path().length() + 2) : e.getMessage();
            BadInputException b = BadInputException.definition(file, JsonLines.lineOf(json, e.path()), e.path(),
                    problem);
            b.initCause(e);
            throw b;
        }
    }
}
