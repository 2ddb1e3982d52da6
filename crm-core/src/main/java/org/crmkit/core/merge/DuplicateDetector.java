package org.crmkit.core.merge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonProfile;

/**
 * Finds customer records that probably describe the same customer, by the rules of a
 * {@link MatchPolicy}: every applicable {@link MatchRule} adds its contribution to a pair's
 * score, and pairs reaching the policy's threshold are candidates, each with its score and
 * evidence.
 *
 * <p>Only records sharing a blocking key are compared, so the work grows with the number of
 * records plus the number of pairs inside blocks, not with its square. Keys: the normalised
 * e-mail, the phone in E.164 and as digits, the exact normalised name with a postal code, the
 * phonetic code of the family name with a postal code, with the given name's initial, and
 * (swapped, for family-name-first names) the given name's code with the family initial, and
 * the family initial with the birth date. A key shared by more than the policy's
 * {@code maxGroupSize} records (a switchboard number, {@code info@} addresses) is not evidence
 * of identity: it forms no block, and e-mail and phone rules do not see it.
 *
 * <p>{@link #standard()} keeps the exact-key matching of earlier versions (shared e-mail,
 * shared phone digits, same normalised name and postal code); {@code of(MatchPolicy.fuzzy())}
 * also finds Müller/Mueller, Jon/John, Meyer/Maier, national against international phone
 * numbers and accented e-mail domains.
 *
 * <p>Normalisation for {@link #normalizedName}: names lower case with accents removed,
 * non-letters dropped, words in the given order (a person's given and family name; an
 * organization's legal name without legal-form words such as GmbH, Ltd or Inc).
 *
 * <pre>{@code
 * List<DuplicateCandidate> pairs = DuplicateDetector.of(MatchPolicy.fuzzy()).find(store.all());
 * }</pre>
 *
 * <p>Immutable and thread-safe (if the policy's rules are).
 */
public final class DuplicateDetector {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ltd", "limited", "inc", "llc", "corp",
            "corporation", "co", "plc", "sa", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as");

    private final MatchPolicy policy;

    private DuplicateDetector(MatchPolicy policy) {
        this.policy = policy;
    }

    /**
     * Returns a detector with the exact-key policy ({@link MatchPolicy#exactKeys()}) that ignores
     * keys shared by more than 50 records.
     *
     * @return the detector, never null
     */
    public static DuplicateDetector standard() {
        return new DuplicateDetector(MatchPolicy.exactKeys());
    }

    /**
     * Returns a detector with the exact-key policy and another limit on records per key.
     *
     * @param maxGroupSize the most records a key may have and still count, at least 2
     * @return the detector, never null
     * @throws IllegalArgumentException if below 2
     */
    public static DuplicateDetector withMaxGroupSize(int maxGroupSize) {
        return new DuplicateDetector(MatchPolicy.exactKeys().toBuilder().maxGroupSize(maxGroupSize).build());
    }

    /**
     * Returns a detector with a policy.
     *
     * @param policy the policy, not null
     * @return the detector, never null
     */
    public static DuplicateDetector of(MatchPolicy policy) {
        return new DuplicateDetector(Objects.requireNonNull(policy, "policy"));
    }

    /** @return the policy, never null */
    public MatchPolicy policy() {
        return policy;
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
        List<Customer> list = new ArrayList<>(customers.size());
        Set<CustomerId> seen = new HashSet<>();
        for (Customer c : customers) {
            Objects.requireNonNull(c, "customers must not contain null");
            if (!seen.add(c.id())) {
                throw new IllegalArgumentException("customer id occurs twice: " + c.id());
            }
            list.add(c);
        }
        // keys shared by too many records are no evidence: count e-mails and phones first
        Map<String, Integer> keyCounts = new HashMap<>();
        List<MatchFeatures> plain = new ArrayList<>(list.size());
        for (Customer c : list) {
            MatchFeatures f = MatchFeatures.of(c, policy.defaultRegion());
            plain.add(f);
            f.emails().forEach(e -> keyCounts.merge("email:" + e, 1, Integer::sum));
            f.phones().forEach(p -> keyCounts.merge("phone:" + p, 1, Integer::sum));
        }
        Set<String> common = new HashSet<>();
        keyCounts.forEach((k, n) -> {
            if (n > policy.maxGroupSize()) {
                common.add(k);
            }
        });
        List<MatchFeatures> features = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            features.add(common.isEmpty() ? plain.get(i) : MatchFeatures.of(list.get(i), policy.defaultRegion(), common));
        }
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            for (String key : new LinkedHashSet<>(features.get(i).blockingKeys())) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
            }
        }
        Set<Long> compared = new HashSet<>();
        List<DuplicateCandidate> result = new ArrayList<>();
        for (List<Integer> block : blocks.values()) {
            if (block.size() < 2 || block.size() > policy.maxGroupSize()) {
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = Math.min(block.get(x), block.get(y));
                    int j = Math.max(block.get(x), block.get(y));
                    if (compared.add((long) i * features.size() + j)) {
                        score(features.get(i), features.get(j)).ifPresent(result::add);
                    }
                }
            }
        }
        result.sort(Comparator.comparing(DuplicateCandidate::first).thenComparing(DuplicateCandidate::second));
        return result;
    }

    /**
     * Scores one pair by the policy, whether or not they share a blocking key.
     *
     * @param a one record, not null
     * @param b another record, not null, with another id
     * @return the candidate if the score reaches the threshold, else empty
     * @throws IllegalArgumentException if both have the same id
     */
    public Optional<DuplicateCandidate> compare(Customer a, Customer b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.id().equals(b.id())) {
            throw new IllegalArgumentException("cannot compare customer " + a.id() + " with itself");
        }
        return score(MatchFeatures.of(a, policy.defaultRegion()), MatchFeatures.of(b, policy.defaultRegion()));
    }

    private Optional<DuplicateCandidate> score(MatchFeatures a, MatchFeatures b) {
        double score = 0;
        List<MatchEvidence> evidence = new ArrayList<>(policy.rules().size());
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        for (MatchRule rule : policy.rules()) {
            Optional<MatchEvidence> e = rule.compare(a, b);
            if (e.isPresent()) {
                evidence.add(e.get());
                score += e.get().contribution();
                if (e.get().contribution() > 0) {
                    reasons.add(e.get().reason());
                }
            }
        }
        if (score < policy.threshold() || reasons.isEmpty()) {
            return Optional.empty();
        }
        CustomerId x = a.customer().id();
        CustomerId y = b.customer().id();
        boolean inOrder = x.compareTo(y) < 0;
        return Optional.of(new DuplicateCandidate(inOrder ? x : y, inOrder ? y : x, reasons, score, evidence));
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
