package org.crmkit.scoring.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.PurchaseModel;

/**
 * Calibration/holdout validation of a transaction model: predicted versus actual holdout
 * purchases in total and per customer, and the tables of actual versus expected numbers
 * of customers by purchase count 0, 1, ..., 6, 7+.
 *
 * <p>Per customer the prediction is {@code E[Y(d) | x, t_x, T]} for the customer's
 * holdout duration d. The holdout table's expected column is
 * {@code sum_i P(Y_i(d_i) = n | x_i, t_x_i, T_i)}; the calibration table compares the
 * observed calibration frequencies with {@code sum_i P(X(T_i) = n)} (the fit check of
 * Fader, Hardie and Lee 2005, figure 2). The last row collects 7 and more.
 *
 * <pre>{@code
 * HoldoutEvaluation e = HoldoutEvaluation.evaluate(fit.model(), holdoutData);
 * System.out.println(e.actualTotal() + " vs " + e.predictedTotal() + ", MAE " + e.meanAbsoluteError());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HoldoutEvaluation {

    /** Purchase counts tabulated individually; larger counts form the last row. */
    public static final int TABLE_ROWS = 7;

    private final String model;
    private final double[] predicted;
    private final double actualTotal;
    private final double predictedTotal;
    private final double meanAbsoluteError;
    private final double rootMeanSquaredError;
    private final List<FrequencyRow> holdoutTable;
    private final List<FrequencyRow> calibrationTable;

    private HoldoutEvaluation(String model, double[] predicted, double actualTotal,
            double predictedTotal, double meanAbsoluteError, double rootMeanSquaredError,
            List<FrequencyRow> holdoutTable, List<FrequencyRow> calibrationTable) {
        this.model = model;
        this.predicted = predicted;
        this.actualTotal = actualTotal;
        this.predictedTotal = predictedTotal;
        this.meanAbsoluteError = meanAbsoluteError;
        this.rootMeanSquaredError = rootMeanSquaredError;
        this.holdoutTable = List.copyOf(holdoutTable);
        this.calibrationTable = List.copyOf(calibrationTable);
    }

    /**
     * Evaluates a model on holdout data.
     *
     * @param model the parametrised model, not null
     * @param data the calibration summaries and holdout purchases, not null
     * @return the evaluation, never null
     */
    public static HoldoutEvaluation evaluate(PurchaseModel model, HoldoutData data) {
        return evaluate(model, data, Parallelism.defaults());
    }

    /**
     * Evaluates a model on holdout data, computing the per-customer predictions on the
     * given {@link Parallelism}; the result does not depend on it.
     *
     * <pre>{@code
     * HoldoutEvaluation e = HoldoutEvaluation.evaluate(model, data, Parallelism.sequential());
     * }</pre>
     *
     * @param model the parametrised model, not null
     * @param data the calibration summaries and holdout purchases, not null
     * @param parallelism where the predictions run, not null
     * @return the evaluation, never null
     */
    public static HoldoutEvaluation evaluate(PurchaseModel model, HoldoutData data,
            Parallelism parallelism) {
        Objects.requireNonNull(model, "model");
        return evaluate(model.modelName(), i -> model, data, parallelism);
    }

    /**
     * Evaluates a model whose parameters differ by customer, such as a covariate model
     * ({@link org.crmkit.scoring.btyd.CovariateModel#forCustomer}): customer {@code i} of
     * {@code data} is predicted by {@code modelOfCustomer.apply(i)}.
     *
     * <pre>{@code
     * HoldoutEvaluation e = HoldoutEvaluation.evaluate("pareto-nbd", i -> model.forCustomer(z[i]), data,
     *         Parallelism.defaults());
     * }</pre>
     *
     * @param modelName the name reported by {@link #model()}, not null
     * @param modelOfCustomer the model of each customer (row of {@code data}), thread-safe, not null
     * @param data the calibration summaries and holdout purchases, not null
     * @param parallelism where the predictions run, not null
     * @return the evaluation, never null
     */
    public static HoldoutEvaluation evaluate(String modelName,
            java.util.function.IntFunction<? extends PurchaseModel> modelOfCustomer, HoldoutData data,
            Parallelism parallelism) {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(modelOfCustomer, "modelOfCustomer");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(parallelism, "parallelism");
        int n = data.size();
        double[] predicted = new double[n];
        // per customer: expected holdout purchases, P(Y = k), P(X(T) = k)
        double[][] holdoutP = new double[n][];
        double[][] calibrationP = new double[n][];
        parallelism.forEachChunk(n, 256, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                PurchaseModel model = modelOfCustomer.apply(i);
                double x = data.frequency(i);
                double tx = data.recency(i);
                double age = data.age(i);
                double d = data.holdoutDuration(i);
                predicted[i] = model.conditionalExpectedPurchases(d, x, tx, age);
                double[] h = new double[TABLE_ROWS];
                double[] c = new double[TABLE_ROWS];
                for (int k = 0; k < TABLE_ROWS; k++) {
                    h[k] = model.conditionalProbabilityOfPurchases(k, d, x, tx, age);
                    // a customer first seen on the calibration end had no time to repeat
                    c[k] = age > 0 ? model.probabilityOfPurchases(k, age) : k == 0 ? 1 : 0;
                }
                holdoutP[i] = h;
                calibrationP[i] = c;
            }
        });
        double actualTotal = 0;
        double predictedTotal = 0;
        double absolute = 0;
        double squared = 0;
        double[] holdoutActual = new double[TABLE_ROWS + 1];
        double[] holdoutExpected = new double[TABLE_ROWS + 1];
        double[] calibrationActual = new double[TABLE_ROWS + 1];
        double[] calibrationExpected = new double[TABLE_ROWS + 1];
        for (int i = 0; i < n; i++) {
            double actual = data.holdoutPurchases(i);
            actualTotal += actual;
            predictedTotal += predicted[i];
            absolute += Math.abs(actual - predicted[i]);
            squared += (actual - predicted[i]) * (actual - predicted[i]);
            holdoutActual[(int) Math.min(actual, TABLE_ROWS)]++;
            calibrationActual[(int) Math.min(data.frequency(i), TABLE_ROWS)]++;
            double hs = 0;
            double cs = 0;
            for (int k = 0; k < TABLE_ROWS; k++) {
                holdoutExpected[k] += holdoutP[i][k];
                calibrationExpected[k] += calibrationP[i][k];
                hs += holdoutP[i][k];
                cs += calibrationP[i][k];
            }
            holdoutExpected[TABLE_ROWS] += Math.max(0, 1 - hs);
            calibrationExpected[TABLE_ROWS] += Math.max(0, 1 - cs);
        }
        return new HoldoutEvaluation(modelName, predicted, actualTotal, predictedTotal,
                absolute / n, Math.sqrt(squared / n), table(holdoutActual, holdoutExpected),
                table(calibrationActual, calibrationExpected));
    }

    private static List<FrequencyRow> table(double[] actual, double[] expected) {
        List<FrequencyRow> rows = new ArrayList<>();
        for (int k = 0; k <= TABLE_ROWS; k++) {
            rows.add(new FrequencyRow(k == TABLE_ROWS ? TABLE_ROWS + "+" : Integer.toString(k), k,
                    actual[k], expected[k]));
        }
        return rows;
    }

    /**
     * Returns the name of the evaluated model.
     *
     * @return the model name, never null
     */
    public String model() {
        return model;
    }

    /**
     * Returns the number of customers evaluated.
     *
     * @return the customer count
     */
    public int customers() {
        return predicted.length;
    }

    /**
     * Returns the predicted holdout purchases of each customer, in input order.
     *
     * @return a copy, never null
     */
    public double[] predicted() {
        return predicted.clone();
    }

    /**
     * Returns the total actual holdout purchases.
     *
     * @return the sum over customers
     */
    public double actualTotal() {
        return actualTotal;
    }

    /**
     * Returns the total predicted holdout purchases.
     *
     * @return the sum over customers
     */
    public double predictedTotal() {
        return predictedTotal;
    }

    /**
     * Returns the mean absolute error per customer.
     *
     * @return {@code mean |actual - predicted|}
     */
    public double meanAbsoluteError() {
        return meanAbsoluteError;
    }

    /**
     * Returns the root mean squared error per customer.
     *
     * @return {@code sqrt(mean (actual - predicted)^2)}
     */
    public double rootMeanSquaredError() {
        return rootMeanSquaredError;
    }

    /**
     * Returns actual versus expected customers by holdout purchase count 0..6, 7+.
     *
     * @return eight rows, never null
     */
    public List<FrequencyRow> holdoutTable() {
        return holdoutTable;
    }

    /**
     * Returns actual versus expected customers by calibration repeat purchases 0..6, 7+.
     *
     * @return eight rows, never null
     */
    public List<FrequencyRow> calibrationTable() {
        return calibrationTable;
    }

    /**
     * Returns the format {@code HoldoutEvaluation[model, actual=.., predicted=.., MAE=..]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "HoldoutEvaluation[" + model + ", actual=" + actualTotal + ", predicted="
                + predictedTotal + ", MAE=" + meanAbsoluteError + "]";
    }
}
