package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(a*)*b", "(\\w+\\s?)*$", "((ab)*c)+", "(x+x+)+y", "(a{2,})*", "(\\d+){3}",
        "(a)\\1", "(?<n>a)\\k<n>", "(a{1,30}){1,30}$", "(a{2,3})+", "(a|a?)+", "(.*a){20}", "(ab?)*c", "(\\d{2}){3}"})
    void risk_refusesCatastrophicShapes(String pattern) {
        assertThat(PatternGuard.risk(pattern)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a-z]+@example\\.com", "(ab|cd)+", "(https?://)?www\\..*", "\\d{4}-\\d{2}-\\d{2}",
        "(a+)?", "[(+*)]+", "a++b", "(?:abc)*", "\\Q(a+)+\\E", "(a{2,3}){1}", "(?:x)?+", "\\(?a+"})
    void risk_acceptsOrdinaryPatterns(String pattern) {
        assertThat(PatternGuard.risk(pattern)).isNull();
    }
}
