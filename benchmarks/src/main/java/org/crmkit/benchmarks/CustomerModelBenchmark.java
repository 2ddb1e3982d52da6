package org.crmkit.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.IncomeBand;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.merge.DuplicateCandidate;
import org.crmkit.core.merge.DuplicateDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The customer model of crm-core: building validated customers, writing and reading them as
 * JSON through {@link CrmJson}, and finding duplicates among them. Each operation handles
 * {@code customers} records; 1% of them are planted duplicates (same e-mail, other case).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CustomerModelBenchmark -f 1 -wi 3 -i 5}
 * after {@code mvn -B -q package -DskipTests -pl benchmarks -am}.
 *
 * <p>What to look for: {@code findDuplicates} must grow about linearly with the number of
 * customers (a hash index, not pairwise comparison); JSON should write and read tens of
 * thousands of customers per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CustomerModelBenchmark {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-31T00:00:00Z"), ZoneOffset.UTC);
    private static final String[] GIVEN = {"Anna", "Ben", "Chen", "Dana", "Emil", "Fatima", "Georg", "Hana"};
    private static final String[] FAMILY = {"Schmidt", "Müller", "Wang", "Li", "Novak", "Rossi", "Silva", "Kim"};

    @Param({"1000", "10000"})
    public int customers;

    private List<Customer> population;
    private List<String> documents;
    private ObjectMapper json;

    @Setup
    public void setUp() throws JsonProcessingException {
        json = CrmJson.mapper();
        population = build(customers, 42);
        documents = new ArrayList<>(population.size());
        for (Customer c : population) {
            documents.add(json.writeValueAsString(c));
        }
    }

    static List<Customer> build(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Customer> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean duplicate = i > 0 && random.nextInt(100) == 0;
            int person = duplicate ? random.nextInt(i) : i;
            String given = GIVEN[person % GIVEN.length];
            String family = FAMILY[(person / GIVEN.length) % FAMILY.length];
            String email = given.toLowerCase(Locale.ROOT) + "." + person + "@example.com";
            PersonProfile profile = PersonProfile.builder(PersonName.of(given, family), CLOCK)
                    .birthDate(LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .gender(Gender.values()[random.nextInt(Gender.values().length)])
                    .incomeBand(IncomeBand.values()[random.nextInt(IncomeBand.values().length)])
                    .build();
            ContactPoints contacts = ContactPoints.empty()
                    .withEmail(Email.of(duplicate ? email.toUpperCase(Locale.ROOT) : email))
                    .withPhone(Phone.of("+4915" + (10_000_000 + i), PhoneType.MOBILE))
                    .withAddress(new PostalAddress("Main Street " + (1 + random.nextInt(200)), "Berlin",
                            String.format(Locale.ROOT, "%05d", 10_000 + random.nextInt(89_999)), "DE", "DE-BE",
                            AddressType.URBAN, "north"));
            result.add(Customer.builder(CustomerId.of(String.format(Locale.ROOT, "C-%07d", i)), profile)
                    .status(CustomerStatus.CURRENT)
                    .contacts(contacts)
                    .consents(Consents.none().grant(ContactChannel.EMAIL, CLOCK.instant()))
                    .build());
        }
        return result;
    }

    @Benchmark
    public List<Customer> buildCustomers() {
        return build(customers, 42);
    }

    @Benchmark
    public long writeJson() throws JsonProcessingException {
        long length = 0;
        for (Customer c : population) {
            length += json.writeValueAsString(c).length();
        }
        return length;
    }

    @Benchmark
    public List<Customer> readJson() throws JsonProcessingException {
        List<Customer> back = new ArrayList<>(documents.size());
        for (String d : documents) {
            back.add(json.readValue(d, Customer.class));
        }
        return back;
    }

    @Benchmark
    public List<DuplicateCandidate> findDuplicates() {
        return DuplicateDetector.standard().find(population);
    }
}
