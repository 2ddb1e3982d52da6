package org.crmkit.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.InteractionType;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.ResponseType;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.activity.ServiceKind;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.CreditRating;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerGrade;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Education;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.EmploymentStatus;
import org.crmkit.core.customer.FamilyLifeCycleStage;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.HouseholdStructure;
import org.crmkit.core.customer.IncomeBand;
import org.crmkit.core.customer.Lifestyle;
import org.crmkit.core.customer.MaritalStatus;
import org.crmkit.core.customer.OperatingStatus;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Profile;
import org.crmkit.core.customer.WebSite;
import org.crmkit.core.merge.DuplicateDetector;
import org.crmkit.core.money.Money;
import org.crmkit.core.ownership.AccountManager;
import org.crmkit.core.ownership.AssignmentRole;
import org.crmkit.core.ownership.Ownership;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.scoring.btyd.BgNbd;

/**
 * Simulates a customer population with purchases (and returns), interactions, campaign
 * responses, complaints, service requests and surveys, including some duplicate records
 * planted on purpose. The same seed always gives the same population.
 *
 * <pre>{@code
 * SimulatedPopulation population = PopulationSimulator.builder().customers(10_000).seed(42).build().simulate();
 * }</pre>
 *
 * <p>About 80% of the customers are persons and 20% organizations; about 1.5% of the
 * records get a duplicate (same e-mail in other case, same phone written differently, or
 * same name and postal code); apart from those, no two customers share an e-mail, a phone
 * number, or a name together with a postal code. Buying changes over time as each customer's {@link Behaviour}
 * says: about 15% never buy; of the buyers 35% buy steadily, 20% more and more often, 30% fade
 * away and 15% lapse for more than a year and come back; the number of purchases grows with the
 * time as a customer, steady and fading buyers may quit after any purchase (as in the BG/NBD
 * model), and each customer has a price level of its own. The simulated period is the three years up to
 * {@link #END}. A simulator is immutable and thread-safe; each {@link #simulate()} builds
 * a new population.
 */
public final class PopulationSimulator {
    /** The end of the simulated period: "now" for the population. */
    public static final Instant END = Instant.parse("2024-12-31T18:00:00Z");

    private static final String[] GIVEN = {"Anna", "Ben", "Chen", "Dana", "Emil", "Fatima", "Georg", "Hana", "Ivan",
        "Julia", "Kai", "Lena", "Marco", "Nora", "Omar", "Paula", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera",
        "Wei", "Xenia", "Yusuf", "Zoe", "Li", "Mei", "Jonas", "Sofia"};
    private static final String[] FAMILY = {"Schmidt", "Müller", "Wang", "Li", "Kowalski", "Novak", "Rossi", "García",
        "Silva", "Jensen", "Nielsen", "Ivanova", "Yilmaz", "Kim", "Park", "Tanaka", "Sato", "Dubois", "Martin", "Weber",
        "Fischer", "Becker", "Hoffmann", "Zhang", "Chen", "Huang", "Lopez", "Costa", "Smith", "Brown"};
    private static final String[] TRADES = {"Trading", "Logistics", "Software", "Foods", "Tools", "Textiles", "Media",
        "Energy", "Medical", "Print"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "Munich", "Cologne", "Leipzig", "Dresden", "Bonn",
        "Kiel", "Ulm", "Trier"};
    private static final String[] PRODUCTS = {"books", "music", "electronics", "garden", "kitchen", "toys", "sports",
        "office"};
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");

    private final int customers;
    private final long seed;

    private PopulationSimulator(int customers, long seed) {
        this.customers = customers;
        this.seed = seed;
    }

    /**
     * Starts a builder (defaults: 10,000 customers, seed 42).
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Simulates the population into a new in-memory store.
     *
     * @return the population, never null
     */
    public SimulatedPopulation simulate() {
        Clock clock = Clock.fixed(END, ZoneOffset.UTC);
        CustomerStore store = CustomerStore.inMemory(clock);
        SplittableRandom random = new SplittableRandom(seed);
        List<AccountManager> reps = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            reps.add(new AccountManager(String.format(Locale.ROOT, "rep-%02d", i), GIVEN[i % GIVEN.length] + " Rep"));
        }
        List<Actor> actors = reps.stream().map(r -> Actor.of(r.id())).toList();
        List<List<CustomerId>> planted = new ArrayList<>();
        Map<CustomerId, Behaviour> behaviours = new LinkedHashMap<>();
        Set<String> namePostalKeys = new HashSet<>();
        Instant start = END.minus(Duration.ofDays(3 * 365));
        int next = 1;
        for (int i = 0; i < customers; i++) {
            CustomerId id = id(next++);
            Instant since = between(random, start, END.minus(Duration.ofDays(30)));
            boolean person = random.nextDouble() < 0.8;
            // up to 12 (persons) or 20 (organizations) purchases in three years, fewer for a shorter
            // time as a customer: each buyer has a steady purchase rate, as the BTYD models assume
            double exposure = (END.getEpochSecond() - since.getEpochSecond()) / (double) (END.getEpochSecond()
                    - start.getEpochSecond());
            int purchases = random.nextDouble() < 0.15 ? 0
                    : 1 + (int) Math.round(random.nextInt(person ? 12 : 20) * exposure);
            Behaviour behaviour = behaviour(random, purchases);
            Customer customer = customer(random, clock, id, i, since, reps, person, purchases, namePostalKeys);
            store.create(customer);
            new ActivityWriter(random, store, id, since, actors).write(customer.kind(), behaviour, purchases);
            behaviours.put(id, behaviour);
            if (random.nextDouble() < 0.015) {
                CustomerId dupId = id(next++);
                Customer duplicate = duplicateOf(random, customer, dupId, since);
                store.create(duplicate);
                int dupPurchases = purchases == 0 ? 0 : random.nextInt(3); // a prospect's duplicate has not bought either
                Behaviour dupBehaviour = dupPurchases == 0 ? Behaviour.PROSPECT : Behaviour.STEADY;
                new ActivityWriter(random, store, dupId, between(random, since, END.minus(Duration.ofDays(10))), actors)
                        .write(customer.kind(), dupBehaviour, dupPurchases);
                behaviours.put(dupId, dupBehaviour);
                planted.add(List.of(id, dupId));
            }
        }
        return new SimulatedPopulation(store, clock, planted, behaviours);
    }

    /** Buyers: 25% BG/NBD process, 20% steady, 15% growing, 25% fading, 15% returning. */
    private static Behaviour behaviour(SplittableRandom random, int purchases) {
        if (purchases == 0) {
            return Behaviour.PROSPECT;
        }
        double u = random.nextDouble();
        return u < 0.25 ? Behaviour.BTYD_PROCESS : u < 0.45 ? Behaviour.STEADY : u < 0.60 ? Behaviour.GROWING
                : u < 0.85 ? Behaviour.FADING : Behaviour.RETURNING;
    }

    /**
     * The BG/NBD process the {@link Behaviour#BTYD_PROCESS} buyers follow, in weeks:
     * r 0.9, alpha 12 (a mean rate of 0.075 purchases a week), a 1, b 5 (a mean chance of
     * 1 in 6 of quitting after a purchase).
     */
    public static final BgNbd BTYD_PROCESS = BgNbd.of(0.9, 12, 1, 5);

    private static CustomerId id(int n) {
        return CustomerId.of(String.format(Locale.ROOT, "C-%06d", n));
    }

    private static Instant between(SplittableRandom random, Instant from, Instant to) {
        long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds(random.nextLong(span));
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static PostalAddress address(SplittableRandom random, String postalCode) {
        int city = random.nextInt(CITIES.length);
        AddressType type = AddressType.values()[random.nextInt(3)];
        return new PostalAddress(random.nextInt(1, 200) + " Main Street", CITIES[city], postalCode, "DE",
                "DE-" + (city + 1), type, "territory-" + (city % 4 + 1));
    }

    private Customer customer(SplittableRandom random, Clock clock, CustomerId id, int index, Instant since,
            List<AccountManager> reps, boolean person, int purchases, Set<String> namePostalKeys) {
        int postal = random.nextInt(10_000, 99_999);
        PostalAddress drawn = address(random, String.format(Locale.ROOT, "%05d", postal));
        Profile profile;
        ContactPoints contacts = ContactPoints.empty();
        if (person) {
            PersonName name = PersonName.of(pick(random, GIVEN), pick(random, FAMILY));
            PersonProfile.Builder b = PersonProfile.builder(name, clock)
                    .birthDate(LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .gender(pick(random, Gender.values()))
                    .maritalStatus(pick(random, MaritalStatus.values()))
                    .household(pick(random, HouseholdStructure.values()), 1 + random.nextInt(5))
                    .familyLifeCycleStage(pick(random, FamilyLifeCycleStage.values()))
                    .education(pick(random, Education.values()))
                    .incomeBand(pick(random, IncomeBand.values()))
                    .employmentStatus(pick(random, EmploymentStatus.values()))
                    .lifestyle(pick(random, Lifestyle.values()));
            profile = b.build();
            String local = ascii(name.given() + "." + name.family()) + index;
            contacts = contacts.withEmail(Email.of(local + "@example.com"))
                    .withPhone(Phone.of(String.format(Locale.ROOT, "+49 15%d %07d", random.nextInt(10), index),
                            PhoneType.MOBILE));
        } else {
            String trade = pick(random, TRADES);
            String family = pick(random, FAMILY);
            profile = OrganizationProfile.builder(family + " " + trade + " GmbH")
                    .shortName(family + " " + trade)
                    .industry(trade.toLowerCase(Locale.ROOT))
                    .employees(random.nextInt(5, 2_000))
                    .annualRevenue(Money.ofMinor(EUR, random.nextLong(10_000_000L, 5_000_000_000L)))
                    .operatingStatus(random.nextDouble() < 0.95 ? OperatingStatus.ACTIVE : OperatingStatus.DORMANT)
                    .creditRating(pick(random, CreditRating.values()))
                    .outletCount(random.nextInt(1, 40))
                    .build();
            contacts = contacts.withEmail(Email.of("purchasing" + index + "@" + ascii(family + trade) + ".example"))
                    .withPhone(Phone.of(String.format(Locale.ROOT, "+49 30 %07d", index), PhoneType.LANDLINE))
                    .withWebSite(WebSite.of("https://www." + ascii(family + trade) + ".example"));
        }
        // two different customers must not share a name and a postal code, or the duplicate
        // detector rightly pairs them and the demo merges customers that are not duplicates:
        // move to the next free postal code (no extra random draw, so the rest stays the same)
        String name = DuplicateDetector.normalizedName(Customer.builder(id, profile).build());
        while (!namePostalKeys.add(name + '|' + String.format(Locale.ROOT, "%05d", postal))) {
            postal = postal == 99_998 ? 10_000 : postal + 1;
        }
        contacts = contacts.withAddress(new PostalAddress(drawn.street(), drawn.city(),
                String.format(Locale.ROOT, "%05d", postal), drawn.countryCode(), drawn.regionCode(), drawn.type(),
                drawn.salesTerritory()));
        Consents consents = Consents.none();
        for (ContactChannel channel : ContactChannel.values()) {
            double u = random.nextDouble();
            if (u < 0.6) {
                consents = consents.grant(channel, since);
            } else if (u < 0.7) {
                consents = consents.deny(channel, since);
            }
        }
        if (random.nextDouble() < 0.08) {
            consents = consents.optOut(ContactChannel.EMAIL, between(random, since, END));
        }
        AccountManager first = reps.get(random.nextInt(reps.size()));
        Ownership ownership = Ownership.none().assign(first, AssignmentRole.PRIMARY, since, "first contact");
        if (random.nextDouble() < 0.2) {
            AccountManager second = reps.get(random.nextInt(reps.size()));
            if (!second.equals(first)) {
                ownership = ownership.handOver(second, between(random, since, END), "territory re-organised");
            }
        }
        CustomerStatus status = purchases == 0
                ? (random.nextBoolean() ? CustomerStatus.POTENTIAL : CustomerStatus.INTENTION)
                : (random.nextDouble() < 0.1 ? CustomerStatus.TERMINATED : CustomerStatus.CURRENT);
        Customer.Builder b = Customer.builder(id, profile).status(status).contacts(contacts).consents(consents)
                .ownership(ownership);
        if (status == CustomerStatus.CURRENT) {
            b.grade(pick(random, CustomerGrade.values()));
        }
        return b.build();
    }

    private static final java.util.regex.Pattern NOT_ASCII = java.util.regex.Pattern.compile("[^A-Za-z0-9.]");

    private static String ascii(String text) {
        return NOT_ASCII.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** A second record of the same customer, as a careless import would create it. */
    private static Customer duplicateOf(SplittableRandom random, Customer original, CustomerId id, Instant since) {
        ContactPoints c = original.contacts();
        ContactPoints contacts;
        int variant = random.nextInt(3);
        if (variant == 0) {
            contacts = ContactPoints.empty().withEmail(Email.of(c.emails().get(0).address().toUpperCase(Locale.ROOT)));
        } else if (variant == 1) {
            String digits = c.phones().get(0).normalized();
            contacts = ContactPoints.empty().withPhone(Phone.of("00" + digits.substring(0, 2) + " (" + digits.substring(2, 5)
                    + ") " + digits.substring(5), c.phones().get(0).type()));
        } else {
            contacts = ContactPoints.empty().withAddress(c.addresses().get(0));
        }
        return Customer.builder(id, original.profile()).status(CustomerStatus.POTENTIAL).contacts(contacts)
                .consents(Consents.none().grant(ContactChannel.POSTAL_MAIL, since)).build();
    }

    /** Writes the activities of one customer in time order. */
    private static final class ActivityWriter {
        private final SplittableRandom random;
        private final CustomerStore store;
        private final CustomerId customer;
        private final Instant since;
        private final List<Actor> reps;
        private int serial;

        ActivityWriter(SplittableRandom random, CustomerStore store, CustomerId customer, Instant since,
                List<Actor> reps) {
            this.random = random;
            this.store = store;
            this.customer = customer;
            this.since = since;
            this.reps = reps;
        }

        private ActivityId nextId(String kind) {
            return ActivityId.of(customer.value() + "-" + kind + (++serial));
        }

        private Actor rep() {
            return reps.get(random.nextInt(reps.size()));
        }

        void write(org.crmkit.core.customer.CustomerKind kind, Behaviour behaviour, int purchases) {
            boolean organization = kind == org.crmkit.core.customer.CustomerKind.ORGANIZATION;
            // each customer has a typical unit price (log-normal around 20 EUR, organizations
            // three times that); single lines vary around it
            double priceLevel = (organization ? 6_000 : 2_000) * Math.exp(0.6 * random.nextGaussian());
            for (Instant at : purchaseTimes(behaviour, purchases)) {
                int quantity = 1 + random.nextInt(organization ? 5 : 3);
                long unitMinor = Math.max(99, Math.round(priceLevel * (0.5 + random.nextDouble())));
                Currency currency = organization && random.nextDouble() < 0.1 ? USD : EUR;
                Channel channel = pick(random, new Channel[] {Channel.STORE, Channel.WEB, Channel.WEB,
                    Channel.MOBILE_APP, Channel.PHONE, Channel.PARTNER});
                Purchase sale = new Purchase(nextId("P"), customer, at, channel,
                        channel == Channel.WEB || channel == Channel.MOBILE_APP ? Actor.CUSTOMER : rep(),
                        "SKU-" + random.nextInt(1_000, 10_000), pick(random, PRODUCTS), quantity,
                        Money.ofMinor(currency, unitMinor * quantity), channel == Channel.STORE ? "store-"
                        + random.nextInt(1, 30) : null, null);
                store.record(sale);
                if (random.nextDouble() < 0.04) {
                    Instant back = at.plus(Duration.ofDays(1 + random.nextInt(20)));
                    if (back.isBefore(END)) {
                        store.record(sale.returnLine(nextId("R"), back, 1, Actor.SYSTEM));
                    }
                }
            }
            int interactions = random.nextInt(5);
            for (int i = 0; i < interactions; i++) {
                InteractionType type = pick(random, InteractionType.values());
                List<String> promises = random.nextDouble() < 0.3 ? List.of("send offer within a week") : List.of();
                store.record(new Interaction(nextId("I"), customer, between(random, since, END), channelOf(type), rep(),
                        type, "talked about " + pick(random, PRODUCTS), promises));
            }
            if (random.nextDouble() < 0.2) {
                store.record(new CampaignResponse(nextId("CR"), customer, between(random, since, END), Channel.EMAIL,
                        Actor.SYSTEM, "CAMPAIGN-" + (2022 + random.nextInt(3)), pick(random, ResponseType.values()),
                        Money.ofMinor(EUR, random.nextInt(0, 20_000))));
            }
            if (random.nextDouble() < 0.12) {
                Instant at = between(random, since, END);
                Complaint complaint = Complaint.open(nextId("K"), customer, at, Channel.CALL_CENTER, rep(),
                        pick(random, new String[] {"late delivery", "damaged goods", "wrong invoice", "rude staff"}));
                Instant handled = at.plus(Duration.ofHours(1 + random.nextInt(24 * 10)));
                double u = random.nextDouble();
                if (handled.isBefore(END) && u < 0.85) {
                    complaint = complaint.startProgress(handled, rep());
                    Instant closed = handled.plus(Duration.ofHours(1 + random.nextInt(24 * 10)));
                    if (closed.isBefore(END) && u < 0.7) {
                        complaint = u < 0.6 ? complaint.resolve(closed, "apologised and refunded")
                                : complaint.reject(closed, "not covered by terms");
                    }
                }
                store.record(complaint);
            }
            if (random.nextDouble() < 0.05) {
                Instant at = between(random, since, END);
                ServiceRequest request = new ServiceRequest(nextId("S"), customer, at, Channel.PHONE, rep(),
                        pick(random, ServiceKind.values()), "SKU-" + random.nextInt(1_000, 10_000), "customer needs help",
                        null);
                Instant closed = at.plus(Duration.ofDays(1 + random.nextInt(7)));
                store.record(closed.isBefore(END) ? request.close(closed) : request);
            }
            if (random.nextDouble() < 0.1) {
                store.record(new SatisfactionSurvey(nextId("Q"), customer, between(random, since, END), Channel.WEB,
                        Actor.SYSTEM, 1 + random.nextInt(10), random.nextInt(11), random.nextInt(11)));
            }
        }

        /**
         * Places the purchases in [since, END] by behaviour: uniform (steady); density rising
         * linearly, by the square root of a uniform (growing); density falling to zero at a
         * stop between 20% and 60% of the customer's time (fading); or two active spells, the
         * second beginning more than 400 days after the first ends (returning; at least four
         * purchases, and fading when the customer's time is too short for a gap). A steady or
         * fading buyer then quits after each purchase with a probability of its own, drawn
         * from Beta(1, 4), and makes none of the later purchases.
         */
        private List<Instant> purchaseTimes(Behaviour behaviour, int purchases) {
            if (behaviour == Behaviour.BTYD_PROCESS) {
                return processTimes();
            }
            long from = since.getEpochSecond();
            long span = Math.max(1, END.getEpochSecond() - from);
            long day = Duration.ofDays(1).getSeconds();
            List<Instant> times = new ArrayList<>(purchases);
            Behaviour b = behaviour == Behaviour.RETURNING && span < 640 * day ? Behaviour.FADING : behaviour;
            if (b == Behaviour.RETURNING) {
                long pause = from + (long) (span * (0.1 + 0.2 * random.nextDouble()));
                long back = pause + 400 * day + random.nextLong(Math.max(1, END.getEpochSecond() - pause - 430 * day));
                int n = Math.max(4, purchases);
                int early = n / 2;
                for (int i = 0; i < n; i++) {
                    long lo = i < early ? from : back;
                    long hi = i < early ? pause : END.getEpochSecond();
                    times.add(Instant.ofEpochSecond(lo + (long) ((hi - lo) * random.nextDouble())));
                }
            } else {
                long stop = b == Behaviour.FADING ? (long) (span * (0.2 + 0.4 * random.nextDouble())) : span;
                for (int i = 0; i < purchases; i++) {
                    double u = random.nextDouble();
                    double x = switch (b) {
                        case GROWING -> Math.sqrt(u);
                        case FADING -> 1 - Math.sqrt(u);
                        default -> u;
                    };
                    times.add(Instant.ofEpochSecond(from + (long) (stop * x)));
                }
                if ((b == Behaviour.STEADY || b == Behaviour.FADING) && !times.isEmpty()) {
                    // a steady or fading buyer may quit after any purchase, with a probability of its
                    // own drawn from Beta(1, 4), as the BG/NBD model assumes
                    times.sort(null);
                    double quit = 1 - Math.pow(random.nextDouble(), 0.25);
                    int kept = 1;
                    while (kept < times.size() && random.nextDouble() >= quit) {
                        kept++;
                    }
                    times.subList(kept, times.size()).clear();
                }
            }
            return times;
        }

        /**
         * A BG/NBD customer's purchases from {@code since} to the end, the first at
         * {@code since}: one draw of the process for this customer from
         * {@link PopulationSimulator#BTYD_PROCESS}, in weeks.
         */
        private List<Instant> processTimes() {
            long from = since.getEpochSecond();
            double week = Duration.ofDays(7).getSeconds();
            double ageWeeks = (END.getEpochSecond() - from) / week;
            double[] t = BTYD_PROCESS.simulate(new double[] {ageWeeks}, 0, random.nextLong()).transactionTimes();
            List<Instant> times = new ArrayList<>(t.length);
            for (double weeks : t) {
                times.add(Instant.ofEpochSecond(Math.min(END.getEpochSecond(), from + (long) (weeks * week))));
            }
            return times;
        }

        private static Channel channelOf(InteractionType type) {
            return switch (type) {
                case LETTER -> Channel.LETTER;
                case PHONE_CALL -> Channel.PHONE;
                case VISIT -> Channel.VISIT;
                case TRADE_SHOW -> Channel.TRADE_SHOW;
                case EMAIL -> Channel.EMAIL;
                case WEB -> Channel.WEB;
            };
        }
    }

    /**
     * Builds a {@link PopulationSimulator}. Each setter may be called once. A builder is not
     * thread-safe; the simulator is immutable.
     */
    public static final class Builder {
        private Integer customers;
        private Long seed;

        private Builder() {
        }

        /**
         * Sets the number of customers (not counting planted duplicates).
         *
         * @param count 1 to 1,000,000
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder customers(int count) {
            if (customers != null) {
                throw new IllegalStateException("customers was already set to " + customers);
            }
            if (count < 1 || count > 1_000_000) {
                throw new IllegalArgumentException("customers must be 1 to 1,000,000: " + count);
            }
            customers = count;
            return this;
        }

        /**
         * Sets the random seed.
         *
         * @param value the seed
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder seed(long value) {
            if (seed != null) {
                throw new IllegalStateException("seed was already set to " + seed);
            }
            seed = value;
            return this;
        }

        /**
         * Builds the simulator.
         *
         * @return the simulator, never null
         */
        public PopulationSimulator build() {
            return new PopulationSimulator(customers == null ? 10_000 : customers, seed == null ? 42 : seed);
        }
    }
}
