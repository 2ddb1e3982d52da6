package org.crmkit.scoring.diagnostics;

import java.util.Arrays;
import java.util.Objects;
import org.crmkit.scoring.btyd.PurchaseModel;

/**
 * The probability that one customer is alive, traced over the customer's history: at each
 * time {@code u} from the first purchase (time 0) to the age T, {@code P(alive | x(u),
 * t_x(u), u)} where {@code x(u)} is the number of repeat purchases up to {@code u} and
 * {@code t_x(u)} the time of the last of them (0 if none), as lifetimes'
 * {@code plot_history_alive} draws it. Under BG/NBD the path falls while the customer is
 * silent and jumps back to 1 at each repeat purchase (Fader, Hardie and Lee 2005, "Counting
 * your customers the easy way", Marketing Science 24(2), equation 13).
 *
 * <p>Points: {@code gridPoints} equally spaced times from 0 to T and, at each repeat
 * purchase time, two points with the same time: the value just before the purchase (the
 * history without it) and the value with it, so that a line through the points shows the
 * jump.
 *
 * <pre>{@code
 * AlivePath path = AlivePath.of(model, new double[] {2.0, 5.5, 30.4}, 38.86, 100);
 * double[] t = path.times();
 * double[] p = path.probabilities();
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class AlivePath {
    private final String model;
    private final double age;
    private final double[] purchases;
    private final double[] times;
    private final double[] probabilities;

    private AlivePath(String model, double age, double[] purchases, double[] times, double[] probabilities) {
        this.model = model;
        this.age = age;
        this.purchases = purchases;
        this.times = times;
        this.probabilities = probabilities;
    }

    /**
     * Traces P(alive) of one customer.
     *
     * @param model the fitted model, not null
     * @param repeatPurchaseTimes the times of the repeat purchases after the first, in the
     *     model's time unit, each in {@code (0, age]}, ascending and distinct, not null
     *     (copied)
     * @param age the customer's age T, {@code > 0} and finite
     * @param gridPoints the equally spaced points, {@code 2 <= gridPoints <= 100000}
     * @return the path, never null
     * @throws IllegalArgumentException if a time is out of order or range, or an argument is
     *     invalid
     */
    public static AlivePath of(PurchaseModel model, double[] repeatPurchaseTimes, double age, int gridPoints) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(repeatPurchaseTimes, "repeatPurchaseTimes");
        if (!(age > 0) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("age " + age + " is not positive and finite");
        }
        if (gridPoints < 2 || gridPoints > 100_000) {
            throw new IllegalArgumentException("gridPoints " + gridPoints + " is not in 2..100000");
        }
        double[] buys = repeatPurchaseTimes.clone();
        for (int j = 0; j < buys.length; j++) {
            if (!(buys[j] > 0 && buys[j] <= age) || (j > 0 && !(buys[j] > buys[j - 1]))) {
                throw new IllegalArgumentException("repeat purchase " + j + " at " + buys[j]
                        + " is not in (0, " + age + "] after the previous one");
            }
        }
        int points = gridPoints + 2 * buys.length;
        double[] times = new double[points];
        double[] alive = new double[points];
        int p = 0;
        int next = 0; // purchases at or before the current time already counted
        for (int g = 0; g < gridPoints; g++) {
            double u = g == gridPoints - 1 ? age : age * g / (gridPoints - 1);
            while (next < buys.length && buys[next] <= u) {
                // just before the purchase, then with it
                double at = buys[next];
                times[p] = at;
                alive[p++] = value(model, next, next == 0 ? 0 : buys[next - 1], at);
                times[p] = at;
                alive[p++] = value(model, next + 1, at, at);
                next++;
            }
            times[p] = u;
            alive[p++] = value(model, next, next == 0 ? 0 : buys[next - 1], u);
        }
        return new AlivePath(model.modelName(), age, buys, Arrays.copyOf(times, p), Arrays.copyOf(alive, p));
    }

    private static double value(PurchaseModel model, int x, double tx, double u) {
        return u == 0 ? 1 : model.probabilityAlive(x, tx, u);
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
     * Returns the customer's age T, the end of the path.
     *
     * @return T, positive
     */
    public double age() {
        return age;
    }

    /**
     * Returns the repeat purchase times.
     *
     * @return a copy, ascending, never null
     */
    public double[] purchaseTimes() {
        return purchases.clone();
    }

    /**
     * Returns the times of the points, non-decreasing (a purchase time appears twice).
     *
     * @return a copy, never null
     */
    public double[] times() {
        return times.clone();
    }

    /**
     * Returns P(alive) at each point.
     *
     * @return a copy, probabilities in [0, 1], never null
     */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * Returns the plotted numbers: x is the time since the first purchase ({@code time}),
     * series {@code p_alive}.
     *
     * @return the table, never null
     */
    public PlotTable table() {
        return new PlotTable.Builder("time", times).add("p_alive", probabilities).build();
    }

    /**
     * Returns the format {@code AlivePath[model, N purchases, T=..]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "AlivePath[" + model + ", " + purchases.length + " repeat purchases, T=" + age + "]";
    }
}
