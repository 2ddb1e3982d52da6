package org.crmkit.core.customer;

/**
 * Whether a customer is a private person (个人消费者) or an organization (企业消费者).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum CustomerKind {
    /** A private person, described by a PersonProfile. */
    PERSON,
    /** A company or other organization, described by an OrganizationProfile. */
    ORGANIZATION
}
