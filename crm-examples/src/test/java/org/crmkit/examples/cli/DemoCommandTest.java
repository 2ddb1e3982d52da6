package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.merge.DuplicateCandidate;
import org.crmkit.core.merge.DuplicateDetector;
import org.crmkit.core.merge.MatchReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class DemoCommandTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Crm.commandLine(false);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demo_printsCountsViewAndMerge() {
        Run run = run("demo", "--customers", "400", "--seed", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("crmkit demo: 400 simulated customers, seed 3")
                .contains("Customer records:", "Activities:", "Purchase", "Complaint", "Interaction")
                .contains("Duplicates:", "Merged", "(none lost)")
                .contains("360-degree view of", "orders:", "contactable:")
                .containsPattern("[a-z]\\*\\*\\*@")
                .doesNotContainPattern("[a-z]+\\.[a-z]+[0-9]+@example\\.com");
        Matcher found = Pattern.compile("Duplicates: ([0-9,]+) candidate pairs \\(.*\\); ([0-9,]+) of ([0-9,]+) planted")
                .matcher(run.out());
        Matcher merged = Pattern.compile("Merged ([0-9,]+) pairs \\(([0-9,]+) skipped.*; ([0-9,]+) left for review\\)")
                .matcher(run.out());
        assertThat(found.find()).isTrue();
        assertThat(merged.find()).isTrue();
        // every candidate is merged, skipped or left for review, and no more pairs are merged
        // than planted duplicates were found
        assertThat(number(merged.group(1)) + number(merged.group(2)) + number(merged.group(3)))
                .isEqualTo(number(found.group(1)));
        assertThat(number(merged.group(1))).isLessThanOrEqualTo(number(found.group(2)));
    }

    @Test
    void doubt_namesakesWithDifferentContacts_leftForReview() {
        Clock clock = Clock.fixed(Instant.parse("2024-12-31T18:00:00Z"), ZoneOffset.UTC);
        PostalAddress address = new PostalAddress("1 Main Street", "Trier", "12015", "DE", "DE-10", AddressType.RURAL,
                "territory-2");
        Customer first = person("C-000001", clock, ContactPoints.empty().withAddress(address)
                .withEmail(Email.of("yusuf.becker1@example.com")).withPhone(Phone.of("+49 151 0000001", PhoneType.MOBILE)));
        Customer namesake = person("C-000002", clock, ContactPoints.empty().withAddress(address)
                .withEmail(Email.of("yusuf.becker2@example.com")).withPhone(Phone.of("+49 152 0000002", PhoneType.MOBILE)));
        Customer addressOnly = person("C-000003", clock, ContactPoints.empty().withAddress(address));
        List<DuplicateCandidate> found = DuplicateDetector.standard().find(List.of(first, namesake, addressOnly));
        assertThat(found).hasSize(3).allSatisfy(c -> assertThat(c.reasons()).containsExactly(
                MatchReason.NAME_AND_POSTAL_CODE));
        assertThat(DemoCommand.doubt(found.get(0), first, namesake)).hasValueSatisfying(
                reason -> assertThat(reason).contains("NAME_AND_POSTAL_CODE", "e-mails and phones differ"));
        // a record with only the address contradicts nothing: the usual careless second import
        assertThat(DemoCommand.doubt(found.get(1), first, addressOnly)).isEmpty();
    }

    @Test
    void doubt_sharedEmail_mergedEvenWithDifferentPhones() {
        Clock clock = Clock.fixed(Instant.parse("2024-12-31T18:00:00Z"), ZoneOffset.UTC);
        Customer a = person("C-000001", clock, ContactPoints.empty().withEmail(Email.of("ann@example.com"))
                .withPhone(Phone.of("+49 151 0000001", PhoneType.MOBILE)));
        Customer b = person("C-000002", clock, ContactPoints.empty().withEmail(Email.of("ANN@example.com"))
                .withPhone(Phone.of("+49 152 0000002", PhoneType.MOBILE)));
        List<DuplicateCandidate> found = DuplicateDetector.standard().find(List.of(a, b));
        assertThat(found).hasSize(1);
        assertThat(DemoCommand.doubt(found.get(0), a, b)).isEmpty();
    }

    private static Customer person(String id, Clock clock, ContactPoints contacts) {
        return Customer.builder(CustomerId.of(id), PersonProfile.builder(PersonName.of("Yusuf", "Becker"), clock).build())
                .contacts(contacts).build();
    }

    @Test
    void demo_relationshipLifecycle_countsPerStageSumToPopulation() {
        Run run = run("demo", "--customers", "1000", "--seed", "7");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String out = run.out();
        assertThat(out).contains("Relationship lifecycle of", "quarter end", "Stage at the end by simulated behaviour",
                "Lifecycle of ", "enrolled in exploration at the first purchase");
        Matcher population = Pattern.compile("Relationship lifecycle of ([0-9,]+) customers").matcher(out);
        assertThat(population.find()).isTrue();
        long customers = number(population.group(1));
        // quarter rows: date, five stages, no purchase, | six move counts
        Matcher quarter = Pattern.compile("(?m)^  (\\d{4}-\\d{2}-\\d{2})((?: +[0-9,]+){6})  \\|((?: +[0-9,]+){6})$")
                .matcher(out);
        int rows = 0;
        long[] movesByEvent = new long[6];
        while (quarter.find()) {
            rows++;
            assertThat(sum(quarter.group(2))).as("stages + no purchase at %s", quarter.group(1)).isEqualTo(customers);
            long[] moves = numbers(quarter.group(3));
            for (int i = 0; i < 6; i++) {
                movesByEvent[i] += moves[i];
            }
        }
        assertThat(rows).as("one row per quarter of the three simulated years").isBetween(11, 13);
        // develop, mature, weaken, recover, terminate, win_back all happen in a changing population
        assertThat(Arrays.stream(movesByEvent).min().orElseThrow()).isPositive();
        Matcher behaviour = Pattern.compile("(?m)^  (prospect|btyd-process|steady|growing|fading|returning)((?: +[0-9,]+){6})$")
                .matcher(out);
        long total = 0;
        int behaviours = 0;
        while (behaviour.find()) {
            behaviours++;
            total += sum(behaviour.group(2));
        }
        assertThat(behaviours).isEqualTo(6);
        assertThat(total).isEqualTo(customers);
        // every automatic move in the example histories is explained by its rule and reading
        assertThat(out.lines().filter(l -> l.matches("  \\d{4}-\\d{2}-\\d{2}  [a-z]+ +-> [a-z]+ .*")))
                .isNotEmpty()
                .allMatch(l -> l.matches(".* rule '[a-z0-9-]+': [a-z_]+ = [0-9]+ (>=|<) [0-9]+"));
        assertThat(out).containsPattern("terminated +-> exploration +rule 'won-back'");
    }

    @Test
    void demo_valueSection_rfmConcentrationFitsAndTopTenByClv() {
        Run run = run("demo", "--customers", "2000", "--seed", "5");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        String out = run.out();
        assertThat(out).contains("Customer value (crm-scoring, in weeks):", "RFM segments", "champions", "hibernating",
                "80/20: the top 20% of buyers bring", "Gini", "ABC (80/95%)", "Holdout check: BG/NBD fitted to"
                + " purchases up to 2024-06-30", "mean absolute error", "Top 10 customers by expected lifetime value");
        // RFM segment counts add up to the buyers
        Matcher buyers = Pattern.compile("Customer value \\(crm-scoring, in weeks\\): ([0-9,]+) buyers").matcher(out);
        assertThat(buyers.find()).isTrue();
        String segments = out.substring(out.indexOf("RFM segments"), out.indexOf("80/20:"));
        Matcher segment = Pattern.compile("([a-z]+(?:-[a-z]+)*) ([0-9,]+)[;\\n]").matcher(segments);
        long inSegments = 0;
        while (segment.find()) {
            inSegments += number(segment.group(2));
        }
        assertThat(inSegments).isEqualTo(number(buyers.group(1)));
        // both models report parameters, log-likelihood and the outcome of the fit
        assertThat(out).containsPattern("(?m)^  BG/NBD      r [0-9.]+ \\(se [0-9.e+-]+\\), alpha [0-9.]+ \\(se [0-9.e+-]+\\),"
                + " a [0-9.e+]+ \\(se [0-9.e+-]+\\), b [0-9.e+]+ \\(se [0-9.e+-]+\\); LL -[0-9.]+, converged after [0-9]+"
                + " iterations$");
        assertThat(out).containsPattern("(?m)^  Gamma-Gamma p [0-9.]+ \\(se [0-9.e+-]+\\), q [0-9.]+ \\(se [0-9.e+-]+\\),"
                + " v [0-9.]+ \\(se [0-9.e+-]+\\); LL -[0-9.]+, converged after [0-9]+ iterations$");
        // ten rows, sorted by CLV descending, P(alive) a probability
        Matcher row = Pattern.compile("(?m)^  (C-\\d{6}) +(\\d+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9,.]+)"
                + " +([0-9,.]+)$").matcher(out.substring(out.indexOf("Top 10 customers")));
        List<Double> clv = new ArrayList<>();
        while (row.find()) {
            assertThat(Double.parseDouble(row.group(3))).as("recency <= T").isLessThanOrEqualTo(
                    Double.parseDouble(row.group(4)));
            assertThat(Double.parseDouble(row.group(5))).isBetween(0.0, 1.0);
            clv.add(Double.parseDouble(row.group(8).replace(",", "")));
        }
        assertThat(clv).hasSize(10).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(clv.get(9)).isPositive();
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    private static long[] numbers(String columns) {
        return Arrays.stream(columns.trim().split(" +")).mapToLong(DemoCommandTest::number).toArray();
    }

    private static long sum(String columns) {
        return Arrays.stream(numbers(columns)).sum();
    }

    @Test
    void demo_sameSeedSameReport() {
        // the database section names a fresh temporary folder and measured times: left out
        String first = run("demo", "--customers", "300", "--seed", "11").out().replaceAll("(?s)\nDatabase: .*", "");
        String second = run("demo", "--customers", "300", "--seed", "11").out().replaceAll("(?s)\nDatabase: .*", "");
        String other = run("demo", "--customers", "300", "--seed", "12").out().replaceAll("(?s)\nDatabase: .*", "");
        assertThat(first).isEqualTo(second).isNotEqualTo(other).contains("Top 10 customers by expected lifetime value");
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of((Object) new String[] {"demo", "--customers", "0"}),
                Arguments.of((Object) new String[] {"demo", "--customers", "-5"}),
                Arguments.of((Object) new String[] {"demo", "--customers", "many"}),
                Arguments.of((Object) new String[] {"demo", "--seed", "1.5"}),
                Arguments.of((Object) new String[] {"demo", "--unknown"}),
                Arguments.of((Object) new String[] {"nosuchcommand"}));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void demo_badOption_exitCode2AndOneLine(String[] args) {
        Run run = run(args);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1).allMatch(l -> l.startsWith("crm: "));
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void crm_helpListsSubcommands() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Usage: crm", "Commands:");
        CommandLine cli = Crm.commandLine(false);
        assertThat(cli.getSubcommands()).isNotEmpty();
        for (String name : cli.getSubcommands().keySet()) {
            assertThat(run.out()).as("--help lists subcommand %s", name).containsPattern("(?m)^  " + name + "\\b");
        }
    }

    @Test
    void crm_unknownOption_exit2OneLineNoStackTrace() {
        Run run = run("--no-such-option");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().startsWith("crm: ").contains("--no-such-option");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }
}
