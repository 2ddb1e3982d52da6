package org.crmkit.core.lifecycle;

import java.util.Arrays;
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
 * {@link LifecycleTracker#advance} itself. Readings are kept in small arrays (a subject has a
 * handful), so building and reading them is cheap enough to do for millions of subjects.
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

    private static final String[] NO_NAMES = new String[0];
    private static final double[] NO_NUMBERS = new double[0];
    private static final Signals EMPTY = new Signals(NO_NAMES, NO_NUMBERS, NO_NAMES, NO_NAMES, null);

    private final String[] numberNames;
    private final double[] numberValues;
    private final String[] categoryNames;
    private final String[] categoryValues;
    /** Readings that this instance overlays; lets {@link #withNumber} copy nothing. */
    private final Signals base;

    private Signals(String[] numberNames, double[] numberValues, String[] categoryNames, String[] categoryValues,
                    Signals base) {
        this.numberNames = numberNames;
        this.numberValues = numberValues;
        this.categoryNames = categoryNames;
        this.categoryValues = categoryValues;
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
        Names.require(name, "signal name");
        requireFinite(name, value);
        return new Signals(new String[] {name}, new double[] {value}, NO_NAMES, NO_NAMES, null);
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
        return new Signals(new String[] {name}, new double[] {value}, NO_NAMES, NO_NAMES, this);
    }

    /**
     * Returns a numeric reading.
     *
     * @param name the signal's name, not null
     * @return the value, empty when there is no numeric reading of that name
     */
    public OptionalDouble number(String name) {
        double v = numberOrNaN(Objects.requireNonNull(name, "name"));
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Returns a categorical reading.
     *
     * @param name the signal's name, not null
     * @return the category, empty when there is no categorical reading of that name
     */
    public Optional<String> category(String name) {
        return Optional.ofNullable(categoryOrNull(Objects.requireNonNull(name, "name")));
    }

    /** Fast path for rule evaluation: the value or NaN when absent; never leaves the package. */
    double numberOrNaN(String name) {
        for (Signals s = this; s != null; s = s.base) {
            String[] names = s.numberNames;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return s.numberValues[i];
                }
            }
        }
        return Double.NaN;
    }

    String categoryOrNull(String name) {
        for (Signals s = this; s != null; s = s.base) {
            String[] names = s.categoryNames;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return s.categoryValues[i];
                }
            }
        }
        return null;
    }

    /**
     * Returns all numeric readings.
     *
     * @return the readings by name, never null
     */
    public Map<String, Double> numbers() {
        Map<String, Double> all = new LinkedHashMap<>();
        collect(all, null);
        return Collections.unmodifiableMap(all);
    }

    /**
     * Returns all categorical readings.
     *
     * @return the readings by name, never null
     */
    public Map<String, String> categories() {
        Map<String, String> all = new LinkedHashMap<>();
        collect(null, all);
        return Collections.unmodifiableMap(all);
    }

    private void collect(Map<String, Double> numbers, Map<String, String> categories) {
        if (base != null) {
            base.collect(numbers, categories);
        }
        for (int i = 0; numbers != null && i < numberNames.length; i++) {
            numbers.put(numberNames[i], numberValues[i]);
        }
        for (int i = 0; categories != null && i < categoryNames.length; i++) {
            categories.put(categoryNames[i], categoryValues[i]);
        }
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
        private String[] numberNames = new String[2];
        private double[] numberValues = new double[2];
        private int numbers;
        /** The number arrays were handed to built signals; copy them before the next change. */
        private boolean numbersShared;
        private String[] categoryNames = NO_NAMES;
        private String[] categoryValues = NO_NAMES;
        private int categories;

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
            checkNew(name);
            requireFinite(name, value);
            if (numbers == numberNames.length || numbersShared) {
                int capacity = Math.max(2, numbers == numberNames.length ? numbers * 2 : numberNames.length);
                numberNames = Arrays.copyOf(numberNames, capacity);
                numberValues = Arrays.copyOf(numberValues, capacity);
                numbersShared = false;
            }
            numberNames[numbers] = name;
            numberValues[numbers++] = value;
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
            checkNew(name);
            Objects.requireNonNull(category, "category");
            if (categories == categoryNames.length) {
                categoryNames = Arrays.copyOf(categoryNames, Math.max(2, categories * 2));
                categoryValues = Arrays.copyOf(categoryValues, Math.max(2, categories * 2));
            }
            categoryNames[categories] = name;
            categoryValues[categories++] = category;
            return this;
        }

        private void checkNew(String name) {
            Names.require(name, "signal name");
            for (int i = 0; i < numbers; i++) {
                if (numberNames[i].equals(name)) {
                    throw new IllegalArgumentException("signal '" + name + "' is set twice");
                }
            }
            for (int i = 0; i < categories; i++) {
                if (categoryNames[i].equals(name)) {
                    throw new IllegalArgumentException("signal '" + name + "' is set twice");
                }
            }
        }

        /**
         * Returns the signals.
         *
         * @return immutable signals, never null
         */
        public Signals build() {
            // full arrays are handed over without copying (the common case of time signals built
            // per subject by advance); the builder copies them if it is changed afterwards
            String[] names = numberNames;
            double[] values = numberValues;
            if (numbers == names.length) {
                numbersShared = true;
            } else {
                names = numbers == 0 ? NO_NAMES : Arrays.copyOf(names, numbers);
                values = numbers == 0 ? NO_NUMBERS : Arrays.copyOf(values, numbers);
            }
            return new Signals(names, values,
                    categories == 0 ? NO_NAMES : Arrays.copyOf(categoryNames, categories),
                    categories == 0 ? NO_NAMES : Arrays.copyOf(categoryValues, categories), null);
        }
    }
}
