package org.crmkit.core.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;

/** Checks of actor names and the field-by-field comparison behind the audit trail. */
final class Audit {
    static final int MAX_ACTOR = 200;

    private Audit() {
    }

    static String actor(String actor) {
        Objects.requireNonNull(actor, "actor");
        String stripped = actor.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("actor must be 1 to " + MAX_ACTOR + " characters, got " + stripped.length());
        }
        return stripped;
    }

    /** The names of the fields that differ between two versions of a customer, in a stable order. */
    static List<String> changedFields(Customer before, Customer after) {
        List<String> fields = new ArrayList<>();
        if (before.status() != after.status()) {
            fields.add("status");
        }
        if (!before.grade().equals(after.grade())) {
            fields.add("grade");
        }
        components("classification", before.classification(), after.classification(), fields);
        if (before.profile().getClass() != after.profile().getClass()) {
            fields.add("profile");
        } else {
            components("profile", (Record) before.profile(), (Record) after.profile(), fields);
        }
        components("contacts", before.contacts(), after.contacts(), fields);
        for (ContactChannel c : ContactChannel.values()) {
            if (!before.consents().of(c).equals(after.consents().of(c))) {
                fields.add("consents." + c.name());
            }
        }
        if (!before.consentHistory().equals(after.consentHistory())) {
            fields.add("consentHistory");
        }
        if (!before.financial().equals(after.financial())) {
            if (before.financial().isPresent() && after.financial().isPresent()) {
                components("financial", before.financial().get(), after.financial().get(), fields);
            } else {
                fields.add("financial");
            }
        }
        Set<String> names = new TreeSet<>();
        before.attributes().asMap().keySet().stream().map(AttributeKey::qualifiedName).forEach(names::add);
        after.attributes().asMap().keySet().stream().map(AttributeKey::qualifiedName).forEach(names::add);
        for (String name : names) {
            if (!Objects.equals(attribute(before, name), attribute(after, name))) {
                fields.add("attributes." + name);
            }
        }
        if (!before.ownership().equals(after.ownership())) {
            fields.add("ownership");
        }
        if (!before.mergedIds().equals(after.mergedIds())) {
            fields.add("mergedIds");
        }
        return fields;
    }

    static List<AuditEntry> entries(Customer before, Customer after, String actor, Instant at) {
        List<AuditEntry> entries = new ArrayList<>();
        for (String field : changedFields(before, after)) {
            entries.add(new AuditEntry(after.id(), actor, field, at));
        }
        return entries;
    }

    private static Object attribute(Customer c, String qualifiedName) {
        return c.attributes().asMap().entrySet().stream().filter(e -> e.getKey().qualifiedName().equals(qualifiedName))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    private static void components(String prefix, Record a, Record b, List<String> fields) {
        if (a.equals(b)) {
            return;
        }
        for (RecordComponent rc : a.getClass().getRecordComponents()) {
            try {
                Object x = rc.getAccessor().invoke(a);
                Object y = rc.getAccessor().invoke(b);
                if (!Objects.equals(x, y)) {
                    fields.add(prefix + "." + rc.getName());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                fields.add(prefix);
                return;
            }
        }
    }
}
