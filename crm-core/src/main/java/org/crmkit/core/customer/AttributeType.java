package org.crmkit.core.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value types a custom attribute may have.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum AttributeType {
    /** Text, as {@link String}. */
    STRING(String.class),
    /** Whole number, as {@link Long}. */
    LONG(Long.class),
    /** Exact decimal, as {@link BigDecimal}. */
    DECIMAL(BigDecimal.class),
    /** Truth value, as {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** Calendar date, as {@link LocalDate}. */
    DATE(LocalDate.class);

    private final Class<?> javaType;

    AttributeType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /**
     * Returns the Java class of values of this type.
     *
     * @return the class, never null
     */
    public Class<?> javaType() {
        return javaType;
    }
}
