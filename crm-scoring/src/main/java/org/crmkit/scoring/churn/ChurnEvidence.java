package org.crmkit.scoring.churn;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.customer.ChannelConsent;
import org.crmkit.core.customer.ConsentState;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;

/**
 * What a customer's record says beside the purchase model: complaints, satisfaction and
 * recommendation answers, consent withdrawn, and the purchase count of the two latest
 * look-back periods. {@link WarningPolicy} turns it into {@link ChurnReason}s.
 *
 * <pre>{@code
 * ChurnEvidence e = ChurnEvidence.fromActivities(customer, activities,
 *         Instant.parse("2026-06-30T00:00:00Z"), Duration.ofDays(90));
 * ChurnEvidence none = ChurnEvidence.none();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param openComplaints complaints not resolved or rejected as of the date, {@code >= 0}
 * @param recentComplaints complaints made within the look-back period, {@code >= 0}
 * @param previousSatisfaction satisfaction C = b/a of the second-latest survey, if any
 * @param latestSatisfaction satisfaction of the latest survey, if any
 * @param previousNps the second-latest net-promoter answer (0..10), if any
 * @param latestNps the latest net-promoter answer, if any
 * @param lostConsent channels whose consent was withdrawn within the look-back period, not null
 * @param recentPurchases purchases within the look-back period, {@code >= 0}
 * @param earlierPurchases purchases in the period of the same length before it, {@code >= 0}
 */
public record ChurnEvidence(int openComplaints, int recentComplaints, OptionalDouble previousSatisfaction,
        OptionalDouble latestSatisfaction, OptionalInt previousNps, OptionalInt latestNps,
        Set<ContactChannel> lostConsent, int recentPurchases, int earlierPurchases) {

    private static final ChurnEvidence NONE = new ChurnEvidence(0, 0, OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.empty(), Set.of(), 0, 0);

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if a count is negative, a satisfaction is not finite
     *     and {@code >= 0}, or an answer is outside 0..10
     * @throws NullPointerException if an optional or the set is null
     */
    public ChurnEvidence {
        if (openComplaints < 0 || recentComplaints < 0 || recentPurchases < 0 || earlierPurchases < 0) {
            throw new IllegalArgumentException("negative count: open complaints " + openComplaints + ", recent "
                    + recentComplaints + ", purchases " + recentPurchases + "/" + earlierPurchases);
        }
        requireSatisfaction(Objects.requireNonNull(previousSatisfaction, "previousSatisfaction"));
        requireSatisfaction(Objects.requireNonNull(latestSatisfaction, "latestSatisfaction"));
        requireNps(Objects.requireNonNull(previousNps, "previousNps"));
        requireNps(Objects.requireNonNull(latestNps, "latestNps"));
        lostConsent = lostConsent.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(lostConsent));
    }

    /**
     * Returns the evidence of a customer of whom nothing but purchases is known.
     *
     * @return evidence without complaints, surveys or consent changes, never null
     */
    public static ChurnEvidence none() {
        return NONE;
    }

    /**
     * Derives the evidence from a customer record and its activities as of a date:
     * complaints (the latest version of each complaint id counts; open means
     * {@link Complaint#isOpen()}), the two latest surveys by time (satisfaction
     * {@link SatisfactionSurvey#satisfaction()} and the net-promoter answer of the latest
     * two surveys that asked it), channels whose consent was recorded as denied or
     * do-not-contact within {@code (asOf - lookback, asOf]}, and the purchases (returns
     * excluded) in {@code (asOf - lookback, asOf]} and in the period of the same length before it.
     * Activities after {@code asOf} are ignored.
     *
     * @param customer the customer, not null
     * @param activities the customer's activities in any order, not null
     * @param asOf the date of the assessment, not null
     * @param lookback the look-back period, positive, not null
     * @return the evidence, never null
     * @throws IllegalArgumentException if the look-back period is not positive or an
     *     activity belongs to another customer
     */
    public static ChurnEvidence fromActivities(Customer customer, Collection<? extends Activity> activities,
            Instant asOf, Duration lookback) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(lookback, "lookback");
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("lookback " + lookback + " is not positive");
        }
        Instant recentStart = asOf.minus(lookback);
        Instant earlierStart = recentStart.minus(lookback);
        Map<ActivityId, Complaint> complaints = new HashMap<>();
        List<SatisfactionSurvey> surveys = new java.util.ArrayList<>();
        int recent = 0;
        int earlier = 0;
        for (Activity a : activities) {
            Objects.requireNonNull(a, "activity");
            if (!a.customerId().equals(customer.id())) {
                throw new IllegalArgumentException("activity " + a.id() + " belongs to another customer");
            }
            if (a.timestamp().isAfter(asOf)) {
                continue;
            }
            if (a instanceof Complaint c) {
                complaints.merge(c.id(), c, (x, y) -> x.statusChangedAt().isAfter(y.statusChangedAt()) ? x : y);
            } else if (a instanceof SatisfactionSurvey s) {
                surveys.add(s);
            } else if (a instanceof Purchase p && !p.isReturn()) {
                if (p.timestamp().isAfter(recentStart)) {
                    recent++;
                } else if (p.timestamp().isAfter(earlierStart)) {
                    earlier++;
                }
            }
        }
        int open = 0;
        int recentComplaints = 0;
        for (Complaint c : complaints.values()) {
            if (c.isOpen() && !c.statusChangedAt().isAfter(asOf)) {
                open++;
            }
            if (c.timestamp().isAfter(recentStart)) {
                recentComplaints++;
            }
        }
        surveys.sort(Comparator.comparing(SatisfactionSurvey::timestamp));
        OptionalDouble latestC = surveys.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(surveys.get(surveys.size() - 1).satisfaction());
        OptionalDouble previousC = surveys.size() < 2 ? OptionalDouble.empty()
                : OptionalDouble.of(surveys.get(surveys.size() - 2).satisfaction());
        List<Integer> nps = surveys.stream().map(SatisfactionSurvey::npsAnswer).filter(Objects::nonNull)
                .collect(Collectors.toList());
        OptionalInt latestNps = nps.isEmpty() ? OptionalInt.empty() : OptionalInt.of(nps.get(nps.size() - 1));
        OptionalInt previousNps = nps.size() < 2 ? OptionalInt.empty() : OptionalInt.of(nps.get(nps.size() - 2));
        Set<ContactChannel> lost = EnumSet.noneOf(ContactChannel.class);
        for (ChannelConsent consent : customer.consents().byChannel().values()) {
            boolean withdrawn = consent.doNotContact() || consent.state() == ConsentState.DENIED;
            if (withdrawn && consent.recordedAt().isAfter(recentStart) && !consent.recordedAt().isAfter(asOf)) {
                lost.add(consent.channel());
            }
        }
        return new ChurnEvidence(open, recentComplaints, previousC, latestC, previousNps, latestNps, lost, recent,
                earlier);
    }

    private static void requireSatisfaction(OptionalDouble c) {
        if (c.isPresent() && (!(c.getAsDouble() >= 0) || Double.isInfinite(c.getAsDouble()))) {
            throw new IllegalArgumentException("satisfaction " + c.getAsDouble() + " is not finite and >= 0");
        }
    }

    private static void requireNps(OptionalInt answer) {
        if (answer.isPresent() && (answer.getAsInt() < 0 || answer.getAsInt() > 10)) {
            throw new IllegalArgumentException("NPS answer " + answer.getAsInt() + " is not in 0..10");
        }
    }
}
