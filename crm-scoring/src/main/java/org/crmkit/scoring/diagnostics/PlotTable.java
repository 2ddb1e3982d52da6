package org.crmkit.scoring.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The numbers one chart shows, as a table: a column of x values and one column per series,
 * each named as a chart legend would name it. Every diagnostic of this package returns its
 * data in this shape as well as through its own typed accessors, so a caller can hand it to
 * any charting or spreadsheet tool.
 *
 * <p>A cell may be empty where the chart has no value (an RFM cell without customers, a
 * frequency/recency combination no customer can have); {@link #value(int, int)} is then
 * empty. Values present are finite.
 *
 * <pre>{@code
 * PlotTable t = PlotTable.of("week", new double[] {1, 2, 3},
 *         Map.of("actual", new double[] {4, 5, 6}));
 * for (int row = 0; row < t.rows(); row++) {
 *     System.out.println(t.x(row) + " " + t.value(row, 0).orElse(0));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class PlotTable {
    private final String xName;
    private final double[] x;
    private final List<String> names;
    private final double[][] columns; // NaN marks an empty cell; never exposed

    private PlotTable(String xName, double[] x, List<String> names, double[][] columns) {
        this.xName = xName;
        this.x = x;
        this.names = List.copyOf(names);
        this.columns = columns;
    }

    /**
     * Creates a table without empty cells; the arrays are copied.
     *
     * @param xName the name of the x column, not null nor blank
     * @param x the x values, finite, not null
     * @param series the series by name in legend order (use a {@link LinkedHashMap} for a
     *     stable order), each as long as {@code x} and finite, not null, at least one
     * @return the table, never null
     * @throws IllegalArgumentException if a name is blank or repeated, a length differs or a
     *     value is not finite (the message names the series and row)
     */
    public static PlotTable of(String xName, double[] x, Map<String, double[]> series) {
        Objects.requireNonNull(series, "series");
        Builder b = new Builder(xName, x);
        series.forEach((name, values) -> {
            Objects.requireNonNull(values, "series " + name);
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("series '" + name + "' row " + i + ": value "
                            + values[i] + " is not finite");
                }
            }
            b.add(name, values);
        });
        return b.build();
    }

    /** Collects the columns of a table; package-private: the diagnostics may leave cells empty (NaN). */
    static final class Builder {
        private final String xName;
        private final double[] x;
        private final Map<String, double[]> series = new LinkedHashMap<>();

        Builder(String xName, double[] x) {
            Objects.requireNonNull(xName, "xName");
            Objects.requireNonNull(x, "x");
            if (xName.isBlank()) {
                throw new IllegalArgumentException("the x column needs a name");
            }
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i])) {
                    throw new IllegalArgumentException("x row " + i + ": " + x[i] + " is not finite");
                }
            }
            this.xName = xName;
            this.x = x.clone();
        }

        /** Adds a series; NaN marks an empty cell. */
        Builder add(String name, double[] values) {
            Objects.requireNonNull(name, "series name");
            if (name.isBlank() || name.equals(xName) || series.containsKey(name)) {
                throw new IllegalArgumentException("series name '" + name + "' is blank or not unique");
            }
            if (values.length != x.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + values.length
                        + " values for " + x.length + " x values");
            }
            for (int i = 0; i < values.length; i++) {
                if (Double.isInfinite(values[i])) {
                    throw new IllegalArgumentException("series '" + name + "' row " + i + " is infinite");
                }
            }
            series.put(name, values.clone());
            return this;
        }

        PlotTable build() {
            if (series.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one series");
            }
            return new PlotTable(xName, x, new ArrayList<>(series.keySet()),
                    series.values().toArray(new double[0][]));
        }
    }

    /**
     * Returns the name of the x column, e.g. {@code week}.
     *
     * @return the name, never null
     */
    public String xName() {
        return xName;
    }

    /**
     * Returns the number of rows.
     *
     * @return the row count, {@code >= 0}
     */
    public int rows() {
        return x.length;
    }

    /**
     * Returns the x value of a row.
     *
     * @param row the row, {@code 0 <= row < rows()}
     * @return the x value, finite
     * @throws IndexOutOfBoundsException if row is out of range
     */
    public double x(int row) {
        return x[Objects.checkIndex(row, x.length)];
    }

    /**
     * Returns the x column.
     *
     * @return a copy, never null
     */
    public double[] xColumn() {
        return x.clone();
    }

    /**
     * Returns the series names in legend order.
     *
     * @return an unmodifiable list, never null nor empty
     */
    public List<String> seriesNames() {
        return names;
    }

    /**
     * Returns one cell.
     *
     * @param row the row, {@code 0 <= row < rows()}
     * @param series the series index in {@link #seriesNames()} order
     * @return the value, finite, or empty where the chart has no value there
     * @throws IndexOutOfBoundsException if row or series is out of range
     */
    public OptionalDouble value(int row, int series) {
        double v = columns[Objects.checkIndex(series, columns.length)][Objects.checkIndex(row, x.length)];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Returns the format {@code PlotTable[x=NAME, series=[..], rows=N]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "PlotTable[x=" + xName + ", series=" + names + ", rows=" + x.length + "]";
    }
}
