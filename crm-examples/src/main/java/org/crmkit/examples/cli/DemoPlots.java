package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.diagnostics.CalibrationHoldout;
import org.crmkit.scoring.diagnostics.FrequencyRecencyMatrix;
import org.crmkit.scoring.diagnostics.LorenzChart;
import org.crmkit.scoring.diagnostics.PeriodTransactions;
import org.crmkit.scoring.diagnostics.RfmHeatmap;
import org.crmkit.scoring.diagnostics.TrackingCurve;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.NonPositiveDayPolicy;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionLog;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The charts of {@code crm demo --plots DIR}: the same charts as {@code crm plot}, drawn from
 * the demo's simulated purchases and its calibration BG/NBD fit (in weeks), as PNG files of
 * 800 x 500 pixels named after the {@code crm plot} kinds. The summaries leave out days of
 * non-positive net value (returns), as the demo's value section does.
 */
final class DemoPlots {
    private DemoPlots() {
    }

    /**
     * Writes the charts into {@code dir} (created if needed) and lists them on {@code err}.
     *
     * @param spec the running command, not null
     * @param dir the directory, not null
     * @param store the demo's customers, not null
     * @param currency the currency of the purchases to chart, not null
     * @param model the calibration fit, in weeks, not null
     * @param calibrationEnd the last day of the calibration period, not null
     * @param observationEnd the last day of the holdout period, not null
     * @throws IOException if a file cannot be written
     */
    static void write(CommandSpec spec, Path dir, CustomerStore store, Currency currency, PurchaseModel model,
            LocalDate calibrationEnd, LocalDate observationEnd) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(dir, 0, null, "--plots must name a directory");
        }
        Files.createDirectories(dir);
        List<Purchase> purchases = new ArrayList<>();
        for (Customer c : store.all()) {
            for (Activity a : store.activitiesOf(c.id())) {
                if (a instanceof Purchase p && p.amount().currency().equals(currency)
                        && !p.timestamp().atZone(ZoneOffset.UTC).toLocalDate().isAfter(observationEnd)) {
                    purchases.add(p);
                }
            }
        }
        TransactionLog log = TransactionLog.fromPurchases(purchases, currency, ZoneOffset.UTC);
        CustomerSummaries holdout = Summarizer.builder().timeUnit(TimeUnit.WEEKS).calibrationEnd(calibrationEnd)
                .observationEnd(observationEnd).nonPositiveDays(NonPositiveDayPolicy.EXCLUDE).build().summarize(log);
        String unit = TimeUnit.WEEKS.toString();
        List<String> written = new ArrayList<>();
        chart(spec, dir, "tracking", PlotCommand.trackingChart(
                TrackingCurve.of(model, log, TimeUnit.WEEKS, calibrationEnd, observationEnd), false), written);
        chart(spec, dir, "period-transactions", PlotCommand.periodChart(PeriodTransactions.withSimulation(model,
                holdout, 7, 1, org.crmkit.scoring.Parallelism.defaults()), holdout.size()), written);
        chart(spec, dir, "calibration-holdout", PlotCommand.holdoutChart(CalibrationHoldout.of(model, holdout, 7),
                holdout, unit), written);
        chart(spec, dir, "frequency-recency", PlotCommand.matrixChart(
                FrequencyRecencyMatrix.expectedPurchases(model, holdout, 52), unit), written);
        chart(spec, dir, "p-alive-matrix", PlotCommand.matrixChart(
                FrequencyRecencyMatrix.probabilityAlive(model, holdout), unit), written);
        double[] revenue = new double[holdout.size()];
        for (int i = 0; i < revenue.length; i++) {
            revenue[i] = Math.max(0, holdout.frequency(i) * holdout.monetaryValue(i));
        }
        chart(spec, dir, "lorenz", PlotCommand.lorenzChart(LorenzChart.of(revenue, 101), revenue.length), written);
        chart(spec, dir, "rfm-heatmap", PlotCommand.rfmChart(RfmHeatmap.of(holdout, RfmScorer.builder().build()),
                holdout.size()), written);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("wrote %d charts to %s: %s%n", written.size(), dir, String.join(", ", written));
        err.flush();
    }

    private static void chart(CommandSpec spec, Path dir, String name, JFreeChart chart, List<String> written)
            throws IOException {
        Charts.write(spec, dir.resolve(name + ".png"), chart, Charts.WIDTH, Charts.HEIGHT);
        written.add(name + ".png");
    }
}
