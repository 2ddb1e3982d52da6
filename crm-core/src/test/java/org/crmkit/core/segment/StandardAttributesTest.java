package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.customer.Customer;
import org.junit.jupiter.api.Test;

/** The one table of standard attributes serves the registry, the Javadoc and CustomerSubject. */
class StandardAttributesTest {
    private static final Path SOURCE = Path.of("src/main/java/org/crmkit/core/segment/StandardAttributes.java");

    @Test
    void registry_holdsTheTableInOrder() {
        assertThat(StandardAttributes.registry().attributes())
                .containsExactlyElementsOf(StandardAttributes.table().stream().map(StandardAttribute::attribute).toList());
    }

    @Test
    void javadoc_tableIsTheTable() throws IOException {
        assertThat(SOURCE).as("surefire runs in the crm-core module directory").isRegularFile();
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int header = lines.indexOf(" * <tr><th>name</th><th>type</th><th>filled from</th><th>description</th></tr>");
        int end = lines.indexOf(" * </table>");
        assertThat(header).as("the Javadoc table header").isPositive();
        assertThat(lines.subList(header + 1, end))
                .as("Javadoc rows of StandardAttributes; replace them with:%n%s",
                        String.join(System.lineSeparator(), StandardAttributes.javadocRows()))
                .containsExactlyElementsOf(StandardAttributes.javadocRows());
    }

    @Test
    void customerSubject_fillsExactlyTheRecordAndHistoryAttributes() {
        Set<String> filled = new TreeSet<>();
        for (Customer c : List.of(ModelSamples.person("C-1"), ModelSamples.organization("C-2"))) {
            CustomerSubject subject = new CustomerSubject(StandardAttributes.registry(), ZoneOffset.UTC)
                    .load(c, List.of(), LocalDate.of(2024, 6, 30));
            AttributeRegistry r = StandardAttributes.registry();
            for (Attribute a : r.attributes()) {
                if (subject.isPresent(r.slot(a.name()))) {
                    filled.add(a.name());
                }
            }
        }
        Set<String> fromCustomer = StandardAttributes.table().stream()
                .filter(row -> row.source() != StandardAttribute.Source.CALLER).map(StandardAttribute::name)
                .collect(Collectors.toCollection(TreeSet::new));
        // a person and an organization between them have every attribute their record can give
        assertThat(filled).isEqualTo(fromCustomer);
    }

    @Test
    void table_callerAttributesAreTheScoresAndTheFactsNoRecordHolds() {
        assertThat(StandardAttributes.table().stream().filter(row -> row.source() == StandardAttribute.Source.CALLER)
                .map(StandardAttribute::name)).containsExactlyInAnyOrder("youngest_child_age", "tags", "buyer_readiness",
                        "rfm_r", "rfm_f", "rfm_m", "rfm_segment", "clv", "p_alive", "churn_risk", "abc_class");
    }
}
