package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.scoring.basket.AssociationRule;
import org.crmkit.scoring.basket.RuleCsv;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.ProgressListener;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.churn.ChurnReport;
import org.crmkit.scoring.concentration.AbcClass;
import org.crmkit.scoring.diagnostics.CalibrationHoldout;
import org.crmkit.scoring.diagnostics.FrequencyRecencyMatrix;
import org.crmkit.scoring.diagnostics.GainChart;
import org.crmkit.scoring.diagnostics.LorenzChart;
import org.crmkit.scoring.diagnostics.PeriodTransactions;
import org.crmkit.scoring.diagnostics.PlotTable;
import org.crmkit.scoring.diagnostics.RfmHeatmap;
import org.crmkit.scoring.diagnostics.RuleScatter;
import org.crmkit.scoring.diagnostics.TrackingCurve;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionLog;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crm plot KIND}: draws a diagnostic chart of a model or a customer base as PNG or
 * SVG (by the extension of {@code --out}), and with {@code --data-out} writes the plotted
 * numbers as CSV (first column x, one column per series, named as in the legend). The
 * numbers come from {@code org.crmkit.scoring.diagnostics}; the drawing from
 * {@link Charts}.
 *
 * <pre>{@code
 * crm plot tracking --model bgnbd.json --transactions CDNOW_sample.txt --delimiter whitespace --no-header \
 *     --customer-col 2 --date-col 3 --date-format yyyyMMdd --calibration-end 1997-09-30 \
 *     --observation-end 1998-06-30 --out tracking.png
 * crm plot period-transactions --model bgnbd.json --summary summary.csv --out period.svg
 * crm plot calibration-holdout --model bgnbd.json --summary summary_with_holdout.csv --out ch.png
 * crm plot frequency-recency   --model bgnbd.json --summary summary.csv --horizon 52 --out fr.png
 * crm plot p-alive-matrix      --model bgnbd.json --summary summary.csv --out alive.png
 * crm plot lorenz              --summary summary.csv --out lorenz.png --data-out lorenz.csv
 * crm plot rfm-heatmap         --summary summary.csv --out rfm.png
 * crm plot churn-gain          --model bgnbd.json --summary summary_with_holdout.csv --out gain.png
 * crm plot churn-lift          --model bgnbd.json --summary summary_with_holdout.csv --out lift.png
 * crm plot rule-scatter        --rules rules.csv --out rules.png
 * }</pre>
 *
 * <p>Bad input exits with code 2 and one line on stderr; the chart and the data file are
 * written atomically.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a diagnostic chart (PNG or SVG) and optionally write its numbers as CSV.",
        subcommands = {PlotCommand.Tracking.class, PlotCommand.PeriodTransactionsPlot.class,
            PlotCommand.CalibrationHoldoutPlot.class, PlotCommand.FrequencyRecency.class, PlotCommand.AliveMatrix.class,
            PlotCommand.Lorenz.class, PlotCommand.RfmHeat.class, PlotCommand.ChurnGain.class,
            PlotCommand.ChurnLift.class, PlotCommand.Rules.class})
public final class PlotCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The output options of every kind: {@code --out}, {@code --data-out}, {@code --width}, {@code --height}. */
    static final class Output {
        @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.svg",
                description = "the chart: PNG or SVG by the extension; replaced only when the command succeeds")
        Path out;

        @Option(names = "--data-out", paramLabel = "FILE.csv",
                description = "also write the plotted numbers as CSV: x, then one column per series; - for stdout")
        Path dataOut;

        @Option(names = "--width", defaultValue = "800", paramLabel = "PIXELS",
                description = "chart width, 200 to 4000 (default: ${DEFAULT-VALUE})")
        int width;

        @Option(names = "--height", defaultValue = "500", paramLabel = "PIXELS",
                description = "chart height, 200 to 4000 (default: ${DEFAULT-VALUE})")
        int height;

        /** Checks the outputs before any input is read. */
        void check(CommandSpec spec, Path... inputs) {
            if (width < 200 || width > 4000 || height < 200 || height > 4000) {
                throw new ParameterException(spec.commandLine(), "--width and --height must be 200 to 4000, got "
                        + width + " x " + height);
            }
            if (InputFiles.isStandardStream(out)) {
                throw new BadInputException(out, 0, null, "a chart is written to a .png or .svg file, not standard output");
            }
            Charts.Format.of(out);
            OutputOptions.refuse(out, inputs);
            if (dataOut != null) {
                OutputOptions.refuse(dataOut, inputs);
                if (!InputFiles.isStandardStream(dataOut) && dataOut.toAbsolutePath().equals(out.toAbsolutePath())) {
                    throw new BadInputException(dataOut, 0, null, "--data-out and --out name the same file");
                }
            }
        }

        /** Writes the chart, then the data; reports both on stderr. */
        void write(CommandSpec spec, JFreeChart chart, PlotTable table) throws IOException {
            Charts.write(spec, out, chart, width, height);
            if (dataOut != null) {
                Charts.writeData(spec, dataOut, table);
            }
            spec.commandLine().getErr().printf("wrote %s%s%n", out,
                    dataOut == null ? "" : " and " + (InputFiles.isStandardStream(dataOut) ? "the data to standard output"
                            : dataOut));
        }
    }

    /** The model of {@code --model}, which must predict purchases. */
    static PurchaseModel purchaseModel(CommandSpec spec, Path file) throws IOException {
        FittedModel m = BtydCommands.readModel(spec, file);
        if (!(m instanceof PurchaseModel purchases)) {
            throw BadInputException.definition(file, 1, "model", "model \"" + m.modelName()
                    + "\" does not predict purchases; plot needs a transaction model such as bg-nbd");
        }
        return purchases;
    }

    /** The time unit the model file records, if it is a known unit and the file is not standard input. */
    static Optional<TimeUnit> recordedUnit(Path modelFile) {
        if (InputFiles.isStandardStream(modelFile)) {
            return Optional.empty();
        }
        try {
            String json = Files.readString(modelFile, StandardCharsets.UTF_8);
            return BtydModelJson.read(json).timeUnit().flatMap(u -> {
                try {
                    return Optional.of(TimeUnit.parse(u));
                } catch (IllegalArgumentException unknown) {
                    return Optional.empty();
                }
            });
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // readModel has already accepted the file; a unit is only a label
        }
    }

    /** The time unit of the labels: the summary's, else the model's, else "time units". */
    static String unitLabel(CustomerSummaries s, Path modelFile) {
        return s.timeUnit().or(() -> modelFile == null ? Optional.empty() : recordedUnit(modelFile))
                .map(TimeUnit::toString).orElse("time units");
    }

    /** Turns a library's refusal of the data into bad input naming the file. */
    static BadInputException badData(Path file, IllegalArgumentException e) {
        BadInputException b = new BadInputException(file, 0, null, e.getMessage());
        b.initCause(e);
        return b;
    }

    /** A whole number without decimals, else two decimals. */
    static String decimal(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Singular of a unit label, for "per week". */
    static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    /** {@code crm plot tracking}: actual versus expected repeat transactions per period of a cohort. */
    @Command(name = "tracking", mixinStandardHelpOptions = true,
            description = "Actual vs expected repeat transactions per period (calibration and holdout).")
    static final class Tracking implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "fitted model")
        private Path model;

        @Mixin
        private TransactionInputOptions input;

        @Option(names = "--time-unit", paramLabel = "UNIT",
                description = "days, weeks or months: the model's unit and the period length (default: the unit the"
                        + " model file records)")
        private TimeUnit timeUnit;

        @Option(names = "--calibration-end", required = true, paramLabel = "YYYY-MM-DD",
                description = "last day of the calibration period")
        private LocalDate calibrationEnd;

        @Option(names = "--observation-end", required = true, paramLabel = "YYYY-MM-DD",
                description = "last day of the holdout period")
        private LocalDate observationEnd;

        @Option(names = "--cumulative", description = "plot cumulative transactions (default: per period)")
        private boolean cumulative;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, model, input.transactions);
            if (observationEnd.isBefore(calibrationEnd)) {
                throw new ParameterException(spec.commandLine(), "--observation-end " + observationEnd
                        + " is before --calibration-end " + calibrationEnd);
            }
            PurchaseModel m = purchaseModel(spec, model);
            TimeUnit unit = timeUnit != null ? timeUnit : recordedUnit(model).orElseThrow(() -> new BadInputException(
                    model, 1, "timeUnit", "the model file records no time unit; give --time-unit"));
            TransactionLog log = input.read(spec, observationEnd, ProgressListener.none());
            TrackingCurve t;
            try {
                t = TrackingCurve.of(m, log, unit, calibrationEnd, observationEnd);
            } catch (IllegalArgumentException e) {
                throw badData(input.transactions, e);
            }
            JFreeChart chart = trackingChart(t, cumulative);
            output.write(spec, chart, t.table(cumulative));
            return 0;
        }
    }

    /** The tracking chart of {@code crm plot tracking} and the demo. */
    static JFreeChart trackingChart(TrackingCurve t, boolean cumulative) {
        String unit = t.timeUnit().toString();
        String title = (cumulative ? "Cumulative repeat transactions" : "Repeat transactions per "
                + singular(unit)) + ": actual vs " + t.model();
        String subtitle = String.format(Locale.ROOT, "%,d customers, first purchases from %s; calibration to %s,"
                + " holdout to %s", t.customers(), t.cohortStart(), t.calibrationEnd(), t.observationEnd());
        double[] ends = t.periodEnds();
        double lastLength = ends.length == 1 ? ends[0] : ends[ends.length - 1] - ends[ends.length - 2];
        if (!cumulative && lastLength < 1 - 1e-9) {
            subtitle += String.format(Locale.ROOT, "; the last period is %.0f days long",
                    lastLength * t.timeUnit().days());
        }
        JFreeChart chart = Charts.lines(title, subtitle, unit + " since " + t.cohortStart(),
                cumulative ? "repeat transactions (cumulative)" : "repeat transactions per " + singular(unit),
                t.table(cumulative), false, List.of("expected"));
        Charts.markX(chart, t.calibrationEndTime(), "end of calibration ");
        return chart;
    }

    /** {@code crm plot period-transactions}: customers by number of repeat purchases. */
    @Command(name = "period-transactions", mixinStandardHelpOptions = true,
            description = "Customers by number of calibration repeat purchases: actual, expected, simulated.")
    static final class PeriodTransactionsPlot implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "fitted model")
        private Path model;

        @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv", description = "calibration summary")
        private Path summary;

        @Option(names = "--max-purchases", defaultValue = "7", paramLabel = "K",
                description = "bars 0 .. K-1 and K+, 1 to 100 (default: ${DEFAULT-VALUE})")
        private int maxPurchases;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
                description = "seed of the simulated bars (default: ${DEFAULT-VALUE})")
        private long seed;

        @Option(names = "--no-simulation", description = "leave out the simulated bars")
        private boolean noSimulation;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, model, summary);
            requireRange(spec, "--max-purchases", maxPurchases, 1, 100);
            PurchaseModel m = purchaseModel(spec, model);
            CustomerSummaries s = BtydCommands.readSummary(spec, summary);
            PeriodTransactions p;
            try {
                p = noSimulation ? PeriodTransactions.of(m, s, maxPurchases)
                        : PeriodTransactions.withSimulation(m, s, maxPurchases, seed,
                                org.crmkit.scoring.Parallelism.defaults());
            } catch (IllegalArgumentException e) {
                throw badData(summary, e);
            }
            output.write(spec, periodChart(p, s.size()), p.table());
            return 0;
        }
    }

    /** The period-transactions chart. */
    static JFreeChart periodChart(PeriodTransactions p, int customers) {
        return Charts.categories("Customers by repeat transactions: actual vs " + p.model(),
                String.format(Locale.ROOT, "%,d customers; calibration period", customers),
                "repeat transactions in the calibration period", "customers", p.labels(), p.table(), true);
    }

    /** {@code crm plot calibration-holdout}: mean holdout purchases by calibration frequency. */
    @Command(name = "calibration-holdout", mixinStandardHelpOptions = true,
            description = "Mean holdout purchases by calibration purchases: actual vs predicted.")
    static final class CalibrationHoldoutPlot implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "fitted model")
        private Path model;

        @Option(names = "--summary", required = true, paramLabel = "SUMMARY_WITH_HOLDOUT.csv",
                description = "summary with frequency_holdout and duration_holdout")
        private Path summary;

        @Option(names = "--max-purchases", defaultValue = "7", paramLabel = "K",
                description = "groups 0 .. K-1 and K+, 1 to 100 (default: ${DEFAULT-VALUE})")
        private int maxPurchases;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, model, summary);
            requireRange(spec, "--max-purchases", maxPurchases, 1, 100);
            PurchaseModel m = purchaseModel(spec, model);
            CustomerSummaries s = BtydCommands.readSummary(spec, summary);
            if (!s.hasHoldout()) {
                throw new BadInputException(summary, 1, "frequency_holdout",
                        "missing column: calibration-holdout needs the holdout columns (crm summarize --observation-end)");
            }
            BtydCommands.holdoutInput(summary, s); // names line and field of a bad holdout row
            CalibrationHoldout c;
            try {
                c = CalibrationHoldout.of(m, s, maxPurchases);
            } catch (IllegalArgumentException e) {
                throw badData(summary, e);
            }
            output.write(spec, holdoutChart(c, s, unitLabel(s, model)), c.table());
            return 0;
        }
    }

    /** The calibration-versus-holdout chart. */
    static JFreeChart holdoutChart(CalibrationHoldout c, CustomerSummaries s, String unit) {
        double duration = s.durationHoldout(0);
        boolean same = true;
        for (int i = 1; i < s.size() && same; i++) {
            same = s.durationHoldout(i) == duration;
        }
        String window = same ? decimal(duration) + " " + unit : "varying length";
        return Charts.categories("Holdout vs calibration purchases: actual vs " + c.model(),
                String.format(Locale.ROOT, "%,d customers; holdout period of %s", s.size(), window),
                "repeat transactions in the calibration period", "mean transactions in the holdout period",
                c.labels(), c.table(), false);
    }

    /** {@code crm plot frequency-recency}: expected purchases by frequency and recency. */
    @Command(name = "frequency-recency", mixinStandardHelpOptions = true,
            description = "Heat map of expected purchases in the next T time units by frequency and recency.")
    static final class FrequencyRecency implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "fitted model")
        private Path model;

        @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv",
                description = "summary whose largest frequency and T set the grid")
        private Path summary;

        @Option(names = "--horizon", defaultValue = "1", paramLabel = "T",
                description = "the future window in the model's time unit (default: ${DEFAULT-VALUE})")
        private double horizon;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, model, summary);
            if (!(horizon > 0) || Double.isInfinite(horizon)) {
                throw new ParameterException(spec.commandLine(), "--horizon must be positive and finite, got " + horizon);
            }
            PurchaseModel m = purchaseModel(spec, model);
            CustomerSummaries s = BtydCommands.readSummary(spec, summary);
            FrequencyRecencyMatrix matrix;
            try {
                matrix = FrequencyRecencyMatrix.expectedPurchases(m, s, horizon);
            } catch (IllegalArgumentException e) {
                throw badData(summary, e);
            }
            String unit = unitLabel(s, model);
            output.write(spec, matrixChart(matrix, unit), matrix.table());
            return 0;
        }
    }

    /** {@code crm plot p-alive-matrix}: probability alive by frequency and recency. */
    @Command(name = "p-alive-matrix", mixinStandardHelpOptions = true,
            description = "Heat map of the probability of being alive by frequency and recency.")
    static final class AliveMatrix implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "fitted model")
        private Path model;

        @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv",
                description = "summary whose largest frequency and T set the grid")
        private Path summary;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, model, summary);
            PurchaseModel m = purchaseModel(spec, model);
            CustomerSummaries s = BtydCommands.readSummary(spec, summary);
            FrequencyRecencyMatrix matrix;
            try {
                matrix = FrequencyRecencyMatrix.probabilityAlive(m, s);
            } catch (IllegalArgumentException e) {
                throw badData(summary, e);
            }
            output.write(spec, matrixChart(matrix, unitLabel(s, model)), matrix.table());
            return 0;
        }
    }

    /** The heat map of a frequency/recency matrix. */
    static JFreeChart matrixChart(FrequencyRecencyMatrix m, String unit) {
        int rows = m.frequencies();
        int columns = m.recencies();
        double[] xs = new double[columns];
        double[] ys = new double[rows];
        double[][] z = new double[rows][columns];
        for (int j = 0; j < columns; j++) {
            xs[j] = m.recency(j);
        }
        for (int f = 0; f < rows; f++) {
            ys[f] = f;
            for (int j = 0; j < columns; j++) {
                z[f][j] = m.value(f, j).orElse(Double.NaN);
            }
        }
        boolean expected = m.quantity() == FrequencyRecencyMatrix.Quantity.EXPECTED_PURCHASES;
        String title = expected ? "Expected purchases in the next " + decimal(m.horizon()) + " " + unit + " ("
                + m.model() + ")" : "Probability alive (" + m.model() + ")";
        String subtitle = String.format(Locale.ROOT, "by frequency and recency of a customer of age T = %.2f %s",
                m.age(), unit);
        return Charts.heatmap(title, subtitle, "recency: time of the last purchase (" + unit + " after the first)",
                "frequency: repeat purchases", expected ? "expected purchases" : "P(alive)", xs, ys, z,
                m.age() / (columns - 1), 1, false);
    }

    /** {@code crm plot lorenz}: the Lorenz curve of repeat-purchase revenue. */
    @Command(name = "lorenz", mixinStandardHelpOptions = true,
            description = "Lorenz curve, Gini and ABC shares of the customers' repeat-purchase revenue.")
    static final class Lorenz implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv",
                description = "summary; revenue per customer is frequency x monetary_value")
        private Path summary;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, summary);
            CustomerSummaries s = BtydCommands.readSummary(spec, summary);
            if (!s.hasMonetaryValue()) {
                throw new BadInputException(summary, 1, "monetary_value", "missing column: lorenz needs monetary_value");
            }
            double[] revenue = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                revenue[i] = s.frequency(i) * s.monetaryValue(i);
                if (revenue[i] < 0) {
                    throw new BadInputException(summary, BtydCommands.lineOf(s, i), "monetary_value",
                            "negative repeat-purchase revenue: a Lorenz curve needs values >= 0");
                }
            }
            LorenzChart c;
            try {
                c = LorenzChart.of(revenue, 101);
            } catch (IllegalArgumentException e) {
                throw badData(summary, e);
            }
            output.write(spec, lorenzChart(c, s.size()), c.table());
            return 0;
        }
    }

    /** The Lorenz chart. */
    static JFreeChart lorenzChart(LorenzChart c, int customers) {
        String subtitle = String.format(Locale.ROOT, "%,d customers; Gini %.3f; the top 20%% hold %.1f%%;"
                + " A class: %.1f%% of customers with %.1f%% of revenue", customers, c.gini(), 100 * c.topFifthShare(),
                100 * c.customerShare(AbcClass.A), 100 * c.revenueShare(AbcClass.A));
        JFreeChart chart = Charts.lines("Concentration of repeat-purchase revenue (Lorenz curve)", subtitle,
                "share of customers, smallest revenue first", "share of revenue", c.table(), false,
                List.of("equality"));
        return chart;
    }

    /** {@code crm plot rfm-heatmap}: mean monetary value by R and F score. */
    @Command(name = "rfm-heatmap", mixinStandardHelpOptions = true,
            description = "Heat map of the mean monetary value by recency and frequency score.")
    static final class RfmHeat implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv", description = "summary")
        private Path summary;

        @Option(names = "--bins", defaultValue = "5", paramLabel = "K",
                description = "scores per dimension, 2 to 10 (default: ${DEFAULT-VALUE})")
        private int bins;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, summary);
            requireRange(spec, "--bins", bins, 2, 10);
            CustomerSummaries s = BtydCommands.readSummary(spec, summary);
            RfmHeatmap h;
            try {
                h = RfmHeatmap.of(s, RfmScorer.builder().bins(bins).build());
            } catch (IllegalArgumentException e) {
                throw badData(summary, e);
            }
            output.write(spec, rfmChart(h, s.size()), h.table());
            return 0;
        }
    }

    /** The RFM heat map. */
    static JFreeChart rfmChart(RfmHeatmap h, int customers) {
        int k = h.bins();
        double[] scores = new double[k];
        double[][] z = new double[k][k];
        for (int i = 0; i < k; i++) {
            scores[i] = i + 1;
        }
        for (int f = 1; f <= k; f++) {
            for (int r = 1; r <= k; r++) {
                z[f - 1][r - 1] = h.meanMonetary(r, f).orElse(Double.NaN);
            }
        }
        return Charts.heatmap("Mean monetary value by recency and frequency score",
                String.format(Locale.ROOT, "%,d customers, quantile scores 1..%d (5 = most recent / most frequent);"
                        + " blank: no customer", customers, k),
                "recency score R", "frequency score F", "mean monetary value", scores, scores, z, 1, 1, true);
    }

    /** {@code crm plot churn-gain}: cumulative gain of the churn risk {@code 1 - P(alive)}. */
    @Command(name = "churn-gain", mixinStandardHelpOptions = true,
            description = "Cumulative gain of the churn risk 1 - P(alive) against holdout outcomes.")
    static final class ChurnGain implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private ChurnInput input;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, input.model, input.summary);
            GainChart g = input.gain(spec);
            output.write(spec, Charts.lines("Cumulative gain of the churn risk (" + input.modelName + ")",
                    "churners: customers without a holdout purchase; risk 1 - P(alive)",
                    "share of customers targeted, highest risk first", "share of churners found", g.gainTable(), false,
                    List.of("random")), g.gainTable());
            return 0;
        }
    }

    /** {@code crm plot churn-lift}: cumulative lift of the churn risk. */
    @Command(name = "churn-lift", mixinStandardHelpOptions = true,
            description = "Cumulative lift of the churn risk 1 - P(alive) against holdout outcomes.")
    static final class ChurnLift implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private ChurnInput input;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, input.model, input.summary);
            GainChart g = input.gain(spec);
            output.write(spec, Charts.lines("Cumulative lift of the churn risk (" + input.modelName + ")",
                    "churners: customers without a holdout purchase; risk 1 - P(alive)",
                    "share of customers targeted, highest risk first", "lift over random targeting", g.liftTable(),
                    false, List.of("random")), g.liftTable());
            return 0;
        }
    }

    /** The inputs of the churn charts: a purchase model and a summary with holdout columns. */
    static final class ChurnInput {
        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "fitted purchase model")
        Path model;

        @Option(names = "--summary", required = true, paramLabel = "SUMMARY_WITH_HOLDOUT.csv",
                description = "summary with the holdout columns (the outcomes)")
        Path summary;

        String modelName;

        GainChart gain(CommandSpec spec) throws IOException {
            PurchaseModel m = purchaseModel(spec, model);
            modelName = m.modelName();
            CustomerSummaries s = BtydCommands.readSummary(spec, summary);
            if (!s.hasHoldout()) {
                throw new BadInputException(summary, 1, "frequency_holdout",
                        "missing column: the churn outcome needs the holdout columns (crm summarize --observation-end)");
            }
            try {
                return GainChart.of(ChurnReport.evaluate(m, s).model(), 100);
            } catch (IllegalArgumentException e) {
                throw badData(summary, e);
            }
        }
    }

    /** {@code crm plot rule-scatter}: association rules by support and confidence, coloured by lift. */
    @Command(name = "rule-scatter", mixinStandardHelpOptions = true,
            description = "Association rules: support vs confidence, coloured by lift.")
    static final class Rules implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--rules", required = true, paramLabel = "RULES.csv", description = "rules of crm rules")
        private Path rules;

        @Mixin
        private Output output;

        @Override
        public Integer call() throws IOException {
            output.check(spec, rules);
            List<AssociationRule> list;
            try (InputStream in = InputFiles.open(spec, rules)) {
                list = RuleCsv.read(in, InputFiles.displayName(rules));
            } catch (CsvFormatException e) {
                throw BadInputException.of(e);
            }
            RuleScatter s;
            try {
                s = RuleScatter.of(list);
            } catch (IllegalArgumentException e) {
                throw badData(rules, e);
            }
            output.write(spec, Charts.scatter("Association rules: support vs confidence",
                    String.format(Locale.ROOT, "%,d rules, coloured by lift", s.size()), "support", "confidence", "lift",
                    s.support(), s.confidence(), s.lift()), s.table());
            return 0;
        }
    }

    private static void requireRange(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be " + min + " to " + max + ", got " + value);
        }
    }
}
