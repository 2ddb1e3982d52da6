package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No regular expression can hang the rule evaluator: every match reads at most
 * {@link Rules#matchBudget(int)} characters and is UNKNOWN when it needs more.
 */
class RegexBudgetTest {

    /** The textbook catastrophic patterns, and the one of issue 9 that passed the old guard (16 s on 29 characters). */
    static Stream<String> catastrophic() {
        return Stream.of("(a+)+$", "(a|aa)+$", "(a|a?)+$", "(.*a){20}", "(a{1,30}){1,30}$", "(a*)*b", "(\\w+\\s?)*$",
                "(x+x+)+y", "(a|a)*$", "((a+)+)+$", "(.*){1,30}b", "([a-z]+)*@", "(a|aa){1,40}$", "(a{1,2}){1,40}$");
    }

    @ParameterizedTest
    @MethodSource("catastrophic")
    void match_catastrophicPatternsFinishFastAsUnknownOrFalse(String regex) {
        Node.TextMatches node = new Node.TextMatches("s matches " + regex, 0, "s", Pattern.compile(regex));
        for (String text : List.of("a".repeat(29) + "!", "a".repeat(29) + "b!", "x".repeat(40), "a".repeat(999) + "!")) {
            int code = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> node.match(text), regex + " on " + text.length());
            if (text.endsWith("!")) {
                // no pattern here matches a final '!'; running the plain engine to check would take minutes
                assertThat(code).as("%s on %s characters", regex, text.length()).isIn(Node.UNKNOWN, Node.FALSE);
            }
        }
    }

    @Test
    void evaluate_patternThatPassesTheSyntacticGuardIsBoundedAndExplained() {
        // overlapping alternatives are not caught by the syntactic check; the budget bounds them
        // (java.util.regex memoises (a|aa)+ since JDK 9, but not a counted repetition)
        Rule rule = Rules.attribute("s").matches("(a|aa){1,40}$");
        CompiledRule compiled = CompiledRule.compile(rule, CompiledRuleTest.REGISTRY);
        SubjectRecord subject = CompiledRuleTest.empty().setText("s", "a".repeat(60) + "!");
        Truth truth = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> compiled.evaluate(subject));
        assertThat(truth).isEqualTo(Truth.UNKNOWN);
        assertThat(compiled.explain(subject).observed()).contains("abandoned after " + Rules.matchBudget(61) + " steps");
        // a text it matches quickly is still TRUE
        assertThat(compiled.evaluate(CompiledRuleTest.empty().setText("s", "aaaa"))).isEqualTo(Truth.TRUE);
    }

    @Test
    void evaluate_issuePatternIsRefusedWhenCompiled() {
        Rule rule = Rules.attribute("s").matches("(a{1,30}){1,30}$");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompiledRule.compile(rule, CompiledRuleTest.REGISTRY))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("repeated group contains a quantifier");
    }

    /** Ordinary patterns give java.util.regex's own answer: the budget never cuts a linear match short. */
    @ParameterizedTest
    @ValueSource(strings = {"[a-z]+@example\\.com", ".*@example\\.com", "(ab|cd)+", "(https?://)?www\\..*",
        "\\d{4}-\\d{2}-\\d{2}", "[a-d]*b[a-d]*", ".*a.*b.*", "(?i)[A-Z ]+", "(foo|bar|baz|qux|a|b|c|d)*",
        "[^@]+@[^@]+\\.[a-z]{2,}", ".*(x|y|z)"})
    void match_ordinaryPatternsAgreeWithThePlainEngine(String regex) {
        Pattern p = Pattern.compile(regex);
        Node.TextMatches node = new Node.TextMatches("s matches " + regex, 0, "s", p);
        Random random = new Random(13);
        String alphabet = "abcd@.xyz wfoqu";
        for (int trial = 0; trial < 200; trial++) {
            int n = trial < 100 ? random.nextInt(30) : Rules.MAX_MATCH_INPUT_LENGTH - random.nextInt(10);
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = trial % 7 == 0 ? "ab".repeat(n / 2) : b.toString();
            int expected = p.matcher(text).matches() ? Node.TRUE : Node.FALSE;
            assertThat(node.match(text)).as("%s on '%s'", regex, text).isEqualTo(expected);
        }
    }

    @Test
    void matchBudget_isProportionalToTheLength() {
        assertThat(Rules.matchBudget(0)).isEqualTo(Rules.MATCH_STEPS_PER_CHARACTER);
        assertThat(Rules.matchBudget(29)).isEqualTo(30L * Rules.MATCH_STEPS_PER_CHARACTER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rules.matchBudget(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("length must be >= 0 but was -1");
    }
}
