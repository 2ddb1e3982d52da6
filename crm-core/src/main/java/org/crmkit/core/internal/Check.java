package org.crmkit.core.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Argument checks shared by the model packages; messages name the field and show the value. */
public final class Check {
    /** Longest free text accepted in a model field; guards against absurd input. */
    public static final int MAX_TEXT = 10_000;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Check() {
    }

    /**
     * Rejects setting a builder option twice: {@code current} is the option's value so far,
     * null while unset.
     */
    public static void once(Object current, String field) {
        if (current != null) {
            throw new IllegalStateException(field + " was already set to " + current);
        }
    }

    /** Rejects null, blank and over-long text; returns it stripped. */
    public static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be blank: '" + value + "'");
        }
        if (stripped.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters: "
                    + stripped.length());
        }
        return stripped;
    }

    /** Like {@link #text} but null passes through as null. */
    public static String optionalText(String value, String field) {
        return value == null ? null : text(value, field);
    }

    /** Checks an identifier: 1 to 64 characters of letters, digits, '.', '_', ':' or '-'. */
    public static String identifier(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 64 letters, digits, '.', '_', ':' or '-'"
                    + " starting with a letter or digit: '" + org.crmkit.core.customer.PersonalData.mask(value) + "'");
        }
        return value;
    }

    /** Immutable copy of a list; rejects a null list and null elements, naming the field. */
    public static <T> List<T> list(Collection<? extends T> values, String field) {
        Objects.requireNonNull(values, field);
        for (T value : values) {
            Objects.requireNonNull(value, () -> field + " must not contain null");
        }
        return List.copyOf(values);
    }

    /** Unmodifiable insertion-ordered copy of a set; rejects a null set and null elements, naming the field. */
    public static <T> Set<T> set(Collection<? extends T> values, String field) {
        Objects.requireNonNull(values, field);
        for (T value : values) {
            Objects.requireNonNull(value, () -> field + " must not contain null");
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** Unmodifiable sorted copy of a set, so that iteration and JSON order are stable. */
    public static <T extends Comparable<? super T>> Set<T> sortedSet(Collection<? extends T> values, String field) {
        Objects.requireNonNull(values, field);
        for (T value : values) {
            Objects.requireNonNull(value, () -> field + " must not contain null");
        }
        return Collections.unmodifiableSet(new java.util.TreeSet<>(values));
    }

    /** Rejects negative numbers. */
    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + value);
        }
        return value;
    }

    /** Rejects null and negative numbers; null passes as null. */
    public static Integer optionalNonNegative(Integer value, String field) {
        return value == null ? null : nonNegative(value, field);
    }

    /** Masks all but the last {@code visible} characters with '*'. */
    public static String mask(String value, int visible) {
        int keep = Math.min(visible, value.length() / 3);
        return "*".repeat(Math.max(3, value.length() - keep)) + value.substring(value.length() - keep);
    }
}
