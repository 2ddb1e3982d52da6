package org.crmkit.core.lifecycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The named readings about one subject at one time that automatic rules look at: numeric scores
 * (probability alive, change in spend, days since the last purchase) and categories (an RFM
 * segment).
 *
 * <p>Scoring code produces the values; this type only carries them, so crm-core does not depend
 * on any scoring model. Names are free text; {@link #DAYS_IN_STATE} is supplied by
 * {@link LifecycleTracker#advance} itself.
 *
 * <pre>{@code
 * Signals signals = Signals.builder()
 *         .number("p_alive", 0.12)
 *         .category("rfm_segment", "at_risk")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Signals {

    /** Whole days since the subject entered its current state, supplied by {@code advance}. */
    public static final String DAYS_IN_STATE = "days_in_state";

    private static final Signals EMPTY = new Signals(Map.of(), Map.of(), null);

    private final Map<String, Double> numbers;
    private final Map<String, String> categories;
    /** Readings that this instance overlays; lets {@link #withNumber} copy nothing. */
    private final Signals base;

    private Signals(Map<String, Double> numbers, Map<String, String> categories, Signals base) {
        this.numbers = numbers;
        this.categories = categories;
        this.base = base;
    }

    /**
     * Returns signals without readings.
     *
     * @return the empty signals, never null
     */
    public static Signals empty() {
        return EMPTY;
    }

    /**
     * Returns signals with one numeric reading.
     *
     * @param name  the signal's name, not blank
     * @param value the value, finite
     * @return the signals, never null
     * @throws IllegalArgumentException if the name is blank or the value not finite
     */
    public static Signals of(String name, double value) {
        return EMPTY.withNumber(name, value);
    }

    /**
     * Returns signals with the given numeric readings.
     *
     * @param numbers the readings by name, not null, values finite
     * @return the signals, never null
     * @throws IllegalArgumentException if a name is blank or a value not finite
     */
    public static Signals ofNumbers(Map<String, Double> numbers) {
        Builder b = builder();
        Objects.requireNonNull(numbers, "numbers").forEach((k, v) -> b.number(k, Objects.requireNonNull(v, k)));
        return b.build();
    }

    /**
     * Returns a new builder.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a copy with one more numeric reading; a reading of the same name is replaced.
     * Copies nothing: the result overlays this instance.
     *
     * @param name  the signal's name, not blank
     * @param value the value, finite
     * @return the signals, never null
     * @throws IllegalArgumentException if the name is blank or the value not finite
     */
    public Signals withNumber(String name, double value) {
        Names.require(name, "signal name");
        requireFinite(name, value);
        return new Signals(Map.of(name, value), Map.of(), this);
    }

    /**
     * Returns a numeric reading.
     *
     * @param name the signal's name, not null
     * @return the value, empty when there is no numeric reading of that name
     */
    public OptionalDouble number(String name) {
        Objects.requireNonNull(name, "name");
        for (Signals s = this; s != null; s = s.base) {
            Double v = s.numbers.get(name);
            if (v != null) {
                return OptionalDouble.of(v);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Returns a categorical reading.
     *
     * @param name the signal's name, not null
     * @return the category, empty when there is no categorical reading of that name
     */
    public Optional<String> category(String name) {
        Objects.requireNonNull(name, "name");
        for (Signals s = this; s != null; s = s.base) {
            String v = s.categories.get(name);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Fast path for rule evaluation: the value or NaN when absent; never leaves the package. */
    double numberOrNaN(String name) {
        for (Signals s = this; s != null; s = s.base) {
            Double v = s.numbers.get(name);
            if (v != null) {
                return v;
            }
        }
        return Double.NaN;
    }

    /**
     * Returns all numeric readings.
     *
     * @return the readings by name, never null
     */
    public Map<String, Double> numbers() {
        Map<String, Double> all = new LinkedHashMap<>();
        collect(all);
        return Collections.unmodifiableMap(all);
    }

    /**
     * Returns all categorical readings.
     *
     * @return the readings by name, never null
     */
    public Map<String, String> categories() {
        Map<String, String> all = new LinkedHashMap<>();
        collectCategories(all);
        return Collections.unmodifiableMap(all);
    }

    private void collect(Map<String, Double> into) {
        if (base != null) {
            base.collect(into);
        }
        into.putAll(numbers);
    }

    private void collectCategories(Map<String, String> into) {
        if (base != null) {
            base.collectCategories(into);
        }
        into.putAll(categories);
    }

    /**
     * Returns the readings as {@code {name=value, ...}}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        Map<String, Object> all = new LinkedHashMap<>(numbers());
        all.putAll(categories());
        return all.toString();
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite but was " + value);
        }
    }

    /** Collects readings. Single-threaded; the product is immutable. */
    public static final class Builder {
        private final Map<String, Double> numbers = new LinkedHashMap<>();
        private final Map<String, String> categories = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a numeric reading.
         *
         * @param name  the signal's name, not blank
         * @param value the value, finite
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already set, or the value not finite
         */
        public Builder number(String name, double value) {
            Names.require(name, "signal name");
            requireFinite(name, value);
            if (numbers.containsKey(name) || categories.containsKey(name)) {
                throw new IllegalArgumentException("signal '" + name + "' is set twice");
            }
            numbers.put(name, value);
            return this;
        }

        /**
         * Adds a categorical reading.
         *
         * @param name     the signal's name, not blank
         * @param category the category, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already set
         */
        public Builder category(String name, String category) {
            Names.require(name, "signal name");
            Objects.requireNonNull(category, "category");
            if (numbers.containsKey(name) || categories.containsKey(name)) {
                throw new IllegalArgumentException("signal '" + name + "' is set twice");
            }
            categories.put(name, category);
            return this;
        }

        /**
         * Returns the signals.
         *
         * @return immutable signals, never null
         */
        public Signals build() {
            return new Signals(Map.copyOf(numbers), Map.copyOf(categories), null);
        }
    }
}
