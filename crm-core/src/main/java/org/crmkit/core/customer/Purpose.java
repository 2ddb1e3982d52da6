package org.crmkit.core.customer;

/**
 * Why a customer is contacted or their data processed; consent is given per channel and
 * purpose (GDPR Art. 6(1)(a) and Art. 7: consent is given "for one or more specific purposes").
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Purpose {
    /** Offers, newsletters, campaigns. */
    MARKETING,
    /** Messages about the customer's own orders, contracts and service requests. */
    SERVICE,
    /** Automated evaluation of the customer: scoring, segmentation, churn and cross-sell models. */
    PROFILING
}
