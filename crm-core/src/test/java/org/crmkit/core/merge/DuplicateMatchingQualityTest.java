package org.crmkit.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.customer.PostalAddress;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of duplicate matching on a labelled simulated population: German,
 * English and Chinese (pinyin) names; duplicates with the errors data entry makes (a typo in a
 * name, umlaut and ß spellings, a nickname, family-name-first order, a phone written nationally
 * or internationally, an e-mail in other case or with its domain in Unicode, a moved address, a
 * missing or mistyped birth date); and hard negatives: household members sharing family name,
 * address and landline, and namesakes in the same postal area. Seeded, so the figures in the
 * README are reproducible: run this test and read its output.
 */
class DuplicateMatchingQualityTest {
    private static final String[] GERMAN_GIVEN = {"Anna", "Lena", "Jürgen", "Klaus", "Stefan", "Sabine", "Ursula",
        "Thomas", "Michael", "Andrea", "Jörg", "Günther", "Petra", "Monika", "Wolfgang", "Heike", "Frank", "Katrin",
        "Uwe", "Birgit", "Björn", "Käthe", "Dieter", "Gisela"};
    private static final String[] GERMAN_FAMILY = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
        "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
        "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Schmitz", "Krause",
        "Lehmann", "Köhler", "Weiß", "Groß", "Jäger", "Strauß", "Pöschl", "Großmann", "Vogt", "Kühn", "Brandt"};
    private static final String[] ENGLISH_GIVEN = {"John", "James", "Robert", "Michael", "William", "David",
        "Richard", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen",
        "Catherine", "Steven", "Philip", "Ann"};
    private static final String[] ENGLISH_FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
        "Davis", "Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White",
        "Harris", "Clark", "Lewis", "Walker", "O'Brien", "McDonald"};
    private static final String[] CHINESE_GIVEN = {"Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Jun", "Hui", "Ling",
        "Tao", "Xiaoming", "Jianguo", "Yifan", "Zhiwei", "Haoran", "Xiuying", "Guiying", "Mingyu"};
    private static final String[] CHINESE_FAMILY = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao",
        "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Cai", "Xie"};
    /** Nicknames and spelling variants of given names: either form may be entered. */
    private static final String[][] VARIANTS = {{"John", "Jon"}, {"Catherine", "Katherine"}, {"Steven", "Stephen"},
        {"Philip", "Phillip"}, {"Ann", "Anne"}, {"Sarah", "Sara"}, {"Jürgen", "Juergen"}, {"Björn", "Bjoern"},
        {"Günther", "Günter"}, {"Käthe", "Kaethe"}};
    /** Wade-Giles and older spellings of pinyin family names. */
    private static final String[][] ROMANISATIONS = {{"Xu", "Hsu"}, {"Cai", "Tsai"}, {"Xie", "Hsieh"}, {"Zhou", "Chou"}};
    private static final String KEYBOARD = "qwertyuiopasdfghjklzxcvbnm";
    private static final int PEOPLE = 3_000;

    record Population(List<Customer> records, Set<Set<CustomerId>> truePairs) {
    }

    static Population simulate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Customer> records = new ArrayList<>();
        Set<Set<CustomerId>> truePairs = new HashSet<>();
        int next = 0;
        for (int i = 0; i < PEOPLE; i++) {
            int culture = r.nextInt(3);
            String given = pick(r, culture == 0 ? GERMAN_GIVEN : culture == 1 ? ENGLISH_GIVEN : CHINESE_GIVEN);
            String family = pick(r, culture == 0 ? GERMAN_FAMILY : culture == 1 ? ENGLISH_FAMILY : CHINESE_FAMILY);
            LocalDate birth = r.nextDouble() < 0.85 ? LocalDate.of(1940 + r.nextInt(65), 1 + r.nextInt(12), 1 + r.nextInt(28))
                    : null;
            String postal = String.format("%05d", 10_000 + r.nextInt(400) * 37);
            String street = pick(r, new String[] {"Hauptstr.", "Gartenweg", "Bahnhofstr.", "Lindenallee"}) + " "
                    + (1 + r.nextInt(120));
            String mobile = r.nextDouble() < 0.7 ? "+49 15" + r.nextInt(10) + " " + (1_000_000 + r.nextInt(9_000_000)) : null;
            String domain = pick(r, new String[] {"example.com", "mail.de", "post.de", "müllerpost.de", "web.de"});
            String email = r.nextDouble() < 0.8 ? ascii(given) + "." + ascii(family) + (r.nextInt(100)) + "@" + domain
                    : null;
            String id = String.format("P-%05d", next++);
            Customer original = person(id, given, family, birth, postal, street, mobile, email);
            records.add(original);
            if (r.nextDouble() < 0.12) { // a household member: same family, address and landline, another person
                String landline = "030 " + (2_000_000 + r.nextInt(7_000_000));
                String other;
                do {
                    other = pick(r, culture == 0 ? GERMAN_GIVEN : culture == 1 ? ENGLISH_GIVEN : CHINESE_GIVEN);
                } while (other.equals(given));
                LocalDate otherBirth = r.nextDouble() < 0.8 ? LocalDate.of(1940 + r.nextInt(65), 1 + r.nextInt(12),
                        1 + r.nextInt(28)) : null;
                records.add(person(String.format("P-%05d", next++), other, family, otherBirth, postal, street, landline,
                        null));
            }
            if (r.nextDouble() < 0.25) { // a duplicate record of the same person
                String dGiven = given;
                String dFamily = family;
                double kind = r.nextDouble();
                if (kind < 0.35) {
                    dFamily = typo(r, dFamily);
                } else if (kind < 0.55) {
                    dGiven = typo(r, dGiven);
                } else if (kind < 0.70) {
                    dGiven = variant(r, dGiven);
                    dFamily = spelling(r, dFamily);
                }
                if (culture == 2 && r.nextDouble() < 0.25) { // family name first, as written in Chinese
                    String t = dGiven;
                    dGiven = dFamily;
                    dFamily = t;
                }
                LocalDate dBirth = birth;
                double b = r.nextDouble();
                if (birth != null && b < 0.2) {
                    dBirth = null;
                } else if (birth != null && b < 0.27) {
                    dBirth = birth.withDayOfMonth(birth.getDayOfMonth() % 28 + 1);
                }
                String dPostal = r.nextDouble() < 0.8 ? postal : String.format("%05d", 10_000 + r.nextInt(400) * 37);
                String dPhone = mobile == null ? null : switch (r.nextInt(4)) {
                    case 0 -> null;
                    case 1 -> mobile.replace("+49 ", "0");
                    case 2 -> mobile.replace("+49 ", "0049 ").replace(" ", "-");
                    default -> mobile;
                };
                String dEmail = email == null ? null : switch (r.nextInt(4)) {
                    case 0 -> null;
                    case 1 -> email.toUpperCase(Locale.ROOT);
                    case 2 -> email.replace("müllerpost.de", "xn--mllerpost-9db.de");
                    default -> email;
                };
                String dId = String.format("P-%05d", next++);
                records.add(person(dId, dGiven, dFamily, dBirth, dPostal, street, dPhone, dEmail));
                truePairs.add(Set.of(CustomerId.of(id), CustomerId.of(dId)));
            }
        }
        return new Population(records, truePairs);
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String ascii(String name) {
        return MatchNormalizer.name(name).replace(" ", "");
    }

    /** One keystroke error: swap, drop, double or hit a neighbouring key. */
    private static String typo(SplittableRandom r, String word) {
        if (word.length() < 3) {
            return word + word.charAt(word.length() - 1);
        }
        int i = 1 + r.nextInt(word.length() - 2);
        char[] c = word.toCharArray();
        switch (r.nextInt(4)) {
            case 0 -> {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                return new String(c);
            }
            case 1 -> {
                return word.substring(0, i) + word.substring(i + 1);
            }
            case 2 -> {
                return word.substring(0, i) + c[i] + word.substring(i);
            }
            default -> {
                int k = KEYBOARD.indexOf(Character.toLowerCase(c[i]));
                c[i] = k < 0 ? 'e' : KEYBOARD.charAt(k + 1 < KEYBOARD.length() ? k + 1 : k - 1);
                return new String(c);
            }
        }
    }

    private static String variant(SplittableRandom r, String given) {
        for (String[] v : VARIANTS) {
            if (v[0].equals(given)) {
                return v[1];
            }
            if (v[1].equals(given)) {
                return v[0];
            }
        }
        return given;
    }

    /** Umlaut, ß and romanisation spellings of the same family name. */
    private static String spelling(SplittableRandom r, String family) {
        for (String[] v : ROMANISATIONS) {
            if (v[0].equals(family)) {
                return v[1];
            }
        }
        if (family.contains("ß")) {
            return family.replace("ß", "ss");
        }
        if (family.matches(".*[äöü].*")) {
            return r.nextBoolean() ? family.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                    : family.replace("ä", "a").replace("ö", "o").replace("ü", "u");
        }
        return family.toUpperCase(Locale.ROOT);
    }

    private static Customer person(String id, String given, String family, LocalDate birth, String postal,
            String street, String phone, String email) {
        PersonProfile.Builder p = PersonProfile.builder(PersonName.of(given, family), ModelSamples.CLOCK);
        if (birth != null) {
            p.birthDate(birth);
        }
        ContactPoints contacts = ContactPoints.empty()
                .withAddress(new PostalAddress(street, "Berlin", postal, "DE", null, AddressType.URBAN, null));
        if (phone != null) {
            contacts = contacts.withPhone(Phone.of(phone, PhoneType.MOBILE));
        }
        if (email != null) {
            contacts = contacts.withEmail(Email.of(email));
        }
        return Customer.builder(CustomerId.of(id), p.build()).contacts(contacts).build();
    }

    record Quality(int truePairs, int found, int correct) {
        double precision() {
            return found == 0 ? 1.0 : (double) correct / found;
        }

        double recall() {
            return (double) correct / truePairs;
        }
    }

    static Quality measure(DuplicateDetector detector, Population p) {
        List<DuplicateCandidate> found = detector.find(p.records());
        int correct = 0;
        for (DuplicateCandidate c : found) {
            if (p.truePairs().contains(Set.of(c.first(), c.second()))) {
                correct++;
            }
        }
        return new Quality(p.truePairs().size(), found.size(), correct);
    }

    @Test
    void fuzzyPolicy_findsTypoDuplicates_withHighPrecision_exactKeysMissMany() {
        Population p = simulate(20_261_202L);
        Quality exact = measure(DuplicateDetector.standard(), p);
        Quality fuzzy = measure(DuplicateDetector.of(MatchPolicy.fuzzy()), p);
        System.out.printf(Locale.ROOT, "duplicate matching on %d records, %d true pairs:%n", p.records().size(),
                p.truePairs().size());
        System.out.printf(Locale.ROOT, "  exact keys: found %d, correct %d, precision %.3f, recall %.3f%n",
                exact.found(), exact.correct(), exact.precision(), exact.recall());
        System.out.printf(Locale.ROOT, "  fuzzy:      found %d, correct %d, precision %.3f, recall %.3f%n",
                fuzzy.found(), fuzzy.correct(), fuzzy.precision(), fuzzy.recall());
        assertThat(p.truePairs()).hasSizeGreaterThan(600);
        assertThat(fuzzy.recall()).as("fuzzy recall").isGreaterThanOrEqualTo(0.90);
        assertThat(fuzzy.precision()).as("fuzzy precision").isGreaterThanOrEqualTo(0.95);
        assertThat(fuzzy.recall()).as("fuzzy against exact recall").isGreaterThan(exact.recall() + 0.10);
    }
}
