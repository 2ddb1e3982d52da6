package org.crmkit.core.customer;

/**
 * What kind of customer this is and what is known about it: a {@link PersonProfile}
 * (demographics) or an {@link OrganizationProfile} (firmographics).
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Profile permits PersonProfile, OrganizationProfile {
    /**
     * Returns whether this describes a person or an organization.
     *
     * @return the kind, never null
     */
    CustomerKind kind();

    /**
     * Returns the name to show in lists: the person's full name or the organization's
     * short name (legal name if there is none).
     *
     * @return the display name, never null
     */
    String displayName();
}
