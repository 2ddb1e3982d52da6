package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.crmkit.core.segment.RuleProblem;
import org.junit.jupiter.api.Test;

/** Every validation error of a definition built in Java, with its path. */
class LifecycleValidationTest {

    private static Lifecycle.Builder<Object, Object> base() {
        return Lifecycle.<Object, Object>builder("test").initial("a").state("b").terminal("z")
                .transition("a", "go", "b").transition("b", "end", "z");
    }

    private static List<RuleProblem> problems(Lifecycle.Builder<Object, Object> b) {
        return catchThrowableOfType(LifecycleDefinitionException.class, b::build).problems();
    }

    @Test
    void build_validDefinition() {
        Lifecycle<Object, Object> l = base().build();
        assertThat(l.states()).extracting(State::name).containsExactly("a", "b", "z");
        assertThat(l.initial().name()).isEqualTo("a");
        assertThat(l.isTerminal(l.state("z"))).isTrue();
        assertThat(l.events()).containsExactly("go", "end");
        assertThat(l.allowedEvents(l.state("a"))).containsExactly("go");
        assertThat(l.allowedEvents(l.state("z"))).isEmpty();
    }

    @Test
    void build_transitionToUndefinedState() {
        assertThat(problems(base().transition("b", "jump", "nowhere")))
                .containsExactly(new RuleProblem("$.transitions[2].to",
                        "transition to undefined state 'nowhere'; states are [a, b, z]"));
    }

    @Test
    void build_transitionFromUndefinedState() {
        assertThat(problems(base().transition("ghost", "go", "b")))
                .extracting(RuleProblem::path).containsExactly("$.transitions[2].from");
    }

    @Test
    void build_unreachableState() {
        assertThat(problems(base().state("island")))
                .containsExactly(new RuleProblem("$.states[3]",
                        "state 'island' is unreachable from initial state 'a'"));
    }

    @Test
    void build_terminalStateWithOutgoingTransition() {
        assertThat(problems(base().transition("z", "reopen", "a")))
                .containsExactly(new RuleProblem("$.transitions[2].from",
                        "terminal state 'z' must not have an outgoing transition (z --reopen--> a)"));
    }

    @Test
    void build_duplicateState() {
        assertThat(problems(base().state("b")))
                .containsExactly(new RuleProblem("$.states[3].name",
                        "duplicate state 'b', first defined at $.states[1]"));
    }

    @Test
    void build_duplicateTransition() {
        assertThat(problems(base().transition("a", "go", "b")))
                .extracting(RuleProblem::path).containsExactly("$.transitions[2]");
    }

    @Test
    void build_twoUnguardedTransitionsForOneStateAndEventAreAlwaysAmbiguous() {
        List<RuleProblem> p = problems(base().transition("a", "go", "z"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("$.transitions[2]");
        assertThat(p.get(0).message()).contains("always ambiguous").contains("$.transitions[0]");
    }

    @Test
    void build_sameGuardOnTwoTransitionsIsAlwaysAmbiguous() {
        List<RuleProblem> p = problems(Lifecycle.<Object, Object>builder("g")
                .initial("a").state("b", "c")
                .transition("a", "go", "b", "ok").transition("a", "go", "c", "ok")
                .guard("ok", (s, c) -> true));
        assertThat(p).extracting(RuleProblem::path).containsExactly("$.transitions[1].guard");
    }

    @Test
    void build_unboundGuardAndAction() {
        List<RuleProblem> p = problems(base()
                .transition(Transition.of("a", "skip", "z").guardedBy("missing").withActions("nope"))
                .onEntry("b", "alsoMissing"));
        assertThat(p).extracting(RuleProblem::path)
                .containsExactly("$.states[1].entry[0]", "$.transitions[2].guard", "$.transitions[2].actions[0]");
        assertThat(p.get(1).message()).isEqualTo("no guard named 'missing' is bound; bound guards are []");
    }

    @Test
    void build_actionsForUndefinedState() {
        assertThat(problems(base().onExit("q")))
                .containsExactly(new RuleProblem("$.onExit(q)", "onExit actions for undefined state 'q'"));
    }

    @Test
    void build_noInitialState() {
        assertThat(problems(Lifecycle.<Object, Object>builder("x").state("a")))
                .containsExactly(new RuleProblem("$.initial", "no initial state is given"));
    }

    @Test
    void build_reportsEveryProblemAtOnce() {
        LifecycleDefinitionException e = catchThrowableOfType(LifecycleDefinitionException.class,
                () -> base().state("island").transition("z", "reopen", "nowhere").build());
        assertThat(e.problems()).hasSize(3);
        assertThat(e).hasMessageStartingWith("invalid lifecycle 'test' (3 problems): ");
    }

    @Test
    void builder_rejectsOptionsSetTwiceAndBadNames() {
        assertThatThrownBy(() -> base().initial("again")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initial state already set to 'a'");
        assertThatThrownBy(() -> base().onEntry("a", "x").onEntry("a", "y")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Lifecycle.builder(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().state((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> base().guard("g", (s, c) -> true).guard("g", (s, c) -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("guard 'g' is registered twice");
        assertThatThrownBy(() -> Transition.of("a", "e", "b").guardedBy("g").guardedBy("h"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void state_unknownNameIsAnError() {
        Lifecycle<Object, Object> l = base().build();
        UnknownStateException e = catchThrowableOfType(UnknownStateException.class, () -> l.state("nirvana"));
        assertThat(e.state()).isEqualTo("nirvana");
        assertThat(e).hasMessage("lifecycle 'test' has no state 'nirvana'; states are [a, b, z]");
        assertThatThrownBy(() -> l.isTerminal(new State("a", 7))).isInstanceOf(UnknownStateException.class);
    }

    @Test
    void equals_comparesDeclarationsNotCode() {
        Lifecycle<Object, Object> one = base().transition("a", "hop", "z", "g").guard("g", (s, c) -> true).build();
        Lifecycle<Object, Object> two = base().transition("a", "hop", "z", "g").guard("g", (s, c) -> false).build();
        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two).isNotEqualTo(base().build());
    }
}
