package org.crmkit.scoring.btyd;

/**
 * A model of the value of a customer's transactions, such as Gamma-Gamma.
 *
 * <pre>{@code
 * SpendModel gg = GammaGamma.of(6.25, 3.74, 15.44);
 * double spend = gg.conditionalExpectedSpend(2, 22.35);
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface SpendModel extends FittedModel {

    /**
     * Returns the expected mean transaction value of a customer with {@code x} repeat
     * purchases of mean value {@code m}; for {@code x = 0} the population mean.
     *
     * @param frequency the number of repeat purchases x, a whole number {@code >= 0}
     * @param monetary the mean value of those purchases, {@code > 0} when x is positive
     * @return the expected spend per transaction, finite
     * @throws IllegalArgumentException if the arguments are invalid
     * @throws IllegalStateException if the model's mean does not exist for these
     *     parameters
     */
    double conditionalExpectedSpend(double frequency, double monetary);

    /**
     * Returns the mean transaction value of a randomly chosen customer.
     *
     * @return the population mean spend, finite
     * @throws IllegalStateException if the mean does not exist for these parameters
     */
    double populationMeanSpend();
}
