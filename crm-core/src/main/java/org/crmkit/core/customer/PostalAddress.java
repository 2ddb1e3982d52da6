package org.crmkit.core.customer;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.crmkit.core.internal.Check;

/**
 * A postal address with the geographic fields segmentation needs: postal code, address
 * type (urban, suburban, rural), region code and sales territory.
 * {@link #toString()} masks the street line.
 *
 * <pre>{@code
 * PostalAddress home = new PostalAddress("Hauptstr. 1", "Berlin", "10115", "DE",
 *         "DE-BE", AddressType.URBAN, "north-east");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param street the street line, not blank
 * @param city the city, not blank
 * @param postalCode the postal code: 2 to 10 letters, digits, spaces or dashes
 * @param countryCode ISO 3166-1 alpha-2 country code, stored upper case
 * @param regionCode region code such as ISO 3166-2 {@code "DE-BE"}, or null if unknown
 * @param type urban, suburban or rural, not null
 * @param salesTerritory the sales territory the address belongs to, or null
 */
public record PostalAddress(String street, String city, String postalCode, String countryCode,
        String regionCode, AddressType type, String salesTerritory) {
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9]");
    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[ -]");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * Validates all fields.
     *
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if a field is blank or malformed
     */
    public PostalAddress {
        street = Check.text(street, "street");
        city = Check.text(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        postalCode = postalCode.strip();
        if (!POSTAL_CODE.matcher(postalCode).matches()) {
            throw new IllegalArgumentException("postalCode must be 2 to 10 letters, digits, spaces or dashes: '"
                    + PersonalData.mask(postalCode) + "'");
        }
        Objects.requireNonNull(countryCode, "countryCode");
        countryCode = countryCode.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(countryCode)) {
            throw new IllegalArgumentException("countryCode is not ISO 3166-1 alpha-2: '" + PersonalData.mask(countryCode) + "'");
        }
        regionCode = Check.optionalText(regionCode, "regionCode");
        Objects.requireNonNull(type, "addressType");
        salesTerritory = Check.optionalText(salesTerritory, "salesTerritory");
    }

    /**
     * Returns the postal code in upper case without spaces or dashes, the key used to
     * find duplicates.
     *
     * @return the normalised postal code, never null
     */
    public String normalizedPostalCode() {
        return SPACES_AND_DASHES.matcher(postalCode).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /**
     * Returns the address with the street masked.
     *
     * @return the masked form, never null
     */
    @Override
    public String toString() {
        return "PostalAddress[street=***, city=" + city + ", postalCode=" + postalCode + ", countryCode="
                + countryCode + ", regionCode=" + regionCode + ", type=" + type + ", salesTerritory="
                + salesTerritory + "]";
    }
}
