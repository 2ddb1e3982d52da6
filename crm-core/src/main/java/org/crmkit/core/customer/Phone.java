package org.crmkit.core.customer;

import java.util.Objects;
import org.crmkit.core.internal.Check;

/**
 * A phone or fax number. Spaces, dashes, dots and parentheses are removed; what remains
 * must be an optional leading '+' and 6 to 15 digits (ITU-T E.164 allows at most 15).
 * {@link #toString()} masks all but the last two digits.
 *
 * <pre>{@code
 * Phone phone = Phone.of("+49 30 1234-567", PhoneType.MOBILE);  // number "+49301234567"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the number, not null; stored without separators
 * @param type the kind of line, not null
 */
public record Phone(String number, PhoneType type) {
    /**
     * Validates and normalises the number.
     *
     * @throws IllegalArgumentException if the number is malformed (shown masked)
     */
    public Phone {
        Objects.requireNonNull(number, "phone");
        Objects.requireNonNull(type, "phoneType");
        String compact = number.strip().replaceAll("[\\s().-]", "");
        String digits = compact.startsWith("+") ? compact.substring(1) : compact;
        if (digits.length() < 6 || digits.length() > 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("phone must be an optional '+' and 6 to 15 digits: '"
                    + Check.mask(number.strip(), 2) + "'");
        }
        number = compact;
    }

    /**
     * Returns the number.
     *
     * @param number the number, not null
     * @param type the kind of line, not null
     * @return the phone, never null
     * @throws IllegalArgumentException if the number is malformed
     */
    public static Phone of(String number, PhoneType type) {
        return new Phone(number, type);
    }

    /**
     * Returns the digits only (no '+'), the key used to find duplicates.
     *
     * @return the digits, never null
     */
    public String normalized() {
        return number.startsWith("+") ? number.substring(1) : number;
    }

    /**
     * Returns the type and masked number, such as {@code MOBILE *********67}.
     *
     * @return the masked form, never null
     */
    @Override
    public String toString() {
        return type + " " + Check.mask(number, 2);
    }
}
