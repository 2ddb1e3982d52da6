package org.crmkit.core.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.internal.Check;

/**
 * All the ways to reach a customer: postal addresses, phones (including fax lines),
 * e-mail addresses and web sites, each list in order of preference.
 *
 * <pre>{@code
 * ContactPoints contacts = ContactPoints.empty()
 *         .withEmail(Email.of("ann@example.com"))
 *         .withPhone(Phone.of("+44 20 7946 0000", PhoneType.MOBILE));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param addresses postal addresses, not null
 * @param phones phone and fax numbers, not null
 * @param emails e-mail addresses, not null
 * @param webSites web sites, not null
 */
public record ContactPoints(List<PostalAddress> addresses, List<Phone> phones, List<Email> emails,
        List<WebSite> webSites) {
    private static final ContactPoints EMPTY = new ContactPoints(List.of(), List.of(), List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list or an element is null
     */
    public ContactPoints {
        addresses = Check.list(addresses, "addresses");
        phones = Check.list(phones, "phones");
        emails = Check.list(emails, "emails");
        webSites = Check.list(webSites, "webSites");
    }

    /**
     * Returns contact points without any entry.
     *
     * @return the empty contact points, never null
     */
    public static ContactPoints empty() {
        return EMPTY;
    }

    /**
     * Returns a copy with the address appended (ignored if already present).
     *
     * @param address the address, not null
     * @return the new contact points, never null
     */
    public ContactPoints withAddress(PostalAddress address) {
        return new ContactPoints(append(addresses, address), phones, emails, webSites);
    }

    /**
     * Returns a copy with the phone appended (ignored if already present).
     *
     * @param phone the phone, not null
     * @return the new contact points, never null
     */
    public ContactPoints withPhone(Phone phone) {
        return new ContactPoints(addresses, append(phones, phone), emails, webSites);
    }

    /**
     * Returns a copy with the e-mail appended (ignored if already present).
     *
     * @param email the e-mail, not null
     * @return the new contact points, never null
     */
    public ContactPoints withEmail(Email email) {
        return new ContactPoints(addresses, phones, append(emails, email), webSites);
    }

    /**
     * Returns a copy with the web site appended (ignored if already present).
     *
     * @param webSite the web site, not null
     * @return the new contact points, never null
     */
    public ContactPoints withWebSite(WebSite webSite) {
        return new ContactPoints(addresses, phones, emails, append(webSites, webSite));
    }

    /**
     * Returns the union of both, this one's entries first, without repeating equal entries.
     *
     * @param other the other contact points, not null
     * @return the union, never null
     */
    public ContactPoints union(ContactPoints other) {
        Objects.requireNonNull(other, "other");
        ContactPoints result = this;
        for (PostalAddress a : other.addresses) {
            result = result.withAddress(a);
        }
        for (Phone p : other.phones) {
            result = result.withPhone(p);
        }
        for (Email e : other.emails) {
            result = result.withEmail(e);
        }
        for (WebSite w : other.webSites) {
            result = result.withWebSite(w);
        }
        return result;
    }

    /**
     * Tells whether there is a contact point that the channel can use: an e-mail for
     * EMAIL, a non-fax phone for PHONE, a mobile for SMS, a fax line for FAX and an address
     * for POSTAL_MAIL and VISIT. Consent is not considered here.
     *
     * @param channel the channel, not null
     * @return true if the channel has somewhere to go
     */
    public boolean reaches(ContactChannel channel) {
        return switch (Objects.requireNonNull(channel, "channel")) {
            case EMAIL -> !emails.isEmpty();
            case PHONE -> phones.stream().anyMatch(p -> p.type() != PhoneType.FAX);
            case SMS -> phones.stream().anyMatch(p -> p.type() == PhoneType.MOBILE);
            case FAX -> phones.stream().anyMatch(p -> p.type() == PhoneType.FAX);
            case POSTAL_MAIL, VISIT -> !addresses.isEmpty();
        };
    }

    private static <T> List<T> append(List<T> list, T value) {
        Objects.requireNonNull(value, "value");
        if (list.contains(value)) {
            return list;
        }
        List<T> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }
}
