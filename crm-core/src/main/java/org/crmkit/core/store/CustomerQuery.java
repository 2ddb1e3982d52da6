package org.crmkit.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.customer.Classification;
import org.crmkit.core.customer.CooperationType;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerGrade;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.core.customer.RelationshipType;

/**
 * Which customers {@link CustomerStore#find(CustomerQuery)} returns: every criterion set must
 * hold (AND); results come in id order, at most {@link #limit()} of them, starting after
 * {@link #after()} (keyset paging: pass the last id of one page to get the next).
 *
 * <pre>{@code
 * CustomerQuery q = CustomerQuery.builder().status(CustomerStatus.CURRENT)
 *         .changedSince(Instant.parse("2026-06-01T00:00:00Z")).limit(500).build();
 * List<Customer> page = store.find(q);
 * List<Customer> next = store.find(q.after(page.get(page.size() - 1).id()));
 * store.stream(CustomerQuery.all()).forEach(...);   // every customer, page by page
 * }</pre>
 *
 * <p>E-mail addresses match in lower case, phone numbers by their digits
 * ({@link Email#normalized()}, {@link Phone#normalized()}). Immutable and thread-safe.
 */
public final class CustomerQuery {
    /** Default page size. */
    public static final int DEFAULT_LIMIT = 1_000;
    /** Largest page size. */
    public static final int MAX_LIMIT = 100_000;
    private static final CustomerQuery ALL = builder().build();

    private final CustomerStatus status;
    private final CustomerGrade grade;
    private final CooperationType cooperation;
    private final RelationshipLevel relationshipLevel;
    private final RelationshipType relationshipType;
    private final Instant changedSince;
    private final String email;
    private final String phone;
    private final CustomerId after;
    private final int limit;

    private CustomerQuery(Builder b, CustomerId after) {
        this.status = b.status;
        this.grade = b.grade;
        this.cooperation = b.cooperation;
        this.relationshipLevel = b.relationshipLevel;
        this.relationshipType = b.relationshipType;
        this.changedSince = b.changedSince;
        this.email = b.email;
        this.phone = b.phone;
        this.limit = b.limit;
        this.after = after;
    }

    /** @return a query for every customer, in pages of {@value #DEFAULT_LIMIT} */
    public static CustomerQuery all() {
        return ALL;
    }

    /** @return a new builder, never null */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the same query for the page after a customer id.
     *
     * @param lastSeen the last id of the previous page, not null
     * @return the query, never null
     */
    public CustomerQuery after(CustomerId lastSeen) {
        Builder b = toBuilder();
        return new CustomerQuery(b, Objects.requireNonNull(lastSeen, "lastSeen"));
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.status = status;
        b.grade = grade;
        b.cooperation = cooperation;
        b.relationshipLevel = relationshipLevel;
        b.relationshipType = relationshipType;
        b.changedSince = changedSince;
        b.email = email;
        b.phone = phone;
        b.limit = limit;
        return b;
    }

    /** @return the status required, or empty */
    public Optional<CustomerStatus> status() {
        return Optional.ofNullable(status);
    }

    /** @return the grade required, or empty */
    public Optional<CustomerGrade> grade() {
        return Optional.ofNullable(grade);
    }

    /** @return the cooperation type required, or empty */
    public Optional<CooperationType> cooperation() {
        return Optional.ofNullable(cooperation);
    }

    /** @return the relationship level required, or empty */
    public Optional<RelationshipLevel> relationshipLevel() {
        return Optional.ofNullable(relationshipLevel);
    }

    /** @return the relationship type required, or empty */
    public Optional<RelationshipType> relationshipType() {
        return Optional.ofNullable(relationshipType);
    }

    /** @return the earliest last-change instant (inclusive), or empty */
    public Optional<Instant> changedSince() {
        return Optional.ofNullable(changedSince);
    }

    /** @return the normalised e-mail required, or empty */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /** @return the normalised phone number required, or empty */
    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    /** @return the id after which the page starts, or empty for the first page */
    public Optional<CustomerId> after() {
        return Optional.ofNullable(after);
    }

    /** @return the most customers returned, 1 to {@value #MAX_LIMIT} */
    public int limit() {
        return limit;
    }

    /**
     * Tells whether a customer meets the criteria other than paging and change time; for
     * stores that filter in memory.
     *
     * @param c the customer, not null
     * @return true if it matches
     */
    public boolean matches(Customer c) {
        Classification k = c.classification();
        return (status == null || c.status() == status)
                && (grade == null || c.grade().orElse(null) == grade)
                && (cooperation == null || k.cooperation() == cooperation)
                && (relationshipLevel == null || k.relationshipLevel() == relationshipLevel)
                && (relationshipType == null || k.relationshipType() == relationshipType)
                && (email == null || c.contacts().emails().stream().anyMatch(e -> e.normalized().equals(email)))
                && (phone == null || c.contacts().phones().stream().anyMatch(p -> p.normalized().equals(phone)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerQuery q && status == q.status && grade == q.grade && cooperation == q.cooperation
                && relationshipLevel == q.relationshipLevel && relationshipType == q.relationshipType
                && Objects.equals(changedSince, q.changedSince) && Objects.equals(email, q.email)
                && Objects.equals(phone, q.phone) && Objects.equals(after, q.after) && limit == q.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, grade, cooperation, relationshipLevel, relationshipType, changedSince, email, phone,
                after, limit);
    }

    /**
     * Returns the criteria set, with e-mail and phone masked.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "CustomerQuery[status=" + status + ", grade=" + grade + ", cooperation=" + cooperation
                + ", relationshipLevel=" + relationshipLevel + ", relationshipType=" + relationshipType
                + ", changedSince=" + changedSince + ", email=" + (email == null ? null : "***") + ", phone="
                + (phone == null ? null : "***") + ", after=" + after + ", limit=" + limit + "]";
    }

    /** Builds a {@link CustomerQuery}; each criterion at most once. Not thread-safe. */
    public static final class Builder {
        private CustomerStatus status;
        private CustomerGrade grade;
        private CooperationType cooperation;
        private RelationshipLevel relationshipLevel;
        private RelationshipType relationshipType;
        private Instant changedSince;
        private String email;
        private String phone;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /**
         * Requires a status.
         *
         * @param value not null
         * @return this builder
         */
        public Builder status(CustomerStatus value) {
            status = Objects.requireNonNull(value, "status");
            return this;
        }

        /**
         * Requires a grade.
         *
         * @param value not null
         * @return this builder
         */
        public Builder grade(CustomerGrade value) {
            grade = Objects.requireNonNull(value, "grade");
            return this;
        }

        /**
         * Requires a cooperation type.
         *
         * @param value not null
         * @return this builder
         */
        public Builder cooperation(CooperationType value) {
            cooperation = Objects.requireNonNull(value, "cooperation");
            return this;
        }

        /**
         * Requires a relationship level.
         *
         * @param value not null
         * @return this builder
         */
        public Builder relationshipLevel(RelationshipLevel value) {
            relationshipLevel = Objects.requireNonNull(value, "relationshipLevel");
            return this;
        }

        /**
         * Requires a relationship type.
         *
         * @param value not null
         * @return this builder
         */
        public Builder relationshipType(RelationshipType value) {
            relationshipType = Objects.requireNonNull(value, "relationshipType");
            return this;
        }

        /**
         * Requires a last change at or after an instant.
         *
         * @param value not null
         * @return this builder
         */
        public Builder changedSince(Instant value) {
            changedSince = Objects.requireNonNull(value, "changedSince");
            return this;
        }

        /**
         * Requires an e-mail address (the external key), compared in lower case.
         *
         * @param value not null
         * @return this builder
         */
        public Builder email(Email value) {
            email = Objects.requireNonNull(value, "email").normalized();
            return this;
        }

        /**
         * Requires a phone number (the external key), compared by its digits.
         *
         * @param value not null
         * @return this builder
         */
        public Builder phone(Phone value) {
            phone = Objects.requireNonNull(value, "phone").normalized();
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param value 1 to {@value #MAX_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder limit(int value) {
            if (value < 1 || value > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + value);
            }
            limit = value;
            return this;
        }

        /** @return the query, never null */
        public CustomerQuery build() {
            return new CustomerQuery(this, null);
        }
    }
}
