package org.crmkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.customer.ChannelConsent;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.merge.CustomerMerger;
import org.crmkit.core.merge.DuplicateCandidate;
import org.crmkit.core.merge.MatchReason;
import org.crmkit.core.merge.MergeResult;
import org.crmkit.core.money.Money;
import org.crmkit.core.view.LastContact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrmJsonTest {
    private static final ObjectMapper JSON = CrmJson.mapper();

    /** Every public model type, fully populated. */
    static Stream<Arguments> modelValues() {
        Customer person = ModelSamples.person("C-1");
        Customer acme = ModelSamples.organization("C-2");
        List<Object> values = new ArrayList<>();
        values.add(person);
        values.add(acme);
        values.add(person.profile());
        values.add(acme.profile());
        values.add(acme.classification());
        values.add(person.person().orElseThrow().name());
        values.add(person.person().orElseThrow().nationalId());
        values.add(person.contacts());
        values.add(person.contacts().addresses().get(0));
        values.add(person.contacts().phones().get(0));
        values.add(person.contacts().emails().get(0));
        values.add(person.contacts().webSites().get(0));
        values.add(person.consents());
        values.add(person.consents().byChannel().values().iterator().next());
        org.crmkit.core.customer.ConsentRecord granted = org.crmkit.core.customer.ConsentRecord.granted(
                org.crmkit.core.customer.ContactChannel.EMAIL, org.crmkit.core.customer.Purpose.MARKETING,
                org.crmkit.core.customer.LegalBasis.CONSENT, "web-form", ModelSamples.T0, ModelSamples.NOW);
        values.add(granted);
        org.crmkit.core.customer.ConsentHistory history = org.crmkit.core.customer.ConsentHistory.none().with(granted)
                .with(org.crmkit.core.customer.ConsentRecord.withdrawn(org.crmkit.core.customer.ContactChannel.EMAIL,
                        org.crmkit.core.customer.Purpose.MARKETING, "unsubscribe-link", ModelSamples.NOW));
        values.add(history);
        values.add(ModelSamples.person("C-7").toBuilder().consentHistory(history).build());
        values.add(person.financial().orElseThrow());
        values.add(person.attributes());
        values.add(ModelSamples.VISITS);
        values.add(person.ownership());
        values.add(person.ownership().history().get(0));
        values.add(ModelSamples.ANN);
        values.add(person.id());
        values.add(Money.of("JPY", "1500"));
        values.add(ActivityId.of("A-1"));
        values.add(Actor.of("rep-7"));
        values.addAll(ModelSamples.activities(person.id()));
        values.add(new DuplicateCandidate(CustomerId.of("C-1"), CustomerId.of("C-9"),
                Set.of(MatchReason.EMAIL, MatchReason.PHONE)));
        org.crmkit.core.merge.MatchEvidence evidence = new org.crmkit.core.merge.MatchEvidence("name", MatchReason.NAME,
                0.96, 3.4);
        values.add(evidence);
        values.add(new DuplicateCandidate(CustomerId.of("C-1"), CustomerId.of("C-9"), Set.of(MatchReason.NAME), 9.5,
                List.of(evidence, new org.crmkit.core.merge.MatchEvidence("birth-date", MatchReason.BIRTH_DATE, 0, -6))));
        Customer twin = ModelSamples.person("C-3");
        values.add(CustomerMerger.merge(person, ModelSamples.activities(person.id()), twin,
                ModelSamples.activities(twin.id()), ModelSamples.NOW));
        values.add(new LastContact(ModelSamples.T0, Actor.of("rep-bob"), org.crmkit.core.activity.Channel.PHONE,
                org.crmkit.core.activity.InteractionType.PHONE_CALL, ActivityId.of("I-1")));
        return values.stream().map(v -> Arguments.of(v.getClass().getSimpleName(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelValues")
    void roundTrip_everyModelType(String name, Object value) throws Exception {
        String text = JSON.writeValueAsString(value);
        Object back = JSON.readValue(text, value.getClass());
        assertThat(back).isEqualTo(value);
        assertThat(JSON.writeValueAsString(back)).isEqualTo(text);
        if (value instanceof Activity) {
            Activity asActivity = JSON.readValue(text, Activity.class);
            assertThat(asActivity).isEqualTo(value);
        }
    }

    /** Guards the round-trip test: every public value type of the model packages is in {@link #modelValues}. */
    @Test
    void modelValues_coverEveryPublicModelType() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(Customer.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Set<Class<?>> sampled = modelValues().map(a -> (Class<?>) a.get()[1].getClass())
                .collect(java.util.stream.Collectors.toSet());
        Set<String> services = Set.of("CustomerMerger", "DuplicateDetector", "Builder", "PersonalData", "MatchPolicy",
                "MatchRules", "MatchFeatures", "MatchNormalizer", "JaroWinkler", "ColognePhonetics");
        List<String> missing = new ArrayList<>();
        for (String pkg : List.of("money", "customer", "ownership", "activity", "merge", "view")) {
            java.nio.file.Path dir = root.resolve("org/crmkit/core/" + pkg);
            try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".class")).toList()) {
                    String name = f.getFileName().toString().replace(".class", "");
                    if (name.contains("$") || name.equals("package-info")) {
                        continue;
                    }
                    Class<?> type = Class.forName("org.crmkit.core." + pkg + "." + name);
                    boolean value = java.lang.reflect.Modifier.isPublic(type.getModifiers()) && !type.isInterface()
                            && !type.isEnum() && !Throwable.class.isAssignableFrom(type)
                            && !services.contains(type.getSimpleName()) && !type.getSimpleName().equals("CustomerView");
                    if (value && !sampled.contains(type)) {
                        missing.add(type.getName());
                    }
                }
            }
        }
        assertThat(missing).as("public model types without a JSON round-trip sample").isEmpty();
    }

    static Stream<Arguments> enumConstants() throws Exception {
        List<Arguments> all = new ArrayList<>();
        for (Class<?> type : List.of(org.crmkit.core.customer.Gender.class, org.crmkit.core.customer.CustomerStatus.class,
                org.crmkit.core.customer.FamilyLifeCycleStage.class, org.crmkit.core.activity.Channel.class,
                org.crmkit.core.activity.ComplaintStatus.class, MatchReason.class)) {
            for (Object constant : type.getEnumConstants()) {
                all.add(Arguments.of(constant));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("enumConstants")
    void roundTrip_enumConstants(Object constant) throws Exception {
        assertThat(JSON.readValue(JSON.writeValueAsString(constant), constant.getClass())).isEqualTo(constant);
    }

    @Test
    void write_customerCarriesSchemaVersionAndTypeIds() throws Exception {
        JsonNode tree = JSON.readTree(CrmJson.write(ModelSamples.person("C-1")));
        assertThat(tree.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(tree.at("/profile/kind").textValue()).isEqualTo("person");
        assertThat(tree.at("/financial/averageOrderValue").textValue()).isEqualTo("EUR 84.50");
        JsonNode activity = JSON.readTree(CrmJson.write(ModelSamples.activities(CustomerId.of("C-1")).get(0)));
        assertThat(activity.get("activity").textValue()).isEqualTo("purchase");
        assertThat(activity.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(activity.get("timestamp").textValue()).isEqualTo("2024-01-10T09:00:00Z");
    }

    @Test
    void read_listOfActivities() throws Exception {
        List<Activity> activities = ModelSamples.activities(CustomerId.of("C-1"));
        String text = JSON.writerFor(JSON.getTypeFactory().constructCollectionType(List.class, Activity.class))
                .writeValueAsString(activities);
        List<Activity> back = JSON.readValue(text,
                JSON.getTypeFactory().constructCollectionType(List.class, Activity.class));
        assertThat(back).isEqualTo(activities);
    }

    private static String customerJsonWith(String pointer, Object replacement) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(CrmJson.write(ModelSamples.person("C-1")));
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, cut));
        String field = pointer.substring(cut + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(field),
                    JSON.valueToTree(replacement));
        } else {
            ((ObjectNode) parent).set(field, JSON.valueToTree(replacement));
        }
        return JSON.writeValueAsString(tree);
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("/contacts/emails/0/address", "not-an-email", "$.contacts.emails[0]", "email is malformed"),
                Arguments.of("/contacts/phones/0/number", "12", "$.contacts.phones[0]", "phone must be"),
                Arguments.of("/financial/averageOrderValue", "EUR 1.005", "$.financial.averageOrderValue",
                        "decimal places"),
                Arguments.of("/profile/gender", "ROBOT", "$.profile.gender", "ROBOT"),
                Arguments.of("/profile/kind", "alien", "$.profile", "alien"),
                Arguments.of("/profile/name/given", " ", "$.profile.name", "given name must not be blank"),
                Arguments.of("/profile/birthDate", "1986-13-40", "$.profile.birthDate", "'********40'"), // a birth date: masked
                Arguments.of("/profile/householdSize", "4", "$.profile.householdSize", "String"),
                Arguments.of("/profile/unknownField", 1, "$.profile.unknownField", "unknownField"),
                Arguments.of("/surprise", true, "$.surprise", "surprise"),
                Arguments.of("/schemaVersion", 2, "$", "unsupported schemaVersion 2"),
                Arguments.of("/id", "bad id", "$.id", "customerId"),
                Arguments.of("/attributes/shop:visits", Map.of("type", "LONG", "value", "many"), "$.attributes",
                        "LONG value must be a whole number"),
                Arguments.of("/ownership/history/0/reason", "", "$.ownership.history[0]", "reason"),
                Arguments.of("/consents/byChannel/EMAIL/state", "MAYBE", "$.consents.byChannel.EMAIL.state", "MAYBE"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidDocuments")
    void read_invalidValue_namesJsonPath(String pointer, Object replacement, String path, String message)
            throws Exception {
        String text = customerJsonWith(pointer, replacement);
        assertThatThrownBy(() -> CrmJson.read(text, Customer.class))
                .isInstanceOfSatisfying(CrmJsonException.class, e -> assertThat(e.path()).isEqualTo(path))
                .hasMessageStartingWith(path + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void read_missingSchemaVersion_rejected() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(CrmJson.write(ModelSamples.person("C-1")));
        tree.remove("schemaVersion");
        assertThatThrownBy(() -> CrmJson.read(tree.toString(), Customer.class))
                .hasMessageContaining("schemaVersion is missing");
    }

    @Test
    void read_activitySchemaVersionRequired_andPathsInsideLists() throws Exception {
        ObjectNode purchase = (ObjectNode) JSON.readTree(CrmJson.write(ModelSamples.activities(CustomerId.of("C-1")).get(0)));
        assertThat(CrmJson.read(purchase.toString(), Activity.class)).isInstanceOf(org.crmkit.core.activity.Purchase.class);
        purchase.remove("schemaVersion");
        assertThatThrownBy(() -> CrmJson.read(purchase.toString(), Activity.class))
                .hasMessageContaining("schemaVersion is missing");
        purchase.put("schemaVersion", 2);
        assertThatThrownBy(() -> CrmJson.read(purchase.toString(), Activity.class))
                .hasMessageContaining("unsupported schemaVersion 2");
        purchase.put("schemaVersion", 1);
        purchase.put("quantity", -4);
        assertThatThrownBy(() -> CrmJson.read(purchase.toString(), Activity.class))
                .hasMessageContaining("quantity of a purchase must be positive: -4");

        Customer a = ModelSamples.person("C-1");
        Customer b = ModelSamples.person("C-2");
        MergeResult r = CustomerMerger.merge(a, ModelSamples.activities(a.id()), b, ModelSamples.activities(b.id()),
                ModelSamples.NOW);
        ObjectNode tree = (ObjectNode) JSON.readTree(CrmJson.write(r));
        ((ObjectNode) tree.get("activities").get(3)).put("amount", "EUR 1.001");
        assertThatThrownBy(() -> CrmJson.read(tree.toString(), MergeResult.class))
                .isInstanceOfSatisfying(CrmJsonException.class,
                        e -> assertThat(e.path()).isEqualTo("$.activities[3].amount"));
    }

    @Test
    void read_personalDataMaskedInErrors() throws Exception {
        String text = customerJsonWith("/contacts/emails/0/address", "secret.person@nowhere");
        assertThatThrownBy(() -> CrmJson.read(text, Customer.class)).hasMessageNotContaining("secret.person");
    }

    @Test
    void read_malformedAndDuplicateKeys_rejected() {
        assertThatThrownBy(() -> CrmJson.read("{\"id\": ", Customer.class)).isInstanceOf(CrmJsonException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> CrmJson.read("\"EUR 1.00\" \"EUR 2.00\"", Money.class))
                .isInstanceOf(CrmJsonException.class);
        assertThatThrownBy(() -> CrmJson.read("{\"value\":\"a\",\"value\":\"b\"}", ChannelConsent.class))
                .isInstanceOf(CrmJsonException.class).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> CrmJson.read("null", Money.class)).isInstanceOf(CrmJsonException.class);
    }

    @Test
    void read_deepNesting_failsFast() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> CrmJson.read(deep, Object.class)).isInstanceOf(CrmJsonException.class)
                .hasMessageContaining("nesting depth");
        String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThatThrownBy(() -> CrmJson.read(deepObject, Customer.class)).isInstanceOf(CrmJsonException.class);
    }

    @Test
    void read_hugeString_failsFast() {
        StringBuilder sb = new StringBuilder(100 * 1024 * 1024 + 20);
        sb.append("{\"schemaVersion\":1,\"id\":\"");
        sb.append("x".repeat(100 * 1024 * 1024));
        sb.append("\"}");
        String huge = sb.toString();
        sb.setLength(0);
        assertThatThrownBy(() -> CrmJson.read(huge, Customer.class)).isInstanceOf(CrmJsonException.class)
                .hasMessageContaining("String value length");
    }

    @Test
    void module_usableInOwnMapper() throws Exception {
        ObjectMapper own = new ObjectMapper().registerModule(CrmJson.module());
        Money money = Money.of("EUR", "3.10");
        assertThat(own.readValue(own.writeValueAsString(money), Money.class)).isEqualTo(money);
    }

    @Test
    void roundTrip_mergeResultKeepsActivitiesOfBoth() throws Exception {
        Customer a = ModelSamples.person("C-1");
        Customer b = ModelSamples.person("C-2");
        MergeResult r = CustomerMerger.merge(a, ModelSamples.activities(a.id()), b, ModelSamples.activities(b.id()),
                ModelSamples.NOW);
        MergeResult back = CrmJson.read(CrmJson.write(r), MergeResult.class);
        assertThat(back.activities()).hasSize(18);
        assertThat(back).isEqualTo(r);
    }
}
