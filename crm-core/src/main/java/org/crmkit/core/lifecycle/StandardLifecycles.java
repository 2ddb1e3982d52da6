package org.crmkit.core.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The lifecycles a CRM textbook names, shipped as JSON resources next to this class.
 *
 * <ul>
 *   <li>{@link #relationship()}: the customer-relationship lifecycle (客户关系生命周期),
 *       exploration (考察期) -> development (发展期) -> maturity (成熟期) -> decline (衰退期) ->
 *       terminated, with recovery from decline and win-back reopening a terminated relationship.
 *       The phases follow Dwyer, Schurr &amp; Oh (1987), "Developing Buyer-Seller Relationships",
 *       Journal of Marketing 51(2): exploration, expansion, commitment, dissolution.
 *       {@link #relationshipPolicy()} moves customers by purchase recency, repeat purchases,
 *       probability alive and spend change.</li>
 *   <li>{@link #statusPipeline()}: potential (潜在客户) -> intention (意向客户, B needs time, A can
 *       sign soon) -> current (现有客户, C unqualified, B qualified, A key) -> terminated
 *       (已终止合作客户, terminal).</li>
 *   <li>{@link #buyerReadiness()}: unaware, aware, informed, interested, desire, intends to buy,
 *       purchased (terminal); interest can be lost back to informed.</li>
 *   <li>{@link #marketingFunnel()}: subscriber -> lead -> marketing-qualified -> sales-qualified
 *       -> opportunity -> customer -> advocate, with disqualification and lost opportunities
 *       returning to lead.</li>
 * </ul>
 *
 * <pre>{@code
 * Lifecycle<Customer, Void> relationship = StandardLifecycles.relationship();
 * System.out.println(relationship.toMermaid());
 * }</pre>
 *
 * <p>The definitions carry no guards or actions, so one instance serves every subject and context
 * type; add behaviour with {@link Lifecycle#withListener}, or copy the JSON and bind guards.
 * Thread-safe.
 */
public final class StandardLifecycles {

    /** Signal: whole days since the customer's last purchase. */
    public static final String DAYS_SINCE_LAST_PURCHASE = "days_since_last_purchase";
    /** Signal: number of repeat purchases (purchases after the first). */
    public static final String REPEAT_PURCHASES = "repeat_purchases";
    /** Signal: probability that the customer is still active ("alive"), from a BTYD model. */
    public static final String P_ALIVE = "p_alive";
    /** Signal: relative change of spend against a reference period, e.g. -0.5 for a halving. */
    public static final String SPEND_CHANGE = "spend_change";
    /** Signal: the churn warning level, 0 none, 1 watch, 2 warning, 3 critical. */
    public static final String CHURN_LEVEL = "churn_level";

    private static final Lifecycle<Object, Object> RELATIONSHIP = load("relationship.json");
    private static final Lifecycle<Object, Object> STATUS_PIPELINE = load("status-pipeline.json");
    private static final Lifecycle<Object, Object> BUYER_READINESS = load("buyer-readiness.json");
    private static final Lifecycle<Object, Object> MARKETING_FUNNEL = load("marketing-funnel.json");
    private static final LifecyclePolicy RELATIONSHIP_POLICY = LifecycleJson.readPolicy(text("relationship-policy.json"));

    private StandardLifecycles() {
    }

    /**
     * Returns the relationship lifecycle: states exploration, development, maturity, decline,
     * terminated; events develop, mature, weaken, recover, terminate, win_back.
     *
     * @param <S> the subject type
     * @param <C> the context type
     * @return the lifecycle, never null
     */
    public static <S, C> Lifecycle<S, C> relationship() {
        return cast(RELATIONSHIP);
    }

    /**
     * Returns the automatic rules for {@link #relationship()}, in precedence order: terminate
     * after 365 days without purchase (from exploration or decline); weaken to decline when
     * {@code p_alive < 0.3}, on a churn warning ({@code churn_level >= 2}: level warning or
     * critical), when spend halves ({@code spend_change <= -0.5}, maturity only) or
     * after 180 days without purchase; develop after the first repeat purchase; mature after four;
     * recover from decline, or win back a terminated customer, on a purchase in the last 30 days;
     * recover from decline when the churn warning is gone ({@code churn_level < 1}).
     * Signals: {@link #DAYS_SINCE_LAST_PURCHASE}, {@link #REPEAT_PURCHASES}, {@link #P_ALIVE},
     * {@link #SPEND_CHANGE}, {@link #CHURN_LEVEL} (0 none, 1 watch, 2 warning, 3 critical, as
     * published by crm-scoring's {@code ChurnSignals}); rules whose signal is absent do not apply.
     *
     * @return the policy, never null
     */
    public static LifecyclePolicy relationshipPolicy() {
        return RELATIONSHIP_POLICY;
    }

    /**
     * Returns the status pipeline: potential, intention_b, intention_a, current_c, current_b,
     * current_a, terminated (terminal).
     *
     * @param <S> the subject type
     * @param <C> the context type
     * @return the lifecycle, never null
     */
    public static <S, C> Lifecycle<S, C> statusPipeline() {
        return cast(STATUS_PIPELINE);
    }

    /**
     * Returns the buyer-readiness funnel: unaware, aware, informed, interested, desire,
     * intends_to_buy, purchased (terminal).
     *
     * @param <S> the subject type
     * @param <C> the context type
     * @return the lifecycle, never null
     */
    public static <S, C> Lifecycle<S, C> buyerReadiness() {
        return cast(BUYER_READINESS);
    }

    /**
     * Returns the marketing funnel: subscriber, lead, marketing_qualified, sales_qualified,
     * opportunity, customer, advocate.
     *
     * @param <S> the subject type
     * @param <C> the context type
     * @return the lifecycle, never null
     */
    public static <S, C> Lifecycle<S, C> marketingFunnel() {
        return cast(MARKETING_FUNNEL);
    }

    /**
     * Returns the JSON text of a built-in definition, for copying and extending.
     *
     * @param resource one of {@code relationship.json}, {@code relationship-policy.json},
     *                 {@code status-pipeline.json}, {@code buyer-readiness.json},
     *                 {@code marketing-funnel.json}
     * @return the JSON text, never null
     * @throws IllegalArgumentException if there is no such resource
     */
    public static String json(String resource) {
        return text(resource);
    }

    @SuppressWarnings("unchecked") // no guards or actions: nothing ever receives an S or a C
    private static <S, C> Lifecycle<S, C> cast(Lifecycle<Object, Object> lifecycle) {
        return (Lifecycle<S, C>) (Lifecycle<?, ?>) lifecycle;
    }

    private static Lifecycle<Object, Object> load(String resource) {
        return LifecycleJson.readLifecycle(text(resource), Bindings.empty());
    }

    private static String text(String resource) {
        try (InputStream in = StandardLifecycles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in lifecycle resource '" + resource + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
