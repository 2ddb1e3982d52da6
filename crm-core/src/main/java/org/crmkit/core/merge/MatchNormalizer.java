package org.crmkit.core.merge;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalisation of names, e-mail addresses and phone numbers before they are compared.
 *
 * <ul>
 * <li>{@link #name}: lower case; German letters transliterated as German spelling does
 *     (ä ae, ö oe, ü ue, ß ss), other accents removed (é e, ł l, ø o), punctuation and
 *     digits become spaces, runs of spaces one space. So Müller, MUELLER and Mueller are
 *     equal; Muller stays one letter off.</li>
 * <li>{@link #phoneticFold}: folds the romanisations of Chinese names that differ only in
 *     spelling convention (Wade-Giles or Yale against pinyin) at the start of each word:
 *     hs x, tz z, ts z (not tsch), and word-final ng/n are kept; Hsu and Xu, Tsai and Cai fold
 *     together.</li>
 * <li>{@link #email}: the local part lower case, the domain lower case in its ASCII
 *     (IDNA/punycode) form, so {@code anna@müller.de} and {@code anna@xn--mller-kva.de} match.</li>
 * <li>{@link #e164}: a phone number in E.164 form ({@code +49301234567}): {@code +} or
 *     {@code 00} starts an international number; a national number gets the calling code of
 *     the default region, with its trunk prefix (0 in most of Europe and China, 1 in North
 *     America) removed. Italian numbers keep their leading 0, as the numbering plan says.</li>
 * </ul>
 *
 * <pre>{@code
 * MatchNormalizer.name("Jürgen  Groß-Müller");          // "juergen gross mueller"
 * MatchNormalizer.e164("030 123 4567", "DE");           // Optional["+49301234567"]
 * MatchNormalizer.email("Anna@Müller.DE");             // "anna@xn--mller-kva.de"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class MatchNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final Map<Character, String> SPECIAL = Map.ofEntries(Map.entry('ä', "ae"), Map.entry('ö', "oe"),
            Map.entry('ü', "ue"), Map.entry('ß', "ss"), Map.entry('ẞ', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"),
            Map.entry('ø', "o"), Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('þ', "th"),
            Map.entry('ı', "i"));

    /** Calling code, trunk prefix (removed from national numbers) per region (ISO 3166 alpha-2). */
    private static final Map<String, String[]> REGIONS = Map.ofEntries(
            Map.entry("DE", new String[] {"49", "0"}), Map.entry("AT", new String[] {"43", "0"}),
            Map.entry("CH", new String[] {"41", "0"}), Map.entry("GB", new String[] {"44", "0"}),
            Map.entry("FR", new String[] {"33", "0"}), Map.entry("NL", new String[] {"31", "0"}),
            Map.entry("BE", new String[] {"32", "0"}), Map.entry("CN", new String[] {"86", "0"}),
            Map.entry("US", new String[] {"1", "1"}), Map.entry("CA", new String[] {"1", "1"}),
            Map.entry("IT", new String[] {"39", ""}), Map.entry("ES", new String[] {"34", ""}),
            Map.entry("PL", new String[] {"48", ""}), Map.entry("DK", new String[] {"45", ""}),
            Map.entry("SE", new String[] {"46", "0"}), Map.entry("IN", new String[] {"91", "0"}),
            Map.entry("JP", new String[] {"81", "0"}), Map.entry("AU", new String[] {"61", "0"}));

    private MatchNormalizer() {
    }

    /**
     * Normalises a name for comparison (see the class description).
     *
     * @param text the name, not null
     * @return lower-case ASCII words separated by single spaces, never null, possibly empty
     */
    public static String name(String text) {
        Objects.requireNonNull(text, "text");
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length() + 4);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String special = SPECIAL.get(c);
            if (special != null) {
                sb.append(special);
            } else {
                sb.append(c);
            }
        }
        String plain = MARKS.matcher(Normalizer.normalize(sb, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS.matcher(plain).replaceAll(" ").strip();
    }

    /**
     * Folds romanisation variants of Chinese names (see the class description); apply to
     * normalised names before phonetic coding.
     *
     * @param normalizedName a result of {@link #name}, not null
     * @return the folded name, never null
     */
    public static String phoneticFold(String normalizedName) {
        Objects.requireNonNull(normalizedName, "normalizedName");
        StringBuilder sb = new StringBuilder(normalizedName.length());
        for (String word : normalizedName.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String w = word;
            if (w.startsWith("hs")) {
                w = "x" + w.substring(2);
            } else if (w.startsWith("tz") || (w.startsWith("ts") && !w.startsWith("tsch"))) {
                w = "z" + w.substring(2);
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString();
    }

    /**
     * Normalises an e-mail address.
     *
     * @param address the address, not null
     * @return the normalised address, never null; the input lower-cased if its domain is not a valid IDN
     */
    public static String email(String address) {
        Objects.requireNonNull(address, "address");
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at < 0) {
            return a.toLowerCase(Locale.ROOT);
        }
        String local = a.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = a.substring(at + 1).toLowerCase(Locale.ROOT);
        try {
            domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // not a valid internationalised domain name: compare it as written
        }
        return local + "@" + domain;
    }

    /**
     * Returns a phone number in E.164 form.
     *
     * @param number the number as written, not null
     * @param defaultRegion the region (ISO 3166 alpha-2, such as {@code "DE"}) of numbers written without country code, not null
     * @return the number as {@code +} and 8 to 15 digits, or empty if it cannot be one
     * @throws IllegalArgumentException if the region is not one of those this class knows
     */
    public static Optional<String> e164(String number, String defaultRegion) {
        Objects.requireNonNull(number, "number");
        String[] region = region(defaultRegion);
        // "+49 (0)30 ..." writes the trunk prefix in parentheses: it is not dialled from abroad
        String s = number.strip().replace("(0)", "");
        boolean international = s.startsWith("+");
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        String d = digits.toString();
        if (!international && d.startsWith("00")) {
            international = true;
            d = d.substring(2);
        } else if (!international && region[0].equals("1") && d.startsWith("011")) {
            international = true;
            d = d.substring(3);
        }
        if (international) {
            // "+49 (0)30 ...", stored as "+49030...": the national trunk 0 is not dialled from abroad
            for (String[] r : REGIONS.values()) {
                if (r[1].equals("0") && d.startsWith(r[0] + "0")) {
                    d = r[0] + d.substring(r[0].length() + 1);
                    break;
                }
            }
        } else {
            if (!region[1].isEmpty() && d.startsWith(region[1])) {
                d = d.substring(region[1].length());
            }
            d = region[0] + d;
        }
        if (d.length() < 8 || d.length() > 15) {
            return Optional.empty();
        }
        return Optional.of("+" + d);
    }

    /**
     * Tells whether {@link #e164} knows a region.
     *
     * @param region the region code, not null
     * @return true if known
     */
    public static boolean knowsRegion(String region) {
        return REGIONS.containsKey(Objects.requireNonNull(region, "region").toUpperCase(Locale.ROOT));
    }

    private static String[] region(String region) {
        Objects.requireNonNull(region, "defaultRegion");
        String[] r = REGIONS.get(region.toUpperCase(Locale.ROOT));
        if (r == null) {
            throw new IllegalArgumentException("unknown phone region '" + region + "'; known: "
                    + new java.util.TreeSet<>(REGIONS.keySet()));
        }
        return r;
    }
}
