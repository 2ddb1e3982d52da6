package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.crmkit.core.segment.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON round-trip and JSON validation errors with their paths. */
class LifecycleJsonTest {

    private static final Bindings<Object, Object> BINDINGS = Bindings.builder()
            .guard("ok", (s, c) -> true)
            .action("note", (s, c, m) -> { })
            .build();

    static Stream<Lifecycle<Object, Object>> lifecycles() {
        Lifecycle<Object, Object> rich = Lifecycle.<Object, Object>builder("rich").initial("a").state("b").terminal("z")
                .transition(Transition.of("a", "go", "b").guardedBy("ok").withActions("note"))
                .transition("a", "go", "z")
                .transition("b", "end", "z")
                .onEntry("b", "note").onExit("a", "note")
                .bindings(BINDINGS)
                .build();
        return Stream.of(rich, StandardLifecycles.relationship(), StandardLifecycles.statusPipeline(),
                StandardLifecycles.buyerReadiness(), StandardLifecycles.marketingFunnel());
    }

    @ParameterizedTest
    @MethodSource("lifecycles")
    void writeThenRead_givesAnEqualDefinition(Lifecycle<Object, Object> lifecycle) {
        String json = LifecycleJson.writeLifecycle(lifecycle);
        Lifecycle<Object, Object> back = LifecycleJson.readLifecycle(json, BINDINGS);
        assertThat(back).isEqualTo(lifecycle);
        assertThat(back.transitions()).isEqualTo(lifecycle.transitions());
        assertThat(back.states()).isEqualTo(lifecycle.states());
        assertThat(LifecycleJson.writeLifecycle(back)).isEqualTo(json);
    }

    @Test
    void writeLifecycle_hasTheDocumentedShape() {
        Lifecycle<Object, Object> l = Lifecycle.<Object, Object>builder("s").initial("a").terminal("z")
                .transition(Transition.of("a", "go", "z").guardedBy("ok")).bindings(BINDINGS).build();
        assertThat(LifecycleJson.writeLifecycle(l).replaceAll("\\s", "")).isEqualTo(
                "{\"name\":\"s\",\"initial\":\"a\",\"states\":[{\"name\":\"a\"},{\"name\":\"z\",\"terminal\":true}],"
                        + "\"transitions\":[{\"from\":\"a\",\"event\":\"go\",\"to\":\"z\",\"guard\":\"ok\"}]}");
    }

    private static List<RuleProblem> problems(String json) {
        return catchThrowableOfType(LifecycleDefinitionException.class, () -> LifecycleJson.readLifecycle(json, BINDINGS))
                .problems();
    }

    @Test
    void readLifecycle_validationErrorsNameTheirJsonPath() {
        String json = "{\"name\":\"bad\",\"initial\":\"a\",\"states\":[{\"name\":\"a\"},{\"name\":\"a\"},"
                + "{\"name\":\"z\",\"terminal\":true},{\"name\":\"lost\"}],"
                + "\"transitions\":[{\"from\":\"a\",\"event\":\"go\",\"to\":\"z\"},"
                + "{\"from\":\"z\",\"event\":\"back\",\"to\":\"a\"},"
                + "{\"from\":\"a\",\"event\":\"go\",\"to\":\"nowhere\",\"guard\":\"unbound\"}]}";
        assertThat(problems(json)).extracting(RuleProblem::path).containsExactly(
                "$.states[1].name", "$.transitions[1].from", "$.transitions[2].to", "$.transitions[2].guard", "$.states[3]");
    }

    @Test
    void readLifecycle_structuralErrorsNameTheirJsonPath() {
        String json = "{\"name\":\"bad\",\"initial\":\"a\",\"colour\":\"red\",\"states\":[{\"name\":\"a\",\"terminal\":\"yes\"},"
                + "\"b\",{\"name\":\" \"}],\"transitions\":[{\"from\":\"a\",\"event\":\"go\"}]}";
        List<RuleProblem> p = problems(json);
        assertThat(p).extracting(RuleProblem::path).containsExactly(
                "$.colour", "$.states[0].terminal", "$.states[1]", "$.states[2].name", "$.transitions[0].to");
        assertThat(p.get(0).message()).isEqualTo("unknown field 'colour'; known fields are [initial, name, states, transitions]");
        assertThat(p.get(4).message()).isEqualTo("is required");
    }

    @Test
    void readLifecycle_emptyStatesAndMissingName() {
        assertThat(problems("{\"initial\":\"a\",\"states\":[]}")).containsExactly(
                new RuleProblem("$.name", "is required"));
        assertThat(problems("{\"name\":\"x\",\"initial\":\"a\",\"states\":[]}")).containsExactly(
                new RuleProblem("$.states", "a lifecycle needs at least one state"),
                new RuleProblem("$.initial", "initial state 'a' is not defined; states are []"));
    }

    @Test
    void readLifecycle_malformedJsonNamesLineAndColumn() {
        List<RuleProblem> p = problems("{\"name\": \"x\",\n \"states\": [}");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$");
        assertThat(p.get(0).message()).startsWith("malformed JSON at line 2, column");
    }

    @Test
    void policy_roundTripsAndValidates() {
        LifecyclePolicy policy = StandardLifecycles.relationshipPolicy();
        String json = LifecycleJson.writePolicy(policy);
        assertThat(LifecycleJson.readPolicy(json)).isEqualTo(policy);
        LifecyclePolicy withCategory = LifecyclePolicy.of("c",
                Rule.of("vip", Rule.Condition.oneOf("rfm_segment", "champions"), "mature", "development"));
        assertThat(LifecycleJson.readPolicy(LifecycleJson.writePolicy(withCategory))).isEqualTo(withCategory);

        LifecycleDefinitionException e = catchThrowableOfType(LifecycleDefinitionException.class, () -> LifecycleJson.readPolicy(
                "{\"name\":\"p\",\"rules\":[{\"name\":\"r\",\"event\":\"e\",\"signal\":\"s\",\"below\":1,\"above\":2},"
                        + "{\"name\":\"r\",\"event\":\"e\",\"signal\":\"s\",\"below\":\"low\"}]}"));
        assertThat(e.problems()).extracting(RuleProblem::path)
                .containsExactly("$.rules[0]", "$.rules[1].name", "$.rules[1].below");
    }
}
