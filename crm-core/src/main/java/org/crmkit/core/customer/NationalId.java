package org.crmkit.core.customer;

import java.util.Objects;
import java.util.regex.Pattern;
import org.crmkit.core.internal.Check;

/**
 * A national identification number: sensitive personal data, masked in {@link #toString()}
 * and in every error message.
 *
 * <p>The value is 4 to 32 letters, digits, '-', '/' or spaces; it is stored stripped.
 * Immutable and thread-safe.
 *
 * @param value the number, not null
 */
public record NationalId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /-]{2,30}[A-Za-z0-9]");

    /**
     * Validates the number.
     *
     * @throws IllegalArgumentException if the format is wrong (the message shows it masked)
     */
    public NationalId {
        Objects.requireNonNull(value, "nationalId");
        value = value.strip();
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("nationalId must be 4 to 32 letters, digits, '-', '/' or spaces: '"
                    + Check.mask(value, 2) + "'");
        }
    }

    /**
     * Returns the number, masked except for its last characters.
     *
     * @return the masked form such as {@code "*******89"}, never null
     */
    @Override
    public String toString() {
        return Check.mask(value, 2);
    }
}
