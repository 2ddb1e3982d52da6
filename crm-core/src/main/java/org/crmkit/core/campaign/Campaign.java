package org.crmkit.core.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Check;
import org.crmkit.core.money.CurrencyMismatchException;
import org.crmkit.core.money.Money;

/**
 * A marketing campaign: an id that {@link org.crmkit.core.activity.CampaignResponse}s
 * name, a channel, a period, its costs (a fixed part and a part per contacted customer),
 * the customers targeted and an optional control group held out on purpose.
 *
 * <pre>{@code
 * Campaign spring = Campaign.builder("spring-2026", ContactChannel.EMAIL)
 *         .name("Spring garden mailing")
 *         .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))
 *         .fixedCost(Money.of("EUR", "2000.00"))
 *         .costPerContact(Money.of("EUR", "0.40"))
 *         .targets(targetIds)
 *         .control(controlIds)
 *         .build();
 * spring.totalCost();            // fixed + 0.40 x number of targets
 * spring.armOf(id);              // Optional[TARGET], Optional[CONTROL] or empty
 * }</pre>
 *
 * <p>Only targeted customers are contacted, so only they cost per contact. Targets and
 * control must be disjoint. Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Campaign {
    private final String id;
    private final String name;
    private final ContactChannel channel;
    private final LocalDate start;
    private final LocalDate end;
    private final Money fixedCost;
    private final Money costPerContact;
    private final Set<CustomerId> targets;
    private final Set<CustomerId> control;

    private Campaign(Builder b) {
        this.id = b.id;
        this.name = b.name == null ? b.id : b.name;
        this.channel = b.channel;
        this.start = b.start;
        this.end = b.end;
        this.fixedCost = b.fixedCost;
        this.costPerContact = b.costPerContact;
        this.targets = Set.copyOf(b.targets);
        this.control = Set.copyOf(b.control);
    }

    /**
     * Starts a campaign.
     *
     * @param id the campaign id as responses name it: letters, digits, {@code . _ : -}, at
     *     most 64 characters, not null
     * @param channel the channel through which targets are contacted, not null
     * @return a builder, never null
     * @throws IllegalArgumentException if the id is not a valid identifier
     */
    public static Builder builder(String id, ContactChannel channel) {
        return new Builder(Check.identifier(id, "id"), Objects.requireNonNull(channel, "channel"));
    }

    /**
     * Returns the id.
     *
     * @return the id, never null
     */
    public String id() {
        return id;
    }

    /**
     * Returns the name (the id unless one was given).
     *
     * @return the name, never null
     */
    public String name() {
        return name;
    }

    /**
     * Returns the contact channel.
     *
     * @return the channel, never null
     */
    public ContactChannel channel() {
        return channel;
    }

    /**
     * Returns the first day of the campaign (the day targets are contacted).
     *
     * @return the start, never null
     */
    public LocalDate start() {
        return start;
    }

    /**
     * Returns the last day of the campaign.
     *
     * @return the end, never null, not before the start
     */
    public LocalDate end() {
        return end;
    }

    /**
     * Returns the start of the first day in a time zone: the contact instant from which
     * responses and purchases are attributed.
     *
     * @param zone the time zone, not null
     * @return the instant, never null
     */
    public Instant contactedAt(ZoneId zone) {
        return start.atStartOfDay(Objects.requireNonNull(zone, "zone")).toInstant();
    }

    /**
     * Returns the fixed cost (creative, set-up, media).
     *
     * @return the cost, never null, not negative
     */
    public Money fixedCost() {
        return fixedCost;
    }

    /**
     * Returns the cost of contacting one target.
     *
     * @return the cost, never null, not negative, in the fixed cost's currency
     */
    public Money costPerContact() {
        return costPerContact;
    }

    /**
     * Returns the total cost: fixed cost plus cost per contact times the number of
     * targets.
     *
     * @return the cost, never null
     */
    public Money totalCost() {
        return fixedCost.plus(costPerContact.multipliedBy(targets.size()));
    }

    /**
     * Returns the targeted customers.
     *
     * @return the targets, unmodifiable, never null, not empty
     */
    public Set<CustomerId> targets() {
        return targets;
    }

    /**
     * Returns the control group.
     *
     * @return the control customers, unmodifiable, never null, empty if there is none
     */
    public Set<CustomerId> control() {
        return control;
    }

    /**
     * Tells whether the campaign has a control group.
     *
     * @return true if the control group is not empty
     */
    public boolean hasControl() {
        return !control.isEmpty();
    }

    /**
     * Tells which side of the campaign a customer is on.
     *
     * @param customer the customer, not null
     * @return the arm, empty if the customer is in neither group
     */
    public Optional<Arm> armOf(CustomerId customer) {
        Objects.requireNonNull(customer, "customer");
        if (targets.contains(customer)) {
            return Optional.of(Arm.TARGET);
        }
        return control.contains(customer) ? Optional.of(Arm.CONTROL) : Optional.empty();
    }

    /**
     * Campaigns are equal when their ids are.
     *
     * @param obj the other object
     * @return true if obj is a campaign with the same id
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Campaign c && c.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /**
     * Returns {@code Campaign[id, channel, start..end, N targets, M control]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Campaign[" + id + ", " + channel + ", " + start + ".." + end + ", " + targets.size() + " targets, "
                + control.size() + " control]";
    }

    /**
     * Builds a {@link Campaign}. Each option may be set once. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private final ContactChannel channel;
        private String name;
        private LocalDate start;
        private LocalDate end;
        private Money fixedCost;
        private Money costPerContact;
        private Set<CustomerId> targets;
        private Set<CustomerId> control;

        private Builder(String id, ContactChannel channel) {
            this.id = id;
            this.channel = channel;
        }

        /**
         * Sets a readable name.
         *
         * @param value the name, not blank
         * @return this builder
         * @throws IllegalStateException if set before
         * @throws IllegalArgumentException if blank
         */
        public Builder name(String value) {
            Check.once(name, "name");
            name = Check.text(value, "name");
            return this;
        }

        /**
         * Sets the period (required).
         *
         * @param first the first day, not null
         * @param last the last day, not null, not before the first
         * @return this builder
         * @throws IllegalStateException if set before
         * @throws IllegalArgumentException if last is before first
         */
        public Builder period(LocalDate first, LocalDate last) {
            Check.once(start, "period");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("campaign period ends " + last + " before it starts " + first);
            }
            start = first;
            end = last;
            return this;
        }

        /**
         * Sets the fixed cost (default zero in the currency of the cost per contact).
         *
         * @param value the cost, not null, not negative
         * @return this builder
         * @throws IllegalStateException if set before
         * @throws IllegalArgumentException if negative
         */
        public Builder fixedCost(Money value) {
            Check.once(fixedCost, "fixedCost");
            fixedCost = nonNegative(value, "fixedCost");
            return this;
        }

        /**
         * Sets the cost per contacted target (default zero in the fixed cost's currency).
         *
         * @param value the cost, not null, not negative
         * @return this builder
         * @throws IllegalStateException if set before
         * @throws IllegalArgumentException if negative
         */
        public Builder costPerContact(Money value) {
            Check.once(costPerContact, "costPerContact");
            costPerContact = nonNegative(value, "costPerContact");
            return this;
        }

        /**
         * Sets the targeted customers (required, not empty).
         *
         * @param ids the customers, not null, no null element, not empty
         * @return this builder
         * @throws IllegalStateException if set before
         * @throws IllegalArgumentException if empty
         */
        public Builder targets(Collection<CustomerId> ids) {
            if (targets != null) {
                throw new IllegalStateException("targets were already set");
            }
            targets = copy(ids, "targets");
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("a campaign needs at least one target");
            }
            return this;
        }

        /**
         * Sets the control group (default none).
         *
         * @param ids the customers held out, not null, no null element
         * @return this builder
         * @throws IllegalStateException if set before
         */
        public Builder control(Collection<CustomerId> ids) {
            if (control != null) {
                throw new IllegalStateException("control was already set");
            }
            control = copy(ids, "control");
            return this;
        }

        /**
         * Builds the campaign.
         *
         * @return the campaign, never null
         * @throws IllegalStateException if the period, the targets or both costs are missing
         * @throws IllegalArgumentException if a customer is both target and control
         * @throws CurrencyMismatchException if the two costs have different currencies
         */
        public Campaign build() {
            if (start == null) {
                throw new IllegalStateException("campaign " + id + ": period is required");
            }
            if (targets == null) {
                throw new IllegalStateException("campaign " + id + ": targets are required");
            }
            if (fixedCost == null && costPerContact == null) {
                throw new IllegalStateException("campaign " + id + ": set fixedCost, costPerContact or both "
                        + "(zero is allowed) so the currency is known");
            }
            if (fixedCost == null) {
                fixedCost = Money.zero(costPerContact.currency());
            }
            if (costPerContact == null) {
                costPerContact = Money.zero(fixedCost.currency());
            }
            if (!fixedCost.currency().equals(costPerContact.currency())) {
                throw new CurrencyMismatchException(fixedCost.currency(), costPerContact.currency());
            }
            if (control == null) {
                control = Set.of();
            }
            long both = control.stream().filter(targets::contains).count();
            if (both > 0) {
                throw new IllegalArgumentException("campaign " + id + ": " + both
                        + " customers are both target and control");
            }
            return new Campaign(this);
        }

        private static Money nonNegative(Money value, String field) {
            Objects.requireNonNull(value, field);
            if (value.isNegative()) {
                throw new IllegalArgumentException(field + " must not be negative: " + value);
            }
            return value;
        }

        private static Set<CustomerId> copy(Collection<CustomerId> ids, String field) {
            Objects.requireNonNull(ids, field);
            Set<CustomerId> out = new LinkedHashSet<>();
            for (CustomerId c : ids) {
                out.add(Objects.requireNonNull(c, field + " element"));
            }
            return out;
        }
    }
}
