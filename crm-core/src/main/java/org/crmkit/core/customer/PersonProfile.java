package org.crmkit.core.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.internal.Check;

/**
 * Demographics of a private person. Only the name is required; every other field is null
 * when unknown (personality traits: empty). {@link #toString()} masks the national id.
 *
 * <pre>{@code
 * PersonProfile ann = PersonProfile.builder(PersonName.of("Ann", "Lee"), clock)
 *         .birthDate(LocalDate.of(1985, 4, 2))
 *         .gender(Gender.FEMALE)
 *         .incomeBand(IncomeBand.MIDDLE)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the name, not null
 * @param nationalId the national id (sensitive), or null
 * @param birthDate the birth date, or null
 * @param gender the gender, or null
 * @param maritalStatus the marital status, or null
 * @param householdStructure the household structure, or null
 * @param householdSize number of people in the household (at least 1), or null
 * @param familyLifeCycleStage the family life-cycle stage, or null
 * @param education highest education, or null
 * @param incomeBand the monthly income band, or null
 * @param employmentStatus the employment status, or null
 * @param occupation the occupation, or null
 * @param lifestyle the lifestyle, or null
 * @param personalityTraits free-form personality traits, not null, possibly empty; kept sorted
 */
public record PersonProfile(PersonName name, NationalId nationalId, LocalDate birthDate, Gender gender,
        MaritalStatus maritalStatus, HouseholdStructure householdStructure, Integer householdSize,
        FamilyLifeCycleStage familyLifeCycleStage, Education education, IncomeBand incomeBand,
        EmploymentStatus employmentStatus, String occupation, Lifestyle lifestyle, Set<String> personalityTraits)
        implements Profile {
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

    /**
     * Validates the fields that do not need a clock.
     *
     * @throws NullPointerException if name or personalityTraits is null
     * @throws IllegalArgumentException if householdSize is below 1, the birth date is
     *     before 1880, or occupation or a trait is blank
     */
    public PersonProfile {
        Objects.requireNonNull(name, "name");
        if (householdSize != null && householdSize < 1) {
            throw new IllegalArgumentException("householdSize must be at least 1: " + householdSize);
        }
        if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH)) {
            throw new IllegalArgumentException("birthDate is before " + EARLIEST_BIRTH + ": " + birthDate);
        }
        occupation = Check.optionalText(occupation, "occupation");
        personalityTraits = Check.sortedSet(personalityTraits, "personalityTraits");
        personalityTraits.forEach(t -> Check.text(t, "personality trait"));
    }

    /**
     * Starts a builder; the clock decides what "today" is for the birth-date check.
     *
     * @param name the name, not null
     * @param clock the clock, not null
     * @return a new builder, never null
     */
    public static Builder builder(PersonName name, Clock clock) {
        return new Builder(name, clock);
    }

    @Override
    public CustomerKind kind() {
        return CustomerKind.PERSON;
    }

    @Override
    public String displayName() {
        return name.fullName();
    }

    /**
     * Returns the age in whole years on a date.
     *
     * @param date the date, not null
     * @return the age in years, or -1 if the birth date is unknown
     * @throws IllegalArgumentException if the date is before the birth date
     */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (birthDate == null) {
            return -1;
        }
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("date " + date + " is before birthDate " + birthDate);
        }
        return Period.between(birthDate, date).getYears();
    }

    /**
     * Builds a {@link PersonProfile}. Each setter validates its argument and may be called
     * once. A builder is not thread-safe; the profile it builds is immutable.
     */
    public static final class Builder {
        private final PersonName name;
        private final Clock clock;
        private NationalId nationalId;
        private LocalDate birthDate;
        private Gender gender;
        private MaritalStatus maritalStatus;
        private HouseholdStructure householdStructure;
        private Integer householdSize;
        private FamilyLifeCycleStage familyLifeCycleStage;
        private Education education;
        private IncomeBand incomeBand;
        private EmploymentStatus employmentStatus;
        private String occupation;
        private Lifestyle lifestyle;
        private Set<String> personalityTraits;

        private Builder(PersonName name, Clock clock) {
            this.name = Objects.requireNonNull(name, "name");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Sets the national id.
         *
         * @param value the id, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder nationalId(NationalId value) {
            Check.once(nationalId, "nationalId");
            nationalId = Objects.requireNonNull(value, "nationalId");
            return this;
        }

        /**
         * Sets the birth date.
         *
         * @param value the birth date, not null, not after today by the builder's clock
         * @return this builder
         * @throws IllegalArgumentException if the date is in the future
         * @throws IllegalStateException if already set
         */
        public Builder birthDate(LocalDate value) {
            Check.once(birthDate, "birthDate");
            Objects.requireNonNull(value, "birthDate");
            LocalDate today = LocalDate.now(clock);
            if (value.isAfter(today)) {
                throw new IllegalArgumentException("birthDate is in the future: " + value + " (today is " + today + ")");
            }
            birthDate = value;
            return this;
        }

        /**
         * Sets the gender.
         *
         * @param value the gender, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder gender(Gender value) {
            Check.once(gender, "gender");
            gender = Objects.requireNonNull(value, "gender");
            return this;
        }

        /**
         * Sets the marital status.
         *
         * @param value the status, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder maritalStatus(MaritalStatus value) {
            Check.once(maritalStatus, "maritalStatus");
            maritalStatus = Objects.requireNonNull(value, "maritalStatus");
            return this;
        }

        /**
         * Sets the household structure and size.
         *
         * @param structure the structure, not null
         * @param size the number of people, at least 1
         * @return this builder
         * @throws IllegalArgumentException if size is below 1
         * @throws IllegalStateException if already set
         */
        public Builder household(HouseholdStructure structure, int size) {
            Check.once(householdStructure, "householdStructure");
            if (size < 1) {
                throw new IllegalArgumentException("householdSize must be at least 1: " + size);
            }
            householdStructure = Objects.requireNonNull(structure, "householdStructure");
            householdSize = size;
            return this;
        }

        /**
         * Sets the family life-cycle stage.
         *
         * @param value the stage, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder familyLifeCycleStage(FamilyLifeCycleStage value) {
            Check.once(familyLifeCycleStage, "familyLifeCycleStage");
            familyLifeCycleStage = Objects.requireNonNull(value, "familyLifeCycleStage");
            return this;
        }

        /**
         * Sets the education.
         *
         * @param value the education, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder education(Education value) {
            Check.once(education, "education");
            education = Objects.requireNonNull(value, "education");
            return this;
        }

        /**
         * Sets the income band.
         *
         * @param value the band, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder incomeBand(IncomeBand value) {
            Check.once(incomeBand, "incomeBand");
            incomeBand = Objects.requireNonNull(value, "incomeBand");
            return this;
        }

        /**
         * Sets the employment status.
         *
         * @param value the status, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder employmentStatus(EmploymentStatus value) {
            Check.once(employmentStatus, "employmentStatus");
            employmentStatus = Objects.requireNonNull(value, "employmentStatus");
            return this;
        }

        /**
         * Sets the occupation.
         *
         * @param value the occupation, not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         * @throws IllegalStateException if already set
         */
        public Builder occupation(String value) {
            Check.once(occupation, "occupation");
            occupation = Check.text(value, "occupation");
            return this;
        }

        /**
         * Sets the lifestyle.
         *
         * @param value the lifestyle, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder lifestyle(Lifestyle value) {
            Check.once(lifestyle, "lifestyle");
            lifestyle = Objects.requireNonNull(value, "lifestyle");
            return this;
        }

        /**
         * Sets the personality traits.
         *
         * @param values the traits, not null, none blank
         * @return this builder
         * @throws IllegalArgumentException if a trait is blank
         * @throws IllegalStateException if already set
         */
        public Builder personalityTraits(Set<String> values) {
            Check.once(personalityTraits, "personalityTraits");
            Set<String> copy = Check.set(values, "personalityTraits");
            copy.forEach(t -> Check.text(t, "personality trait"));
            personalityTraits = copy;
            return this;
        }

        /**
         * Builds the profile.
         *
         * @return the profile, never null
         */
        public PersonProfile build() {
            return new PersonProfile(name, nationalId, birthDate, gender, maritalStatus, householdStructure,
                    householdSize, familyLifeCycleStage, education, incomeBand, employmentStatus, occupation,
                    lifestyle, personalityTraits == null ? Set.of() : personalityTraits);
        }
    }
}
