package org.crmkit.core.customer;

import java.util.Objects;

/**
 * Further classification of a customer (客户分类) beside the status: B2B cooperation type,
 * relationship level and relationship type. Each part is null when not classified.
 *
 * <pre>{@code
 * Classification c = Classification.none().withCooperation(CooperationType.FIXED)
 *         .withRelationshipType(RelationshipType.PARTNERSHIP);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param cooperation the cooperation type, or null
 * @param relationshipLevel the relationship level, or null
 * @param relationshipType the relationship type, or null
 */
public record Classification(CooperationType cooperation, RelationshipLevel relationshipLevel,
        RelationshipType relationshipType) {
    private static final Classification NONE = new Classification(null, null, null);

    /**
     * Returns a classification with nothing classified.
     *
     * @return the empty classification, never null
     */
    public static Classification none() {
        return NONE;
    }

    /**
     * Returns a copy with the cooperation type set.
     *
     * @param value the cooperation type, not null
     * @return the copy, never null
     */
    public Classification withCooperation(CooperationType value) {
        return new Classification(Objects.requireNonNull(value, "cooperation"), relationshipLevel, relationshipType);
    }

    /**
     * Returns a copy with the relationship level set.
     *
     * @param value the level, not null
     * @return the copy, never null
     */
    public Classification withRelationshipLevel(RelationshipLevel value) {
        return new Classification(cooperation, Objects.requireNonNull(value, "relationshipLevel"), relationshipType);
    }

    /**
     * Returns a copy with the relationship type set.
     *
     * @param value the type, not null
     * @return the copy, never null
     */
    public Classification withRelationshipType(RelationshipType value) {
        return new Classification(cooperation, relationshipLevel, Objects.requireNonNull(value, "relationshipType"));
    }

    /**
     * Returns this classification with gaps filled from another: each part is this one's if
     * set, else the other's.
     *
     * @param other the other classification, not null
     * @return the combination, never null
     */
    public Classification orElse(Classification other) {
        Objects.requireNonNull(other, "other");
        return new Classification(cooperation != null ? cooperation : other.cooperation,
                relationshipLevel != null ? relationshipLevel : other.relationshipLevel,
                relationshipType != null ? relationshipType : other.relationshipType);
    }
}
