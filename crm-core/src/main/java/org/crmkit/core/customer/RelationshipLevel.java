package org.crmkit.core.customer;

/**
 * How close the relationship is, from most distant to closest.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum RelationshipLevel {
    /** Tied to the brand only. */
    BRAND_AFFILIATION,
    /** Served at a distance through technology (web, call centre). */
    TECHNOLOGY_DISTANCED,
    /** Served in person. */
    FACE_TO_FACE,
    /** Close personal relationship. */
    INTIMATE
}
