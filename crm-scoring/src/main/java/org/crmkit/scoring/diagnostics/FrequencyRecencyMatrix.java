package org.crmkit.scoring.diagnostics;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.summary.CustomerSummaries;

/**
 * A frequency/recency matrix: for a customer of age T with frequency x and recency t_x,
 * either the expected purchases in the next {@code t} time units,
 * {@code E[Y(t) | x, t_x, T]}, or the probability of being alive, {@code P(alive | x, t_x,
 * T)}, over a grid of x and t_x (Fader, Hardie and Lee 2005, "Counting your customers the
 * easy way", Marketing Science 24(2), figure 6, the iso-value plot of conditional
 * expectations; lifetimes' {@code plot_frequency_recency_matrix} and
 * {@code plot_probability_alive_matrix}).
 *
 * <p>The grid: rows are the frequencies {@code 0 .. maxFrequency}; columns are recency
 * {@code 0} and {@code m} equally spaced recencies {@code T j / m}, {@code j = 1..m}. A
 * customer without repeat purchases has recency 0, and one with repeat purchases a positive
 * recency, so the cell (0, 0) and the cells {@code x >= 1, t_x > 0} have values and the
 * others are empty.
 *
 * <pre>{@code
 * FrequencyRecencyMatrix m = FrequencyRecencyMatrix.expectedPurchases(model, summaries, 52);
 * OptionalDouble v = m.value(3, m.recencies() - 1);   // x = 3, last purchase at T
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class FrequencyRecencyMatrix {

    /** What a matrix holds. */
    public enum Quantity {
        /** {@code E[Y(t) | x, t_x, T]}, the expected purchases in the next t time units. */
        EXPECTED_PURCHASES,
        /** {@code P(alive | x, t_x, T)}. */
        PROBABILITY_ALIVE
    }

    /** The most frequency rows and recency columns a grid derived from summaries has. */
    public static final int MAX_GRID = 100;

    private final String model;
    private final Quantity quantity;
    private final double horizon;
    private final double age;
    private final double[] recency;
    private final double[][] values; // [frequency][recency column]; NaN where no customer can be

    private FrequencyRecencyMatrix(String model, Quantity quantity, double horizon, double age, double[] recency,
            double[][] values) {
        this.model = model;
        this.quantity = quantity;
        this.horizon = horizon;
        this.age = age;
        this.recency = recency;
        this.values = values;
    }

    /**
     * Returns the matrix of expected purchases in the next {@code horizon} time units on the
     * grid the summaries suggest: frequencies up to the largest observed (at most
     * {@value #MAX_GRID}), the largest observed T, and one recency column per time unit of it
     * (at least 1, at most {@value #MAX_GRID}).
     *
     * @param model the fitted model, not null
     * @param summaries the summaries the grid is taken from, not null, not empty
     * @param horizon the future window t, {@code > 0} and finite
     * @return the matrix, never null
     * @throws IllegalArgumentException if the summaries are empty or all have T = 0, or the
     *     horizon is invalid
     */
    public static FrequencyRecencyMatrix expectedPurchases(PurchaseModel model, CustomerSummaries summaries,
            double horizon) {
        requireHorizon(horizon);
        return fromSummaries(Quantity.EXPECTED_PURCHASES, model, summaries, horizon);
    }

    /**
     * Returns the matrix of probabilities alive on the grid the summaries suggest (as
     * {@link #expectedPurchases(PurchaseModel, CustomerSummaries, double)}).
     *
     * @param model the fitted model, not null
     * @param summaries the summaries the grid is taken from, not null, not empty
     * @return the matrix, never null
     * @throws IllegalArgumentException if the summaries are empty or all have T = 0
     */
    public static FrequencyRecencyMatrix probabilityAlive(PurchaseModel model, CustomerSummaries summaries) {
        return fromSummaries(Quantity.PROBABILITY_ALIVE, model, summaries, 0);
    }

    private static FrequencyRecencyMatrix fromSummaries(Quantity quantity, PurchaseModel model,
            CustomerSummaries summaries, double horizon) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(summaries, "summaries");
        if (summaries.size() == 0) {
            throw new IllegalArgumentException("no customers");
        }
        BtydData.validateAll(summaries);
        int maxX = 0;
        double maxT = 0;
        for (int i = 0; i < summaries.size(); i++) {
            maxX = Math.max(maxX, summaries.frequency(i));
            maxT = Math.max(maxT, summaries.t(i));
        }
        if (!(maxT > 0)) {
            throw new IllegalArgumentException("every customer has T = 0: no recency grid");
        }
        int columns = (int) Math.max(1, Math.min(MAX_GRID, Math.ceil(maxT)));
        return of(quantity, model, Math.min(maxX, MAX_GRID), maxT, columns, horizon);
    }

    /**
     * Returns a matrix on an explicit grid.
     *
     * <pre>{@code
     * FrequencyRecencyMatrix m = FrequencyRecencyMatrix.of(Quantity.PROBABILITY_ALIVE, model,
     *         20, 38.86, 39, 0);
     * }</pre>
     *
     * @param quantity what the cells hold, not null
     * @param model the fitted model, not null
     * @param maxFrequency the last frequency row, {@code 0 <= maxFrequency <= 10000}
     * @param age the customers' age T, {@code > 0} and finite
     * @param recencyColumns m, the number of positive recency columns, {@code 1 <= m <= 10000}
     * @param horizon the future window t of {@link Quantity#EXPECTED_PURCHASES}, {@code > 0};
     *     ignored for {@link Quantity#PROBABILITY_ALIVE}
     * @return the matrix, never null
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static FrequencyRecencyMatrix of(Quantity quantity, PurchaseModel model, int maxFrequency, double age,
            int recencyColumns, double horizon) {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(model, "model");
        if (maxFrequency < 0 || maxFrequency > 10_000) {
            throw new IllegalArgumentException("maxFrequency " + maxFrequency + " is not in 0..10000");
        }
        if (!(age > 0) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("age " + age + " is not positive and finite");
        }
        if (recencyColumns < 1 || recencyColumns > 10_000) {
            throw new IllegalArgumentException("recencyColumns " + recencyColumns + " is not in 1..10000");
        }
        if (quantity == Quantity.EXPECTED_PURCHASES) {
            requireHorizon(horizon);
        }
        double[] recency = new double[recencyColumns + 1];
        for (int j = 1; j <= recencyColumns; j++) {
            recency[j] = j == recencyColumns ? age : age * j / recencyColumns;
        }
        double[][] values = new double[maxFrequency + 1][recencyColumns + 1];
        Parallelism.defaults().run(maxFrequency + 1, x -> {
            double[] row = values[x];
            for (int j = 0; j <= recencyColumns; j++) {
                boolean possible = x == 0 ? j == 0 : j > 0;
                row[j] = !possible ? Double.NaN
                        : quantity == Quantity.EXPECTED_PURCHASES
                        ? model.conditionalExpectedPurchases(horizon, x, recency[j], age)
                        : model.probabilityAlive(x, recency[j], age);
            }
        });
        return new FrequencyRecencyMatrix(model.modelName(), quantity,
                quantity == Quantity.EXPECTED_PURCHASES ? horizon : 0, age, recency, values);
    }

    private static void requireHorizon(double horizon) {
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon " + horizon + " is not positive and finite");
        }
    }

    /**
     * Returns the name of the model.
     *
     * @return the model name, never null
     */
    public String model() {
        return model;
    }

    /**
     * Returns what the cells hold.
     *
     * @return the quantity, never null
     */
    public Quantity quantity() {
        return quantity;
    }

    /**
     * Returns the future window of expected purchases.
     *
     * @return t, or 0 for a matrix of probabilities alive
     */
    public double horizon() {
        return horizon;
    }

    /**
     * Returns the age T of the grid's customers.
     *
     * @return T, positive
     */
    public double age() {
        return age;
    }

    /**
     * Returns the number of frequency rows, {@code maxFrequency + 1}.
     *
     * @return the row count, positive
     */
    public int frequencies() {
        return values.length;
    }

    /**
     * Returns the number of recency columns, {@code m + 1} (recency 0 included).
     *
     * @return the column count, at least 2
     */
    public int recencies() {
        return recency.length;
    }

    /**
     * Returns the recency of a column.
     *
     * @param column the column, {@code 0 <= column < recencies()}
     * @return the recency, 0 for column 0 and T for the last
     * @throws IndexOutOfBoundsException if column is out of range
     */
    public double recency(int column) {
        return recency[Objects.checkIndex(column, recency.length)];
    }

    /**
     * Returns one cell.
     *
     * @param frequency the row, the frequency x, {@code 0 <= x < frequencies()}
     * @param column the recency column, {@code 0 <= column < recencies()}
     * @return the value, or empty where no customer can be (x = 0 with a positive recency,
     *     x &gt; 0 with recency 0)
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public OptionalDouble value(int frequency, int column) {
        double v = values[Objects.checkIndex(frequency, values.length)][Objects.checkIndex(column, recency.length)];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Returns the plotted numbers: x is the frequency, and one series per recency column,
     * named {@code recency=R} with R to two decimals (more where two columns would share a
     * name).
     *
     * @return the table, never null
     */
    public PlotTable table() {
        double[] x = new double[values.length];
        for (int f = 0; f < x.length; f++) {
            x[f] = f;
        }
        PlotTable.Builder b = new PlotTable.Builder("frequency", x);
        String[] names = columnNames();
        for (int j = 0; j < recency.length; j++) {
            double[] column = new double[values.length];
            for (int f = 0; f < values.length; f++) {
                column[f] = values[f][j];
            }
            b.add(names[j], column);
        }
        return b.build();
    }

    /** {@code recency=R} with two decimals, or as many more as keep the names distinct. */
    private String[] columnNames() {
        String[] names = new String[recency.length];
        for (int decimals = 2; ; decimals++) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int j = 0; j < recency.length; j++) {
                names[j] = String.format(Locale.ROOT, "recency=%." + decimals + "f", recency[j]);
                seen.add(names[j]);
            }
            if (seen.size() == recency.length || decimals >= 17) {
                return names;
            }
        }
    }

    /**
     * Returns the format {@code FrequencyRecencyMatrix[model, QUANTITY, F x R, T=..]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "FrequencyRecencyMatrix[" + model + ", " + quantity + ", " + values.length + " x " + recency.length
                + ", T=" + age + "]";
    }
}
