package org.crmkit.core.lifecycle;

import java.util.Objects;
import java.util.function.BiFunction;
import org.crmkit.core.segment.CompiledRule;
import org.crmkit.core.segment.Subject;

/**
 * Lifecycle guards written as segmentation rules: a {@link CompiledRule} (fluent or JSON,
 * see {@link org.crmkit.core.segment.Rules}) becomes a {@link Guard}, so that "may move to
 * maturity" and "belongs to the loyal segment" are one rule, checked and compiled once.
 *
 * <p>The guard holds only when the rule is TRUE: a rule that is FALSE or UNKNOWN (an
 * attribute it reads is absent) refuses the transition, which the lifecycle reports as
 * {@link Outcome.GuardFailed} naming the guard.
 *
 * <pre>{@code
 * CompiledRule loyal = CompiledRule.compile(
 *         Rules.attribute("orders_365d").isAtLeast(4), registry);
 * Lifecycle<Subject, Void> lifecycle = Lifecycle.<Subject, Void>builder("relationship")
 *         .initial("development").state("maturity")
 *         .transition("development", "review", "maturity", "loyal")
 *         .guard("loyal", SegmentGuards.of(loyal))
 *         .build();
 * }</pre>
 *
 * <p>The guards are stateless and thread-safe as long as the subjects passed to them are not
 * shared between threads while being evaluated (compiled rules never retain a subject).
 */
public final class SegmentGuards {

    private SegmentGuards() {
    }

    /**
     * A guard over subjects that are rule subjects themselves, ignoring the context.
     *
     * @param rule the compiled rule, not null
     * @param <C> the context type
     * @return a guard that holds when the rule is TRUE for the subject, never null
     */
    public static <C> Guard<Subject, C> of(CompiledRule rule) {
        Objects.requireNonNull(rule, "rule");
        return (subject, context) -> rule.test(subject);
    }

    /**
     * A guard over any subject type, through a view that presents the subject and context as
     * a rule subject (for example a customer seen as of the context's date).
     *
     * <pre>{@code
     * Guard<Customer, LocalDate> loyal = SegmentGuards.of(rule,
     *         (customer, asOf) -> view.of(customer, asOf));
     * }</pre>
     *
     * @param rule the compiled rule, not null
     * @param view turns subject and context into the rule subject, not null; must not return null
     * @param <S> the lifecycle's subject type
     * @param <C> the context type
     * @return a guard that holds when the rule is TRUE for the viewed subject, never null
     * @throws NullPointerException from the guard if the view returns null
     */
    public static <S, C> Guard<S, C> of(CompiledRule rule,
            BiFunction<? super S, ? super C, ? extends Subject> view) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(view, "view");
        return (subject, context) -> rule.test(Objects.requireNonNull(view.apply(subject, context),
                "the view returned no subject"));
    }
}
