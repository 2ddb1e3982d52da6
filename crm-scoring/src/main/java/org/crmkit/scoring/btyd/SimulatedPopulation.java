package org.crmkit.scoring.btyd;

/**
 * A simulated population: one summary row per customer and, optionally, the transaction
 * log (repeat purchases only; each customer's first purchase is at time 0).
 *
 * @param frequency the number of repeat purchases per customer
 * @param recency the time (or opportunity) of the last repeat purchase, 0 without any
 * @param age the length of observation {@code T} (or the number of opportunities {@code n})
 * @param transactionCustomer the customer index of each logged transaction, empty when not kept
 * @param transactionTime the time (or opportunity) of each logged transaction
 */
record SimulatedPopulation(double[] frequency, double[] recency, double[] age,
        int[] transactionCustomer, double[] transactionTime) {
}
