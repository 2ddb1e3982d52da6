/**
 * Who is responsible for a customer: account-manager assignments with their full
 * hand-over history, so that a rep who leaves does not take the customer's history along.
 *
 * <p>Entry point: {@link org.crmkit.core.ownership.Ownership}.
 */
package org.crmkit.core.ownership;
