package org.crmkit.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.json.CrmJson;

/**
 * Everything a store holds about one customer, as one JSON document: the answer to a data
 * subject's request for access (GDPR Art. 15) and what {@code crm store export} prints.
 *
 * <pre>{@code
 * String json = SubjectExport.json(store, CustomerId.of("C-1"), clock);
 * // {"schemaVersion":1,"exportedAt":"...","customer":{...},"activities":[...],
 * //  "lifecycles":{"relationship":{...}},"merges":[...],"erasures":[...],"auditTrail":[...]}
 * }</pre>
 *
 * <p>The customer and activities are in crmkit's JSON form ({@link CrmJson}); lifecycle records
 * in the form of {@link org.crmkit.core.lifecycle.LifecycleRecordJson}. Stateless and thread-safe.
 */
public final class SubjectExport {
    /** The schema version of the export document. */
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = CrmJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SubjectExport() {
    }

    /**
     * Exports one customer.
     *
     * @param store the store, not null
     * @param id the customer, not null
     * @param clock the clock giving the export time, not null
     * @return the JSON document, indented, never null
     * @throws UnknownCustomerException if the customer is not stored
     */
    public static String json(CustomerStore store, CustomerId id, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clock, "clock");
        Customer customer = store.find(id).orElseThrow(() -> new UnknownCustomerException(id));
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("exportedAt", clock.instant().toString());
        root.set("customer", JSON.valueToTree(customer));
        ArrayNode activities = root.putArray("activities");
        for (Activity a : store.activitiesOf(id)) {
            activities.add(JSON.<ObjectNode>valueToTree(a));
        }
        ObjectNode lifecycles = root.putObject("lifecycles");
        try {
            for (Map.Entry<String, String> e : store.lifecycleDocuments(id).entrySet()) {
                lifecycles.set(e.getKey(), JSON.readTree(e.getValue()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored lifecycle record of customer " + id + " is not valid JSON", e);
        }
        ArrayNode merges = root.putArray("merges");
        for (MergeRecord m : store.merges(id)) {
            merges.addObject().put("survivorId", m.survivorId().value()).put("mergedAwayId", m.mergedAwayId().value())
                    .put("actor", m.actor()).put("at", m.at().toString());
        }
        ArrayNode erasures = root.putArray("erasures");
        for (ErasureRecord r : store.erasures(id)) {
            erasures.addObject().put("actor", r.actor()).put("at", r.at().toString());
        }
        ArrayNode audit = root.putArray("auditTrail");
        for (AuditEntry a : store.auditTrail(id)) {
            audit.addObject().put("actor", a.actor()).put("field", a.field()).put("at", a.at().toString());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export of customer " + id, e);
        }
    }
}
