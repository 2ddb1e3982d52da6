package org.crmkit.core.customer;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.internal.Check;
import org.crmkit.core.ownership.Ownership;

/**
 * The customer record (客户档案): one integrated view of a person or organization with
 * profile, contact points, per-channel consent, financial profile, custom attributes and
 * account ownership.
 *
 * <p>A customer is an immutable snapshot; every change returns a new instance. The
 * {@linkplain #version() version} is managed by a
 * {@link org.crmkit.core.store.CustomerStore}: it is 0 for a customer never stored and is
 * raised by one on every successful update, so that a stale update is detected.
 *
 * <pre>{@code
 * Customer ann = Customer.builder(CustomerId.of("C-1"),
 *                 PersonProfile.builder(PersonName.of("Ann", "Lee"), clock).build())
 *         .status(CustomerStatus.CURRENT)
 *         .contacts(ContactPoints.empty().withEmail(Email.of("ann@example.com")))
 *         .consents(Consents.none().grant(ContactChannel.EMAIL, clock.instant()))
 *         .build();
 * ann.contactable(ContactChannel.EMAIL);   // true
 * }</pre>
 *
 * <p>{@link #toString()} masks personal data. Immutable and thread-safe.
 */
public final class Customer {
    private final CustomerId id;
    private final long version;
    private final CustomerStatus status;
    private final CustomerGrade grade;
    private final Classification classification;
    private final Profile profile;
    private final ContactPoints contacts;
    private final Consents consents;
    private final ConsentHistory consentHistory;
    private final FinancialProfile financial;
    private final Attributes attributes;
    private final Ownership ownership;
    private final Set<CustomerId> mergedIds;

    private Customer(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.status = b.status;
        this.grade = b.grade;
        this.classification = b.classification;
        this.profile = b.profile;
        this.contacts = b.contacts;
        this.consents = b.consents;
        this.consentHistory = b.consentHistory;
        this.financial = b.financial;
        this.attributes = b.attributes;
        this.ownership = b.ownership;
        this.mergedIds = b.mergedIds;
        if (mergedIds.contains(id)) {
            throw new IllegalArgumentException("customer " + id + " cannot list itself as merged away");
        }
    }

    /**
     * Starts a builder for a new customer (version 0, status POTENTIAL, nothing else known).
     *
     * @param id the identifier, not null
     * @param profile the person or organization profile, not null
     * @return a new builder, never null
     */
    public static Builder builder(CustomerId id, Profile profile) {
        return new Builder(id, profile);
    }

    /**
     * Returns a builder holding this customer's values, to derive a changed copy.
     * Unlike a fresh builder it allows each value to be replaced once.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, profile);
        b.version = version;
        b.status = status;
        b.grade = grade;
        b.classification = classification;
        b.contacts = contacts;
        b.consents = consents;
        b.consentHistory = consentHistory;
        b.financial = financial;
        b.attributes = attributes;
        b.ownership = ownership;
        b.mergedIds = mergedIds;
        return b;
    }

    /** @return the identifier, never null */
    public CustomerId id() {
        return id;
    }

    /** @return the store version (0 if never stored) */
    public long version() {
        return version;
    }

    /** @return person or organization, never null */
    public CustomerKind kind() {
        return profile.kind();
    }

    /** @return the status, never null */
    public CustomerStatus status() {
        return status;
    }

    /** @return the grade within the status, or empty */
    public Optional<CustomerGrade> grade() {
        return Optional.ofNullable(grade);
    }

    /** @return cooperation type, relationship level and type, never null (parts may be null) */
    public Classification classification() {
        return classification;
    }

    /** @return the person or organization profile, never null */
    public Profile profile() {
        return profile;
    }

    /** @return the person profile, or empty for an organization */
    public Optional<PersonProfile> person() {
        return profile instanceof PersonProfile p ? Optional.of(p) : Optional.empty();
    }

    /** @return the organization profile, or empty for a person */
    public Optional<OrganizationProfile> organization() {
        return profile instanceof OrganizationProfile o ? Optional.of(o) : Optional.empty();
    }

    /** @return the contact points, never null */
    public ContactPoints contacts() {
        return contacts;
    }

    /** @return the per-channel consents, never null */
    public Consents consents() {
        return consents;
    }

    /** @return the consent history per channel and purpose, never null */
    public ConsentHistory consentHistory() {
        return consentHistory;
    }

    /** @return the financial profile, or empty if unknown */
    public Optional<FinancialProfile> financial() {
        return Optional.ofNullable(financial);
    }

    /** @return the custom attributes, never null */
    public Attributes attributes() {
        return attributes;
    }

    /** @return the account-manager assignments with history, never null */
    public Ownership ownership() {
        return ownership;
    }

    /** @return ids of customer records merged into this one, sorted, never null */
    public Set<CustomerId> mergedIds() {
        return mergedIds;
    }

    /**
     * Tells whether the customer may be contacted on a channel now: consent granted, no
     * do-not-contact, and a contact point the channel can use.
     *
     * @param channel the channel, not null
     * @return true if contact is allowed and possible
     */
    public boolean contactable(ContactChannel channel) {
        return consents.permits(channel) && contacts.reaches(channel);
    }

    /**
     * Tells whether the customer may be contacted on a channel for a purpose at an instant.
     *
     * <p>Rules, in order:
     * <ol>
     * <li>the channel needs a contact point that can use it;</li>
     * <li>a do-not-contact on the channel ({@link #optOut}) in force at {@code at} forbids every purpose;</li>
     * <li>the {@linkplain #consentHistory() consent record} for the channel and purpose in force at
     *     {@code at} decides: an unexpired grant allows contact, a withdrawal forbids it;</li>
     * <li>with no record for the purpose, the per-channel consent of the older API
     *     ({@link #consents()}) counts for MARKETING and SERVICE if it was granted by {@code at},
     *     and never for PROFILING, which needs a record of its own.</li>
     * </ol>
     *
     * <pre>{@code
     * customer.contactable(ContactChannel.EMAIL, Purpose.MARKETING, clock.instant());
     * }</pre>
     *
     * @param channel the channel, not null
     * @param purpose the purpose, not null
     * @param at the instant, not null
     * @return true if contact for that purpose is allowed and possible
     */
    public boolean contactable(ContactChannel channel, Purpose purpose, Instant at) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        if (!contacts.reaches(channel)) {
            return false;
        }
        Optional<ChannelConsent> legacy = consents.of(channel);
        if (legacy.isPresent() && legacy.get().doNotContact() && !legacy.get().recordedAt().isAfter(at)) {
            return false;
        }
        Optional<ConsentRecord> record = consentHistory.latestAt(channel, purpose, at);
        if (record.isPresent()) {
            return record.get().permitsAt(at);
        }
        return purpose != Purpose.PROFILING && legacy.isPresent() && legacy.get().permitsContact()
                && !legacy.get().recordedAt().isAfter(at);
    }

    /**
     * Returns a copy with one more consent record (grant or withdrawal for a channel and purpose).
     *
     * @param record the record, not null
     * @return the changed customer, never null
     * @throws IllegalArgumentException if the record is older than the latest for its channel and purpose
     */
    public Customer withConsent(ConsentRecord record) {
        return toBuilder().consentHistory(consentHistory.with(record)).build();
    }

    /**
     * Returns whether each channel is contactable, as {@link #contactable} decides.
     *
     * @return an unmodifiable map with every channel, never null
     */
    public Map<ContactChannel, Boolean> contactability() {
        Map<ContactChannel, Boolean> map = new EnumMap<>(ContactChannel.class);
        for (ContactChannel c : ContactChannel.values()) {
            map.put(c, contactable(c));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Returns a copy in which the customer has opted out of a channel; the channel is
     * reported as not contactable from then on.
     *
     * @param channel the channel, not null
     * @param at when the customer opted out, not null
     * @return the changed customer, never null
     * @throws IllegalArgumentException if {@code at} is older than the channel's last consent record
     */
    public Customer optOut(ContactChannel channel, Instant at) {
        return toBuilder().consents(consents.optOut(channel, at)).build();
    }

    /**
     * Returns a copy with a custom attribute set.
     *
     * @param key the key, not null
     * @param value the value, not null
     * @param <T> the value type
     * @return the changed customer, never null
     * @throws IllegalArgumentException if the name is used with another type
     */
    public <T> Customer withAttribute(AttributeKey<T> key, T value) {
        return toBuilder().attributes(attributes.with(key, value)).build();
    }

    /**
     * Returns a copy with another version number; used by store implementations.
     *
     * @param newVersion the version, not negative
     * @return the copy, never null
     * @throws IllegalArgumentException if negative
     */
    public Customer withVersion(long newVersion) {
        Builder b = toBuilder();
        b.version = checkVersion(newVersion);
        return b.build();
    }

    private static long checkVersion(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        return version;
    }

    /**
     * Compares all fields including the version.
     *
     * @param obj the other object, may be null
     * @return true if equal
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Customer c && id.equals(c.id) && version == c.version && status == c.status
                && grade == c.grade && classification.equals(c.classification) && profile.equals(c.profile) && contacts.equals(c.contacts)
                && consents.equals(c.consents) && consentHistory.equals(c.consentHistory) && Objects.equals(financial, c.financial)
                && attributes.equals(c.attributes) && ownership.equals(c.ownership) && mergedIds.equals(c.mergedIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, status, grade, classification, profile, contacts, consents, consentHistory, financial, attributes,
                ownership, mergedIds);
    }

    /**
     * Returns a description with personal data masked.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "Customer[id=" + id + ", version=" + version + ", kind=" + kind() + ", status=" + status
                + ", grade=" + grade + ", classification=" + classification + ", profile=" + profile + ", contacts=" + contacts  + ", consents=" + consents
                + ", consentHistory=" + consentHistory.records().size() + " records, financial=" + financial + ", attributes=" + attributes + ", ownership=" + ownership
                + ", mergedIds=" + mergedIds + "]";
    }

    /**
     * Builds a {@link Customer}. On a fresh builder each setter may be called once; on a
     * builder from {@link Customer#toBuilder()} each value may be replaced once. A builder
     * is not thread-safe; the customer it builds is immutable.
     */
    public static final class Builder {
        private final CustomerId id;
        private final Profile profile;
        private long version;
        private CustomerStatus status = CustomerStatus.POTENTIAL;
        private CustomerGrade grade;
        private Classification classification = Classification.none();
        private ContactPoints contacts = ContactPoints.empty();
        private Consents consents = Consents.none();
        private ConsentHistory consentHistory = ConsentHistory.none();
        private FinancialProfile financial;
        private Attributes attributes = Attributes.none();
        private Ownership ownership = Ownership.none();
        private Set<CustomerId> mergedIds = Set.of();
        private final Set<String> set = new HashSet<>();

        private Builder(CustomerId id, Profile profile) {
            this.id = Objects.requireNonNull(id, "id");
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        private void once(String field) {
            if (!set.add(field)) {
                throw new IllegalStateException(field + " was already set on this builder");
            }
        }

        /**
         * Sets the version (for stores and deserialisation).
         *
         * @param value the version, not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder version(long value) {
            once("version");
            version = checkVersion(value);
            return this;
        }

        /**
         * Sets the status.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder status(CustomerStatus value) {
            once("status");
            status = Objects.requireNonNull(value, "status");
            return this;
        }

        /**
         * Sets the grade.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder grade(CustomerGrade value) {
            once("grade");
            grade = Objects.requireNonNull(value, "grade");
            return this;
        }

        /**
         * Sets the classification.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder classification(Classification value) {
            once("classification");
            classification = Objects.requireNonNull(value, "classification");
            return this;
        }

        /**
         * Sets the contact points.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder contacts(ContactPoints value) {
            once("contacts");
            contacts = Objects.requireNonNull(value, "contacts");
            return this;
        }

        /**
         * Sets the consents.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder consents(Consents value) {
            once("consents");
            consents = Objects.requireNonNull(value, "consents");
            return this;
        }

        /**
         * Sets the consent history per channel and purpose.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder consentHistory(ConsentHistory value) {
            once("consentHistory");
            consentHistory = Objects.requireNonNull(value, "consentHistory");
            return this;
        }

        /**
         * Sets the financial profile.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder financial(FinancialProfile value) {
            once("financial");
            financial = Objects.requireNonNull(value, "financial");
            return this;
        }

        /**
         * Sets the custom attributes.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder attributes(Attributes value) {
            once("attributes");
            attributes = Objects.requireNonNull(value, "attributes");
            return this;
        }

        /**
         * Sets the ownership.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder ownership(Ownership value) {
            once("ownership");
            ownership = Objects.requireNonNull(value, "ownership");
            return this;
        }

        /**
         * Sets the ids of records merged into this one.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder mergedIds(Set<CustomerId> value) {
            once("mergedIds");
            mergedIds = Check.sortedSet(value, "mergedIds");
            return this;
        }

        /**
         * Builds the customer.
         *
         * @return the customer, never null
         * @throws IllegalArgumentException if the customer lists its own id as merged away
         */
        public Customer build() {
            return new Customer(this);
        }
    }
}
