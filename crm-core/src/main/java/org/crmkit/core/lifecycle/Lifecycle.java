package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.segment.RuleProblem;

/**
 * A validated lifecycle definition: states (one initial, some terminal), events, guarded
 * transitions, entry / exit / transition actions and listeners; and the decision function that
 * fires an event on a subject's {@link LifecycleRecord}.
 *
 * <p>A definition is built in Java ({@link #builder(String)}) or read from JSON
 * ({@link LifecycleJson#readLifecycle}); both are checked up front and every problem is reported
 * at once in a {@link LifecycleDefinitionException}: transitions from or to undefined states,
 * states unreachable from the initial state, terminal states with outgoing transitions,
 * duplicate states or transitions, transitions that are certainly ambiguous (two unguarded, or
 * two with the same guard, for one state and event), and guard or action names that are not
 * bound. Transitions whose different guards may both hold are legal, but firing when both do
 * hold returns {@link Outcome.Ambiguous}: the engine never picks one by chance.
 *
 * <pre>{@code
 * Lifecycle<Account, Void> lifecycle = Lifecycle.<Account, Void>builder("account")
 *         .initial("trial")
 *         .state("active")
 *         .terminal("closed")
 *         .transition("trial", "subscribe", "active", "hasPaymentMethod")
 *         .transition("trial", "cancel", "closed")
 *         .transition("active", "cancel", "closed")
 *         .guard("hasPaymentMethod", (account, context) -> account.paymentMethod() != null)
 *         .build();
 *
 * LifecycleRecord record = lifecycle.start(Instant.parse("2026-01-01T00:00:00Z"));
 * Outcome outcome = lifecycle.decide(record, account, null, Trigger.of("subscribe", at));
 * }</pre>
 *
 * <p>Internally states and events are indices and the transitions a table indexed by state and
 * event, so deciding allocates only the outcome. Two definitions are equal when their
 * declarations (name, states, initial state, transitions, action and guard names) are equal;
 * the bound code and listeners are not compared. Immutable and thread-safe when its guards,
 * actions and listeners are.
 *
 * @param <S> the subject type, for example a customer
 * @param <C> the context type passed to guards and actions
 */
public final class Lifecycle<S, C> {
    private final LifecycleSpec spec;
    private final Bindings<S, C> bindings;
    private final List<LifecycleListener<S, C>> listeners;

    private final List<State> states;
    private final Map<String, State> stateByName;
    private final State initial;
    private final boolean[] terminal;
    private final List<String> events;
    private final Map<String, Integer> eventIndex;
    /** Candidate transitions per (state ordinal * events + event index); null where none. */
    private final Arc<S, C>[][] table;
    private final List<String>[] allowed;
    private final List<String>[] guardNames;
    private final List<Action<S, C>>[] entry;
    private final List<Action<S, C>>[] exit;

    @SuppressWarnings({"unchecked", "rawtypes"}) // arrays of generic types, filled with matching elements only
    private Lifecycle(LifecycleSpec spec, Bindings<S, C> bindings) {
        this.spec = spec;
        this.bindings = bindings;
        this.listeners = List.of();
        int n = spec.states().size();
        State[] st = new State[n];
        Map<String, State> byName = new HashMap<>();
        terminal = new boolean[n];
        entry = new List[n];
        exit = new List[n];
        for (int i = 0; i < n; i++) {
            LifecycleSpec.StateSpec s = spec.states().get(i);
            st[i] = new State(s.name(), i);
            byName.put(s.name(), st[i]);
            terminal[i] = s.terminal();
            entry[i] = s.entry().stream().map(a -> bindings.action(a).orElseThrow()).toList();
            exit[i] = s.exit().stream().map(a -> bindings.action(a).orElseThrow()).toList();
        }
        states = List.of(st);
        stateByName = byName;
        initial = byName.get(spec.initial());
        LinkedHashSet<String> ev = new LinkedHashSet<>();
        spec.transitions().forEach(t -> ev.add(t.event()));
        events = List.copyOf(ev);
        eventIndex = new HashMap<>();
        for (int e = 0; e < events.size(); e++) {
            eventIndex.put(events.get(e), e);
        }
        int m = events.size();
        List<Arc<S, C>>[] cells = new List[n * m];
        for (Transition t : spec.transitions()) {
            int cell = byName.get(t.from()).ordinal() * m + eventIndex.get(t.event());
            if (cells[cell] == null) {
                cells[cell] = new ArrayList<>(2);
            }
            cells[cell].add(new Arc<>(t, byName.get(t.to()),
                    t.guard().map(g -> bindings.guard(g).orElseThrow()).orElse(null),
                    t.actions().stream().map(a -> bindings.action(a).orElseThrow()).toList()));
        }
        table = new Arc[n * m][];
        guardNames = new List[n * m];
        allowed = new List[n];
        for (int i = 0; i < n; i++) {
            List<String> ok = new ArrayList<>();
            for (int e = 0; e < m; e++) {
                List<Arc<S, C>> c = cells[i * m + e];
                if (c != null) {
                    table[i * m + e] = c.toArray(new Arc[0]);
                    guardNames[i * m + e] = c.stream().filter(a -> a.guard != null)
                            .map(a -> a.transition.guard().get()).toList();
                    ok.add(events.get(e));
                }
            }
            allowed[i] = List.copyOf(ok);
        }
    }

    private Lifecycle(Lifecycle<S, C> base, List<LifecycleListener<S, C>> listeners) {
        this.spec = base.spec;
        this.bindings = base.bindings;
        this.listeners = listeners;
        this.states = base.states;
        this.stateByName = base.stateByName;
        this.initial = base.initial;
        this.terminal = base.terminal;
        this.events = base.events;
        this.eventIndex = base.eventIndex;
        this.table = base.table;
        this.allowed = base.allowed;
        this.guardNames = base.guardNames;
        this.entry = base.entry;
        this.exit = base.exit;
    }

    /** Validates the spec against the bindings and compiles it, or throws with every problem. */
    static <S, C> Lifecycle<S, C> of(LifecycleSpec spec, Bindings<S, C> bindings, String source) {
        List<RuleProblem> problems = DefinitionValidator.validate(spec, bindings);
        if (!problems.isEmpty()) {
            throw new LifecycleDefinitionException(source, problems);
        }
        return new Lifecycle<>(spec, bindings);
    }

    /**
     * Returns a builder for a lifecycle of the given name.
     *
     * @param name the lifecycle's name, not blank
     * @param <S>  the subject type
     * @param <C>  the context type
     * @return a builder, never null
     * @throws IllegalArgumentException if the name is blank
     */
    public static <S, C> Builder<S, C> builder(String name) {
        return new Builder<>(Names.require(name, "lifecycle name"));
    }

    /**
     * Returns the lifecycle's name.
     *
     * @return the name, never null
     */
    public String name() {
        return spec.name();
    }

    /**
     * Returns the states in definition order.
     *
     * @return the states, never null
     */
    public List<State> states() {
        return states;
    }

    /**
     * Returns the state of a name.
     *
     * @param name the state's name, not null
     * @return the state, never null
     * @throws UnknownStateException if the lifecycle has no state of that name
     */
    public State state(String name) {
        State s = stateByName.get(Objects.requireNonNull(name, "name"));
        if (s == null) {
            throw new UnknownStateException(name(), name, stateNames());
        }
        return s;
    }

    /**
     * Returns the initial state, in which {@link #start(Instant)} enrols subjects.
     *
     * @return the initial state, never null
     */
    public State initial() {
        return initial;
    }

    /**
     * Tells whether no transition leaves a state.
     *
     * @param state a state of this lifecycle, not null
     * @return true when the state is declared terminal
     * @throws UnknownStateException if the state is not part of this lifecycle
     */
    public boolean isTerminal(State state) {
        return terminal[check(state).ordinal()];
    }

    /**
     * Returns the events in order of first use by a transition.
     *
     * @return the event names, never null
     */
    public List<String> events() {
        return events;
    }

    /**
     * Returns the transitions in definition order.
     *
     * @return the transitions, never null
     */
    public List<Transition> transitions() {
        return spec.transitions();
    }

    /**
     * Returns the events that have a transition out of a state.
     *
     * @param state a state of this lifecycle, not null
     * @return the event names in definition order, empty for a terminal state, never null
     * @throws UnknownStateException if the state is not part of this lifecycle
     */
    public List<String> allowedEvents(State state) {
        return allowed[check(state).ordinal()];
    }

    /**
     * Returns the names of the actions run when entering a state.
     *
     * @param state a state of this lifecycle, not null
     * @return the action names in order, never null
     * @throws UnknownStateException if the state is not part of this lifecycle
     */
    public List<String> entryActions(State state) {
        return spec.states().get(check(state).ordinal()).entry();
    }

    /**
     * Returns the names of the actions run when leaving a state.
     *
     * @param state a state of this lifecycle, not null
     * @return the action names in order, never null
     * @throws UnknownStateException if the state is not part of this lifecycle
     */
    public List<String> exitActions(State state) {
        return spec.states().get(check(state).ordinal()).exit();
    }

    /**
     * Returns the guards and actions this definition is bound to.
     *
     * @return the bindings, never null
     */
    public Bindings<S, C> bindings() {
        return bindings;
    }

    /**
     * Returns a copy that also notifies the given listener after each committed move.
     *
     * @param listener the listener, not null
     * @return the copy, never null; records of this lifecycle remain valid for it
     */
    public Lifecycle<S, C> withListener(LifecycleListener<S, C> listener) {
        Objects.requireNonNull(listener, "listener");
        List<LifecycleListener<S, C>> all = new ArrayList<>(listeners);
        all.add(listener);
        return new Lifecycle<>(this, List.copyOf(all));
    }

    /**
     * Enrols a subject in the initial state.
     *
     * @param at when the subject is enrolled, not null
     * @return the subject's first record, version 0, never null
     */
    public LifecycleRecord start(Instant at) {
        return start(initial, at);
    }

    /**
     * Enrols a subject in a given state, for example when importing existing customers.
     *
     * @param state a state of this lifecycle, not null
     * @param at    when the subject is enrolled, not null
     * @return the subject's first record, version 0, never null
     * @throws UnknownStateException if the state is not part of this lifecycle
     */
    public LifecycleRecord start(State state, Instant at) {
        check(state);
        Objects.requireNonNull(at, "at");
        return new LifecycleRecord(this, state, at, state, at, 0, HistoryBuffer.EMPTY, 0);
    }

    /**
     * Rebuilds a record from stored data, checking that every move is a transition of this
     * lifecycle, that the moves chain, and that they are in time order.
     *
     * @param initialState the state the subject was enrolled in, not null
     * @param enrolledAt   when it was enrolled, not null
     * @param history      the moves, oldest first, not null
     * @return the record, with version equal to the number of moves, never null
     * @throws IllegalArgumentException if the history does not fit this lifecycle
     */
    public LifecycleRecord restore(State initialState, Instant enrolledAt, List<Outcome.Moved> history) {
        LifecycleRecord r = start(initialState, enrolledAt);
        for (Outcome.Moved m : Objects.requireNonNull(history, "history")) {
            r = r.append(m);
        }
        return r;
    }

    /**
     * Decides what firing an event does to a subject, without changing anything: the candidate
     * transitions for the record's state and the event are looked up, every guard is evaluated,
     * and the result is {@link Outcome.Moved} (exactly one enabled transition),
     * {@link Outcome.NotAllowed} (no transition for this event in this state),
     * {@link Outcome.GuardFailed} (all guards failed) or {@link Outcome.Ambiguous} (two or more
     * enabled). Commit a move with {@link LifecycleRecord#append} and then run
     * {@link #afterMove}; {@link LifecycleTracker} does both, with optimistic versioning.
     *
     * <pre>{@code
     * Outcome outcome = lifecycle.decide(record, customer, context, Trigger.of("lapse", asOf));
     * }</pre>
     *
     * @param record  the subject's current record, from this lifecycle, not null
     * @param subject the subject passed to guards
     * @param context the context passed to guards
     * @param trigger the event to fire, not null
     * @return the outcome, never {@link Outcome.Conflict}, never null
     * @throws UnknownEventException    if no transition declares the event
     * @throws IllegalArgumentException if the record belongs to another lifecycle or the trigger is
     *                                  earlier than the record's last move
     */
    public Outcome decide(LifecycleRecord record, S subject, C context, Trigger trigger) {
        Objects.requireNonNull(trigger, "trigger");
        return decide(record, subject, context, trigger.event(), trigger.at(), trigger.actor(), trigger.reason(),
                trigger.evidence());
    }

    /** {@link #decide(LifecycleRecord, Object, Object, Trigger)} without a trigger object; arguments already valid. */
    Outcome decide(LifecycleRecord record, S subject, C context, String event, Instant at, String actor, String reason,
                   List<Evidence> evidence) {
        Objects.requireNonNull(record, "record");
        if (record.lifecycle().table != table) {
            throw new IllegalArgumentException("record of lifecycle '" + record.lifecycleName() + "' used with lifecycle '"
                    + name() + "'");
        }
        Integer e = eventIndex.get(event);
        if (e == null) {
            throw new UnknownEventException(name(), event, events);
        }
        if (at.isBefore(record.enteredAt())) {
            throw new IllegalArgumentException("event '" + event + "' at " + at
                    + " is before the subject entered state " + record.state() + " at " + record.enteredAt());
        }
        State from = record.state();
        int cell = from.ordinal() * events.size() + e;
        Arc<S, C>[] candidates = table[cell];
        if (candidates == null) {
            return new Outcome.NotAllowed(from, event, allowed[from.ordinal()]);
        }
        Arc<S, C> chosen = null;
        List<Transition> ambiguous = null;
        for (Arc<S, C> arc : candidates) {
            if (arc.guard == null || arc.guard.test(subject, context)) {
                if (chosen == null) {
                    chosen = arc;
                } else {
                    if (ambiguous == null) {
                        ambiguous = new ArrayList<>();
                        ambiguous.add(chosen.transition);
                    }
                    ambiguous.add(arc.transition);
                }
            }
        }
        if (ambiguous != null) {
            return new Outcome.Ambiguous(from, event, ambiguous);
        }
        if (chosen == null) {
            return new Outcome.GuardFailed(from, event, guardNames[cell]);
        }
        return new Outcome.Moved(from, chosen.to, at, reason, actor, events.get(e), evidence);
    }

    /**
     * Runs the side effects of a committed move: exit actions of the old state, the transition's
     * actions, entry actions of the new state, then listeners, on the calling thread.
     *
     * @param subject the subject that moved
     * @param context the context of the firing call
     * @param move    the committed move, not null
     * @throws IllegalArgumentException if the move is not a transition of this lifecycle
     */
    public void afterMove(S subject, C context, Outcome.Moved move) {
        Objects.requireNonNull(move, "move");
        Arc<S, C> arc = arc(move.from(), move.event(), move.to());
        if (arc == null) {
            throw new IllegalArgumentException("lifecycle '" + name() + "' has no transition " + move.from() + " --"
                    + move.event() + "--> " + move.to());
        }
        for (Action<S, C> a : exit[move.from().ordinal()]) {
            a.run(subject, context, move);
        }
        for (Action<S, C> a : arc.actions) {
            a.run(subject, context, move);
        }
        for (Action<S, C> a : entry[move.to().ordinal()]) {
            a.run(subject, context, move);
        }
        for (LifecycleListener<S, C> l : listeners) {
            l.onMove(subject, context, move);
        }
    }

    boolean hasTransition(State from, String event, State to) {
        return arc(from, event, to) != null;
    }

    /** True when some action or listener must run after a move; lets callers skip a lookup. */
    boolean hasSideEffects() {
        return !listeners.isEmpty() || !bindings.actionNames().isEmpty();
    }

    private Arc<S, C> arc(State from, String event, State to) {
        Integer e = eventIndex.get(event);
        if (e == null || from.ordinal() >= states.size() || !states.get(from.ordinal()).equals(from)) {
            return null;
        }
        Arc<S, C>[] candidates = table[from.ordinal() * events.size() + e];
        if (candidates != null) {
            for (Arc<S, C> a : candidates) {
                if (a.to.equals(to)) {
                    return a;
                }
            }
        }
        return null;
    }

    /**
     * Returns the definition as a Mermaid {@code stateDiagram-v2}, for documentation.
     *
     * @return the diagram text, never null
     */
    public String toMermaid() {
        return Diagrams.mermaid(this);
    }

    /**
     * Returns the definition as a Graphviz DOT digraph, for documentation.
     *
     * @return the diagram text, never null
     */
    public String toDot() {
        return Diagrams.dot(this);
    }

    LifecycleSpec spec() {
        return spec;
    }

    int stateCount() {
        return states.size();
    }

    State check(State state) {
        Objects.requireNonNull(state, "state");
        if (state.ordinal() >= states.size() || !states.get(state.ordinal()).equals(state)) {
            throw new UnknownStateException(name(), state.name(), stateNames());
        }
        return state;
    }

    private List<String> stateNames() {
        return states.stream().map(State::name).toList();
    }

    /**
     * Compares the declarations (not the bound code or listeners).
     *
     * @param o the other object
     * @return true when o is a lifecycle with equal declarations
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Lifecycle<?, ?> other && spec.equals(other.spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    /**
     * Returns {@code Lifecycle[name=..., states=[...], transitions=n]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Lifecycle[name=" + name() + ", states=" + states + ", transitions=" + spec.transitions().size() + "]";
    }

    /** A compiled transition. */
    private static final class Arc<S, C> {
        final Transition transition;
        final State to;
        final Guard<S, C> guard;
        final List<Action<S, C>> actions;

        Arc(Transition transition, State to, Guard<S, C> guard, List<Action<S, C>> actions) {
            this.transition = transition;
            this.to = to;
            this.guard = guard;
            this.actions = actions;
        }
    }

    /**
     * Collects a lifecycle definition. States are numbered in declaration order ({@code initial},
     * {@code state} and {@code terminal} calls alike), transitions likewise; problems are reported
     * with those positions, as JSON paths such as {@code $.transitions[2].to}. Single-threaded;
     * the product is immutable.
     *
     * @param <S> the subject type
     * @param <C> the context type
     */
    public static final class Builder<S, C> {
        private final String name;
        private String initial;
        private final List<String> stateNames = new ArrayList<>();
        private final List<Boolean> terminalFlags = new ArrayList<>();
        private final List<Transition> transitions = new ArrayList<>();
        private final Map<String, List<String>> entryActions = new LinkedHashMap<>();
        private final Map<String, List<String>> exitActions = new LinkedHashMap<>();
        private final Bindings.Builder<S, C> bindings = Bindings.builder();
        private Bindings<S, C> extra = Bindings.empty();
        private final List<LifecycleListener<S, C>> listeners = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Declares the initial state.
         *
         * @param state the state's name, not blank
         * @return this builder
         * @throws IllegalStateException    if an initial state was already declared
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder<S, C> initial(String state) {
            Names.require(state, "state");
            if (initial != null) {
                throw new IllegalStateException("initial state already set to '" + initial + "', cannot set '" + state + "'");
            }
            initial = state;
            stateNames.add(state);
            terminalFlags.add(false);
            return this;
        }

        /**
         * Declares non-terminal states.
         *
         * @param names the states' names, not blank
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
        public Builder<S, C> state(String... names) {
            for (String n : names) {
                stateNames.add(Names.require(n, "state"));
                terminalFlags.add(false);
            }
            return this;
        }

        /**
         * Declares terminal states: states that no transition may leave.
         *
         * @param names the states' names, not blank
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
        public Builder<S, C> terminal(String... names) {
            for (String n : names) {
                stateNames.add(Names.require(n, "state"));
                terminalFlags.add(true);
            }
            return this;
        }

        /**
         * Declares an unguarded transition.
         *
         * @param from  the source state's name, not blank
         * @param event the event's name, not blank
         * @param to    the target state's name, not blank
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
        public Builder<S, C> transition(String from, String event, String to) {
            return transition(Transition.of(from, event, to));
        }

        /**
         * Declares a guarded transition.
         *
         * @param from  the source state's name, not blank
         * @param event the event's name, not blank
         * @param to    the target state's name, not blank
         * @param guard the guard's name, not blank
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
        public Builder<S, C> transition(String from, String event, String to, String guard) {
            return transition(Transition.of(from, event, to).guardedBy(guard));
        }

        /**
         * Declares a transition.
         *
         * @param transition the transition, not null
         * @return this builder
         */
        public Builder<S, C> transition(Transition transition) {
            transitions.add(Objects.requireNonNull(transition, "transition"));
            return this;
        }

        /**
         * Sets the actions run when entering a state.
         *
         * @param state   the state's name, not blank
         * @param actions the actions' names, in order
         * @return this builder
         * @throws IllegalStateException if entry actions were already set for the state
         */
        public Builder<S, C> onEntry(String state, String... actions) {
            return setActions(entryActions, "entry", state, actions);
        }

        /**
         * Sets the actions run when leaving a state.
         *
         * @param state   the state's name, not blank
         * @param actions the actions' names, in order
         * @return this builder
         * @throws IllegalStateException if exit actions were already set for the state
         */
        public Builder<S, C> onExit(String state, String... actions) {
            return setActions(exitActions, "exit", state, actions);
        }

        private Builder<S, C> setActions(Map<String, List<String>> into, String kind, String state, String... actions) {
            Names.require(state, "state");
            List<String> list = List.of(actions);
            list.forEach(a -> Names.require(a, "action"));
            if (into.putIfAbsent(state, list) != null) {
                throw new IllegalStateException(kind + " actions of state '" + state + "' already set to " + into.get(state));
            }
            return this;
        }

        /**
         * Binds a guard to a name.
         *
         * @param name  the guard's name, not blank
         * @param guard the guard, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already bound
         */
        public Builder<S, C> guard(String name, Guard<S, C> guard) {
            bindings.guard(name, guard);
            return this;
        }

        /**
         * Binds an action to a name.
         *
         * @param name   the action's name, not blank
         * @param action the action, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already bound
         */
        public Builder<S, C> action(String name, Action<S, C> action) {
            bindings.action(name, action);
            return this;
        }

        /**
         * Adds all guards and actions of a registry.
         *
         * @param more the bindings, not null
         * @return this builder
         * @throws IllegalArgumentException at build time if a name is bound twice
         */
        public Builder<S, C> bindings(Bindings<S, C> more) {
            extra = extra.merge(Objects.requireNonNull(more, "bindings"));
            return this;
        }

        /**
         * Adds a listener notified after each committed move.
         *
         * @param listener the listener, not null
         * @return this builder
         */
        public Builder<S, C> listener(LifecycleListener<S, C> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Validates and returns the lifecycle.
         *
         * @return the lifecycle, never null
         * @throws LifecycleDefinitionException listing every problem of the definition
         */
        public Lifecycle<S, C> build() {
            List<RuleProblem> problems = new ArrayList<>();
            Set<String> declared = new LinkedHashSet<>(stateNames);
            for (Map.Entry<String, List<String>> kind : List.of(
                    Map.entry("onEntry", entryActions.keySet().stream().toList()),
                    Map.entry("onExit", exitActions.keySet().stream().toList()))) {
                for (String s : kind.getValue()) {
                    if (!declared.contains(s)) {
                        problems.add(DefinitionValidator.problem("$." + kind.getKey() + "(" + s + ")",
                                kind.getKey() + " actions for undefined state '" + s + "'"));
                    }
                }
            }
            List<LifecycleSpec.StateSpec> specs = new ArrayList<>();
            for (int i = 0; i < stateNames.size(); i++) {
                String s = stateNames.get(i);
                specs.add(new LifecycleSpec.StateSpec(s, terminalFlags.get(i),
                        entryActions.getOrDefault(s, List.of()), exitActions.getOrDefault(s, List.of())));
            }
            Bindings<S, C> all = bindings.build().merge(extra);
            LifecycleSpec spec = new LifecycleSpec(name, initial, specs, transitions);
            problems.addAll(DefinitionValidator.validate(spec, all));
            if (!problems.isEmpty()) {
                throw new LifecycleDefinitionException("lifecycle '" + name + "'", problems);
            }
            Lifecycle<S, C> lifecycle = new Lifecycle<>(spec, all);
            return listeners.isEmpty() ? lifecycle : new Lifecycle<>(lifecycle, List.copyOf(listeners));
        }
    }


}
