package org.crmkit.examples.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.ResponseType;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.campaign.Campaign;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.RelationshipType;
import org.crmkit.core.money.Money;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.campaign.ArmComparison;
import org.crmkit.scoring.campaign.Attribution;
import org.crmkit.scoring.campaign.CampaignAnalysis;
import org.crmkit.scoring.campaign.CampaignReport;
import org.crmkit.scoring.campaign.UpliftEvaluation;
import org.crmkit.scoring.inference.ConfidenceInterval;
import org.crmkit.scoring.inference.Difference;
import org.crmkit.scoring.satisfaction.NetPromoterScore;
import org.crmkit.scoring.satisfaction.NpsIntervalMethod;
import org.crmkit.scoring.satisfaction.ReportingPeriod;
import org.crmkit.scoring.satisfaction.SatisfactionIndex;
import org.crmkit.scoring.service.ServiceCase;
import org.crmkit.scoring.service.ServiceStatistics;
import org.crmkit.scoring.service.ServiceSummary;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.value.RelationshipTypes;
import org.crmkit.scoring.value.ValueMatrix;
import org.crmkit.scoring.value.ValueMatrixReport;
import org.crmkit.scoring.value.ValueQuadrant;

/**
 * The demo's marketing and service section: two campaigns with control groups and real
 * costs (response, ROI and incremental lift with intervals, and how well a recency score
 * picks the persuadable customers), NPS and satisfaction by quarter with intervals,
 * complaint resolution statistics, Kotler relationship types per customer tier, and the
 * measured current-versus-potential value matrix.
 *
 * <p>What it simulates on top of the population, seeded from the demo seed: the
 * campaigns' target and control lists (a random split of the customers who bought in the
 * year before the campaign: 90/10 for the e-mail, 50/50 for the catalogue test), the campaign responses and the extra purchases the
 * contact caused (more likely for customers who bought recently: the persuadables), a
 * quarterly NPS and satisfaction survey wave whose answers improve over two years, and
 * complaints with categories, first-contact resolutions, rejections and reopenings. The
 * purchases a campaign finds in its window are the population's own purchases plus those
 * extra ones (in euros; the few purchases in other currencies are left out, as in the value
 * section), so the control group measures the baseline honestly. Nothing is written to the
 * store.
 *
 * <p>Immutable after {@link #of}; not meant to be shared between threads.
 */
public final class MarketingReport {
    private static final Instant END = PopulationSimulator.END;
    private static final ZoneOffset UTC = ZoneOffset.UTC;
    private static final double CONFIDENCE = 0.95;
    private static final double MARGIN_RATE = 0.35;

    private final List<CampaignReport> campaigns = new ArrayList<>();
    private final Map<String, Campaign> campaignById = new LinkedHashMap<>();
    private UpliftEvaluation recencyUplift;
    private UpliftEvaluation randomUplift;
    private SortedMap<String, NetPromoterScore> npsByQuarter;
    private SortedMap<String, SatisfactionIndex.SatisfactionSummary> satisfactionByQuarter;
    private SortedMap<String, ServiceSummary> complaintsByCategory;
    private SortedMap<String, ServiceSummary> complaintsByQuarter;
    private final Map<String, long[]> tierCounts = new LinkedHashMap<>();
    private final Map<String, RelationshipType> tierTypes = new LinkedHashMap<>();
    private final Map<String, Double> tierMargins = new LinkedHashMap<>();
    private ValueMatrixReport matrix;

    private MarketingReport() {
    }

    /**
     * Simulates the marketing data and measures it.
     *
     * @param store the demo population, not null
     * @param value the demo's value section (fitted BG/NBD and Gamma-Gamma on weeks), not null
     * @param seed the demo seed
     * @return the report, never null
     */
    public static MarketingReport of(CustomerStore store, ValueReport value, long seed) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(value, "value");
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed ^ 0x6D61726BL);
        MarketingReport r = new MarketingReport();
        List<Customer> customers = store.all();
        Map<CustomerId, List<Activity>> activities = new HashMap<>();
        for (Customer c : customers) {
            activities.put(c.id(), store.activitiesOf(c.id()));
        }
        r.campaigns(customers, activities, random);
        r.surveys(customers, random);
        r.complaints(customers, random);
        r.tiers(customers, activities);
        r.valueMatrix(value, activities);
        return r;
    }

    // --- campaigns --------------------------------------------------------------------

    private void campaigns(List<Customer> customers, Map<CustomerId, List<Activity>> activities,
            java.util.SplittableRandom random) {
        LocalDate emailDay = LocalDate.of(2024, 3, 4);
        LocalDate catalogueDay = LocalDate.of(2024, 9, 2);
        simulateCampaign(Campaign.builder("spring-email-2024", ContactChannel.EMAIL).name("Spring e-mail")
                .period(emailDay, emailDay.plusDays(6)), emailDay, Money.of("EUR", "500.00"), Money.of("EUR", "0.05"), 0.03,
                0.9, customers, activities, random, false);
        simulateCampaign(Campaign.builder("autumn-catalogue-2024", ContactChannel.POSTAL_MAIL).name("Autumn catalogue")
                .period(catalogueDay, catalogueDay.plusDays(13)), catalogueDay, Money.of("EUR", "2000.00"), Money.of("EUR", "1.20"),
                0.06, 0.5, customers, activities, random, true);
    }

    private void simulateCampaign(Campaign.Builder builder, LocalDate start, Money fixed, Money perContact,
            double lift, double targetShare, List<Customer> customers, Map<CustomerId, List<Activity>> activities,
            java.util.SplittableRandom random, boolean evaluateTargeting) {
        Instant contact = start.atStartOfDay(UTC).toInstant();
        Instant yearBefore = contact.minus(Duration.ofDays(365));
        List<CustomerId> targets = new ArrayList<>();
        List<CustomerId> control = new ArrayList<>();
        Map<CustomerId, Integer> recentPurchases = new HashMap<>();
        for (Customer c : customers) {
            int recent = 0;
            for (Activity a : activities.get(c.id())) {
                if (a instanceof Purchase p && !p.isReturn() && !a.timestamp().isBefore(yearBefore)
                        && a.timestamp().isBefore(contact)) {
                    recent++;
                }
            }
            if (recent == 0) {
                continue;
            }
            recentPurchases.put(c.id(), recent);
            (random.nextDouble() < targetShare ? targets : control).add(c.id());
        }
        if (targets.isEmpty() || control.isEmpty()) {
            return;
        }
        Campaign campaign = builder.fixedCost(fixed).costPerContact(perContact).targets(targets).control(control)
                .build();
        List<Activity> outcome = new ArrayList<>();
        Instant windowEnd = contact.plus(Duration.ofDays(30));
        Set<CustomerId> members = new HashSet<>(targets);
        members.addAll(control);
        for (CustomerId id : members) {
            for (Activity a : activities.get(id)) {
                boolean otherCurrency = a instanceof Purchase p && !p.amount().currency().getCurrencyCode().equals("EUR");
                if (!otherCurrency && !a.timestamp().isBefore(contact) && a.timestamp().isBefore(windowEnd)) {
                    outcome.add(a); // the population's own behaviour: the baseline both arms share
                }
            }
        }
        int seq = 0;
        double[] score = new double[targets.size() + control.size()];
        boolean[] treated = new boolean[score.length];
        double[] converted = new double[score.length];
        Set<CustomerId> extraBuyers = new HashSet<>();
        int k = 0;
        for (CustomerId id : targets) {
            int recent = recentPurchases.get(id);
            // persuadable: customers who bought often lately react more to the contact
            double p = lift * Math.min(3, 0.4 + 0.4 * recent);
            if (random.nextDouble() < p) {
                Instant at = contact.plus(Duration.ofHours(2 + random.nextInt(24 * 25)));
                long cents = Math.round(Math.exp(3.6 + 0.6 * gaussian(random)) * 100);
                outcome.add(Purchase.of(ActivityId.of(campaign.id() + "-P" + (++seq)), id, at, Channel.WEB,
                        Actor.CUSTOMER, "SKU-C" + random.nextInt(100, 999), "campaign offer", 1,
                        Money.ofMinor(java.util.Currency.getInstance("EUR"), cents)));
                outcome.add(new CampaignResponse(ActivityId.of(campaign.id() + "-R" + seq), id, at, Channel.WEB,
                        Actor.CUSTOMER, campaign.id(), ResponseType.ORDER, Money.ofMinor(
                                java.util.Currency.getInstance("EUR"), cents)));
                extraBuyers.add(id);
            } else if (random.nextDouble() < 0.02) {
                outcome.add(new CampaignResponse(ActivityId.of(campaign.id() + "-Q" + (++seq)), id,
                        contact.plus(Duration.ofDays(1 + random.nextInt(20))), Channel.EMAIL, Actor.CUSTOMER,
                        campaign.id(), ResponseType.INQUIRY, Money.ofMinor(java.util.Currency.getInstance("EUR"), 0)));
            }
            score[k] = recent;
            treated[k++] = true;
        }
        for (CustomerId id : control) {
            score[k] = recentPurchases.get(id);
            treated[k++] = false;
        }
        campaignById.put(campaign.id(), campaign);
        campaigns.add(CampaignAnalysis.analyse(campaign, outcome, Attribution.within(Duration.ofDays(30), UTC),
                MARGIN_RATE, CONFIDENCE));
        if (evaluateTargeting) {
            Set<CustomerId> baselineBuyers = new HashSet<>();
            for (Activity a : outcome) {
                if (a instanceof Purchase p && !p.isReturn() && !extraBuyers.contains(a.customerId())) {
                    baselineBuyers.add(a.customerId());
                }
            }
            k = 0;
            for (CustomerId id : targets) {
                converted[k++] = extraBuyers.contains(id) || baselineBuyers.contains(id) ? 1 : 0;
            }
            for (CustomerId id : control) {
                converted[k++] = baselineBuyers.contains(id) ? 1 : 0;
            }
            double[] noise = new double[score.length];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = random.nextDouble();
                score[i] += 0.001 * noise[i]; // break ties among equal purchase counts at random
            }
            recencyUplift = UpliftEvaluation.of(score, treated, converted, 10);
            randomUplift = UpliftEvaluation.of(noise, treated, converted, 10);
        }
    }

    private static double gaussian(java.util.SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    // --- surveys ----------------------------------------------------------------------

    private void surveys(List<Customer> customers, java.util.SplittableRandom random) {
        List<SatisfactionSurvey> surveys = new ArrayList<>();
        LocalDate quarter = LocalDate.of(2023, 1, 1);
        int wave = 0;
        while (quarter.isBefore(LocalDate.of(2025, 1, 1))) {
            double promoters = 0.30 + 0.015 * wave;
            double detractors = 0.30 - 0.012 * wave;
            int respondents = Math.min(customers.size(), 250 + random.nextInt(100));
            for (int i = 0; i < respondents; i++) {
                Customer c = customers.get(random.nextInt(customers.size()));
                double u = random.nextDouble();
                int answer = u < promoters ? 9 + random.nextInt(2)
                        : u < 1 - detractors ? 7 + random.nextInt(2) : random.nextInt(7);
                double expectation = 5 + random.nextInt(5);
                double experience = Math.max(0, Math.min(10, expectation - 1 + answer * 0.25 + wave * 0.05
                        + gaussian(random)));
                Instant at = quarter.plusDays(random.nextInt(80)).atStartOfDay(UTC).toInstant()
                        .plus(Duration.ofHours(9));
                surveys.add(new SatisfactionSurvey(ActivityId.of("NPS-" + wave + "-" + i), c.id(), at, Channel.EMAIL,
                        Actor.SYSTEM, expectation, experience, answer));
            }
            quarter = quarter.plusMonths(3);
            wave++;
        }
        npsByQuarter = SatisfactionIndex.npsByGroup(surveys, s -> ReportingPeriod.QUARTER.label(s.timestamp(), UTC));
        satisfactionByQuarter = SatisfactionIndex.byGroup(surveys,
                s -> ReportingPeriod.QUARTER.label(s.timestamp(), UTC));
    }

    // --- complaints -------------------------------------------------------------------

    private void complaints(List<Customer> customers, java.util.SplittableRandom random) {
        String[] categories = {"delivery", "billing", "product", "staff"};
        double[] medianHours = {20, 40, 70, 12};
        Channel[] channels = {Channel.PHONE, Channel.EMAIL, Channel.WEB, Channel.CALL_CENTER};
        List<ServiceCase> cases = new ArrayList<>();
        int n = Math.max(1, customers.size() / 8);
        Instant from = END.minus(Duration.ofDays(365));
        for (int i = 0; i < n; i++) {
            Customer c = customers.get(random.nextInt(customers.size()));
            int cat = random.nextInt(categories.length);
            Instant at = from.plus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
            Complaint k = Complaint.open(ActivityId.of("K-M" + i), c.id(), at, channels[random.nextInt(4)],
                    Actor.of("desk-" + (1 + random.nextInt(4))), "complaint about " + categories[cat])
                    .withCategory(categories[cat]);
            double u = random.nextDouble();
            Instant first = at.plus(Duration.ofMinutes(10 + random.nextInt(50)));
            if (u < 0.35) {
                k = k.resolve(first, "solved on the call");
            } else {
                long hours = Math.max(1, Math.round(medianHours[cat] * Math.exp(0.8 * gaussian(random))));
                Instant closed = first.plus(Duration.ofHours(hours));
                k = k.startProgress(first, Actor.of("agent-" + (1 + random.nextInt(9))));
                if (closed.isBefore(END)) {
                    k = u < 0.88 ? k.resolve(closed, "resolved by the team") : k.reject(closed, "not covered");
                    if (u > 0.80 && u < 0.88) {
                        Instant again = closed.plus(Duration.ofHours(4 + random.nextInt(72)));
                        if (again.isBefore(END)) {
                            k = k.reopen(again, Actor.CUSTOMER);
                            Instant done = again.plus(Duration.ofHours(hours));
                            if (done.isBefore(END)) {
                                k = k.resolve(done, "resolved after reopening");
                            }
                        }
                    }
                }
            }
            cases.add(ServiceCase.of(k));
        }
        ServiceStatistics stats = ServiceStatistics.asOf(END, Duration.ofHours(72));
        long base = customers.size();
        complaintsByCategory = stats.summarize(cases, ServiceCase.byCategory(), g -> base);
        complaintsByQuarter = stats.summarize(cases, ServiceCase.byPeriod(ReportingPeriod.QUARTER, UTC), g -> base);
    }

    // --- relationship types -----------------------------------------------------------

    private void tiers(List<Customer> customers, Map<CustomerId, List<Activity>> activities) {
        Instant yearAgo = END.minus(Duration.ofDays(365));
        Map<CustomerId, Double> revenue = new HashMap<>();
        for (Customer c : customers) {
            double sum = 0;
            for (Activity a : activities.get(c.id())) {
                if (a instanceof Purchase p && !a.timestamp().isBefore(yearAgo)
                        && p.amount().currency().getCurrencyCode().equals("EUR")) {
                    sum += p.amount().amount().doubleValue();
                }
            }
            if (sum > 0) {
                revenue.put(c.id(), sum);
            }
        }
        double[] sorted = revenue.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return;
        }
        double a = sorted[(int) Math.floor(sorted.length * 0.8)];
        double b = sorted[(int) Math.floor(sorted.length * 0.5)];
        Map<String, double[]> groups = new TreeMap<>();
        for (Customer c : customers) {
            Double r = revenue.get(c.id());
            if (r == null) {
                continue;
            }
            String tier = (c.kind() == CustomerKind.ORGANIZATION ? "organization" : "person") + " "
                    + (r >= a ? "A" : r >= b ? "B" : "C");
            double[] g = groups.computeIfAbsent(tier, t -> new double[2]);
            g[0]++;
            g[1] += r * MARGIN_RATE;
        }
        RelationshipTypes grid = RelationshipTypes.of(500, 2_500, 40, 200);
        groups.forEach((tier, g) -> {
            tierCounts.put(tier, new long[] {(long) g[0]});
            double margin = g[1] / g[0];
            tierMargins.put(tier, margin);
            tierTypes.put(tier, grid.classify((long) g[0], margin));
        });
    }

    // --- value matrix -----------------------------------------------------------------

    private void valueMatrix(ValueReport value, Map<CustomerId, List<Activity>> activities) {
        CustomerSummaries s = value.wholePeriod();
        BgNbd purchases = value.purchaseFit().model();
        GammaGamma spend = value.spendFit().model();
        double weekly = Math.pow(1 + value.annualDiscountRate(), 1.0 / 52) - 1;
        Instant yearAgo = END.minus(Duration.ofDays(365));
        int size = s.size();
        List<String> ids = new ArrayList<>(size);
        double[] current = new double[size];
        double[] potential = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (s.t(i) <= 0) {
                continue; // first bought on the last day: left out, as in the value section's fit
            }
            ids.add(s.customerId(i));
            double sum = 0;
            for (Activity a : activities.getOrDefault(CustomerId.of(s.customerId(i)), List.of())) {
                if (a instanceof Purchase p && !a.timestamp().isBefore(yearAgo)
                        && p.amount().currency().getCurrencyCode().equals("EUR")) {
                    sum += p.amount().amount().doubleValue();
                }
            }
            current[n] = sum * MARGIN_RATE;
            int x = s.frequency(i);
            double perPurchase = spend.conditionalExpectedSpend(x, x == 0 ? 0 : s.monetaryValue(i));
            potential[n] = MARGIN_RATE * perPurchase
                    * purchases.discountedExpectedPurchases(value.horizonWeeks(), weekly, x, s.recency(i), s.t(i));
            n++;
        }
        current = java.util.Arrays.copyOf(current, n);
        potential = java.util.Arrays.copyOf(potential, n);
        matrix = ValueMatrixReport.of(ids, current, potential, ValueMatrix.atMedians(current, potential));
    }

    // --- printing ---------------------------------------------------------------------

    /**
     * Prints the section.
     *
     * @param out where to print, not null
     */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%nMarketing and service (crm-scoring campaign, satisfaction, service):%n");
        out.printf(Locale.ROOT, "Campaigns (30-day attribution, margin %.0f%% of revenue, %.0f%% intervals;"
                + " lift = targets minus control):%n", 100 * MARGIN_RATE, 100 * CONFIDENCE);
        for (CampaignReport r : campaigns) {
            Campaign c = campaignById.get(r.campaignId());
            out.printf(Locale.ROOT, "  %-22s %s, %,d targets + %,d control, cost %s: response %.1f%%, cost per"
                    + " response %s, revenue %s, ROI %s%n", c.name(), c.channel(), r.targets(), c.control().size(),
                    r.cost(), 100 * r.responseRate(), r.costPerResponse().map(Money::toString).orElse("-"),
                    r.revenue(), percent(r.roi()));
            r.versusControl().ifPresent(v -> printLift(out, v, r));
        }
        if (recencyUplift != null) {
            out.printf(Locale.ROOT, "  Targeting the catalogue by purchases in the past year: Qini coefficient"
                    + " %.1f (random ranking %.1f); conversion uplift in the top 30%% %s, in all %s%n",
                    recencyUplift.qiniCoefficient(), randomUplift.qiniCoefficient(),
                    points(recencyUplift.upliftAt(0.3)), points(recencyUplift.upliftAt(1.0)));
        }
        out.printf(Locale.ROOT, "NPS by quarter (adjusted-Wald %.0f%% interval) and satisfaction C = b/a:%n",
                100 * CONFIDENCE);
        String previous = null;
        for (Map.Entry<String, NetPromoterScore> e : npsByQuarter.entrySet()) {
            NetPromoterScore s = e.getValue();
            ConfidenceInterval ci = s.interval(CONFIDENCE, NpsIntervalMethod.ADJUSTED_WALD);
            SatisfactionIndex.SatisfactionSummary sat = satisfactionByQuarter.get(e.getKey());
            out.printf(Locale.ROOT, "  %s  n=%3d  NPS %+5.1f [%+5.1f, %+5.1f]   C median %.2f (IQR %.2f-%.2f),"
                    + " %4.1f%% met expectation%n", e.getKey(), s.n(), 100 * s.nps(), 100 * ci.low(),
                    100 * ci.high(), sat.index().median(), sat.index().p25(), sat.index().p75(),
                    100 * sat.shareMeetingExpectation());
            previous = e.getKey();
        }
        List<String> quarters = new ArrayList<>(npsByQuarter.keySet());
        if (quarters.size() >= 5) {
            String last = quarters.get(quarters.size() - 1);
            String yearBefore = quarters.get(quarters.size() - 5);
            Difference d = npsByQuarter.get(last).compareTo(npsByQuarter.get(yearBefore), CONFIDENCE,
                    NpsIntervalMethod.ADJUSTED_WALD);
            out.printf(Locale.ROOT, "  %s against %s: %+.1f points [%+.1f, %+.1f], p = %.3f%n", last, yearBefore,
                    100 * d.estimate(), 100 * d.interval().low(), 100 * d.interval().high(), d.pValue());
        }
        Objects.requireNonNull(previous, "quarters");
        out.printf(Locale.ROOT, "Complaints in the last year (target: closed within 72 h):%n");
        printService(out, complaintsByCategory);
        printService(out, complaintsByQuarter);
        out.printf(Locale.ROOT, "Relationship types (Kotler; tiers by last year's revenue, A top 20%%, B next 30%%,"
                + " C rest; few <= 500, many > 2,500; margin per customer high >= 200, medium >= 40):%n");
        tierTypes.forEach((tier, type) -> out.printf(Locale.ROOT, "  %-15s %,6d customers, margin %7.2f -> %s%n",
                tier, tierCounts.get(tier)[0], tierMargins.get(tier), type.name().toLowerCase(Locale.ROOT)));
        out.printf(Locale.ROOT, "Value matrix (current: last year's margin; potential: discounted margin expected"
                + " over %s from BG/NBD + Gamma-Gamma; split at the medians %.2f and %.2f):%n", "52 weeks",
                matrix.matrix().currentThreshold(), matrix.matrix().potentialThreshold());
        for (ValueQuadrant q : ValueQuadrant.values()) {
            List<String> who = matrix.customers(q);
            out.printf(Locale.ROOT, "  %-14s %,6d  e.g. %s%n", q.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    who.size(), String.join(", ", who.subList(0, Math.min(3, who.size()))));
        }
    }

    private static void printLift(PrintWriter out, ArmComparison v, CampaignReport r) {
        out.printf(Locale.ROOT, "    against control: conversion %.1f%% vs %.1f%%, lift %s [%s, %s];"
                + " revenue per customer lift %.2f [%.2f, %.2f]; incremental revenue %,.0f, incremental ROI %s%n",
                100 * v.arm().responseRate(), 100 * v.control().responseRate(), points(v.rateLift().estimate()),
                points(v.rateLift().interval().low()), points(v.rateLift().interval().high()), v.valueLift().estimate(),
                v.valueLift().interval().low(), v.valueLift().interval().high(), v.incrementalValue(),
                percent(r.incrementalRoi()));
    }

    private static void printService(PrintWriter out, SortedMap<String, ServiceSummary> groups) {
        for (ServiceSummary s : groups.values()) {
            out.printf(Locale.ROOT, "  %-9s %,5d (%5.1f per 1,000 customers)  resolved in median %5.1f h, p90 %6.1f h;"
                    + " first contact %4.1f%%, reopened %4.1f%%, rejected %4.1f%%, open %,d, over target %4.1f%%%n",
                    s.group(), s.cases(), s.ratePerThousandCustomers().orElse(0), s.resolutionHours().median(),
                    s.resolutionHours().p90(), 100 * s.firstContactResolutionShare(), 100 * s.reopenedShare(),
                    100 * s.rejectedShare(), s.open(), 100 * s.breachShare());
        }
    }

    private static String percent(java.util.OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%+.0f%%", 100 * v.getAsDouble()) : "-";
    }

    private static String points(double v) {
        return String.format(Locale.ROOT, "%+.1f pt", 100 * v);
    }

    private static String points(java.util.OptionalDouble v) {
        return v.isPresent() ? points(v.getAsDouble()) : "-";
    }

    /** The campaigns measured, for tests. */
    List<CampaignReport> campaigns() {
        return campaigns;
    }

    /** NPS per quarter, for tests. */
    SortedMap<String, NetPromoterScore> npsByQuarter() {
        return npsByQuarter;
    }

    /** Complaint statistics per category, for tests. */
    SortedMap<String, ServiceSummary> complaintsByCategory() {
        return complaintsByCategory;
    }

    /** The value matrix, for tests. */
    ValueMatrixReport valueMatrix() {
        return matrix;
    }

}
