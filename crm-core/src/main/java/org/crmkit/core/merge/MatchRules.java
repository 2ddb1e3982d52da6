package org.crmkit.core.merge;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PostalAddress;

/**
 * The built-in {@link MatchRule}s. Each adds its weight (scaled by similarity where it has one)
 * when its evidence agrees, and some subtract a weight when it disagrees, in the manner of the
 * agreement and disagreement weights of Fellegi and Sunter ("A theory for record linkage",
 * JASA 64 (1969) 1183-1210), here chosen by hand and checked on labelled simulated data (see
 * {@link MatchPolicy#fuzzy()}).
 *
 * <pre>{@code
 * MatchPolicy policy = MatchPolicy.builder()
 *         .rule(MatchRules.email(7)).rule(MatchRules.name(4.5, 5, 0.85)).rule(MatchRules.postalCode(3))
 *         .threshold(8).build();
 * }</pre>
 *
 * <p>Rules are immutable and thread-safe.
 */
public final class MatchRules {
    private MatchRules() {
    }

    private static double weight(double w, String name) {
        if (!(w >= 0) || !Double.isFinite(w)) {
            throw new IllegalArgumentException(name + " must be finite and not negative: " + w);
        }
        return w;
    }

    private record Rule(String name, Comparison comparison) implements MatchRule {
        @Override
        public Optional<MatchEvidence> compare(MatchFeatures a, MatchFeatures b) {
            return comparison.compare(a, b);
        }
    }

    private interface Comparison {
        Optional<MatchEvidence> compare(MatchFeatures a, MatchFeatures b);
    }

    /**
     * A shared e-mail address adds {@code weight}.
     *
     * @param weight the points, not negative
     * @return the rule, never null
     */
    public static MatchRule email(double weight) {
        double w = weight(weight, "weight");
        return new Rule("email", (a, b) -> intersects(a.emails(), b.emails())
                ? Optional.of(new MatchEvidence("email", MatchReason.EMAIL, 1.0, w)) : Optional.empty());
    }

    /**
     * A shared phone number (E.164) adds {@code weight}.
     *
     * @param weight the points, not negative
     * @return the rule, never null
     */
    public static MatchRule phone(double weight) {
        double w = weight(weight, "weight");
        return new Rule("phone", (a, b) -> intersects(a.phones(), b.phones())
                ? Optional.of(new MatchEvidence("phone", MatchReason.PHONE, 1.0, w)) : Optional.empty());
    }

    /**
     * Compares the full names, folded by {@link MatchNormalizer#phoneticFold}, by Jaro-Winkler
     * similarity {@code s} (the better of the two word orders, for family-name-first names): at or above {@code minimum} it adds
     * {@code agree * (s - minimum) / (1 - minimum)}, so equal names add {@code agree}; below it
     * subtracts {@code disagree}. Records of different kinds (person, organisation) never agree.
     *
     * @param agree the points for equal names, not negative
     * @param disagree the points taken for unlike names, not negative
     * @param minimum the similarity from which names count as alike, in (0, 1)
     * @return the rule, never null
     * @throws IllegalArgumentException if a weight is negative or the minimum outside (0, 1)
     */
    public static MatchRule name(double agree, double disagree, double minimum) {
        double wa = weight(agree, "agree");
        double wd = weight(disagree, "disagree");
        if (!(minimum > 0 && minimum < 1)) {
            throw new IllegalArgumentException("minimum must be in (0, 1): " + minimum);
        }
        return new Rule("name", (a, b) -> {
            if (a.family().isEmpty() || b.family().isEmpty()) {
                return Optional.empty();
            }
            if (a.isPerson() != b.isPerson()) {
                return Optional.of(new MatchEvidence("name", MatchReason.NAME, 0.0, -wd));
            }
            double s = JaroWinkler.similarity(a.foldedName(), b.foldedName());
            if (!a.given().isEmpty() && !b.given().isEmpty()) {
                s = Math.max(s, JaroWinkler.similarity(a.foldedName(), b.foldedNameSwapped()));
            }
            double contribution = s >= minimum ? wa * (s - minimum) / (1 - minimum) : -wd;
            return Optional.of(new MatchEvidence("name", MatchReason.NAME, s, contribution));
        });
    }

    /**
     * Equal Cologne codes of given and family name (after {@link MatchNormalizer#phoneticFold};
     * either word order) add {@code weight}: Meyer and Maier, Hsu and Xu.
     *
     * @param weight the points, not negative
     * @return the rule, never null
     */
    public static MatchRule phoneticName(double weight) {
        double w = weight(weight, "weight");
        return new Rule("phonetic-name", (a, b) -> {
            if (a.familyCode().isEmpty() || b.familyCode().isEmpty()) {
                return Optional.empty();
            }
            boolean same = a.familyCode().equals(b.familyCode()) && a.givenCode().equals(b.givenCode());
            boolean swapped = !a.givenCode().isEmpty() && a.familyCode().equals(b.givenCode())
                    && a.givenCode().equals(b.familyCode());
            return same || swapped ? Optional.of(new MatchEvidence("phonetic-name", MatchReason.NAME_PHONETIC, 1.0, w))
                    : Optional.empty();
        });
    }

    /**
     * A shared postal code (same country) adds {@code weight}.
     *
     * @param weight the points, not negative
     * @return the rule, never null
     */
    public static MatchRule postalCode(double weight) {
        double w = weight(weight, "weight");
        return new Rule("postal-code", (a, b) -> intersects(a.postalCodes(), b.postalCodes())
                ? Optional.of(new MatchEvidence("postal-code", MatchReason.POSTAL_CODE, 1.0, w)) : Optional.empty());
    }

    /**
     * Equal birth dates add {@code agree}; two known, different ones subtract {@code disagree}.
     *
     * @param agree the points for equal dates, not negative
     * @param disagree the points taken for different dates, not negative
     * @return the rule, never null
     */
    public static MatchRule birthDate(double agree, double disagree) {
        double wa = weight(agree, "agree");
        double wd = weight(disagree, "disagree");
        return new Rule("birth-date", (a, b) -> {
            if (a.birthDate().isEmpty() || b.birthDate().isEmpty()) {
                return Optional.empty();
            }
            boolean same = a.birthDate().equals(b.birthDate());
            return Optional.of(new MatchEvidence("birth-date", MatchReason.BIRTH_DATE, same ? 1.0 : 0.0, same ? wa : -wd));
        });
    }

    /**
     * The exact-key rule of earlier versions: an e-mail address equal in lower case scores 1.
     *
     * @return the rule, never null
     */
    public static MatchRule exactEmail() {
        return new Rule("exact-email", (a, b) -> {
            Set<String> x = new java.util.HashSet<>();
            for (Email e : a.customer().contacts().emails()) {
                x.add(e.normalized());
            }
            for (Email e : b.customer().contacts().emails()) {
                if (x.contains(e.normalized())) {
                    return Optional.of(new MatchEvidence("exact-email", MatchReason.EMAIL, 1.0, 1.0));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The exact-key rule of earlier versions: a phone number equal in its digits scores 1.
     *
     * @return the rule, never null
     */
    public static MatchRule exactPhone() {
        return new Rule("exact-phone", (a, b) -> {
            Set<String> x = new java.util.HashSet<>();
            for (Phone p : a.customer().contacts().phones()) {
                x.add(p.normalized());
            }
            for (Phone p : b.customer().contacts().phones()) {
                if (x.contains(p.normalized())) {
                    return Optional.of(new MatchEvidence("exact-phone", MatchReason.PHONE, 1.0, 1.0));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The exact-key rule of earlier versions: the same name as {@link DuplicateDetector#normalizedName}
     * gives it and a shared postal code (same country) score 1.
     *
     * @return the rule, never null
     */
    public static MatchRule exactNameAndPostalCode() {
        return new Rule("exact-name-postal-code", (a, b) -> {
            String name = DuplicateDetector.normalizedName(a.customer());
            if (name.isEmpty() || !name.equals(DuplicateDetector.normalizedName(b.customer()))) {
                return Optional.empty();
            }
            Set<String> x = new java.util.HashSet<>();
            for (PostalAddress p : a.customer().contacts().addresses()) {
                x.add(p.countryCode() + "|" + p.normalizedPostalCode());
            }
            for (PostalAddress p : b.customer().contacts().addresses()) {
                if (x.contains(p.countryCode() + "|" + p.normalizedPostalCode())) {
                    return Optional.of(new MatchEvidence("exact-name-postal-code", MatchReason.NAME_AND_POSTAL_CODE,
                            1.0, 1.0));
                }
            }
            return Optional.empty();
        });
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        Objects.requireNonNull(a);
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
