package org.crmkit.core.activity;

/**
 * Status of a complaint: OPEN, then IN_PROGRESS, then RESOLVED or REJECTED.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ComplaintStatus {
    /** Received, nobody working on it. */
    OPEN,
    /** Being handled. */
    IN_PROGRESS,
    /** Closed with a resolution. */
    RESOLVED,
    /** Closed as unfounded. */
    REJECTED
}
