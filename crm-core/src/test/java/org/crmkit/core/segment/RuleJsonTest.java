package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleJsonTest {

    static final AttributeRegistry REGISTRY = CompiledRuleTest.REGISTRY;

    static Stream<Rule> shapes() {
        LocalDate d = LocalDate.of(2026, 2, 28);
        return Stream.of(
                Rules.attribute("n").isEqualTo(3), Rules.attribute("n").isNotEqualTo(-2.5),
                Rules.attribute("n").isEqualTo(-0.0), Rules.attribute("n").isIn(1e15, -123456789.125),
                Rules.attribute("n").isLessThan(1e-3), Rules.attribute("n").isAtMost(1e20),
                Rules.attribute("n").isGreaterThan(0), Rules.attribute("n").isAtLeast(7),
                Rules.attribute("n").isBetween(1, 2.75), Rules.attribute("n").isIn(1, 2, 3),
                Rules.attribute("n").isNotIn(4), Rules.attribute("d").isEqualTo(d),
                Rules.attribute("d").isBetween(d, d.plusDays(1)), Rules.attribute("d").isLessThan(d),
                Rules.attribute("s").isEqualTo("x\"y\\z"), Rules.attribute("s").isIn("a", "b"),
                Rules.attribute("s").isNotIn("c"), Rules.attribute("s").contains("ü"),
                Rules.attribute("s").startsWith("pre"), Rules.attribute("s").matches("[a-z]+\\d?"),
                Rules.attribute("b").isEqualTo(false), Rules.attribute("b").isNotEqualTo(true),
                Rules.attribute("e").isEqualTo("red"), Rules.attribute("e").isNotIn("red", "blue"),
                Rules.attribute("tags").contains("vip"), Rules.attribute("s").isPresent(),
                Rules.attribute("tags").isAbsent(),
                Rules.purchases().lastDays(90).sum().isAtLeast(100),
                Rules.interactions().lastDays(7).inChannels("phone", "email").count().isGreaterThan(2),
                Rules.purchases().lastDays(365).inProducts("p1").inCategories("books").inChannels("web")
                        .average().isBetween(10, 20),
                Rules.purchases().lastDays(30).min().isAbsent(),
                Rules.purchases().lastDays(30).max().isIn(5, 6),
                Rules.all(Rules.attribute("n").isAtLeast(1), Rules.attribute("s").isPresent()),
                Rules.any(Rules.attribute("n").isAtLeast(1), Rules.not(Rules.attribute("b").isEqualTo(true))),
                Rules.not(Rules.all(Rules.any(Rules.attribute("e").isEqualTo("blue")))));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void writeThenRead_givesEqualRule(Rule rule) {
        String json = RuleJson.writeRule(rule);
        Rule back = RuleJson.readRule(json, REGISTRY);
        assertThat(back).isEqualTo(rule);
        assertThat(RuleJson.writeRule(back)).isEqualTo(json);
    }

    @Test
    void writeRule_usesTheDocumentedShape() {
        assertThat(RuleJson.writeRule(Rules.all(Rules.attribute("n").isAtLeast(18),
                Rules.attribute("d").isBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)))))
                .isEqualTo("{\"all\":[{\"attribute\":\"n\",\"op\":\">=\",\"value\":18},"
                        + "{\"attribute\":\"d\",\"op\":\"between\",\"values\":[\"2026-01-01\",\"2026-01-31\"]}]}");
    }

    @Test
    void segmentation_roundTripsWithDeclaredAttributes() {
        Segmentation s = Segmentation.builder("loyalty")
                .mode(Segmentation.Mode.ALL_MATCHES)
                .defaultSegment("none")
                .declare(Attribute.ofEnum("shop.level", List.of("basic", "plus"), "scheme level"))
                .declare(Attribute.of("shop.points", AttributeType.NUMBER, ""))
                .segment("plus", "plus members", Rules.attribute("shop.level").isEqualTo("plus"))
                .segment("rich", "", Rules.attribute("shop.points").isAtLeast(1000))
                .build();
        String json = RuleJson.writeSegmentation(s);
        assertThat(RuleJson.readSegmentation(json, StandardAttributes.registry())).isEqualTo(s);
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void builtIns_roundTrip(String name) {
        Segmentation s = BuiltInSegmentations.load(name);
        assertThat(RuleJson.readSegmentation(RuleJson.writeSegmentation(s), StandardAttributes.registry()))
                .isEqualTo(s);
    }

    static Stream<String> builtIns() {
        return BuiltInSegmentations.names().stream();
    }

    static Stream<Arguments> invalidRules() {
        return Stream.of(
                Arguments.of("{\"attribute\":\"agee\",\"op\":\">=\",\"value\":1}", "$.attribute",
                        "unknown attribute 'agee'"),
                Arguments.of("{\"attribute\":\"n\",\"op\":\"~\",\"value\":1}", "$.op", "unknown operator '~'"),
                Arguments.of("{\"attribute\":\"n\",\"op\":\"contains\",\"value\":\"1\"}", "$.op",
                        "does not apply to number"),
                Arguments.of("{\"attribute\":\"n\",\"op\":\">=\",\"value\":\"1\"}", "$.value", "is not a number"),
                Arguments.of("{\"attribute\":\"d\",\"op\":\">=\",\"value\":\"31.01.2026\"}", "$.value",
                        "expected a date yyyy-MM-dd"),
                Arguments.of("{\"attribute\":\"s\",\"op\":\"matches\",\"value\":\"[a-\"}", "$.value",
                        "malformed regular expression"),
                Arguments.of("{\"attribute\":\"n\",\"op\":\"between\",\"value\":1}", "$.value", "takes \"values\""),
                Arguments.of("{\"attribute\":\"n\",\"op\":\"in\",\"values\":[1,{}]}", "$.values[1]",
                        "expected a number, string or boolean"),
                Arguments.of("{\"attribute\":\"n\",\"op\":\"present\",\"value\":1}", "$", "takes no value"),
                Arguments.of("{\"attribute\":\"n\",\"op\":\">\"}", "$.value", "needs a \"value\""),
                Arguments.of("{\"attribute\":\"n\",\"op\":\">\",\"value\":1,\"colour\":1}", "$.colour",
                        "unknown key 'colour'"),
                Arguments.of("{\"all\":[]}", "$.all", "non-empty array"),
                Arguments.of("{\"all\":[{\"attribute\":\"n\",\"op\":\">\",\"value\":1},"
                        + "{\"any\":[{\"not\":{\"attribute\":\"e\",\"op\":\"=\",\"value\":\"pink\"}}]}]}",
                        "$.all[1].any[0].not.value", "not a value of enum attribute 'e'"),
                Arguments.of("{\"aggregate\":{\"function\":\"median\",\"of\":\"purchases\",\"days\":3},"
                        + "\"op\":\">\",\"value\":1}", "$.aggregate.function", "unknown function 'median'"),
                Arguments.of("{\"aggregate\":{\"function\":\"sum\",\"of\":\"purchases\",\"days\":0},"
                        + "\"op\":\">\",\"value\":1}", "$.aggregate.days", "whole number of days"),
                Arguments.of("{\"aggregate\":{\"function\":\"sum\",\"of\":\"visits\",\"days\":3},"
                        + "\"op\":\">\",\"value\":1}", "$.aggregate.of", "unknown source 'visits'"),
                Arguments.of("{\"attribute\":\"n\",\"op\":\">\",\"value\":1,\"op\":\"<\"}", "$", "Duplicate field"),
                Arguments.of("{\"attribute\":\"n\",", "$", "line 1"),
                Arguments.of("[1]", "$", "a rule must be a JSON object"),
                Arguments.of("{\"attribute\":\"n\",\"aggregate\":{},\"op\":\">\",\"value\":1}", "$",
                        "exactly one of"));
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void readRule_refusesInvalidWithPath(String json, String path, String message) {
        assertThatThrownBy(() -> RuleJson.readRule(json, REGISTRY))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith(path + ":")
                .hasMessageContaining(message);
    }

    @Test
    void readSegmentation_refusesInvalidWithPath() {
        String json = "{\"segmentation\":\"x\",\"default\":\"other\",\"segments\":["
                + "{\"name\":\"a\",\"rule\":{\"attribute\":\"age\",\"op\":\">=\",\"value\":18}},"
                + "{\"name\":\"b\",\"rule\":{\"all\":[{\"attribute\":\"age\",\"op\":\"<\",\"value\":18},"
                + "{\"attribute\":\"gender\",\"op\":\"=\",\"value\":\"f\"}]}}]}";
        assertThatThrownBy(() -> RuleJson.readSegmentation(json, StandardAttributes.registry()))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("$.segments[1].rule.all[1].value: 'f' is not a value of enum attribute 'gender'");
    }

    @Test
    void readSegmentation_refusesConflictingDeclarationAndDuplicateSegment() {
        String conflict = "{\"segmentation\":\"x\",\"default\":\"o\",\"attributes\":[{\"name\":\"age\","
                + "\"type\":\"string\"}],\"segments\":[{\"name\":\"a\",\"rule\":{\"attribute\":\"age\",\"op\":\"present\"}}]}";
        assertThatThrownBy(() -> RuleJson.readSegmentation(conflict, StandardAttributes.registry()))
                .isInstanceOf(InvalidRuleException.class).hasMessageStartingWith("$.attributes[0]:");
        String dup = "{\"segmentation\":\"x\",\"default\":\"a\",\"segments\":[{\"name\":\"a\",\"rule\":"
                + "{\"attribute\":\"age\",\"op\":\"present\"}}]}";
        assertThatThrownBy(() -> RuleJson.readSegmentation(dup, StandardAttributes.registry()))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("'a' is used twice");
    }

    @Test
    void readRule_refusesRuleNestedDeeperThanLimit() {
        String leaf = "{\"attribute\":\"n\",\"op\":\"present\"}";
        String ok = "{\"not\":".repeat(Rules.MAX_DEPTH - 1) + leaf + "}".repeat(Rules.MAX_DEPTH - 1);
        assertThat(RuleJson.readRule(ok, REGISTRY).depth()).isEqualTo(Rules.MAX_DEPTH);
        String deep = "{\"not\":".repeat(Rules.MAX_DEPTH) + leaf + "}".repeat(Rules.MAX_DEPTH);
        assertThatThrownBy(() -> RuleJson.readRule(deep, REGISTRY))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("$" + ".not".repeat(Rules.MAX_DEPTH) + ": rule nesting deeper than 32");
    }

    @Test
    void readRule_refuses100000NestedLevelsWithoutStackOverflow() {
        int levels = 100_000;
        String arrays = "[".repeat(levels) + "]".repeat(levels);
        assertThatThrownBy(() -> RuleJson.readRule(arrays, REGISTRY))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("nesting depth");
        String rules = "{\"all\":[".repeat(levels) + "]}".repeat(levels);
        assertThatThrownBy(() -> RuleJson.readSegmentation(rules, REGISTRY))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void read_refusesOversizedDocuments() {
        String big = "{\"attribute\":\"s\",\"op\":\"=\",\"value\":\"" + "x".repeat(RuleJson.MAX_DOCUMENT_CHARS) + "\"}";
        assertThatThrownBy(() -> RuleJson.readRule(big, REGISTRY))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("at most 1000000 allowed");
        String leaf = "{\"attribute\":\"n\",\"op\":\"present\"},";
        String many = "{\"all\":[" + leaf.repeat(2 * RuleJson.MAX_DOCUMENT_CHARS / leaf.length()) + "]}";
        assertThatThrownBy(() -> RuleJson.readSegmentation(new java.io.StringReader(many), REGISTRY))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("Document length");
    }
}
