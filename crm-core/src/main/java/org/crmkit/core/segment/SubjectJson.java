package org.crmkit.core.segment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.json.CrmJsonException;

/**
 * Reads customers for segment rules from JSON: an array whose elements are either flat objects of
 * attribute values, {@code {"customer_id": "C-1", "age": 42, "region": "DE-BE"}}, or customers in
 * crmkit's model JSON ({@link CrmJson}) with their activities,
 * {@code {"customer": {...}, "activities": [...], "rfm_r": 5}}, from which the standard attributes
 * are derived as of the given date ({@link CustomerSubject}); further keys add attributes the
 * record lacks (scores, youngest_child_age ...).
 *
 * <p>Every key other than {@code customer_id}, {@code customer} and {@code activities} must be an
 * attribute of the registry, and its JSON type must fit the attribute: a number for NUMBER,
 * {@code true}/{@code false} for BOOLEAN, an array of strings (without {@code |}) for STRING_SET,
 * a string otherwise (read as {@link SubjectRecord#parse} reads text); {@code null} is an absent
 * value. The input is UTF-8 (a byte-order mark is skipped; invalid bytes are an error), keys may
 * not repeat within an object, and nothing may follow the array.
 *
 * <pre>{@code
 * long n = SubjectJson.of(registry, ZoneOffset.UTC).read(in, "customers.json", LocalDate.of(2026, 6, 30),
 *         (id, subject) -> counts.merge(segmentation.assignName(subject), 1, Integer::sum));
 * }</pre>
 *
 * <p>Errors are {@link CrmJsonException}s whose path names the element and key, such as
 * {@code $[3].age}; their messages never repeat input values (they may be personal data).
 * The reader streams: one customer is in memory at a time. Immutable and thread-safe; each call
 * of {@link #read} uses its own subject.
 */
public final class SubjectJson {
    private static final JsonFactory FACTORY = new JsonFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper TREES = new ObjectMapper(FACTORY);

    private final AttributeRegistry registry;
    private final ZoneId zone;

    private SubjectJson(AttributeRegistry registry, ZoneId zone) {
        this.registry = registry;
        this.zone = zone;
    }

    /**
     * Creates a reader.
     *
     * @param registry the attributes the input may hold (those the rules were compiled against),
     *     not null
     * @param zone the time zone that turns activity timestamps into dates, not null
     * @return the reader, never null
     */
    public static SubjectJson of(AttributeRegistry registry, ZoneId zone) {
        return new SubjectJson(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Reads every customer of a JSON array and passes each to the sink, in input order.
     *
     * @param in the input, not null; not closed
     * @param source how the input is named in error messages, not null
     * @param asOf the date windowed aggregates and ages are computed for, not null
     * @param sink receives each customer, not null
     * @return the number of customers read
     * @throws CrmJsonException if the input is not such an array, naming the JSON path
     * @throws IOException if reading the input or the sink fails
     */
    public long read(InputStream in, String source, LocalDate asOf, SubjectSink sink) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(sink, "sink");
        CustomerSubject subject = new CustomerSubject(registry, zone);
        ObjectMapper models = CrmJson.mapper();
        long count = 0;
        String path = "$";
        try (JsonParser p = FACTORY.createParser(utf8(in))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new CrmJsonException("$", "expected a JSON array of customer objects", null);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                path = "$[" + count + "]";
                JsonNode n = TREES.readTree(p);
                String id = load(models, n, subject, asOf, path);
                values(n, subject.values(), path);
                count++;
                sink.accept(id, subject);
            }
            if (t != JsonToken.END_ARRAY) {
                throw new CrmJsonException("$[" + count + "]", "expected a customer object or the end of the array",
                        null);
            }
            if (p.nextToken() != null) {
                throw new CrmJsonException("$", "unexpected content after the array", null);
            }
        } catch (CharacterCodingException e) {
            throw new CrmJsonException(path, "not UTF-8 text (invalid byte sequence)", e);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
            int cut = problem.indexOf('\n');
            throw new CrmJsonException(path, "malformed JSON: " + (cut < 0 ? problem : problem.substring(0, cut))
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        return count;
    }

    private static Reader utf8(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in);
        b.mark(3);
        byte[] bom = b.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            b.reset();
        }
        return new InputStreamReader(b, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Fills the subject from the customer record, or clears it for a flat object; returns the id. */
    private String load(ObjectMapper models, JsonNode n, CustomerSubject subject, LocalDate asOf, String path) {
        if (!n.has("customer")) {
            subject.values().clear().asOf(asOf);
            JsonNode id = n.get("customer_id");
            if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
                throw new CrmJsonException(path + ".customer_id", "missing or not a non-empty string", null);
            }
            return id.textValue();
        }
        Customer customer = model(models, n.get("customer"), Customer.class, path + ".customer");
        List<Activity> activities = new ArrayList<>();
        JsonNode acts = n.get("activities");
        if (acts != null && !acts.isNull()) {
            if (!acts.isArray()) {
                throw new CrmJsonException(path + ".activities", "expected an array of activities", null);
            }
            for (int i = 0; i < acts.size(); i++) {
                activities.add(model(models, acts.get(i), Activity.class, path + ".activities[" + i + "]"));
            }
        }
        try {
            subject.load(customer, activities, asOf);
        } catch (IllegalArgumentException e) {
            throw new CrmJsonException(path + ".activities", e.getMessage(), e);
        }
        return customer.id().value();
    }

    private static <T> T model(ObjectMapper mapper, JsonNode node, Class<T> type, String path) {
        try {
            return mapper.treeToValue(node, type);
        } catch (CrmJsonException e) {
            throw new CrmJsonException(path + e.path().substring(1), problemOf(e), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable c = e.getCause() instanceof CrmJsonException ? e.getCause() : e;
            if (c instanceof CrmJsonException cj) {
                throw new CrmJsonException(path + cj.path().substring(1), problemOf(cj), e);
            }
            String problem = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            if (c instanceof JsonProcessingException jp && jp.getOriginalMessage() != null) {
                problem = jp.getOriginalMessage();
            }
            throw new CrmJsonException(path, problem.lines().findFirst().orElse(problem), e);
        }
    }

    private static String problemOf(CrmJsonException e) {
        String m = e.getMessage();
        String prefix = e.path() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Sets the attribute keys of one element. */
    private void values(JsonNode n, SubjectRecord record, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("customer_id") || key.equals("customer") || key.equals("activities") || v.isNull()) {
                continue;
            }
            String where = path + "." + key;
            if (registry.find(key).isEmpty()) {
                throw new CrmJsonException(where, "unknown attribute; declare it in the rules document's"
                        + " \"attributes\" or use a standard attribute", null);
            }
            int slot = registry.slot(key);
            Attribute a = registry.attribute(slot);
            try {
                record.parse(slot, text(a, v));
            } catch (IllegalArgumentException ex) {
                throw new CrmJsonException(where, ex.getMessage(), ex);
            }
        }
    }

    private static String text(Attribute a, JsonNode v) {
        switch (a.type()) {
            case NUMBER:
                if (!v.isNumber()) {
                    throw new IllegalArgumentException("expected a number");
                }
                return v.asText();
            case BOOLEAN:
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("expected true or false");
                }
                return v.asText();
            case STRING_SET: {
                if (!v.isArray()) {
                    throw new IllegalArgumentException("expected an array of strings");
                }
                List<String> parts = new ArrayList<>();
                for (JsonNode e : v) {
                    if (!e.isTextual() || e.textValue().contains("|")) {
                        throw new IllegalArgumentException("expected strings without '|'");
                    }
                    parts.add(e.textValue());
                }
                return String.join("|", parts);
            }
            default:
                if (!v.isTextual()) {
                    throw new IllegalArgumentException("expected a string");
                }
                return v.textValue();
        }
    }
}
