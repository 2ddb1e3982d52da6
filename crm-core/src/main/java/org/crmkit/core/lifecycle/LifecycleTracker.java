package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Keeps the lifecycle record of many subjects in memory and moves them: by events the
 * application fires, by signals from scoring ({@link #applySignals}), and as time passes
 * ({@link #advance}).
 *
 * <p><b>Concurrency.</b> Each subject's record is immutable and held in an atomic reference.
 * A writer reads the record, decides with {@link Lifecycle#decide}, and publishes the successor
 * with compare-and-set; so no move is ever lost, and when two writers race on one subject exactly
 * one of them wins. The loser, under {@link ConflictPolicy#RETRY} (the default), re-reads the
 * record and decides again against the new state (the event may now be refused); under
 * {@link ConflictPolicy#REPORT} it gets {@link Outcome.Conflict}. Guards may therefore be
 * evaluated more than once per event. With explicit versions
 * ({@link #fire(Object, long, Object, Object, Trigger)}) a caller gets {@link Outcome.Conflict}
 * whenever the record is no longer the version it read.
 *
 * <p><b>Actions and listeners.</b> The contract of a committed move is:
 * <ol>
 *   <li>they run only for the writer that committed, after the commit, on its thread;</li>
 *   <li>they run in commit order per subject: the side effects of a subject's version n + 1 start
 *       only after those of version n have finished (a committer waits for its predecessor's),
 *       while different subjects proceed in parallel;</li>
 *   <li>an action or listener that throws never makes the call throw, because the move is
 *       committed and a caller that retried would move the subject twice: the remaining side
 *       effects still run and each exception is reported as an {@link ActionFailure} in
 *       {@link Outcome.Moved#failures()} of the returned outcome (and of the moves in an
 *       {@link AdvanceReport}). An {@link Error} propagates, the move staying committed;</li>
 *   <li>an action or listener must not fire, apply signals or advance on the same tracker (that
 *       would wait for itself); doing so throws {@link IllegalStateException} before anything is
 *       decided. Queue such follow-up events and fire them after the call returns.</li>
 * </ol>
 *
 * <p><b>Context.</b> Guards and actions receive the subject and an optional context of type
 * {@code C}. Lifecycles that need none (typically {@code Lifecycle<Account, Void>}) use the
 * overloads without a context argument, which pass {@code null}.
 *
 * <pre>{@code
 * LifecycleTracker<CustomerId, Customer, Void> tracker =
 *         LifecycleTracker.builder(lifecycle)          // key type inferred from the assignment
 *                 .policy(policy)
 *                 .build();
 * tracker.enrol(id, firstPurchase);
 * tracker.fire(id, customer, Trigger.of("subscribe", at));
 * tracker.applySignals(id, customer, Signals.of("p_alive", 0.12), asOf);
 * AdvanceReport<CustomerId> report = tracker.advance(asOf, customers::get, recency);
 * report.countByState(); // {exploration=..., development=..., ...}
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread.
 *
 * @param <K> the key identifying a subject, for example a customer id; must be a good map key
 * @param <S> the subject type given to guards
 * @param <C> the context type given to guards
 */
public final class LifecycleTracker<K, S, C> {

    /** The actor recorded for moves made by {@link #applySignals} and {@link #advance}. */
    public static final String POLICY_ACTOR = "policy";

    private final Lifecycle<S, C> lifecycle;
    private final LifecyclePolicy policy;
    private final Rule[][] rulesByState;
    /** The reason recorded for a rule's moves, by rule name; precomputed so a move allocates no text. */
    private final Map<String, String> reasons = new java.util.HashMap<>();
    private final ConflictPolicy conflictPolicy;
    private final ConcurrentHashMap<K, Slot> records = new ConcurrentHashMap<>();
    /** The trackers whose side effects the current thread is running, to refuse re-entry. */
    private static final ThreadLocal<Set<LifecycleTracker<?, ?, ?>>> RUNNING_EFFECTS =
            ThreadLocal.withInitial(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    private LifecycleTracker(Lifecycle<S, C> lifecycle, LifecyclePolicy policy, ConflictPolicy conflictPolicy) {
        this.lifecycle = lifecycle;
        this.policy = policy == null ? LifecyclePolicy.none() : policy;
        this.rulesByState = this.policy.byState(lifecycle);
        this.conflictPolicy = conflictPolicy == null ? ConflictPolicy.RETRY : conflictPolicy;
        for (Rule r : this.policy.rules()) {
            reasons.put(r.name(), "rule '" + r.name() + "'");
        }
    }

    /**
     * Returns a builder for a tracker of the given lifecycle. The subject and context types come
     * from the lifecycle and the key type from the variable the tracker is assigned to, so no
     * type witness is needed.
     *
     * <pre>{@code
     * LifecycleTracker<String, Account, Void> tracker = LifecycleTracker.builder(onboarding).build();
     * }</pre>
     *
     * @param lifecycle the lifecycle, not null
     * @param <S>       the subject type
     * @param <C>       the context type
     * @return a builder, never null
     */
    public static <S, C> Builder<S, C> builder(Lifecycle<S, C> lifecycle) {
        return new Builder<>(Objects.requireNonNull(lifecycle, "lifecycle"));
    }

    /**
     * Returns the lifecycle.
     *
     * @return the lifecycle, never null
     */
    public Lifecycle<S, C> lifecycle() {
        return lifecycle;
    }

    /**
     * Returns the automatic policy.
     *
     * @return the policy, never null
     */
    public LifecyclePolicy policy() {
        return policy;
    }

    /**
     * Enrols a subject in the initial state.
     *
     * @param key the subject's key, not null
     * @param at  when, not null
     * @return the new record, never null
     * @throws IllegalStateException if the key is already enrolled
     */
    public LifecycleRecord enrol(K key, Instant at) {
        return enrol(key, lifecycle.start(at));
    }

    /**
     * Enrols a subject with an existing record, for example one rebuilt with
     * {@link Lifecycle#restore} or started in another state with {@link Lifecycle#start(State, Instant)}.
     *
     * @param key    the subject's key, not null
     * @param record a record of this tracker's lifecycle, not null
     * @return the record, never null
     * @throws IllegalStateException    if the key is already enrolled
     * @throws IllegalArgumentException if the record belongs to another lifecycle
     */
    public LifecycleRecord enrol(K key, LifecycleRecord record) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
        lifecycle.check(record.state());
        if (records.putIfAbsent(key, new Slot(record)) != null) {
            throw new IllegalStateException("subject " + key + " is already enrolled in lifecycle '" + lifecycle.name() + "'");
        }
        return record;
    }

    /**
     * Returns a subject's current record.
     *
     * @param key the subject's key, not null
     * @return the record, empty when the subject is not enrolled
     */
    public Optional<LifecycleRecord> record(K key) {
        Slot ref = records.get(Objects.requireNonNull(key, "key"));
        return ref == null ? Optional.empty() : Optional.of(ref.get());
    }

    /**
     * Returns the number of enrolled subjects.
     *
     * @return the count, zero or more
     */
    public int size() {
        return records.size();
    }

    /**
     * Fires an event on a subject without a context ({@code null} is given to guards and actions).
     *
     * <pre>{@code
     * Outcome o = tracker.fire("A-1", account, Trigger.of("subscribe", at, "sales", "card on file"));
     * }</pre>
     *
     * @param key     the subject's key, not null
     * @param subject the subject given to guards and actions
     * @param trigger the event, not null
     * @return the outcome, never null
     * @throws IllegalArgumentException if the key is not enrolled, or the trigger is earlier than
     *                                  the subject's last move when the call starts
     * @throws UnknownEventException    if the lifecycle has no such event
     * @throws IllegalStateException    if called from an action or listener of this tracker
     * @see #fire(Object, Object, Object, Trigger)
     */
    public Outcome fire(K key, S subject, Trigger trigger) {
        return fire(key, subject, null, trigger);
    }

    /**
     * Fires an event on a subject, retrying or reporting a lost race as configured. Under
     * {@link ConflictPolicy#RETRY} the event is decided again against the winner's record; if the
     * winner's move is later than this trigger's instant, the event is too late to apply and the
     * result is {@link Outcome.Conflict}. A move's actions have run when this returns; those that
     * threw are in {@link Outcome.Moved#failures()}, never thrown (see the class comment).
     *
     * @param key     the subject's key, not null
     * @param subject the subject given to guards and actions
     * @param context the context given to guards and actions
     * @param trigger the event, not null
     * @return the outcome, never null
     * @throws IllegalArgumentException if the key is not enrolled, or the trigger is earlier than
     *                                  the subject's last move when the call starts
     * @throws UnknownEventException    if the lifecycle has no such event
     * @throws IllegalStateException    if called from an action or listener of this tracker
     */
    public Outcome fire(K key, S subject, C context, Trigger trigger) {
        return fire(ref(key), -1, subject, context, trigger);
    }

    /**
     * Fires an event on a subject only if its record still has the expected version (optimistic
     * locking across a read-decide-write cycle of the caller).
     *
     * @param key             the subject's key, not null
     * @param expectedVersion the version the caller read, zero or more
     * @param subject         the subject given to guards and actions
     * @param context         the context given to guards and actions
     * @param trigger         the event, not null
     * @return the outcome; {@link Outcome.Conflict} when the version differs or changes meanwhile
     * @throws IllegalArgumentException if the key is not enrolled or the version is negative
     * @throws UnknownEventException    if the lifecycle has no such event
     * @throws IllegalStateException    if called from an action or listener of this tracker
     */
    public Outcome fire(K key, long expectedVersion, S subject, C context, Trigger trigger) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be >= 0 but was " + expectedVersion);
        }
        return fire(ref(key), expectedVersion, subject, context, trigger);
    }

    private Outcome fire(Slot ref, long expectedVersion, S subject, C context, Trigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        checkNotReentered();
        boolean first = true;
        for (;;) {
            LifecycleRecord current = ref.get();
            if (expectedVersion >= 0 && current.version() != expectedVersion) {
                return new Outcome.Conflict(trigger.event(), expectedVersion, current.version());
            }
            if (!first && trigger.at().isBefore(current.enteredAt())) {
                // a move committed meanwhile is later than this event; its time has passed
                return new Outcome.Conflict(trigger.event(), current.version() - 1, current.version());
            }
            first = false;
            Outcome outcome = lifecycle.decide(current, subject, context, trigger);
            if (!(outcome instanceof Outcome.Moved moved)) {
                return outcome;
            }
            Outcome.Moved committed = commit(ref, current, subject, context, moved);
            if (committed != null) {
                return committed;
            }
            if (conflictPolicy == ConflictPolicy.REPORT || expectedVersion >= 0) {
                return new Outcome.Conflict(trigger.event(), current.version(), ref.get().version());
            }
        }
    }

    /** Returns the move with its action failures, or null when the race was lost. */
    private Outcome.Moved commit(Slot ref, LifecycleRecord current, S subject, C context, Outcome.Moved moved) {
        LifecycleRecord next = current.appendDecided(moved);
        if (!ref.compareAndSet(current, next)) {
            return null;
        }
        if (!lifecycle.hasSideEffects()) {
            return moved;
        }
        ref.awaitTurn(next.version());
        Set<LifecycleTracker<?, ?, ?>> running = RUNNING_EFFECTS.get();
        running.add(this);
        try {
            return moved.withFailures(lifecycle.afterMove(subject, context, moved));
        } finally {
            running.remove(this);
            ref.done(next.version());
        }
    }

    private void checkNotReentered() {
        if (lifecycle.hasSideEffects() && RUNNING_EFFECTS.get().contains(this)) {
            throw new IllegalStateException("an action or listener of lifecycle '" + lifecycle.name()
                    + "' called its own tracker; queue the event and fire it after the call returns");
        }
    }

    /**
     * Applies the policy to one subject's signals without a context ({@code null} is given to
     * guards and actions); otherwise as {@link #applySignals(Object, Object, Object, Signals, Instant)}.
     *
     * <pre>{@code
     * Optional<Outcome> o = tracker.applySignals("A-1", account, Signals.of("p_alive", 0.12), asOf);
     * }</pre>
     *
     * @param key     the subject's key, not null
     * @param subject the subject given to guards
     * @param signals the subject's signals, not null
     * @param at      when, not before the subject's last move
     * @return the move; else the refusal or ambiguity of the first matching rule; empty when no
     *         rule matched
     * @throws IllegalArgumentException if the key is not enrolled or {@code at} is before the last move
     * @throws IllegalStateException    if called from an action or listener of this tracker
     */
    public Optional<Outcome> applySignals(K key, S subject, Signals signals, Instant at) {
        return applySignals(key, subject, null, signals, at);
    }

    /**
     * Applies the policy to one subject's signals: the first rule (in policy order) that applies
     * in the subject's state, whose condition holds, and whose event moves the subject, wins. The
     * move's actor is {@link #POLICY_ACTOR}, its reason {@code rule 'name'} and its evidence the
     * reading, so that {@link Outcome.Moved#explain()} reads for example
     * {@code rule 'low-p-alive': p_alive = 0.12 < 0.3}. One call makes at most one move.
     *
     * <pre>{@code
     * Optional<Outcome> o = tracker.applySignals(id, customer, null,
     *         Signals.of("p_alive", 0.12), Instant.parse("2026-06-30T00:00:00Z"));
     * // o = Moved(maturity -> decline), explain() = "rule 'low-p-alive': p_alive = 0.12 < 0.3"
     * }</pre>
     *
     * @param key     the subject's key, not null
     * @param subject the subject given to guards
     * @param context the context given to guards
     * @param signals the subject's signals, not null
     * @param at      when, not before the subject's last move
     * @return the move; else the refusal or ambiguity of the first matching rule; empty when no
     *         rule matched
     * @throws IllegalArgumentException if the key is not enrolled or {@code at} is before the last move
     * @throws IllegalStateException    if called from an action or listener of this tracker
     */
    public Optional<Outcome> applySignals(K key, S subject, C context, Signals signals, Instant at) {
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(at, "at");
        checkNotReentered();
        Slot ref = ref(key);
        LifecycleRecord current = ref.get();
        if (at.isBefore(current.enteredAt())) {
            throw new IllegalArgumentException("signals at " + at + " are before subject " + key + " entered "
                    + current.state() + " at " + current.enteredAt());
        }
        return Optional.ofNullable(applyRules(ref, subject, context, signals, Double.NaN, at));
    }

    /**
     * Returns the move, the first refusal, or null when no rule matched. {@code daysInState}
     * overrides the signal of that name unless NaN; {@code advance} passes it apart instead of
     * overlaying the signals, which saves three objects per subject.
     */
    private Outcome applyRules(Slot ref, S subject, C context, Signals signals,
                               double daysInState, Instant at) {
        for (;;) {
            LifecycleRecord current = ref.get();
            if (at.isBefore(current.enteredAt())) {
                return null; // a later move was committed meanwhile
            }
            Outcome firstRefusal = null;
            boolean lostRace = false;
            for (Rule rule : rulesByState[current.state().ordinal()]) {
                List<Evidence> evidence = rule.matchEvidence(signals, daysInState);
                if (evidence == null) {
                    continue;
                }
                Outcome outcome = lifecycle.decide(current, subject, context, rule.event(), at, POLICY_ACTOR,
                        reasons.get(rule.name()), evidence);
                if (outcome instanceof Outcome.Moved moved) {
                    Outcome.Moved committed = commit(ref, current, subject, context, moved);
                    if (committed != null) {
                        return committed;
                    }
                    lostRace = true;
                    break;
                }
                if (outcome instanceof Outcome.Ambiguous) {
                    return outcome;
                }
                if (firstRefusal == null) {
                    firstRefusal = outcome;
                }
            }
            if (!lostRace) {
                return firstRefusal;
            }
        }
    }

    /**
     * Moves every enrolled subject whose time-driven rules hold at a date, without a context
     * ({@code null} is given to guards and actions); otherwise as
     * {@link #advance(Instant, Function, TimeSignals, Object)}.
     *
     * <pre>{@code
     * AdvanceReport<String> r = tracker.advance(asOf, accounts::get, TimeSignals.none());
     * }</pre>
     *
     * @param asOf        the evaluation date, not null
     * @param subjects    finds the subject of a key, not null
     * @param timeSignals computes the subject's signals at the date, not null
     * @return what moved and the count per state afterwards, never null
     * @throws IllegalStateException if called from an action or listener of this tracker
     */
    public AdvanceReport<K> advance(Instant asOf, Function<? super K, ? extends S> subjects,
                                    TimeSignals<? super S> timeSignals) {
        return advance(asOf, subjects, timeSignals, null);
    }

    /**
     * Moves every enrolled subject whose time-driven rules hold at a date. For each subject in a
     * state with rules, the signals are the application's {@code timeSignals} at {@code asOf}
     * plus {@link Signals#DAYS_IN_STATE}; the rules are applied as in {@link #applySignals}.
     * Subjects that entered their state after {@code asOf} are left alone. No background thread:
     * the application calls this, for example once a day, with the date it wants.
     *
     * <pre>{@code
     * AdvanceReport<CustomerId> r = tracker.advance(Instant.parse("2026-07-01T00:00:00Z"),
     *         customers::get, (customer, asOf) -> Signals.of("days_since_last_purchase",
     *                 ChronoUnit.DAYS.between(customer.lastPurchase(), asOf)), null);
     * }</pre>
     *
     * @param asOf        the evaluation date, not null
     * @param subjects    finds the subject of a key (called only for subjects in a state with rules), not null
     * @param timeSignals computes the subject's signals at the date, not null
     * @param context     the context given to guards
     * @return what moved and the count per state afterwards, never null
     * @throws IllegalStateException if called from an action or listener of this tracker
     */
    public AdvanceReport<K> advance(Instant asOf, Function<? super K, ? extends S> subjects,
                                    TimeSignals<? super S> timeSignals, C context) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(subjects, "subjects");
        Objects.requireNonNull(timeSignals, "timeSignals");
        checkNotReentered();
        long[] counts = new long[lifecycle.stateCount()];
        List<KeyedOutcome<K>> moves = new ArrayList<>();
        List<KeyedOutcome<K>> refusals = new ArrayList<>();
        long evaluated = 0;
        long asOfSeconds = asOf.getEpochSecond();
        for (Map.Entry<K, Slot> entry : records.entrySet()) {
            Slot ref = entry.getValue();
            LifecycleRecord current = ref.get();
            int state = current.state().ordinal();
            if (rulesByState[state].length > 0 && !asOf.isBefore(current.enteredAt())) {
                evaluated++;
                S subject = subjects.apply(entry.getKey());
                long days = Math.floorDiv(asOfSeconds - current.enteredAt().getEpochSecond(), 86_400L);
                Signals signals = Objects.requireNonNull(timeSignals.at(subject, asOf), "timeSignals returned null");
                Outcome outcome = applyRules(ref, subject, context, signals, days, asOf);
                if (outcome != null) {
                    (outcome.moved() ? moves : refusals).add(new KeyedOutcome<>(entry.getKey(), outcome));
                }
                state = ref.get().state().ordinal();
            }
            counts[state]++;
        }
        return new AdvanceReport<>(asOf, evaluated, moves, refusals, toMap(counts));
    }

    /**
     * Advances at regular dates without a context ({@code null} is given to guards and actions);
     * otherwise as {@link #advanceEvery(Instant, Instant, java.time.Duration, Function, TimeSignals, Object)}.
     *
     * <pre>{@code
     * List<AdvanceReport<Integer>> months = tracker.advanceEvery(start, end, Duration.ofDays(30),
     *         timelines::get, PurchaseTimeline.timeSignals());
     * }</pre>
     *
     * @param from        the first date, not null
     * @param to          the last date, not before {@code from}
     * @param step        the positive step, not null
     * @param subjects    finds the subject of a key, not null
     * @param timeSignals computes the subject's signals at a date, not null
     * @return the reports in date order, never null
     * @throws IllegalArgumentException if the step is not positive or {@code to} is before {@code from}
     */
    public List<AdvanceReport<K>> advanceEvery(Instant from, Instant to, java.time.Duration step,
                                               Function<? super K, ? extends S> subjects,
                                               TimeSignals<? super S> timeSignals) {
        return advanceEvery(from, to, step, subjects, timeSignals, null);
    }

    /**
     * Advances at regular dates from {@code from} to {@code to} inclusive, for example monthly
     * over a simulated population, and returns one report per date (each with the count per
     * state after that date).
     *
     * <pre>{@code
     * List<AdvanceReport<Integer>> months = tracker.advanceEvery(start, end, Duration.ofDays(30),
     *         timelines::get, PurchaseTimeline.timeSignals(), null);
     * months.forEach(r -> System.out.println(r.asOf() + " " + r.countByState()));
     * }</pre>
     *
     * @param from        the first date, not null
     * @param to          the last date (reached only if a whole number of steps away), not before {@code from}
     * @param step        the positive step, not null
     * @param subjects    finds the subject of a key, not null
     * @param timeSignals computes the subject's signals at a date, not null
     * @param context     the context given to guards
     * @return the reports in date order, never null
     * @throws IllegalArgumentException if the step is not positive or {@code to} is before {@code from}
     */
    public List<AdvanceReport<K>> advanceEvery(Instant from, Instant to, java.time.Duration step,
                                               Function<? super K, ? extends S> subjects,
                                               TimeSignals<? super S> timeSignals, C context) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive but was " + step);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        List<AdvanceReport<K>> reports = new ArrayList<>();
        for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
            reports.add(advance(at, subjects, timeSignals, context));
        }
        return reports;
    }

    /**
     * Counts the enrolled subjects per current state.
     *
     * @return the count per state, in definition order, zeros included, never null
     */
    public Map<State, Long> countByState() {
        long[] counts = new long[lifecycle.stateCount()];
        for (Slot ref : records.values()) {
            counts[ref.get().state().ordinal()]++;
        }
        return toMap(counts);
    }

    /**
     * Counts the subjects per state at a past instant, from their histories; subjects enrolled
     * later are not counted.
     *
     * @param at the instant, not null
     * @return the count per state, in definition order, zeros included, never null
     */
    public Map<State, Long> countByStateAt(Instant at) {
        Objects.requireNonNull(at, "at");
        long[] counts = new long[lifecycle.stateCount()];
        for (Slot ref : records.values()) {
            ref.get().stateAt(at).ifPresent(s -> counts[s.ordinal()]++);
        }
        return toMap(counts);
    }

    private Map<State, Long> toMap(long[] counts) {
        Map<State, Long> out = new LinkedHashMap<>();
        for (State s : lifecycle.states()) {
            out.put(s, counts[s.ordinal()]);
        }
        return Collections.unmodifiableMap(out);
    }

    private Slot ref(K key) {
        Slot ref = records.get(Objects.requireNonNull(key, "key"));
        if (ref == null) {
            throw new IllegalArgumentException("subject " + key + " is not enrolled in lifecycle '" + lifecycle.name() + "'");
        }
        return ref;
    }

    /**
     * One subject's record, and the turn of its side effects: the version whose actions have
     * finished. Committers of later versions wait for their turn, so actions run in commit order.
     */
    @SuppressWarnings("serial") // never serialised
    private static final class Slot extends AtomicReference<LifecycleRecord> {
        /** Guarded by this. */
        private long effectsDone;

        Slot(LifecycleRecord record) {
            super(record);
            effectsDone = record.version();
        }

        /** Waits, uninterruptibly, until the side effects of version - 1 have finished. */
        synchronized void awaitTurn(long version) {
            boolean interrupted = false;
            while (effectsDone < version - 1) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // the successors wait for this version: give up the wait, not the turn
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void done(long version) {
            effectsDone = version;
            notifyAll();
        }
    }

    /** What a writer that lost an optimistic race on a subject does. */
    public enum ConflictPolicy {
        /** Re-read the record and decide again against its new state (default). */
        RETRY,
        /** Return {@link Outcome.Conflict} to the caller. */
        REPORT
    }

    /**
     * One subject's outcome in an {@link AdvanceReport}.
     *
     * @param key     the subject's key
     * @param outcome the outcome, a move or refusal
     * @param <K>     the key type
     */
    public record KeyedOutcome<K>(K key, Outcome outcome) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if an argument is null
         */
        public KeyedOutcome {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * What one {@link #advance} did.
     *
     * @param asOf         the evaluation date
     * @param evaluated    how many subjects were in a state with rules and were evaluated
     * @param moves        the moves made, each {@link Outcome.Moved} with its explanation
     * @param refusals     subjects whose matching rule was refused by a guard or ambiguous
     * @param countByState the count per state after the advance, in definition order
     * @param <K>          the key type
     */
    public record AdvanceReport<K>(Instant asOf, long evaluated, List<KeyedOutcome<K>> moves,
                                   List<KeyedOutcome<K>> refusals, Map<State, Long> countByState) {
        /**
         * Validates the components and copies the collections.
         *
         * @throws NullPointerException if an argument is null
         */
        public AdvanceReport {
            Objects.requireNonNull(asOf, "asOf");
            moves = List.copyOf(moves);
            refusals = List.copyOf(refusals);
            countByState = Collections.unmodifiableMap(new LinkedHashMap<>(countByState));
        }
    }

    /**
     * Configures a tracker. Single-threaded; the product is thread-safe. The key type is chosen
     * by {@link #build()}, so it is inferred from the variable the tracker is assigned to; so are
     * narrower subject and context types, which lets one builder of an unbound lifecycle such as
     * {@link StandardLifecycles#relationship()} serve a tracker of any subject type.
     *
     * @param <S> the subject type
     * @param <C> the context type
     */
    public static final class Builder<S, C> {
        private final Lifecycle<S, C> lifecycle;
        private LifecyclePolicy policy;
        private ConflictPolicy conflictPolicy;

        private Builder(Lifecycle<S, C> lifecycle) {
            this.lifecycle = lifecycle;
        }

        /**
         * Sets the automatic policy used by {@link #applySignals} and {@link #advance}.
         *
         * @param policy the policy, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder<S, C> policy(LifecyclePolicy policy) {
            Objects.requireNonNull(policy, "policy");
            if (this.policy != null) {
                throw new IllegalStateException("policy already set to " + this.policy.name());
            }
            this.policy = policy;
            return this;
        }

        /**
         * Sets what a writer that lost a race does; {@link ConflictPolicy#RETRY} by default.
         *
         * @param conflictPolicy the policy, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder<S, C> conflictPolicy(ConflictPolicy conflictPolicy) {
            Objects.requireNonNull(conflictPolicy, "conflictPolicy");
            if (this.conflictPolicy != null) {
                throw new IllegalStateException("conflictPolicy already set to " + this.conflictPolicy);
            }
            this.conflictPolicy = conflictPolicy;
            return this;
        }

        /**
         * Returns the tracker.
         *
         * <pre>{@code
         * LifecycleTracker<CustomerId, Customer, Void> t = LifecycleTracker.builder(lifecycle).build();
         * LifecycleTracker<Integer, PurchaseTimeline, Void> u =
         *         LifecycleTracker.builder(StandardLifecycles.relationship()).build();
         * }</pre>
         *
         * @param <K> the key type, inferred from the assignment
         * @param <T> the subject type, the lifecycle's or narrower, inferred from the assignment
         * @param <D> the context type, the lifecycle's or narrower, inferred from the assignment
         * @return a new empty tracker, never null
         * @throws LifecycleDefinitionException if the policy does not fit the lifecycle
         */
        @SuppressWarnings("unchecked") // a lifecycle only consumes subjects and contexts (guards and actions
        // take them as arguments, no method returns one), so a Lifecycle<S, C> serves any T of S and D of C
        public <K, T extends S, D extends C> LifecycleTracker<K, T, D> build() {
            return new LifecycleTracker<>((Lifecycle<T, D>) (Lifecycle<?, ?>) lifecycle, policy, conflictPolicy);
        }
    }
}
