package org.crmkit.core.store;

/**
 * What kind of committed change a {@link ChangeEvent} reports.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ChangeType {
    /** A customer was stored for the first time. */
    CREATED,
    /** A customer record was replaced by a newer version. */
    UPDATED,
    /** A customer and its activities were removed. */
    REMOVED,
    /** An activity was recorded (or replaced) for a customer. */
    ACTIVITY_RECORDED,
    /** A duplicate was merged into this customer. */
    MERGED,
    /** The customer's personal data was erased. */
    ERASED,
    /** A lifecycle record of the customer was stored. */
    LIFECYCLE_STORED
}
