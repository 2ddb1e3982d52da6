package org.crmkit.core.merge;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PostalAddress;

/**
 * What match rules compare of one customer, computed once per customer by the
 * {@link DuplicateDetector}: normalised names and their phonetic codes, e-mail addresses, phone
 * numbers in E.164 form, postal codes and the birth date. The customer itself is there too, for
 * rules of your own.
 *
 * <p>For a person the name is given and family name; for an organisation the legal name
 * without legal-form words (GmbH, Ltd, Inc, ...), as its "family" part with an empty given name.
 * Immutable and thread-safe.
 */
public final class MatchFeatures {
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ltd", "limited", "inc", "llc", "corp",
            "corporation", "co", "plc", "sa", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "ohg", "ug", "mbh");

    private final Customer customer;
    private final String given;
    private final String family;
    private final String foldedGiven;
    private final String foldedFamily;
    private final String givenCode;
    private final String familyCode;
    private final Set<String> emails;
    private final Set<String> phones;
    private final Set<String> postalCodes;
    private final LocalDate birthDate;

    private MatchFeatures(Customer customer, String defaultRegion, Set<String> commonKeys) {
        this.customer = customer;
        if (customer.profile() instanceof PersonProfile p) {
            given = MatchNormalizer.name(p.name().given());
            family = MatchNormalizer.name(p.name().family());
            birthDate = p.birthDate();
        } else {
            OrganizationProfile o = (OrganizationProfile) customer.profile();
            StringBuilder sb = new StringBuilder();
            for (String w : MatchNormalizer.name(o.legalName()).split(" ")) {
                if (!w.isEmpty() && !LEGAL_FORMS.contains(w)) {
                    sb.append(sb.length() > 0 ? " " : "").append(w);
                }
            }
            given = "";
            family = sb.toString();
            birthDate = null;
        }
        foldedGiven = MatchNormalizer.phoneticFold(given);
        foldedFamily = MatchNormalizer.phoneticFold(family);
        givenCode = ColognePhonetics.encode(foldedGiven);
        familyCode = ColognePhonetics.encode(foldedFamily);
        Set<String> e = new LinkedHashSet<>();
        for (Email m : customer.contacts().emails()) {
            String key = MatchNormalizer.email(m.address());
            if (!commonKeys.contains("email:" + key)) {
                e.add(key);
            }
        }
        emails = Set.copyOf(e);
        Set<String> ph = new LinkedHashSet<>();
        String region = region(customer, defaultRegion);
        for (Phone p : customer.contacts().phones()) {
            MatchNormalizer.e164(p.number(), region).filter(k -> !commonKeys.contains("phone:" + k)).ifPresent(ph::add);
        }
        phones = Set.copyOf(ph);
        Set<String> pc = new LinkedHashSet<>();
        for (PostalAddress a : customer.contacts().addresses()) {
            pc.add(a.countryCode() + "|" + a.normalizedPostalCode());
        }
        postalCodes = Set.copyOf(pc);
    }

    private static String region(Customer c, String defaultRegion) {
        for (PostalAddress a : c.contacts().addresses()) {
            if (MatchNormalizer.knowsRegion(a.countryCode())) {
                return a.countryCode();
            }
        }
        return defaultRegion;
    }

    /**
     * Computes the features of a customer.
     *
     * @param customer the customer, not null
     * @param defaultRegion the phone region for numbers without country code when the customer has
     *     no address in a known region, not null
     * @return the features, never null
     * @throws IllegalArgumentException if the region is unknown to {@link MatchNormalizer#e164}
     */
    public static MatchFeatures of(Customer customer, String defaultRegion) {
        return of(customer, defaultRegion, Set.of());
    }

    static MatchFeatures of(Customer customer, String defaultRegion, Set<String> commonKeys) {
        Objects.requireNonNull(customer, "customer");
        MatchNormalizer.e164("+10000000000", Objects.requireNonNull(defaultRegion, "defaultRegion"));
        return new MatchFeatures(customer, defaultRegion, commonKeys);
    }

    /** @return the customer, never null */
    public Customer customer() {
        return customer;
    }

    /** @return the normalised given name, empty for an organisation */
    public String given() {
        return given;
    }

    /** @return the normalised family name, or an organisation's normalised legal name */
    public String family() {
        return family;
    }

    /** @return given and family name, one space between, trimmed */
    public String fullName() {
        return given.isEmpty() ? family : given + " " + family;
    }

    /** @return {@link #fullName()} after {@link MatchNormalizer#phoneticFold}, as the name rule compares it */
    public String foldedName() {
        return foldedGiven.isEmpty() ? foldedFamily : foldedGiven + " " + foldedFamily;
    }

    /** @return the folded name in the other word order (family name first) */
    public String foldedNameSwapped() {
        return foldedGiven.isEmpty() ? foldedFamily : foldedFamily + " " + foldedGiven;
    }

    /** @return the Cologne code of the folded given name */
    public String givenCode() {
        return givenCode;
    }

    /** @return the Cologne code of the folded family name */
    public String familyCode() {
        return familyCode;
    }

    /** @return the normalised e-mail addresses, shared-by-many ones left out */
    public Set<String> emails() {
        return emails;
    }

    /** @return the phone numbers in E.164 form, shared-by-many ones left out */
    public Set<String> phones() {
        return phones;
    }

    /** @return country and normalised postal code of each address, as {@code DE|10115} */
    public Set<String> postalCodes() {
        return postalCodes;
    }

    /** @return the birth date, if a person with a known one */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /** @return true for a person, false for an organisation */
    public boolean isPerson() {
        return customer.profile() instanceof PersonProfile;
    }

    /** Keys of the blocking index: records sharing none are never compared. */
    List<String> blockingKeys() {
        List<String> keys = new java.util.ArrayList<>();
        emails.forEach(e -> keys.add("e:" + e));
        for (Phone p : customer.contacts().phones()) {
            keys.add("d:" + p.normalized()); // the digits, as the exact-key policy compares them
        }
        String exactName = DuplicateDetector.normalizedName(customer);
        if (!exactName.isEmpty()) {
            postalCodes.forEach(pc -> keys.add("n:" + exactName + "|" + pc));
        }
        phones.forEach(p -> keys.add("p:" + p));
        if (!familyCode.isEmpty()) {
            postalCodes.forEach(pc -> keys.add("fp:" + familyCode + "|" + pc));
            if (!given.isEmpty()) {
                keys.add("fg:" + familyCode + "|" + given.charAt(0));
                if (!givenCode.isEmpty()) {
                    keys.add("fg:" + givenCode + "|" + family.charAt(0)); // given and family swapped (Chinese order)
                }
            }
            if (birthDate != null) {
                keys.add("fb:" + family.charAt(0) + "|" + birthDate);
            }
        }
        return keys;
    }
}
