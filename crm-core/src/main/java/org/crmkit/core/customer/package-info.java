/**
 * The customer record (客户档案): identity, person or organization profile, contact
 * points with per-channel consent, financial profile and typed custom attributes.
 *
 * <p>Entry points: {@link org.crmkit.core.customer.Customer} (built with
 * {@link org.crmkit.core.customer.Customer#builder}), {@link org.crmkit.core.customer.CustomerId},
 * {@link org.crmkit.core.customer.PersonProfile}, {@link org.crmkit.core.customer.OrganizationProfile},
 * {@link org.crmkit.core.customer.ContactPoints}, {@link org.crmkit.core.customer.Consents},
 * {@link org.crmkit.core.customer.FinancialProfile} and {@link org.crmkit.core.customer.AttributeKey}.
 * All types are immutable and thread-safe; builders are single-threaded.
 */
package org.crmkit.core.customer;
