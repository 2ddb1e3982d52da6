package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.segment.AttributeRegistry;
import org.crmkit.core.segment.CompiledRule;
import org.crmkit.core.segment.Rules;
import org.crmkit.core.segment.Subject;
import org.crmkit.core.segment.SubjectRecord;
import org.junit.jupiter.api.Test;

class SegmentGuardsTest {
    private static final AttributeRegistry REGISTRY = AttributeRegistry.builder()
            .number("orders_365d", "orders in the last year").build();
    private static final CompiledRule LOYAL = CompiledRule.compile(
            Rules.attribute("orders_365d").isAtLeast(4), REGISTRY);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");

    private static SubjectRecord customer(Double orders) {
        SubjectRecord s = new SubjectRecord(REGISTRY).asOf(LocalDate.of(2026, 2, 1));
        return orders == null ? s : s.setNumber("orders_365d", orders);
    }

    private static Lifecycle<Subject, Void> lifecycle() {
        return Lifecycle.<Subject, Void>builder("relationship")
                .initial("development").state("maturity")
                .transition("development", "review", "maturity", "loyal")
                .guard("loyal", SegmentGuards.of(LOYAL))
                .build();
    }

    @Test
    void of_ruleTrue_movesTheSubject() {
        Lifecycle<Subject, Void> l = lifecycle();
        Outcome o = l.decide(l.start(T0), customer(5.0), null, Trigger.of("review", T1));
        assertThat(o).isInstanceOfSatisfying(Outcome.Moved.class,
                m -> assertThat(m.to().name()).isEqualTo("maturity"));
    }

    @Test
    void of_ruleFalseOrUnknown_isAGuardFailureNamingTheGuard() {
        Lifecycle<Subject, Void> l = lifecycle();
        for (Double orders : new Double[] {3.0, null}) {
            Outcome o = l.decide(l.start(T0), customer(orders), null, Trigger.of("review", T1));
            assertThat(o).as("orders %s", orders).isInstanceOfSatisfying(Outcome.GuardFailed.class,
                    f -> assertThat(f.guards()).isEqualTo(List.of("loyal")));
        }
    }

    @Test
    void of_view_readsAnySubjectTypeThroughTheRule() {
        Guard<Integer, LocalDate> guard = SegmentGuards.of(LOYAL,
                (orders, asOf) -> new SubjectRecord(REGISTRY).asOf(asOf).setNumber("orders_365d", orders));
        assertThat(guard.test(4, LocalDate.of(2026, 2, 1))).isTrue();
        assertThat(guard.test(1, LocalDate.of(2026, 2, 1))).isFalse();
    }

    @Test
    void of_nullArguments_areRejected() {
        assertThatThrownBy(() -> SegmentGuards.of(null)).isInstanceOf(NullPointerException.class).hasMessage("rule");
        assertThatThrownBy(() -> SegmentGuards.of(LOYAL, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("view");
        Guard<String, Void> broken = SegmentGuards.of(LOYAL, (s, c) -> null);
        assertThatThrownBy(() -> broken.test("x", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("no subject");
    }
}
