package org.crmkit.core.customer;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.internal.Check;
import org.crmkit.core.money.Money;

/**
 * Firmographics of an organization. Only the legal name is required; other fields are
 * null when unknown (lists: empty).
 *
 * <pre>{@code
 * OrganizationProfile acme = OrganizationProfile.builder("ACME Trading GmbH")
 *         .shortName("ACME").industry("wholesale").employees(120)
 *         .annualRevenue(Money.of("EUR", "12500000"))
 *         .build();
 * acme.sizeClass();   // Optional[MEDIUM]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param legalName the registered name, not blank
 * @param shortName the short or trading name, or null
 * @param description a short company profile, or null
 * @param industry the industry, or null
 * @param employees head count (not negative), or null
 * @param annualRevenue annual revenue (not negative), or null
 * @param operatingStatus the operating status, or null
 * @param mainProducts main products, not null
 * @param creditRating the credit rating, or null
 * @param legalRepresentative name of the legal representative, or null
 * @param purchasingContact name of the purchasing contact, or null
 * @param brandMix brands carried, not null
 * @param outletCount number of outlets in the outlet network (not negative), or null
 */
public record OrganizationProfile(String legalName, String shortName, String description, String industry,
        Integer employees, Money annualRevenue, OperatingStatus operatingStatus, List<String> mainProducts,
        CreditRating creditRating, String legalRepresentative, String purchasingContact, List<String> brandMix,
        Integer outletCount) implements Profile {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if legalName or a list is null
     * @throws IllegalArgumentException if a text is blank or a number negative
     */
    public OrganizationProfile {
        legalName = Check.text(legalName, "legalName");
        shortName = Check.optionalText(shortName, "shortName");
        description = Check.optionalText(description, "description");
        industry = Check.optionalText(industry, "industry");
        Check.optionalNonNegative(employees, "employees");
        if (annualRevenue != null && annualRevenue.isNegative()) {
            throw new IllegalArgumentException("annualRevenue must not be negative: " + annualRevenue);
        }
        mainProducts = Check.list(mainProducts, "mainProducts");
        mainProducts.forEach(p -> Check.text(p, "main product"));
        legalRepresentative = Check.optionalText(legalRepresentative, "legalRepresentative");
        purchasingContact = Check.optionalText(purchasingContact, "purchasingContact");
        brandMix = Check.list(brandMix, "brandMix");
        brandMix.forEach(b -> Check.text(b, "brand"));
        Check.optionalNonNegative(outletCount, "outletCount");
    }

    /**
     * Starts a builder.
     *
     * @param legalName the registered name, not blank
     * @return a new builder, never null
     * @throws IllegalArgumentException if the name is blank
     */
    public static Builder builder(String legalName) {
        return new Builder(legalName);
    }

    @Override
    public CustomerKind kind() {
        return CustomerKind.ORGANIZATION;
    }

    @Override
    public String displayName() {
        return shortName != null ? shortName : legalName;
    }

    /**
     * Returns the size class by head count.
     *
     * @return the size class, or empty if the head count is unknown
     */
    public java.util.Optional<CompanySize> sizeClass() {
        if (employees == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(employees < 50 ? CompanySize.SMALL
                : employees < 250 ? CompanySize.MEDIUM : CompanySize.LARGE);
    }

    /**
     * Builds an {@link OrganizationProfile}. Each setter validates its argument and may be
     * called once. A builder is not thread-safe; the profile it builds is immutable.
     */
    public static final class Builder {
        private final String legalName;
        private String shortName;
        private String description;
        private String industry;
        private Integer employees;
        private Money annualRevenue;
        private OperatingStatus operatingStatus;
        private List<String> mainProducts;
        private CreditRating creditRating;
        private String legalRepresentative;
        private String purchasingContact;
        private List<String> brandMix;
        private Integer outletCount;

        private Builder(String legalName) {
            this.legalName = Check.text(legalName, "legalName");
        }

        /**
         * Sets the short name.
         *
         * @param value not blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder shortName(String value) {
            Check.once(shortName, "shortName");
            shortName = Check.text(value, "shortName");
            return this;
        }

        /**
         * Sets the company profile text.
         *
         * @param value not blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder description(String value) {
            Check.once(description, "description");
            description = Check.text(value, "description");
            return this;
        }

        /**
         * Sets the industry.
         *
         * @param value not blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder industry(String value) {
            Check.once(industry, "industry");
            industry = Check.text(value, "industry");
            return this;
        }

        /**
         * Sets the head count.
         *
         * @param value not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder employees(int value) {
            Check.once(employees, "employees");
            employees = Check.nonNegative(value, "employees");
            return this;
        }

        /**
         * Sets the annual revenue.
         *
         * @param value not null, not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder annualRevenue(Money value) {
            Check.once(annualRevenue, "annualRevenue");
            Objects.requireNonNull(value, "annualRevenue");
            if (value.isNegative()) {
                throw new IllegalArgumentException("annualRevenue must not be negative: " + value);
            }
            annualRevenue = value;
            return this;
        }

        /**
         * Sets the operating status.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder operatingStatus(OperatingStatus value) {
            Check.once(operatingStatus, "operatingStatus");
            operatingStatus = Objects.requireNonNull(value, "operatingStatus");
            return this;
        }

        /**
         * Sets the main products.
         *
         * @param values not null, none blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder mainProducts(List<String> values) {
            Check.once(mainProducts, "mainProducts");
            mainProducts = Check.list(values, "mainProducts");
            mainProducts.forEach(p -> Check.text(p, "main product"));
            return this;
        }

        /**
         * Sets the credit rating.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder creditRating(CreditRating value) {
            Check.once(creditRating, "creditRating");
            creditRating = Objects.requireNonNull(value, "creditRating");
            return this;
        }

        /**
         * Sets the legal representative.
         *
         * @param value not blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder legalRepresentative(String value) {
            Check.once(legalRepresentative, "legalRepresentative");
            legalRepresentative = Check.text(value, "legalRepresentative");
            return this;
        }

        /**
         * Sets the purchasing contact.
         *
         * @param value not blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder purchasingContact(String value) {
            Check.once(purchasingContact, "purchasingContact");
            purchasingContact = Check.text(value, "purchasingContact");
            return this;
        }

        /**
         * Sets the brand mix.
         *
         * @param values not null, none blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder brandMix(List<String> values) {
            Check.once(brandMix, "brandMix");
            brandMix = Check.list(values, "brandMix");
            brandMix.forEach(b -> Check.text(b, "brand"));
            return this;
        }

        /**
         * Sets the outlet count.
         *
         * @param value not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder outletCount(int value) {
            Check.once(outletCount, "outletCount");
            outletCount = Check.nonNegative(value, "outletCount");
            return this;
        }

        /**
         * Builds the profile.
         *
         * @return the profile, never null
         */
        public OrganizationProfile build() {
            return new OrganizationProfile(legalName, shortName, description, industry, employees, annualRevenue,
                    operatingStatus, mainProducts == null ? List.of() : mainProducts, creditRating,
                    legalRepresentative, purchasingContact, brandMix == null ? List.of() : brandMix, outletCount);
        }
    }
}
