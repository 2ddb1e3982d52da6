/**
 * Complaint and service-request statistics per period, channel, category and account
 * manager: counts and rate per 1,000 customers, resolution time and open age
 * distributions, first-contact resolution, reopened and rejected shares, and breaches of a
 * service-level target.
 *
 * <p>Entry points: {@link org.crmkit.scoring.service.ServiceCase} (from crm-core
 * complaints and service requests) and {@link org.crmkit.scoring.service.ServiceStatistics}.
 */
package org.crmkit.scoring.service;
