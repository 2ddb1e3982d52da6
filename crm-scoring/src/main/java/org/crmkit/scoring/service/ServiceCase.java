package org.crmkit.scoring.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.ComplaintStatus;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.scoring.satisfaction.ReportingPeriod;

/**
 * One complaint or service request as the statistics see it: when it was opened, through
 * which channel, its category, whether and when it was closed, how, how often it was
 * reopened and whether it was resolved at first contact.
 *
 * <pre>{@code
 * ServiceCase c = ServiceCase.of(complaint);
 * ServiceCase r = ServiceCase.of(serviceRequest);       // category = the service kind
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param openedAt when the case was opened, not null
 * @param channel the channel it came in through, not null
 * @param category the category ({@code uncategorised} when none was given), not null
 * @param outcome how it stands, not null
 * @param closedAt when it was closed, present exactly when the outcome is not OPEN
 * @param reopenCount how often it was reopened, not negative
 * @param firstContact whether it was resolved at first contact
 */
public record ServiceCase(CustomerId customerId, Instant openedAt, Channel channel, String category,
        Outcome outcome, Optional<Instant> closedAt, int reopenCount, boolean firstContact) {
    /** The category of a case that has none. */
    public static final String UNCATEGORISED = "uncategorised";

    /**
     * Validates the case.
     *
     * @param customerId see the record component
     * @param openedAt see the record component
     * @param channel see the record component
     * @param category see the record component
     * @param outcome see the record component
     * @param closedAt see the record component
     * @param reopenCount see the record component
     * @param firstContact see the record component
     * @throws IllegalArgumentException if closedAt does not match the outcome, precedes the
     *     opening, the count is negative, or a first-contact case is not resolved
     */
    public ServiceCase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(closedAt, "closedAt");
        if (closedAt.isPresent() == (outcome == Outcome.OPEN)) {
            throw new IllegalArgumentException("closedAt must be present exactly for closed cases: " + outcome);
        }
        if (closedAt.isPresent() && closedAt.get().isBefore(openedAt)) {
            throw new IllegalArgumentException("case closed before it was opened");
        }
        if (reopenCount < 0) {
            throw new IllegalArgumentException("reopenCount must not be negative: " + reopenCount);
        }
        if (firstContact && outcome != Outcome.RESOLVED) {
            throw new IllegalArgumentException("only a resolved case can be resolved at first contact");
        }
    }

    /**
     * The case of a complaint.
     *
     * @param complaint the complaint, not null
     * @return the case, never null
     */
    public static ServiceCase of(Complaint complaint) {
        Objects.requireNonNull(complaint, "complaint");
        Outcome outcome = complaint.status() == ComplaintStatus.RESOLVED ? Outcome.RESOLVED
                : complaint.status() == ComplaintStatus.REJECTED ? Outcome.REJECTED : Outcome.OPEN;
        return new ServiceCase(complaint.customerId(), complaint.timestamp(), complaint.channel(),
                complaint.category() == null ? UNCATEGORISED : complaint.category(), outcome,
                outcome == Outcome.OPEN ? Optional.empty() : Optional.of(complaint.statusChangedAt()),
                complaint.reopenCount(), complaint.resolvedAtFirstContact());
    }

    /**
     * The case of a service request; its category is the service kind in lower case, and
     * a closed request counts as resolved (requests are not rejected or reopened).
     *
     * @param request the request, not null
     * @return the case, never null
     */
    public static ServiceCase of(ServiceRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<Instant> closed = Optional.ofNullable(request.closedAt());
        return new ServiceCase(request.customerId(), request.timestamp(), request.channel(),
                request.kind().name().toLowerCase(java.util.Locale.ROOT),
                closed.isPresent() ? Outcome.RESOLVED : Outcome.OPEN, closed, 0, false);
    }

    /**
     * Returns the time from opening to closing.
     *
     * @return the resolution time, empty while open
     */
    public Optional<Duration> resolutionTime() {
        return closedAt.map(c -> Duration.between(openedAt, c));
    }

    /**
     * Groups cases by the period they were opened in.
     *
     * @param period the period, not null
     * @param zone the time zone of the calendar, not null
     * @return the grouping, never null
     */
    public static Function<ServiceCase, String> byPeriod(ReportingPeriod period, ZoneId zone) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        return c -> period.label(c.openedAt(), zone);
    }

    /**
     * Groups cases by channel ({@code EMAIL}, {@code PHONE}, ...).
     *
     * @return the grouping, never null
     */
    public static Function<ServiceCase, String> byChannel() {
        return c -> c.channel().name();
    }

    /**
     * Groups cases by category.
     *
     * @return the grouping, never null
     */
    public static Function<ServiceCase, String> byCategory() {
        return ServiceCase::category;
    }

    /**
     * Groups cases by the customer's account manager, for example from crm-core's
     * ownership history.
     *
     * @param managerOf the manager of a customer, not null, never returning null
     *     (return {@code "unassigned"} for customers without one)
     * @return the grouping, never null
     */
    public static Function<ServiceCase, String> byManager(Function<CustomerId, String> managerOf) {
        Objects.requireNonNull(managerOf, "managerOf");
        return c -> Objects.requireNonNull(managerOf.apply(c.customerId()), "manager");
    }

    /**
     * How a case stands.
     *
     * <p>Enum constants are immutable and thread-safe.
     */
    public enum Outcome {
        /** Still waiting for a resolution. */
        OPEN,
        /** Closed with a resolution. */
        RESOLVED,
        /** Closed as rejected. */
        REJECTED
    }
}
