package org.crmkit.core.customer;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.crmkit.core.internal.Check;

/**
 * An e-mail address. The domain is stored in lower case; {@link #normalized()} lower-cases
 * the whole address for duplicate matching. {@link #toString()} masks the local part. An
 * internationalised domain is stored in its ASCII form: {@code anna@müller.de} becomes
 * {@code anna@xn--mller-kva.de} (IDNA, RFC 5891), so both spellings are one address.
 *
 * <pre>{@code
 * Email email = Email.of("Ann.Lee@Example.com");   // toString: a***@example.com
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param address the address, not null, of the form {@code local@domain.tld}
 */
public record Email(String address) {
    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");

    /**
     * Validates the address and lower-cases its domain.
     *
     * @throws IllegalArgumentException if the address is malformed (shown masked)
     */
    public Email {
        Objects.requireNonNull(address, "email");
        address = asciiDomain(address.strip());
        if (address.length() > 254 || !FORMAT.matcher(address).matches()
                || address.startsWith(".") || address.contains("..") || address.contains(".@")) {
            throw new IllegalArgumentException("email is malformed: '" + mask(address) + "'");
        }
        int at = address.indexOf('@');
        address = address.substring(0, at) + address.substring(at).toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the address.
     *
     * @param address the address, not null
     * @return the e-mail, never null
     * @throws IllegalArgumentException if the address is malformed
     */
    public static Email of(String address) {
        return new Email(address);
    }

    /**
     * Returns the address in lower case, the key used to find duplicates.
     *
     * @return the normalised address, never null
     */
    public String normalized() {
        return address.toLowerCase(Locale.ROOT);
    }

    /** An internationalised domain (müller.de) is kept in its ASCII form (xn--mller-kva.de, RFC 5891). */
    private static String asciiDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || address.substring(at).chars().allMatch(c -> c < 128)) {
            return address;
        }
        try {
            return address.substring(0, at + 1) + java.net.IDN.toASCII(address.substring(at + 1));
        } catch (IllegalArgumentException e) {
            return address; // rejected below as malformed
        }
    }

    private static String mask(String text) {
        int at = text.indexOf('@');
        if (at <= 0) {
            return Check.mask(text, 0);
        }
        return PersonalData.mask(text);
    }

    /**
     * Returns the address with the local part masked, such as {@code a***@example.com}.
     *
     * @return the masked address, never null
     */
    @Override
    public String toString() {
        return mask(address);
    }
}
