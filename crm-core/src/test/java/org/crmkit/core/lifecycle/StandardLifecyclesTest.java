package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The built-in lifecycles and the diagram exports. */
class StandardLifecyclesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void relationship_phasesAndWinBack() {
        Lifecycle<Object, Object> l = StandardLifecycles.relationship();
        assertThat(l.states()).extracting(State::name)
                .containsExactly("exploration", "development", "maturity", "decline", "terminated");
        LifecycleRecord r = l.start(T0);
        for (String event : new String[] {"develop", "mature", "weaken", "terminate", "win_back"}) {
            r = r.append((Outcome.Moved) l.decide(r, null, null, Trigger.of(event, T0)));
        }
        assertThat(r.state().name()).isEqualTo("exploration");
        assertThat(r.history()).hasSize(5);
        StandardLifecycles.relationshipPolicy().validate(l);
    }

    @Test
    void statusPipeline_terminatedIsTerminal() {
        Lifecycle<Object, Object> l = StandardLifecycles.statusPipeline();
        assertThat(l.states()).extracting(State::name).containsExactly(
                "potential", "intention_b", "intention_a", "current_c", "current_b", "current_a", "terminated");
        assertThat(l.isTerminal(l.state("terminated"))).isTrue();
        assertThat(l.allowedEvents(l.state("current_b"))).containsExactly("upgrade", "downgrade", "terminate");
    }

    @Test
    void funnels_haveTheTextbookStages() {
        assertThat(StandardLifecycles.buyerReadiness().states()).extracting(State::name).containsExactly(
                "unaware", "aware", "informed", "interested", "desire", "intends_to_buy", "purchased");
        assertThat(StandardLifecycles.marketingFunnel().states()).extracting(State::name).containsExactly(
                "subscriber", "lead", "marketing_qualified", "sales_qualified", "opportunity", "customer", "advocate");
        assertThatThrownBy(() -> StandardLifecycles.json("nope.json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toMermaid_writesStateDiagram() {
        Lifecycle<Object, Object> l = Lifecycle.<Object, Object>builder("m").initial("a").state("b c").terminal("z")
                .transition("a", "go", "b c", "ok").transition("b c", "end", "z").guard("ok", (s, c) -> true).build();
        assertThat(l.toMermaid()).isEqualTo("stateDiagram-v2\n"
                + "    state \"b c\" as s1\n"
                + "    [*] --> a\n"
                + "    a --> s1 : go [ok]\n"
                + "    s1 --> z : end\n"
                + "    z --> [*]\n");
    }

    @Test
    void toDot_writesDigraph() {
        Lifecycle<Object, Object> l = Lifecycle.<Object, Object>builder("d").initial("a").terminal("z")
                .transition("a", "go", "z").build();
        assertThat(l.toDot()).isEqualTo("digraph \"d\" {\n"
                + "    rankdir=LR;\n"
                + "    node [shape=box, style=rounded];\n"
                + "    \"__start\" [shape=point, label=\"\"];\n"
                + "    \"a\";\n"
                + "    \"z\" [peripheries=2];\n"
                + "    \"__start\" -> \"a\";\n"
                + "    \"a\" -> \"z\" [label=\"go\"];\n"
                + "}\n");
        assertThat(StandardLifecycles.relationship().toDot()).contains("\"terminated\" -> \"exploration\" [label=\"win_back\"];");
    }
}
