package org.crmkit.core.merge;

import java.util.Objects;

/**
 * The Cologne phonetic code ("Kölner Phonetik") of a word: a digit string under which names that
 * sound alike in German coincide (Meyer, Maier, Mayr: 67; Müller, Mueller, Muller: 657).
 *
 * <p>Source: H. J. Postel, "Die Kölner Phonetik. Ein Verfahren zur Identifizierung von
 * Personennamen auf der Grundlage der Gestaltanalyse", IBM-Nachrichten 19 (1969) 925-931.
 * Letters map to digits by context (vowels and J, Y 0; B, P 1 (PH 3); D, T 2 (8 before C, S,
 * Z); F, V, W 3; G, K, Q 4; C 4 or 8 by its neighbours; X 48 (8 after C, K, Q); L 5; M, N 6;
 * R 7; S, Z 8; H nothing); then runs of one digit collapse and every 0 except a leading one is
 * dropped. Postel designed it for German; it also groups English spellings well (Smith, Schmidt:
 * 862) and, after {@link MatchNormalizer#phoneticFold}, the usual romanisations of Chinese names.
 *
 * <pre>{@code
 * ColognePhonetics.encode("Müller-Lüdenscheidt");   // "65752682"
 * }</pre>
 *
 * <p>Letters other than A-Z (after {@link MatchNormalizer#name}) are ignored. Stateless and thread-safe.
 */
public final class ColognePhonetics {
    private ColognePhonetics() {
    }

    /**
     * Returns the code of a word or name.
     *
     * @param text the text, not null; normalised to ASCII letters first
     * @return the code, never null, empty when the text has no letters
     */
    public static String encode(String text) {
        Objects.requireNonNull(text, "text");
        String s = MatchNormalizer.name(text).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        StringBuilder raw = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = i > 0 ? s.charAt(i - 1) : 0;
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            switch (c) {
                case 'A', 'E', 'I', 'J', 'O', 'U', 'Y' -> raw.append('0');
                case 'H' -> {
                    // no code
                }
                case 'B' -> raw.append('1');
                case 'P' -> raw.append(next == 'H' ? '3' : '1');
                case 'D', 'T' -> raw.append(next == 'C' || next == 'S' || next == 'Z' ? '8' : '2');
                case 'F', 'V', 'W' -> raw.append('3');
                case 'G', 'K', 'Q' -> raw.append('4');
                case 'C' -> raw.append(cCode(i == 0, prev, next));
                case 'X' -> raw.append(prev == 'C' || prev == 'K' || prev == 'Q' ? "8" : "48");
                case 'L' -> raw.append('5');
                case 'M', 'N' -> raw.append('6');
                case 'R' -> raw.append('7');
                case 'S', 'Z' -> raw.append('8');
                default -> {
                    // not a letter of the code
                }
            }
        }
        StringBuilder code = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char d = raw.charAt(i);
            if (i > 0 && raw.charAt(i - 1) == d) {
                continue;
            }
            if (d == '0' && i > 0) {
                continue;
            }
            code.append(d);
        }
        return code.toString();
    }

    private static char cCode(boolean first, char prev, char next) {
        if (first) {
            return "AHKLOQRUX".indexOf(next) >= 0 && next != 0 ? '4' : '8';
        }
        if (prev == 'S' || prev == 'Z') {
            return '8';
        }
        return "AHKOQUX".indexOf(next) >= 0 && next != 0 ? '4' : '8';
    }
}
