package org.crmkit.core.json;

import java.util.Set;
import org.crmkit.core.customer.Attributes;
import org.crmkit.core.customer.Classification;
import org.crmkit.core.customer.ConsentHistory;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerGrade;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.FinancialProfile;
import org.crmkit.core.customer.Profile;
import org.crmkit.core.ownership.Ownership;

/** The JSON shape of a customer: the fields of {@link Customer} plus the schema version. */
record CustomerDocument(Integer schemaVersion, CustomerId id, long version, CustomerStatus status,
        CustomerGrade grade, Classification classification, Profile profile, ContactPoints contacts, Consents consents,
        ConsentHistory consentHistory, FinancialProfile financial,
        Attributes attributes, Ownership ownership, Set<CustomerId> mergedIds) {

    CustomerDocument {
        if (schemaVersion == null) {
            throw new IllegalArgumentException("schemaVersion is missing");
        }
        if (schemaVersion != CrmJson.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported schemaVersion " + schemaVersion + " (this library reads "
                    + CrmJson.SCHEMA_VERSION + ")");
        }
    }

    static CustomerDocument of(Customer c) {
        return new CustomerDocument(CrmJson.SCHEMA_VERSION, c.id(), c.version(), c.status(), c.grade().orElse(null),
                c.classification(), c.profile(), c.contacts(), c.consents(),
                c.consentHistory().isEmpty() ? null : c.consentHistory(), c.financial().orElse(null), c.attributes(), c.ownership(),
                c.mergedIds());
    }

    Customer toCustomer() {
        if (id == null) {
            throw new IllegalArgumentException("id is missing");
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile is missing");
        }
        Customer.Builder b = Customer.builder(id, profile).version(version);
        if (status != null) {
            b.status(status);
        }
        if (grade != null) {
            b.grade(grade);
        }
        if (classification != null) {
            b.classification(classification);
        }
        if (contacts != null) {
            b.contacts(contacts);
        }
        if (consents != null) {
            b.consents(consents);
        }
        if (consentHistory != null) {
            b.consentHistory(consentHistory);
        }
        if (financial != null) {
            b.financial(financial);
        }
        if (attributes != null) {
            b.attributes(attributes);
        }
        if (ownership != null) {
            b.ownership(ownership);
        }
        if (mergedIds != null) {
            b.mergedIds(mergedIds);
        }
        return b.build();
    }
}
