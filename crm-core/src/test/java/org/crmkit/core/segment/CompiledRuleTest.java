package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompiledRuleTest {

    static final AttributeRegistry REGISTRY = AttributeRegistry.builder()
            .number("n", "a number")
            .string("s", "a string")
            .bool("b", "a boolean")
            .date("d", "a date")
            .enumeration("e", List.of("red", "green", "blue"), "an enum")
            .stringSet("tags", "a set")
            .build();

    static final LocalDate ASOF = LocalDate.of(2026, 6, 30);

    /** A subject with n=10, s="hello world", b=true, d=2026-01-15, e=green, tags={vip,web}. */
    static SubjectRecord full() {
        return new SubjectRecord(REGISTRY).asOf(ASOF)
                .setNumber("n", 10).setText("s", "hello world").setBool("b", true)
                .setDate("d", LocalDate.of(2026, 1, 15)).setText("e", "green")
                .setElements("tags", Set.of("vip", "web"));
    }

    static SubjectRecord empty() {
        return new SubjectRecord(REGISTRY).asOf(ASOF);
    }

    static Truth eval(Rule r, Subject s) {
        return CompiledRule.compile(r, REGISTRY).evaluate(s);
    }

    static Stream<Arguments> operators() {
        LocalDate jan15 = LocalDate.of(2026, 1, 15);
        return Stream.of(
                Arguments.of(Rules.attribute("n").isEqualTo(10), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isEqualTo(10.5), Truth.FALSE),
                Arguments.of(Rules.attribute("n").isNotEqualTo(10), Truth.FALSE),
                Arguments.of(Rules.attribute("n").isNotEqualTo(11), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isLessThan(10), Truth.FALSE),
                Arguments.of(Rules.attribute("n").isLessThan(10.01), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isAtMost(10), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isAtMost(9.99), Truth.FALSE),
                Arguments.of(Rules.attribute("n").isGreaterThan(10), Truth.FALSE),
                Arguments.of(Rules.attribute("n").isGreaterThan(9), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isAtLeast(10), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isAtLeast(10.01), Truth.FALSE),
                Arguments.of(Rules.attribute("n").isBetween(10, 20), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isBetween(0, 10), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isBetween(11, 20), Truth.FALSE),
                Arguments.of(Rules.attribute("n").isIn(1, 10, 100), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isIn(1, 100), Truth.FALSE),
                Arguments.of(Rules.attribute("n").isNotIn(1, 100), Truth.TRUE),
                Arguments.of(Rules.attribute("n").isNotIn(10), Truth.FALSE),
                Arguments.of(Rules.attribute("d").isEqualTo(jan15), Truth.TRUE),
                Arguments.of(Rules.attribute("d").isNotEqualTo(jan15), Truth.FALSE),
                Arguments.of(Rules.attribute("d").isLessThan(jan15.plusDays(1)), Truth.TRUE),
                Arguments.of(Rules.attribute("d").isLessThan(jan15), Truth.FALSE),
                Arguments.of(Rules.attribute("d").isAtMost(jan15), Truth.TRUE),
                Arguments.of(Rules.attribute("d").isGreaterThan(jan15), Truth.FALSE),
                Arguments.of(Rules.attribute("d").isAtLeast(jan15), Truth.TRUE),
                Arguments.of(Rules.attribute("d").isBetween(jan15.minusDays(3), jan15), Truth.TRUE),
                Arguments.of(Rules.attribute("d").isBetween(jan15.plusDays(1), jan15.plusDays(9)), Truth.FALSE),
                Arguments.of(Rules.attribute("s").isEqualTo("hello world"), Truth.TRUE),
                Arguments.of(Rules.attribute("s").isEqualTo("Hello world"), Truth.FALSE),
                Arguments.of(Rules.attribute("s").isNotEqualTo("x"), Truth.TRUE),
                Arguments.of(Rules.attribute("s").isIn("a", "hello world"), Truth.TRUE),
                Arguments.of(Rules.attribute("s").isNotIn("a", "hello world"), Truth.FALSE),
                Arguments.of(Rules.attribute("s").contains("lo wo"), Truth.TRUE),
                Arguments.of(Rules.attribute("s").contains("xyz"), Truth.FALSE),
                Arguments.of(Rules.attribute("s").startsWith("hell"), Truth.TRUE),
                Arguments.of(Rules.attribute("s").startsWith("world"), Truth.FALSE),
                Arguments.of(Rules.attribute("s").matches("h\\w+ w.*"), Truth.TRUE),
                Arguments.of(Rules.attribute("s").matches("world"), Truth.FALSE),
                Arguments.of(Rules.attribute("b").isEqualTo(true), Truth.TRUE),
                Arguments.of(Rules.attribute("b").isEqualTo(false), Truth.FALSE),
                Arguments.of(Rules.attribute("b").isNotEqualTo(false), Truth.TRUE),
                Arguments.of(Rules.attribute("e").isEqualTo("green"), Truth.TRUE),
                Arguments.of(Rules.attribute("e").isNotEqualTo("green"), Truth.FALSE),
                Arguments.of(Rules.attribute("e").isIn("red", "blue"), Truth.FALSE),
                Arguments.of(Rules.attribute("e").isNotIn("red", "blue"), Truth.TRUE),
                Arguments.of(Rules.attribute("tags").contains("vip"), Truth.TRUE),
                Arguments.of(Rules.attribute("tags").contains("store"), Truth.FALSE));
    }

    @ParameterizedTest
    @MethodSource("operators")
    void evaluate_operatorOnPresentValue(Rule rule, Truth expected) {
        assertThat(eval(rule, full())).as(rule.toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("operators")
    void evaluate_operatorOnAbsentValueIsUnknown(Rule rule, Truth ignored) {
        assertThat(eval(rule, empty())).as(rule.toString()).isEqualTo(Truth.UNKNOWN);
        assertThat(CompiledRule.compile(rule, REGISTRY).test(empty())).isFalse();
    }

    @Test
    void evaluate_presentAndAbsentAreNeverUnknown() {
        for (String name : List.of("n", "s", "b", "d", "e", "tags")) {
            assertThat(eval(Rules.attribute(name).isPresent(), full())).isEqualTo(Truth.TRUE);
            assertThat(eval(Rules.attribute(name).isAbsent(), full())).isEqualTo(Truth.FALSE);
            assertThat(eval(Rules.attribute(name).isPresent(), empty())).isEqualTo(Truth.FALSE);
            assertThat(eval(Rules.attribute(name).isAbsent(), empty())).isEqualTo(Truth.TRUE);
        }
    }

    @Test
    void evaluate_kleeneTruthTables() {
        Rule t = Rules.attribute("n").isPresent();
        Rule f = Rules.attribute("n").isAbsent();
        Rule u = Rules.attribute("s").isEqualTo("x");
        SubjectRecord s = empty().setNumber("n", 1);
        Rule[] byTruth = {f, u, t};
        // rows: left operand F,U,T; columns: right operand F,U,T (Kleene K3, hand-written)
        Truth[][] and = {
            {Truth.FALSE, Truth.FALSE, Truth.FALSE},
            {Truth.FALSE, Truth.UNKNOWN, Truth.UNKNOWN},
            {Truth.FALSE, Truth.UNKNOWN, Truth.TRUE}};
        Truth[][] or = {
            {Truth.FALSE, Truth.UNKNOWN, Truth.TRUE},
            {Truth.UNKNOWN, Truth.UNKNOWN, Truth.TRUE},
            {Truth.TRUE, Truth.TRUE, Truth.TRUE}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(eval(Rules.all(byTruth[i], byTruth[j]), s)).isEqualTo(and[i][j]);
                assertThat(eval(Rules.any(byTruth[i], byTruth[j]), s)).isEqualTo(or[i][j]);
            }
        }
        assertThat(eval(Rules.not(t), s)).isEqualTo(Truth.FALSE);
        assertThat(eval(Rules.not(f), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.not(u), s)).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void evaluate_matchesOnOverlongInputIsUnknown() {
        SubjectRecord s = empty().setText("s", "a".repeat(Rules.MAX_MATCH_INPUT_LENGTH + 1));
        assertThat(eval(Rules.attribute("s").matches("a*"), s)).isEqualTo(Truth.UNKNOWN);
        s.setText("s", "a".repeat(Rules.MAX_MATCH_INPUT_LENGTH));
        assertThat(eval(Rules.attribute("s").matches("a*"), s)).isEqualTo(Truth.TRUE);
    }

    static Stream<Arguments> typeErrors() {
        return Stream.of(
                Arguments.of(Rules.attribute("n").contains("1"), "$.op", "operator 'contains' does not apply to number"),
                Arguments.of(Rules.attribute("n").isEqualTo("ten"), "$.value", "is not a number"),
                Arguments.of(Rules.attribute("n").isIn("a", "b"), "$.values[0]", "is not a number"),
                Arguments.of(Rules.attribute("s").isLessThan(3), "$.op", "operator '<' does not apply to string"),
                Arguments.of(Rules.attribute("s").isEqualTo(3), "$.value", "is not a string"),
                Arguments.of(Rules.attribute("b").isEqualTo("yes"), "$.value", "is not a boolean"),
                Arguments.of(Rules.attribute("b").isIn("x"), "$.op", "does not apply to boolean"),
                Arguments.of(Rules.attribute("d").isEqualTo(5), "$.value", "is not a date"),
                Arguments.of(Rules.attribute("d").startsWith("2026"), "$.op", "does not apply to date"),
                Arguments.of(Rules.attribute("e").isEqualTo("purple"), "$.value", "not a value of enum attribute 'e'"),
                Arguments.of(Rules.attribute("e").contains("re"), "$.op", "does not apply to enum"),
                Arguments.of(Rules.attribute("tags").isEqualTo("vip"), "$.op", "does not apply to string_set"),
                Arguments.of(Rules.attribute("nope").isEqualTo(1), "$.attribute", "unknown attribute 'nope'"),
                Arguments.of(Rules.attribute("n").isBetween(5, 1), "$.values", "low <= high"),
                Arguments.of(Rules.attribute("s").matches("(unclosed"), "$.value", "malformed regular expression"),
                Arguments.of(Rules.attribute("s").matches("x".repeat(Rules.MAX_PATTERN_LENGTH + 1)), "$.value",
                        "at most 200 allowed"),
                Arguments.of(Rules.attribute("s").matches("(a+)+b"), "$.value", "repeated group"),
                Arguments.of(Rules.attribute("s").matches("(a)\\1"), "$.value", "back-references"),
                Arguments.of(Rules.purchases().lastDays(30).count().isEqualTo("x"), "$.value", "not a number"),
                Arguments.of(Rules.purchases().lastDays(30).sum().startsWith("1"), "$.op", "aggregate"));
    }

    @ParameterizedTest
    @MethodSource("typeErrors")
    void compile_refusesTypeErrorsWithPath(Rule rule, String path, String message) {
        assertThatThrownBy(() -> CompiledRule.compile(rule, REGISTRY))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith(path + ":")
                .hasMessageContaining(message);
    }

    @Test
    void compile_reportsEveryProblemWithNestedPaths() {
        Rule r = Rules.all(Rules.attribute("n").isAtLeast(1),
                Rules.any(Rules.attribute("x").isPresent(), Rules.not(Rules.attribute("s").isEqualTo(true))));
        assertThatThrownBy(() -> CompiledRule.compile(r, REGISTRY))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::path)
                        .containsExactly("$.all[1].any[0].attribute", "$.all[1].any[1].not.value"));
    }

    @Test
    void construction_refusesWrongArityAndDepth() {
        Operand n = new Operand.AttributeRef("n");
        assertThatThrownBy(() -> new Rule.Compare(n, Operator.BETWEEN, List.of(Literal.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 2 value(s), got 1");
        assertThatThrownBy(() -> new Rule.Compare(n, Operator.PRESENT, List.of(Literal.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule.All(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> Literal.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        Rule r = Rules.attribute("n").isPresent();
        for (int i = 1; i < Rules.MAX_DEPTH; i++) {
            r = Rules.not(r);
        }
        assertThat(r.depth()).isEqualTo(Rules.MAX_DEPTH);
        Rule deepest = r;
        assertThatThrownBy(() -> Rules.not(deepest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the limit of 32");
    }

    @Test
    void aggregate_windowAndFilters() {
        SubjectRecord s = empty()
                .addPurchase(ASOF, 100, "p1", "books", "web")               // in every window
                .addPurchase(ASOF.minusDays(29), 50, "p2", "books", "store") // in a 30-day window
                .addPurchase(ASOF.minusDays(30), 70, "p3", "music", "web")   // just outside 30 days
                .addPurchase(ASOF.plusDays(1), 999, "p1", "books", "web")    // after the as-of date
                .addInteraction(ASOF.minusDays(2), "phone")
                .addInteraction(ASOF.minusDays(3), "email");
        CompiledRule sum30 = CompiledRule.compile(Rules.purchases().lastDays(30).sum().isEqualTo(150), REGISTRY);
        assertThat(sum30.evaluate(s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(31).count().isEqualTo(3), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(31).average().isEqualTo(220.0 / 3), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(31).min().isEqualTo(50), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(31).max().isEqualTo(100), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(365).inCategories("books").sum().isEqualTo(150), s))
                .isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(365).inChannels("web").count().isEqualTo(2), s))
                .isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(365).inProducts("p2", "p3").sum().isBetween(119, 121), s))
                .isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.interactions().lastDays(7).inChannels("phone").count().isEqualTo(1), s))
                .isEqualTo(Truth.TRUE);
    }

    @Test
    void aggregate_overNothingIsZeroOrAbsent() {
        SubjectRecord s = empty();
        assertThat(eval(Rules.purchases().lastDays(30).count().isEqualTo(0), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(30).sum().isEqualTo(0), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(30).average().isAtLeast(0), s)).isEqualTo(Truth.UNKNOWN);
        assertThat(eval(Rules.purchases().lastDays(30).min().isAbsent(), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(30).max().isPresent(), s)).isEqualTo(Truth.FALSE);
        assertThat(eval(Rules.purchases().lastDays(30).count().isIn(0, 1), s)).isEqualTo(Truth.TRUE);
        assertThat(eval(Rules.purchases().lastDays(30).count().isNotIn(0), s)).isEqualTo(Truth.FALSE);
    }

    @Test
    void aggregateBuilder_refusesRepeatedOrMissingOptions() {
        assertThatThrownBy(() -> Rules.purchases().lastDays(3).lastDays(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Rules.purchases().inChannels("a").inChannels("b"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Rules.purchases().sum()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Rules.purchases().lastDays(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registry_refusesDuplicateNames() {
        AttributeRegistry.Builder b = AttributeRegistry.builder().number("score", "x");
        assertThatThrownBy(() -> b.string("score", "y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'score' is already registered as number");
        assertThatThrownBy(() -> AttributeRegistry.builder().addAll(StandardAttributes.registry()).number("age", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attribute.of("Bad Name", AttributeType.NUMBER, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Bad Name'");
    }

    @Test
    void subjectRecord_refusesWrongTypesAndUndeclaredEnumValues() {
        assertThatThrownBy(() -> empty().setText("n", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> empty().setText("e", "purple")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purple");
        assertThatThrownBy(() -> empty().setNumber("n", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
