package org.crmkit.core.merge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PostalAddress;

/**
 * Finds customer records that probably describe the same customer: records sharing a
 * normalised e-mail, a normalised phone number, or a normalised name together with a
 * postal code.
 *
 * <p>Each record's keys go into a hash index, and only records under the same key are
 * paired, so the work grows with the number of records plus the number of candidate pairs,
 * not with the square of the number of records. A key shared by more than
 * {@code maxGroupSize} records (a shared switchboard number, {@code info@} addresses) is
 * not evidence of identity and is skipped.
 *
 * <p>Normalisation: e-mails lower case; phones digits only; names lower case with accents
 * removed, non-letters dropped, words in the given order (a person's given and family name;
 * an organization's legal name without legal-form words such as GmbH, Ltd or Inc);
 * postal codes upper case without spaces or dashes.
 *
 * <pre>{@code
 * List<DuplicateCandidate> pairs = DuplicateDetector.standard().find(store.all());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicateDetector {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ltd", "limited", "inc", "llc", "corp",
            "corporation", "co", "plc", "sa", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as");

    private final int maxGroupSize;

    private DuplicateDetector(int maxGroupSize) {
        this.maxGroupSize = maxGroupSize;
    }

    /**
     * Returns a detector that ignores keys shared by more than 50 records.
     *
     * @return the detector, never null
     */
    public static DuplicateDetector standard() {
        return new DuplicateDetector(50);
    }

    /**
     * Returns a detector with another limit on records per key.
     *
     * @param maxGroupSize the most records a key may have and still count, at least 2
     * @return the detector, never null
     * @throws IllegalArgumentException if below 2
     */
    public static DuplicateDetector withMaxGroupSize(int maxGroupSize) {
        if (maxGroupSize < 2) {
            throw new IllegalArgumentException("maxGroupSize must be at least 2: " + maxGroupSize);
        }
        return new DuplicateDetector(maxGroupSize);
    }

    /**
     * Finds candidate pairs.
     *
     * @param customers the records to compare, not null; ids must be distinct
     * @return the candidates ordered by first and second id, never null
     * @throws IllegalArgumentException if an id occurs twice
     */
    public List<DuplicateCandidate> find(Collection<Customer> customers) {
        Objects.requireNonNull(customers, "customers");
        Map<MatchReason, Map<String, List<CustomerId>>> index = new HashMap<>();
        for (MatchReason r : MatchReason.values()) {
            index.put(r, new HashMap<>());
        }
        Set<CustomerId> seen = new java.util.HashSet<>();
        for (Customer c : customers) {
            Objects.requireNonNull(c, "customers must not contain null");
            if (!seen.add(c.id())) {
                throw new IllegalArgumentException("customer id occurs twice: " + c.id());
            }
            for (String key : emailKeys(c)) {
                index.get(MatchReason.EMAIL).computeIfAbsent(key, k -> new ArrayList<>(2)).add(c.id());
            }
            for (String key : phoneKeys(c)) {
                index.get(MatchReason.PHONE).computeIfAbsent(key, k -> new ArrayList<>(2)).add(c.id());
            }
            for (String key : namePostalKeys(c)) {
                index.get(MatchReason.NAME_AND_POSTAL_CODE).computeIfAbsent(key, k -> new ArrayList<>(2)).add(c.id());
            }
        }
        Map<List<CustomerId>, Set<MatchReason>> pairs = new HashMap<>();
        index.forEach((reason, groups) -> {
            for (List<CustomerId> group : groups.values()) {
                if (group.size() < 2 || group.size() > maxGroupSize) {
                    continue;
                }
                for (int i = 0; i < group.size(); i++) {
                    for (int j = i + 1; j < group.size(); j++) {
                        CustomerId a = group.get(i);
                        CustomerId b = group.get(j);
                        List<CustomerId> pair = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
                        pairs.computeIfAbsent(pair, p -> EnumSet.noneOf(MatchReason.class)).add(reason);
                    }
                }
            }
        });
        List<DuplicateCandidate> result = new ArrayList<>(pairs.size());
        pairs.forEach((pair, reasons) -> result.add(new DuplicateCandidate(pair.get(0), pair.get(1), reasons)));
        result.sort(Comparator.comparing(DuplicateCandidate::first).thenComparing(DuplicateCandidate::second));
        return result;
    }

    private static Set<String> emailKeys(Customer c) {
        Set<String> keys = new LinkedHashSet<>();
        for (Email e : c.contacts().emails()) {
            keys.add(e.normalized());
        }
        return keys;
    }

    private static Set<String> phoneKeys(Customer c) {
        Set<String> keys = new LinkedHashSet<>();
        for (Phone p : c.contacts().phones()) {
            keys.add(p.normalized());
        }
        return keys;
    }

    private static Set<String> namePostalKeys(Customer c) {
        String name = normalizedName(c);
        Set<String> keys = new LinkedHashSet<>();
        if (name.isEmpty()) {
            return keys;
        }
        for (PostalAddress a : c.contacts().addresses()) {
            keys.add(name + '|' + a.countryCode() + '|' + a.normalizedPostalCode());
        }
        return keys;
    }

    /**
     * Returns the normalised name used for matching (see the class description).
     *
     * @param customer the customer, not null
     * @return the normalised name, never null, possibly empty
     */
    public static String normalizedName(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        if (customer.profile() instanceof PersonProfile p) {
            return normalizeWords(p.name().given() + ' ' + p.name().family(), false);
        }
        OrganizationProfile o = (OrganizationProfile) customer.profile();
        return normalizeWords(o.legalName(), true);
    }

    private static String normalizeWords(String text, boolean dropLegalForms) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (String word : NON_LETTERS.split(plain)) {
            if (word.isEmpty() || (dropLegalForms && LEGAL_FORMS.contains(word))) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(word);
        }
        return sb.toString();
    }
}
