package org.crmkit.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;

/**
 * One line of the audit trail: who changed which field of a customer, and when. It names the
 * field, never its old or new value, so the trail holds no personal data and nothing of an
 * erased customer survives in it.
 *
 * <p>Field names are paths into the customer record: {@code status}, {@code grade},
 * {@code classification.cooperation}, {@code profile.name}, {@code profile.birthDate},
 * {@code contacts.emails}, {@code consents.EMAIL}, {@code consentHistory},
 * {@code financial.bank}, {@code attributes.shop:visits}, {@code ownership},
 * {@code mergedIds}; {@code created}, {@code removed}, {@code merged:ID} and {@code erased}
 * mark whole-record events.
 *
 * <pre>{@code
 * store.update(changed, "rep-ann");
 * store.auditTrail(id);   // [AuditEntry[customerId=C-1, actor=rep-ann, field=consents.EMAIL, at=...]]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param actor who made the change, as the caller named it, not blank, at most 200 characters
 * @param field the field path, not blank
 * @param at when the store committed the change, not null
 */
public record AuditEntry(CustomerId customerId, String actor, String field, Instant at) {
    /**
     * Validates the entry.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the actor or field is blank
     */
    public AuditEntry {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(at, "at");
        actor = Audit.actor(actor);
        Objects.requireNonNull(field, "field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("field must not be blank");
        }
    }

    /**
     * Returns the entries for the fields that differ between two versions of one customer.
     *
     * @param before the stored version, not null
     * @param after the new version, not null, same id
     * @param actor who changed it, not blank
     * @param at when, not null
     * @return one entry per changed field, never null, empty when nothing changed
     * @throws IllegalArgumentException if the ids differ or the actor is blank
     */
    public static List<AuditEntry> changes(Customer before, Customer after, String actor, Instant at) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("cannot compare customer " + before.id() + " with " + after.id());
        }
        return Audit.entries(before, after, Audit.actor(actor), at);
    }
}
