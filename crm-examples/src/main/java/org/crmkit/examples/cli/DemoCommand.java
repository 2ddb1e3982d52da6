package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.crmkit.core.merge.CustomerMerger;
import org.crmkit.core.merge.DuplicateCandidate;
import org.crmkit.core.merge.DuplicateDetector;
import org.crmkit.core.merge.MatchReason;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.view.CustomerView;
import org.crmkit.examples.demo.PopulationSimulator;
import org.crmkit.examples.demo.SimulatedPopulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crm demo}: simulates a customer population and prints a short report: counts,
 * a 360-degree view of one customer (personal data masked), and the duplicates found and
 * merged. The same seed always prints the same report.
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

    @Override
    public Integer call() {
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
        printView(out, CustomerView.load(store, featured, population.clock()));
        out.printf(Locale.ROOT, "%nDone in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        return 0;
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
        for (DuplicateCandidate c : found) {
            Optional<Customer> a = store.find(c.first());
            Optional<Customer> b = store.find(c.second());
            if (a.isEmpty() || b.isEmpty() || a.get().kind() != b.get().kind()) {
                skipped++;
                continue;
            }
            CustomerMerger.mergeInto(store, c.first(), c.second(), population.clock());
            merged++;
        }
        out.printf(Locale.ROOT, "Merged %,d pairs (%,d skipped: already merged or person vs organization):"
                + " %,d -> %,d records, activities %,d -> %,d (none lost)%n", merged, skipped, before,
                store.all().size(), activitiesBefore, countActivities(store));
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
