package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.PersonalData;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.WebSite;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.lifecycle.Lifecycle;
import org.crmkit.core.lifecycle.LifecyclePolicy;
import org.crmkit.core.lifecycle.LifecycleTracker;
import org.crmkit.core.lifecycle.Outcome;
import org.crmkit.core.lifecycle.Rule;
import org.crmkit.core.lifecycle.Signals;
import org.crmkit.core.money.Money;
import org.crmkit.core.segment.AttributeRegistry;
import org.crmkit.core.segment.CompiledRule;
import org.crmkit.core.segment.Rules;
import org.crmkit.core.segment.SubjectRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 point 16: personal data fed into the error paths and explanations of crm-core never
 * comes back in full; it is masked by {@link PersonalData}, the rule the customer model's
 * {@code toString} uses.
 */
class PersonalDataInMessagesTest {
    private static final String EMAIL = "ann.lee@example.com";
    private static final String PHONE = "+49 30 1234567";
    private static final String NAME = "Ann Marie Lee";
    private static final String IBAN = "DE89370400440532013000";
    private static final List<String> PERSONAL = List.of(EMAIL, PHONE, NAME, IBAN);

    @Test
    void mask_followsTheDocumentedRule() {
        assertThat(PersonalData.mask(EMAIL)).isEqualTo("a***@example.com");
        assertThat(PersonalData.mask(PHONE)).isEqualTo("************67");
        assertThat(PersonalData.mask(NAME)).isEqualTo("***********ee");
        assertThat(PersonalData.mask(IBAN)).isEqualTo("********************00");
        assertThat(PersonalData.mask("x".repeat(10_000_000))).isEqualTo("*** (10000000 characters)");
        assertThat(PersonalData.mask("12x")).isEqualTo("12x");
        assertThat(PersonalData.mask("NaN")).isEqualTo("NaN");
        assertThat(PersonalData.mask("1986-05-17")).as("a date may be a birth date").isEqualTo("********17");
        assertThat(PersonalData.mask("a@b@c.com")).isEqualTo("*******om");
        assertThat(PersonalData.mask("@x")).isEqualTo("***");
        assertThat(PersonalData.mask(null)).isEqualTo("null");
        // the customer model masks e-mail the same way
        assertThat(Email.of(EMAIL).toString()).isEqualTo(PersonalData.mask(EMAIL));
    }

    /** Every error path of the model that takes a caller's text, fed each personal value. */
    static Stream<Arguments> errorPaths() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String v : PERSONAL) {
            b.add(Arguments.of("CustomerId.of", v, (Supplier<Object>) () -> CustomerId.of(v + "!")));
            b.add(Arguments.of("WebSite.of", v, (Supplier<Object>) () -> WebSite.of(v + " x")));
            b.add(Arguments.of("Money.of amount", v, (Supplier<Object>) () -> Money.of("EUR", v)));
            b.add(Arguments.of("Money.of currency", v, (Supplier<Object>) () -> Money.of(v, "1.00")));
            b.add(Arguments.of("Money.parse", v, (Supplier<Object>) () -> Money.parse(v)));
            b.add(Arguments.of("PostalAddress country", v, (Supplier<Object>) () ->
                    new PostalAddress("Main St 1", "Berlin", "10115", v, null, AddressType.URBAN, null)));
            b.add(Arguments.of("PostalAddress postal code", v, (Supplier<Object>) () ->
                    new PostalAddress("Main St 1", "Berlin", v + "-" + v, "DE", null, AddressType.URBAN, null)));
            b.add(Arguments.of("Email.of", v, (Supplier<Object>) () -> Email.of(v + "@")));
            b.add(Arguments.of("Phone.of", v, (Supplier<Object>) () -> Phone.of(v + "!", PhoneType.MOBILE)));
            b.add(Arguments.of("enum attribute", v, (Supplier<Object>) () -> new SubjectRecord(REGISTRY).setText("tier", v)));
            b.add(Arguments.of("JSON customer id", v, (Supplier<Object>) () ->
                    CrmJson.read(customerJson().replace("\"C-1\"", quote(v + "!")), Customer.class)));
            b.add(Arguments.of("JSON birth date", v, (Supplier<Object>) () ->
                    CrmJson.read(customerJson().replace("\"1986-05-17\"", quote(v)), Customer.class)));
            b.add(Arguments.of("JSON e-mail", v, (Supplier<Object>) () ->
                    CrmJson.read(customerJson().replace("\"lena.schmidt@example.com\"", quote(v + "@@")), Customer.class)));
            b.add(Arguments.of("malformed JSON", v, (Supplier<Object>) () ->
                    CrmJson.read("{\"id\": '" + v + "'}", Customer.class)));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("errorPaths")
    void errorMessages_maskPersonalData(String path, String value, Supplier<Object> call) {
        Throwable t = catchThrowable(call::get);
        assertThat(t).as(path).isNotNull();
        assertThat(t.getMessage()).as(path).isNotBlank().doesNotContain(value).doesNotContain(value.substring(1));
        assertThat(t.toString()).as(path).doesNotContain(value);
    }

    private static final AttributeRegistry REGISTRY = AttributeRegistry.builder()
            .string("email", "e-mail")
            .string("name", "name")
            .enumeration("tier", List.of("gold", "silver"), "tier")
            .build();

    @Test
    void ruleExplanations_maskTheSubjectsValues() {
        SubjectRecord subject = new SubjectRecord(REGISTRY).setText("email", EMAIL).setText("name", NAME);
        for (var rule : List.of(Rules.attribute("email").matches(".*@example\\.org"),
                Rules.attribute("email").isEqualTo("bob@example.org"),
                Rules.attribute("name").startsWith("Bob"),
                Rules.attribute("name").contains("Bob"))) {
            String text = CompiledRule.compile(rule, REGISTRY).explain(subject).toString();
            assertThat(text).doesNotContain(EMAIL).doesNotContain(NAME);
        }
        String observed = CompiledRule.compile(Rules.attribute("email").matches(".*@example\\.org"), REGISTRY)
                .explain(subject).observed();
        assertThat(observed).isEqualTo("email = 'a***@example.com'");
    }

    @Test
    void lifecycleEvidence_masksACategoricalSignal() {
        Lifecycle<Object, Object> l = Lifecycle.<Object, Object>builder("l").initial("a").state("b")
                .transition("a", "go", "b").build();
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.builder(l)
                .policy(LifecyclePolicy.of("p", Rule.of("r", Rule.Condition.oneOf("owner", EMAIL, "x"), "go", "a")))
                .build();
        tracker.enrol("k", Instant.parse("2026-01-01T00:00:00Z"));
        Outcome.Moved moved = (Outcome.Moved) tracker.applySignals("k", null,
                Signals.builder().category("owner", EMAIL).build(), Instant.parse("2026-02-01T00:00:00Z")).orElseThrow();
        assertThat(moved.explain()).doesNotContain(EMAIL).contains("a***@example.com");
    }

    private static String quote(String v) {
        return "\"" + v + "\"";
    }

    private static String customerJson() {
        return CrmJson.write(ModelSamples.person("C-1"));
    }
}
