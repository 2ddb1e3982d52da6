package org.crmkit.core.activity;

/**
 * The kind of a service request.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ServiceKind {
    /** After-sales support. */
    AFTER_SALES,
    /** Warranty claim. */
    WARRANTY,
    /** Installation or set-up. */
    INSTALLATION,
    /** Maintenance or repair. */
    MAINTENANCE
}
