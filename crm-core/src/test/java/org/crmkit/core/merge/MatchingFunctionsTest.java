package org.crmkit.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Jaro-Winkler against the values published by Winkler (1990) and reproduced in the
 * literature; Cologne phonetics against Postel's rules as worked examples; normalisation by
 * hand-derived expectations.
 */
class MatchingFunctionsTest {
    @Test
    void jaroWinkler_publishedValues() {
        // Winkler (1990), table of string comparator values; also Cohen, Ravikumar & Fienberg (2003)
        assertThat(JaroWinkler.jaro("MARTHA", "MARHTA")).isCloseTo(0.9444, within(1e-4));
        assertThat(JaroWinkler.similarity("MARTHA", "MARHTA")).isCloseTo(0.9611, within(1e-4));
        assertThat(JaroWinkler.similarity("DWAYNE", "DUANE")).isCloseTo(0.8400, within(1e-4));
        assertThat(JaroWinkler.similarity("DIXON", "DICKSONX")).isCloseTo(0.8133, within(1e-4));
        // by hand: JONES/JOHNSON, m = 4 (J, O, N, S), t = 0, jaro = (4/5 + 4/7 + 1)/3 = 0.7905, prefix 2
        assertThat(JaroWinkler.jaro("JONES", "JOHNSON")).isCloseTo((0.8 + 4.0 / 7 + 1) / 3, within(1e-12));
        assertThat(JaroWinkler.similarity("JONES", "JOHNSON"))
                .isCloseTo((0.8 + 4.0 / 7 + 1) / 3 * 0.8 + 0.2, within(1e-12));
    }

    @Test
    void jaroWinkler_edgeCases_symmetricAndBounded() {
        assertThat(JaroWinkler.similarity("", "")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("a", "")).isZero();
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
        assertThat(JaroWinkler.similarity("anna", "anna")).isEqualTo(1.0);
        for (String[] p : new String[][] {{"crate", "trace"}, {"jon", "john"}, {"meyer", "maier"}, {"a", "ab"}}) {
            double s = JaroWinkler.similarity(p[0], p[1]);
            assertThat(JaroWinkler.similarity(p[1], p[0])).isEqualTo(s);
            assertThat(s).isBetween(0.0, 1.0);
        }
        assertThatThrownBy(() -> JaroWinkler.similarity(null, "a")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void colognePhonetics_postelsRules() {
        // worked examples of the Kölner Phonetik
        assertThat(ColognePhonetics.encode("Müller-Lüdenscheidt")).isEqualTo("65752682");
        assertThat(ColognePhonetics.encode("Wikipedia")).isEqualTo("3412");
        assertThat(ColognePhonetics.encode("Breschnew")).isEqualTo("17863");
        for (String name : new String[] {"Meyer", "Maier", "Mayr", "Meier"}) {
            assertThat(ColognePhonetics.encode(name)).as(name).isEqualTo("67");
        }
        for (String name : new String[] {"Müller", "Mueller", "Muller", "Möller"}) {
            assertThat(ColognePhonetics.encode(name)).as(name).isEqualTo("657");
        }
        assertThat(ColognePhonetics.encode("Schmidt")).isEqualTo(ColognePhonetics.encode("Smith")).isEqualTo("862");
        // C rules: initial before A, H, K, L, O, Q, R, U, X is 4, otherwise 8; after S or Z always 8
        assertThat(ColognePhonetics.encode("Carl")).isEqualTo("475");
        assertThat(ColognePhonetics.encode("Cerny")).isEqualTo("876");
        // X is 48, but 8 after C, K, Q
        assertThat(ColognePhonetics.encode("Xaver")).isEqualTo("4837");
        assertThat(ColognePhonetics.encode("")).isEmpty();
        assertThat(ColognePhonetics.encode("42 !")).isEmpty();
    }

    @Test
    void normalizer_namesEmailsAndPhones() {
        assertThat(MatchNormalizer.name("Jürgen  Groß-Müller")).isEqualTo("juergen gross mueller");
        assertThat(MatchNormalizer.name("Jürgen")).isEqualTo(MatchNormalizer.name("Ju\u0308rgen"));
        assertThat(MatchNormalizer.name("José Łukasz Øster")).isEqualTo("jose lukasz oster");
        assertThat(MatchNormalizer.name("O'Brien, Jr.")).isEqualTo("o brien jr");
        assertThat(MatchNormalizer.phoneticFold("hsu wei")).isEqualTo("xu wei");
        assertThat(MatchNormalizer.phoneticFold("tsai tzu tschechow")).isEqualTo("zai zu tschechow");
        assertThat(ColognePhonetics.encode(MatchNormalizer.phoneticFold("hsu")))
                .isEqualTo(ColognePhonetics.encode("xu"));

        assertThat(MatchNormalizer.email(" Anna@Müller.DE ")).isEqualTo("anna@xn--mller-kva.de");
        assertThat(MatchNormalizer.email("anna@xn--mller-kva.de")).isEqualTo("anna@xn--mller-kva.de");

        assertThat(MatchNormalizer.e164("030 1234567", "DE")).contains("+49301234567");
        assertThat(MatchNormalizer.e164("+49 (0)30 123 45 67", "DE")).contains("+49301234567");
        assertThat(MatchNormalizer.e164("0049-30-1234567", "AT")).contains("+49301234567");
        assertThat(MatchNormalizer.e164("(212) 555-0123", "US")).contains("+12125550123");
        assertThat(MatchNormalizer.e164("1 212 555 0123", "US")).contains("+12125550123");
        assertThat(MatchNormalizer.e164("06 1234 5678", "IT")).contains("+390612345678");
        assertThat(MatchNormalizer.e164("010 8888 7777", "CN")).contains("+861088887777");
        assertThat(MatchNormalizer.e164("123", "DE")).isEmpty();
        assertThatThrownBy(() -> MatchNormalizer.e164("030 1234567", "XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown phone region 'XX'");
    }
}
