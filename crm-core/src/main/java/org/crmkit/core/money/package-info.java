/**
 * Monetary amounts: an amount always travels with its ISO 4217 currency.
 *
 * <p>Entry points: {@link org.crmkit.core.money.Money} and
 * {@link org.crmkit.core.money.CurrencyMismatchException}.
 */
package org.crmkit.core.money;
