package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.lifecycle.LifecycleRecord;
import org.crmkit.core.lifecycle.Outcome;
import org.crmkit.core.lifecycle.State;
import org.crmkit.core.merge.CustomerMerger;
import org.crmkit.core.merge.DuplicateCandidate;
import org.crmkit.core.merge.DuplicateDetector;
import org.crmkit.core.merge.MatchReason;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.view.CustomerView;
import org.crmkit.examples.demo.Behaviour;
import org.crmkit.examples.demo.ChurnWarningSection;
import org.crmkit.examples.demo.CrossSellReport;
import org.crmkit.examples.demo.DatabaseReport;
import org.crmkit.examples.demo.PopulationSimulator;
import org.crmkit.examples.demo.RelationshipReplay;
import org.crmkit.examples.demo.SimulatedPopulation;
import org.crmkit.examples.demo.MarketingReport;
import org.crmkit.examples.demo.ValueReport;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.concentration.AbcClass;
import org.crmkit.scoring.evaluation.HoldoutEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crm demo}: simulates a customer population and prints a short report: counts,
 * the duplicates found and merged, the relationship lifecycle replayed over the merged
 * population (customers per stage each quarter, the automatic moves, and two customers'
 * histories with the reason of each move), and a 360-degree view of one customer (personal
 * data masked). The same seed always prints the same report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate a customer population and show what crmkit does with it.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "10000",
            description = "number of customers to simulate, 1 to 1000000 (default: ${DEFAULT-VALUE})")
    private int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "an empty database to store the customers in (default: a new embedded H2 database in a temporary folder)")
    private String database;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "also write the demo's charts (as crm plot draws them) as PNG files into DIR")
    private java.nio.file.Path plots;

    @Override
    public Integer call() throws java.io.IOException {
        if (customers < 1 || customers > 1_000_000) {
            throw new ParameterException(spec.commandLine(),
                    "--customers must be 1 to 1000000, got " + customers);
        }
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        SimulatedPopulation population = PopulationSimulator.builder().customers(customers).seed(seed).build()
                .simulate();
        CustomerStore store = population.store();
        List<Customer> all = store.all();

        out.printf(Locale.ROOT, "crmkit demo: %,d simulated customers, seed %d, as of %s%n%n", customers, seed,
                LocalDate.ofInstant(PopulationSimulator.END, ZoneOffset.UTC));
        int activities = printCounts(out, store, all, population.plantedDuplicates().size());

        List<DuplicateCandidate> candidates = DuplicateDetector.standard().find(all);
        CustomerId featured = population.plantedDuplicates().isEmpty() ? busiest(store, all)
                : population.plantedDuplicates().get(0).get(0);
        printMerge(out, population, candidates, activities);
        RelationshipReplay replay = RelationshipReplay.of(store, REPLAY_FROM, PopulationSimulator.END, WEEK);
        printLifecycle(out, population, replay);
        Map<String, String> behaviourOf = new java.util.HashMap<>();
        population.behaviours().forEach((id, b) -> behaviourOf.put(id.value(), label(b)));
        ValueReport value = ValueReport.of(store, Currency.getInstance("EUR"), CALIBRATION_END,
                LocalDate.ofInstant(PopulationSimulator.END, ZoneOffset.UTC), 52, 0.10, behaviourOf,
                label(Behaviour.BTYD_PROCESS));
        printValue(out, value);
        if (plots != null) {
            DemoPlots.write(spec, plots, store, Currency.getInstance("EUR"), value.calibrationFit().model(),
                    CALIBRATION_END, LocalDate.ofInstant(PopulationSimulator.END, ZoneOffset.UTC));
        }
        ChurnWarningSection.of(store, value, replay, CALIBRATION_END, PopulationSimulator.END).print(out);
        CrossSellReport.of(store.all(), seed, PopulationSimulator.END.minus(Duration.ofDays(365)),
                PopulationSimulator.END.minus(Duration.ofDays(183)), PopulationSimulator.END).print(out);
        MarketingReport.of(store, value, seed).print(out);
        printView(out, CustomerView.load(store, featured, population.clock()));
        DatabaseReport.of(store, database != null ? database : DatabaseReport.defaultUrl(), population.clock()).print(out);
        out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        return 0;
    }

    private static final Duration WEEK = Duration.ofDays(7);
    /** 157 weeks before the end: the whole simulated period, evaluated weekly, ending exactly at END. */
    private static final Instant REPLAY_FROM = PopulationSimulator.END.minus(WEEK.multipliedBy(157));
    /** The calibration period of the holdout check ends half a year before the end of the simulation. */
    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 6, 30);
    private static final List<String> EVENTS = List.of("develop", "mature", "weaken", "recover", "terminate",
            "win_back");

    /**
     * Prints the relationship lifecycle replayed over the (merged) population: customers per
     * stage at each quarter end, the automatic moves per quarter, the stage at the end by
     * simulated behaviour, and two customers' histories with the explanation of each move.
     */
    private static void printLifecycle(PrintWriter out, SimulatedPopulation population, RelationshipReplay replay) {
        List<State> states = replay.tracker().lifecycle().states();
        out.printf(Locale.ROOT, "%nRelationship lifecycle of %,d customers: exploration -> development -> maturity"
                + " -> decline -> terminated (win-back reopens);%n  moved automatically by the policy '%s',"
                + " evaluated weekly on each customer's purchases%n", replay.population(),
                replay.tracker().policy().name());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-11s", "quarter end"));
        states.forEach(s -> header.append(String.format(Locale.ROOT, " %11s", s.name())));
        header.append(String.format(Locale.ROOT, " %11s  |", "no purchase"));
        EVENTS.forEach(e -> header.append(String.format(Locale.ROOT, " %9s", e)));
        out.println(header);
        LocalDate first = LocalDate.ofInstant(REPLAY_FROM, ZoneOffset.UTC);
        Instant previous = REPLAY_FROM.minusSeconds(1);
        for (LocalDate q = first.withDayOfMonth(1).withMonth((first.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3)
                .minusDays(1); !q.isAfter(LocalDate.ofInstant(PopulationSimulator.END, ZoneOffset.UTC));
                q = q.plusDays(1).plusMonths(3).minusDays(1)) {
            Instant end = q.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            Map<State, Long> counts = replay.countByStateAt(end);
            long bought = counts.values().stream().mapToLong(Long::longValue).sum();
            if (bought == 0) {
                previous = end;
                continue; // before the first purchase
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-11s", q));
            counts.values().forEach(n -> row.append(String.format(Locale.ROOT, " %,11d", n)));
            row.append(String.format(Locale.ROOT, " %,11d  |", replay.population() - bought));
            Map<String, Integer> moves = replay.movesBetween(previous, end);
            EVENTS.forEach(e -> row.append(String.format(Locale.ROOT, " %,9d", moves.getOrDefault(e, 0))));
            out.println(row);
            previous = end;
        }
        out.printf(Locale.ROOT, "  (stage counts per quarter end; to the right of |, the automatic moves in the"
                + " quarter by event)%n");

        Map<Behaviour, long[]> byBehaviour = new EnumMap<>(Behaviour.class);
        for (Customer c : population.store().all()) {
            long[] row = byBehaviour.computeIfAbsent(population.behaviours().getOrDefault(c.id(), Behaviour.PROSPECT),
                    b -> new long[states.size() + 1]);
            row[replay.record(c.id()).map(r -> r.state().ordinal()).orElse(states.size())]++;
        }
        out.printf(Locale.ROOT, "%nStage at the end by simulated behaviour%n");
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "  %-12s", "behaviour"));
        states.forEach(s -> h.append(String.format(Locale.ROOT, " %11s", s.name())));
        out.println(h.append(String.format(Locale.ROOT, " %11s", "no purchase")));
        byBehaviour.forEach((b, counts) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-12s", label(b)));
            for (long n : counts) {
                row.append(String.format(Locale.ROOT, " %,11d", n));
            }
            out.println(row);
        });

        List<CustomerId> examples = new ArrayList<>();
        example(population, replay, List.of("mature", "weaken", "terminate")).ifPresent(examples::add);
        example(population, replay, List.of("terminate", "win_back")).filter(id -> !examples.contains(id))
                .ifPresent(examples::add);
        for (CustomerId id : examples) {
            LifecycleRecord record = replay.record(id).orElseThrow();
            out.printf(Locale.ROOT, "%nLifecycle of %s (%s buyer, %d purchase days, now %s):%n", id,
                    label(population.behaviours().getOrDefault(id, Behaviour.PROSPECT)),
                    replay.timeline(id).map(t -> t.repeatPurchases(PopulationSimulator.END) + 1).orElse(0),
                    record.state());
            out.printf(Locale.ROOT, "  %s  enrolled in %s at the first purchase%n", day(record.enrolledAt()),
                    record.initialState());
            for (Outcome.Moved m : record.history()) {
                out.printf(Locale.ROOT, "  %s  %-11s -> %-11s %s%n", day(m.at()), m.from(), m.to(), m.explain());
            }
        }
    }

    /**
     * Prints the scoring of the merged population's purchases: RFM segments, revenue
     * concentration, the BG/NBD holdout check, the fitted BG/NBD and Gamma-Gamma models and
     * the top customers by expected lifetime value.
     */
    /** The demo's name of a simulated behaviour: lower case, dashes for underscores. */
    private static String label(Behaviour b) {
        return b.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static double percentOff(HoldoutEvaluation h) {
        return 100 * (h.predictedTotal() - h.actualTotal()) / Math.max(1, h.actualTotal());
    }

    private static void printValue(PrintWriter out, ValueReport report) {
        int customers = report.wholePeriod().size();
        out.printf(Locale.ROOT, "%nCustomer value (crm-scoring, in weeks): %,d buyers from %,d purchase lines in %s"
                + " (%,d lines in other currencies left out)%n", customers, report.lines()
                - report.otherCurrencyLines(), report.currency(), report.otherCurrencyLines());
        out.printf(Locale.ROOT, "RFM segments (5 scores each, default segment map):%n");
        StringBuilder line = new StringBuilder(" ");
        for (Map.Entry<String, Integer> e : report.segmentCounts().entrySet()) {
            String cell = String.format(Locale.ROOT, " %s %,d;", e.getKey(), e.getValue());
            if (line.length() + cell.length() > 100) {
                out.println(line);
                line = new StringBuilder(" ");
            }
            line.append(cell);
        }
        out.println(line.substring(0, line.length() - 1));
        out.printf(Locale.ROOT, "80/20: the top 20%% of buyers bring %.1f%% of net revenue; Gini %.3f;"
                + " ABC (80/95%%): A %,d, B %,d, C %,d%n", 100 * report.topFifthShare(), report.gini(),
                report.abcCounts().get(AbcClass.A), report.abcCounts().get(AbcClass.B),
                report.abcCounts().get(AbcClass.C));
        HoldoutEvaluation holdout = report.holdout();
        out.printf(Locale.ROOT, "Holdout check: BG/NBD fitted to purchases up to %s (%s), then %.1f weeks"
                + " predicted:%n  %,d customers: predicted %,.1f purchases, actual %,.0f (%+.1f%%);"
                + " mean absolute error %.3f per customer%n", CALIBRATION_END, brief(report.calibrationFit()),
                report.holdoutWeeks(), holdout.customers(), holdout.predictedTotal(), holdout.actualTotal(),
                percentOff(holdout),
                holdout.meanAbsoluteError());
        report.holdoutByGroup().forEach((group, h) -> out.printf(Locale.ROOT,
                "    %-13s %,6d customers: predicted %,9.1f, actual %,7.0f (%+.1f%%)%n", group, h.customers(),
                h.predictedTotal(), h.actualTotal(), percentOff(h)));
        report.processFit().ifPresent(fit -> {
            HoldoutEvaluation own = report.processHoldout().orElseThrow();
            List<Double> truth = PopulationSimulator.BTYD_PROCESS.parameterValues();
            out.printf(Locale.ROOT, "  %s buyers alone (simulated from BG/NBD r %.2f, alpha %.1f, a %.1f, b %.1f),"
                    + " fitted on their own (%s):%n    %,d customers: predicted %,.1f, actual %,.0f (%+.1f%%);"
                    + " mean absolute error %.3f%n", label(Behaviour.BTYD_PROCESS),
                    truth.get(0), truth.get(1), truth.get(2), truth.get(3), brief(fit),
                    own.customers(), own.predictedTotal(), own.actualTotal(), percentOff(own),
                    own.meanAbsoluteError());
        });
        if (holdout.actualTotal() > 1.1 * holdout.predictedTotal()) {
            out.printf(Locale.ROOT, "  (BG/NBD assumes a steady rate until a customer quits; the simulated growing and"
                    + " returning buyers buy more later, so on the whole population it predicts too few)%n");
        }
        out.printf(Locale.ROOT, "Models fitted to the whole period (%,d customers; %,d first bought on the last day"
                + " and are left out):%n", customers - report.wholeLeftOut(), report.wholeLeftOut());
        out.printf(Locale.ROOT, "  BG/NBD      %s%n", fit(report.purchaseFit()));
        out.printf(Locale.ROOT, "  Gamma-Gamma %s%n", fit(report.spendFit()));
        out.printf(Locale.ROOT, "Top %d customers by expected lifetime value, next %d weeks, discounted %.0f%% a"
                + " year:%n", ValueReport.TOP, report.horizonWeeks(), 100 * report.annualDiscountRate());
        out.printf(Locale.ROOT, "  %-8s %4s %8s %8s %8s %9s %10s %11s%n", "customer", "x", "recency", "T",
                "P(alive)", "purchases", "spend/buy", "CLV " + report.currency());
        for (ValueReport.CustomerValue v : report.topCustomers()) {
            out.printf(Locale.ROOT, "  %-8s %4d %8.1f %8.1f %8.3f %9.2f %,10.2f %,11.2f%n", v.customerId(),
                    v.frequency(), v.recency(), v.age(), v.probabilityAlive(), v.expectedPurchases(),
                    v.expectedSpend(), v.lifetimeValue());
        }
    }

    /** Parameters, log-likelihood and whether the fit converged, on one line. */
    private static String brief(FitResult<?> fit) {
        return fit.parameters().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + (fit.converged() ? ", converged" : ", NOT converged");
    }

    /** Parameters with standard errors, log-likelihood, convergence and iterations. */
    private static String fit(FitResult<?> fit) {
        Map<String, Double> se = fit.standardErrors();
        String parameters = fit.parameters().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue())
                        + (se.containsKey(e.getKey()) ? String.format(Locale.ROOT, " (se %.2g)", se.get(e.getKey()))
                        : ""))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s; LL %.1f, %s after %d iterations", parameters, fit.logLikelihood(),
                fit.converged() ? "converged" : "NOT converged (" + fit.convergence() + ")", fit.iterations());
    }

    /** The first customer (by id) whose moves include the given events in that order. */
    private static Optional<CustomerId> example(SimulatedPopulation population, RelationshipReplay replay,
            List<String> events) {
        for (Customer c : population.store().all()) {
            Optional<LifecycleRecord> record = replay.record(c.id());
            if (record.isPresent()) {
                int matched = 0;
                for (Outcome.Moved m : record.get().history()) {
                    if (matched < events.size() && m.event().equals(events.get(matched))) {
                        matched++;
                    }
                }
                if (matched == events.size()) {
                    return Optional.of(c.id());
                }
            }
        }
        return Optional.empty();
    }

    /** Prints the counts and returns the number of activities. */
    private static int printCounts(PrintWriter out, CustomerStore store, List<Customer> all, int planted) {
        long persons = all.stream().filter(c -> c.kind() == CustomerKind.PERSON).count();
        out.printf(Locale.ROOT, "Customer records: %,d (%,d persons, %,d organizations), %,d of them planted"
                + " duplicates%n", all.size(), persons, all.size() - persons, planted);
        Map<String, Integer> byType = new LinkedHashMap<>();
        int total = 0;
        int returns = 0;
        for (Customer c : all) {
            for (Activity a : store.activitiesOf(c.id())) {
                byType.merge(a.getClass().getSimpleName(), 1, Integer::sum);
                total++;
                if (a instanceof Purchase p && p.isReturn()) {
                    returns++;
                }
            }
        }
        out.printf(Locale.ROOT, "Activities: %,d%n", total);
        for (String type : List.of("Purchase", "Interaction", "CampaignResponse", "Complaint", "ServiceRequest",
                "SatisfactionSurvey")) {
            out.printf(Locale.ROOT, "  %-20s %,9d%s%n", type, byType.getOrDefault(type, 0),
                    type.equals("Purchase") ? String.format(Locale.ROOT, "  (%,d returns)", returns) : "");
        }
        long optedOut = all.stream().filter(c -> c.consents().of(ContactChannel.EMAIL)
                .map(x -> x.doNotContact()).orElse(false)).count();
        out.printf(Locale.ROOT, "E-mail opt-outs honoured: %,d customers not contactable by e-mail%n", optedOut);
        return total;
    }

    private static void printMerge(PrintWriter out, SimulatedPopulation population, List<DuplicateCandidate> found,
            int activitiesBefore) {
        CustomerStore store = population.store();
        Map<MatchReason, Integer> byReason = new EnumMap<>(MatchReason.class);
        found.forEach(c -> c.reasons().forEach(r -> byReason.merge(r, 1, Integer::sum)));
        Set<Set<CustomerId>> plantedPairs = population.plantedDuplicates().stream().map(Set::copyOf)
                .collect(Collectors.toSet());
        long plantedFound = found.stream().filter(c -> plantedPairs.contains(Set.of(c.first(), c.second()))).count();
        out.printf(Locale.ROOT, "%nDuplicates: %,d candidate pairs (%s); %,d of %,d planted duplicates found%n",
                found.size(), byReason.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), plantedFound, plantedPairs.size());
        int before = store.all().size();
        int merged = 0;
        int skipped = 0;
        List<String> review = new ArrayList<>();
        for (DuplicateCandidate c : found) {
            Optional<Customer> a = store.find(c.first());
            Optional<Customer> b = store.find(c.second());
            if (a.isEmpty() || b.isEmpty() || a.get().kind() != b.get().kind()) {
                skipped++;
                continue;
            }
            Optional<String> doubt = doubt(c, a.get(), b.get());
            if (doubt.isPresent()) {
                review.add(c.first() + " and " + c.second() + ": " + doubt.get());
                continue;
            }
            CustomerMerger.mergeInto(store, c.first(), c.second(), population.clock());
            merged++;
        }
        out.printf(Locale.ROOT, "Merged %,d pairs (%,d skipped: already merged or person vs organization;"
                + " %,d left for review): %,d -> %,d records, activities %,d -> %,d (none lost)%n", merged, skipped,
                review.size(), before, store.all().size(), activitiesBefore, countActivities(store));
        review.forEach(r -> out.printf(Locale.ROOT, "  for review, not merged: %s%n", r));
    }

    /**
     * Why a candidate pair must not be merged without a person looking at it, or empty when
     * the evidence is strong enough: a shared e-mail or phone, or a shared name and postal
     * code that no contact data contradicts. Two records with the same name and postal code
     * but different e-mails (or different phones) are most likely namesakes living nearby.
     */
    static Optional<String> doubt(DuplicateCandidate candidate, Customer a, Customer b) {
        if (candidate.reasons().contains(MatchReason.EMAIL) || candidate.reasons().contains(MatchReason.PHONE)) {
            return Optional.empty();
        }
        List<String> conflicts = new ArrayList<>();
        if (!a.contacts().emails().isEmpty() && !b.contacts().emails().isEmpty()) {
            conflicts.add("e-mails");
        }
        if (!a.contacts().phones().isEmpty() && !b.contacts().phones().isEmpty()) {
            conflicts.add("phones");
        }
        return conflicts.isEmpty() ? Optional.empty()
                : Optional.of("matched only by " + candidate.reasons() + ", but their " + String.join(" and ",
                        conflicts) + " differ");
    }

    private static int countActivities(CustomerStore store) {
        return store.all().stream().mapToInt(c -> store.activitiesOf(c.id()).size()).sum();
    }

    private static CustomerId busiest(CustomerStore store, List<Customer> all) {
        return all.stream().max(Comparator.comparingInt((Customer c) -> store.activitiesOf(c.id()).size())
                .thenComparing(Customer::id, Comparator.reverseOrder())).orElseThrow().id();
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void printView(PrintWriter out, CustomerView view) {
        Customer c = view.customer();
        out.printf(Locale.ROOT, "%n360-degree view of %s (%s, %s%s), as of %s%n", c.id(),
                c.kind().name().toLowerCase(Locale.ROOT), c.status(), c.grade().map(g -> " " + g).orElse(""),
                day(view.asOf()));
        out.printf(Locale.ROOT, "  name:      %s%n", c.profile().displayName());
        out.printf(Locale.ROOT, "  contacts:  %s%n", contacts(c));
        if (!c.mergedIds().isEmpty()) {
            out.printf(Locale.ROOT, "  merged:    %s%n", c.mergedIds());
        }
        out.printf(Locale.ROOT, "  manager:   %s (%d assignment(s) in history)%n",
                view.accountManager().map(m -> m.id() + " " + m.name()).orElse("none"),
                c.ownership().history().size());
        out.printf(Locale.ROOT, "  orders:    %d, first %s, last %s, spend %s%n", view.orderCount(),
                view.firstPurchase().map(DemoCommand::day).orElse("-"),
                view.lastPurchase().map(DemoCommand::day).orElse("-"),
                view.totalSpend().isEmpty() ? "-" : view.totalSpend().values().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "  complaints open: %d; last contact: %s%n", view.openComplaints().size(),
                view.lastContact().map(l -> day(l.at()) + " by " + l.by() + " (" + l.type() + ")").orElse("none"));
        List<String> channels = new ArrayList<>();
        view.consentByChannel().forEach((channel, ok) -> channels.add(channel + (ok ? " yes" : " no")));
        out.printf(Locale.ROOT, "  contactable: %s%n", String.join(", ", channels));
        List<Activity> timeline = view.timeline();
        out.printf(Locale.ROOT, "  latest of %d activities:%n", timeline.size());
        for (Activity a : timeline.subList(Math.max(0, timeline.size() - 5), timeline.size())) {
            out.printf(Locale.ROOT, "    %s  %-18s %-12s %s%n", day(a.timestamp()), a.getClass().getSimpleName(),
                    a.channel(), describe(a));
        }
    }

    private static String contacts(Customer c) {
        List<String> parts = new ArrayList<>();
        c.contacts().emails().forEach(e -> parts.add(e.toString()));
        c.contacts().phones().forEach(p -> parts.add(p.toString()));
        c.contacts().addresses().forEach(a -> parts.add(a.postalCode() + " " + a.city() + " (" + a.type() + ")"));
        return String.join("; ", parts);
    }

    private static String describe(Activity a) {
        if (a instanceof Purchase p) {
            return p.quantity() + " x " + p.category() + " " + p.amount();
        } else if (a instanceof Interaction i) {
            return i.type() + " by " + i.actor();
        } else if (a instanceof CampaignResponse r) {
            return r.campaign() + " " + r.type();
        } else if (a instanceof Complaint k) {
            return k.subject() + " [" + k.status() + "]"
                    + k.resolutionTime().map(d -> " in " + d.toHours() + " h").orElse("");
        } else if (a instanceof ServiceRequest s) {
            return s.kind() + (s.isOpen() ? " [open]" : " [closed]");
        } else if (a instanceof SatisfactionSurvey s) {
            return String.format(Locale.ROOT, "satisfaction %.2f, NPS answer %s", s.satisfaction(), s.npsAnswer());
        }
        return a.id().value();
    }
}
