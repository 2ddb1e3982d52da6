package org.crmkit.scoring.btyd;

import java.util.Objects;

/**
 * The argument check of the bulk methods of {@link PurchaseModel} and its implementations: the
 * histories {@code x, t_x, T} and the output arrays are not null and have one length. One
 * check, so that every bulk method names the arrays in the same words.
 *
 * <p>Stateless and thread-safe.
 */
final class HistoryArrays {
    private HistoryArrays() {
    }

    /**
     * Checks the histories and one output array.
     *
     * @return the common length
     * @throws NullPointerException naming the array that is null
     * @throws IllegalArgumentException if the lengths differ
     */
    static int requireSameLength(double[] x, double[] tx, double[] age, double[] out) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(out, "out");
        int n = x.length;
        if (tx.length != n || age.length != n || out.length != n) {
            throw new IllegalArgumentException("arrays differ in length: x " + n + ", tx "
                    + tx.length + ", T " + age.length + ", out " + out.length);
        }
        return n;
    }

    /**
     * Checks the histories and the two output arrays of
     * {@link PurchaseModel#predict(double, double[], double[], double[], double[], double[], org.crmkit.scoring.Parallelism)}.
     *
     * @return the common length
     * @throws NullPointerException naming the array that is null
     * @throws IllegalArgumentException if the lengths differ
     */
    static int requireSameLength(double[] x, double[] tx, double[] age, double[] expected, double[] alive) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(alive, "alive");
        int n = x.length;
        if (tx.length != n || age.length != n || expected.length != n || alive.length != n) {
            throw new IllegalArgumentException("arrays differ in length: x " + n + ", tx "
                    + tx.length + ", T " + age.length + ", expected " + expected.length
                    + ", alive " + alive.length);
        }
        return n;
    }
}
