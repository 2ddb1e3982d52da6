package org.crmkit.core.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.customer.PersonalData;

/**
 * The one entry point for JSON: a configured Jackson {@link ObjectMapper} through which
 * every public model type of crmkit core round-trips.
 *
 * <pre>{@code
 * ObjectMapper json = CrmJson.mapper();                // create once, reuse
 * String text = json.writeValueAsString(customer);
 * Customer back = json.readValue(text, Customer.class);
 * Customer same = CrmJson.read(text, Customer.class);  // CrmJsonException with JSON path on bad input
 * }</pre>
 *
 * <p>Rules:
 * <ul>
 * <li>Customer and activity documents carry {@code "schemaVersion": 1}; a missing or other
 *     version is refused.</li>
 * <li>Unknown fields, duplicate keys, numbers for enums and strings for numbers are rejected;
 *     so is every value the model's factories reject. Messages name the JSON path.</li>
 * <li>No default typing: activities and profiles carry explicit type ids in the properties
 *     {@code "activity"} ({@code purchase, interaction, campaign-response, complaint,
 *     service-request, satisfaction-survey}) and {@code "kind"} ({@code person,
 *     organization}).</li>
 * <li>Money, ids, actors, instants and dates are strings ({@code "EUR 12.50"},
 *     {@code "2024-03-01T10:00:00Z"}, {@code "2024-03-01"}); unknown values are left out.</li>
 * <li>Hostile input fails fast: nesting deeper than {@value #MAX_NESTING_DEPTH} levels or a
 *     string longer than {@value #MAX_STRING_LENGTH} characters is refused while parsing.</li>
 * </ul>
 *
 * <p>The derived {@link org.crmkit.core.view.CustomerView} is a computation, not a
 * document, and has no JSON form. This class is stateless and thread-safe; a configured
 * mapper is thread-safe for reading and writing.
 */
public final class CrmJson {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{0,100000})\"|'([^']{0,100000})'");
    /** The schema version written into, and required from, customer documents. */
    public static final int SCHEMA_VERSION = 1;
    /** Deepest nesting of JSON arrays and objects accepted. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest JSON string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    private static final ObjectMapper SHARED = mapper();

    private CrmJson() {
    }

    /**
     * Returns a new mapper configured for the crmkit model. Creating one costs
     * milliseconds, so create it once and share it.
     *
     * @return the mapper, never null
     */
    public static ObjectMapper mapper() {
        return mapper(MAX_NESTING_DEPTH, -1);
    }

    /**
     * Returns a new mapper with the configuration of {@link #mapper()} (the same strictness:
     * duplicate keys, trailing content, unknown properties, coercions refused) but other input
     * limits, for a JSON reader whose documents legitimately nest deeper or must be bounded in
     * length, such as segmentation rules. Every JSON reader of crmkit is built from this one
     * configuration.
     *
     * <pre>{@code
     * ObjectMapper rules = CrmJson.mapper(100, 1_000_000);
     * }</pre>
     *
     * @param maxNestingDepth the deepest nesting of arrays and objects accepted, {@code >= 1}
     * @param maxDocumentLength the longest document accepted in characters or bytes, or
     *     {@code -1} for no limit
     * @return the mapper, never null
     * @throws IllegalArgumentException if a limit is out of range
     */
    public static ObjectMapper mapper(int maxNestingDepth, long maxDocumentLength) {
        if (maxNestingDepth < 1 || maxDocumentLength < -1 || maxDocumentLength == 0) {
            throw new IllegalArgumentException("limits out of range: depth " + maxNestingDepth
                    + ", document length " + maxDocumentLength);
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength((int) Math.min(MAX_STRING_LENGTH,
                                maxDocumentLength < 0 ? MAX_STRING_LENGTH : maxDocumentLength))
                        .maxDocumentLength(maxDocumentLength)
                        .maxNumberLength(100)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    /**
     * Returns the Jackson module with the crmkit serializers, for adding to a mapper of
     * your own. Prefer {@link #mapper()}: only it also sets the strictness and input limits
     * described above.
     *
     * @return a new module, never null
     */
    public static Module module() {
        return new ModelModule();
    }

    /**
     * Writes a model value as JSON with a shared mapper.
     *
     * @param value the value, not null
     * @return the JSON text, never null
     * @throws IllegalArgumentException if the value cannot be written
     */
    public static String write(Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a model value from JSON with a shared mapper.
     *
     * @param json the JSON text, not null
     * @param type the model type, not null
     * @param <T> the type
     * @return the value, never null
     * @throws CrmJsonException if the text is not valid JSON or not a valid value; the
     *     message and {@link CrmJsonException#path()} name the JSON path
     */
    public static <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        try {
            T value = SHARED.readValue(withoutByteOrderMark(json), type);
            if (value == null) {
                throw new CrmJsonException("$", "document is null", null);
            }
            return value;
        } catch (DatabindException e) {
            throw new CrmJsonException(path(e), problem(e), e);
        } catch (StreamConstraintsException e) {
            throw new CrmJsonException("$", "input exceeds a limit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new CrmJsonException("$", "malformed JSON" + where + ": " + maskQuoted(e.getOriginalMessage()), e);
        }
    }

    /**
     * Parses a JSON document into a tree with the shared mapper, for readers that check
     * their documents field by field (model files, lifecycle definitions): duplicate keys,
     * trailing content after the document, and input beyond the limits above are refused.
     * A leading byte order mark (U+FEFF) is skipped, as every crmkit reader does.
     *
     * <pre>{@code
     * JsonNode root = CrmJson.readTree(Files.readString(path));
     * }</pre>
     *
     * @param json the JSON text, not null
     * @return the root node, never null
     * @throws CrmJsonException if the text is empty or not one valid JSON document; the
     *     message gives the line and column
     */
    public static JsonNode readTree(String json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode root = SHARED.readTree(withoutByteOrderMark(json));
            if (root == null || root.isMissingNode()) {
                throw new CrmJsonException("$", "empty document", null);
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new CrmJsonException("$", "input exceeds a limit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new CrmJsonException("$", "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Returns the text without a leading byte order mark (U+FEFF), which a file saved by some
     * editors starts with and which JSON parsers reading text (rather than bytes) refuse.
     *
     * @param json the text, not null
     * @return the text without its byte order mark, never null
     */
    public static String withoutByteOrderMark(String json) {
        return json.startsWith("\uFEFF") ? json.substring(1) : json;
    }

    private static String problem(DatabindException e) {
        if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
            return v.getCause().getMessage(); // the model's own validation, which masks personal data
        }
        // Jackson's text (and a parser's, such as "Text '1986-13-40' could not be parsed") repeats the value
        return maskQuoted(e.getOriginalMessage());
    }

    /** Jackson quotes the input it repeats ("from String \"ann@x.com\"", "token 'ann'"): mask each quoted part. */
    static String maskQuoted(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String q = m.group(1) != null ? "\"" : "'";
            String inner = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(q + PersonalData.mask(inner) + q));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Converts Jackson's reference chain into a JSON path such as {@code $.contacts.emails[0]}. */
    static String path(DatabindException e) {
        StringBuilder sb = new StringBuilder("$");
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append('.').append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
        }
        return sb.toString();
    }
}
