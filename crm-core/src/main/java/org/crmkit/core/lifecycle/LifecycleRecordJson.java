package org.crmkit.core.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * JSON form of a {@link LifecycleRecord}: the lifecycle's name, the current state and version,
 * the enrolment and every move with its evidence. {@code CrmJson.write(record)} writes this
 * form; reading needs the {@link Lifecycle} the record belongs to, because a record is only
 * valid against its definition (each move is checked to be one of its transitions).
 *
 * <pre>{@code
 * String json = LifecycleRecordJson.write(record);
 * // {"schemaVersion":1,"lifecycle":"onboarding","state":"active","version":1,"enteredAt":"...",
 * //  "initialState":"trial","enrolledAt":"...","history":[{"from":"trial","to":"active",...}]}
 * LifecycleRecord back = LifecycleRecordJson.read(json, onboarding);   // equal state, version, history
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LifecycleRecordJson {
    /** The schema version written into, and required from, record documents. */
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LifecycleRecordJson() {
    }

    /**
     * Returns the JSON tree of a record.
     *
     * @param record the record, not null
     * @return a new tree, never null
     */
    public static ObjectNode toTree(LifecycleRecord record) {
        Objects.requireNonNull(record, "record");
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("lifecycle", record.lifecycleName());
        root.put("state", record.state().name());
        root.put("version", record.version());
        root.put("enteredAt", record.enteredAt().toString());
        root.put("initialState", record.initialState().name());
        root.put("enrolledAt", record.enrolledAt().toString());
        ArrayNode history = root.putArray("history");
        for (Outcome.Moved m : record.history()) {
            ObjectNode move = history.addObject();
            move.put("from", m.from().name());
            move.put("to", m.to().name());
            move.put("at", m.at().toString());
            move.put("event", m.event());
            move.put("reason", m.reason());
            move.put("actor", m.actor());
            ArrayNode evidence = move.putArray("evidence");
            for (Evidence e : m.evidence()) {
                ObjectNode node = evidence.addObject();
                node.put("rule", e.rule());
                node.put("signal", e.signal());
                if (e instanceof Evidence.Numeric n) {
                    node.put("type", "numeric");
                    node.put("value", n.value());
                    node.put("comparison", n.comparison().name());
                    node.put("threshold", n.threshold());
                } else if (e instanceof Evidence.Categorical c) {
                    node.put("type", "categorical");
                    node.put("value", c.value());
                    ArrayNode expected = node.putArray("expected");
                    c.expected().stream().sorted().forEach(expected::add);
                }
            }
        }
        return root;
    }

    /**
     * Writes a record as JSON text.
     *
     * @param record the record, not null
     * @return the JSON, never null
     */
    public static String write(LifecycleRecord record) {
        return toTree(record).toString();
    }

    /**
     * Reads a record written by {@link #write} and rebuilds it against its lifecycle.
     *
     * @param json the JSON text, not null
     * @param lifecycle the lifecycle the record belongs to, not null
     * @return the record, never null; version, state and history equal the written record's
     * @throws IllegalArgumentException if the text is not such a record, names another lifecycle,
     *     or its moves are not transitions of the lifecycle; the message names the JSON path
     */
    public static LifecycleRecord read(String json, Lifecycle<?, ?> lifecycle) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(lifecycle, "lifecycle");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("$: malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("$: a lifecycle record must be a JSON object");
        }
        if (root.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
            throw new IllegalArgumentException("$.schemaVersion: expected " + SCHEMA_VERSION + ", got "
                    + root.path("schemaVersion"));
        }
        String name = text(root, "lifecycle", "$");
        if (!name.equals(lifecycle.name())) {
            throw new IllegalArgumentException("$.lifecycle: record of lifecycle '" + name + "' read against '"
                    + lifecycle.name() + "'");
        }
        State initial = state(lifecycle, text(root, "initialState", "$"), "$.initialState");
        Instant enrolledAt = instant(root, "enrolledAt", "$");
        JsonNode history = root.path("history");
        if (!history.isArray()) {
            throw new IllegalArgumentException("$.history: must be an array");
        }
        List<Outcome.Moved> moves = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            String path = "$.history[" + i + "]";
            JsonNode m = history.get(i);
            List<Evidence> evidence = new ArrayList<>();
            JsonNode list = m.path("evidence");
            for (int j = 0; j < list.size(); j++) {
                evidence.add(evidence(list.get(j), path + ".evidence[" + j + "]"));
            }
            moves.add(new Outcome.Moved(state(lifecycle, text(m, "from", path), path + ".from"),
                    state(lifecycle, text(m, "to", path), path + ".to"), instant(m, "at", path), text(m, "reason", path),
                    text(m, "actor", path), text(m, "event", path), evidence));
        }
        try {
            LifecycleRecord record = lifecycle.restore(initial, enrolledAt, moves);
            long version = root.path("version").asLong(-1);
            if (version != record.version()) {
                throw new IllegalArgumentException("$.version: " + version + " does not match the "
                        + record.version() + " moves in the history");
            }
            return record;
        } catch (UnknownStateException e) {
            throw new IllegalArgumentException("$.history: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a record whose moves carry {@code replacement} as their free-text reason; states,
     * times, events, actors and evidence stay. Used when a customer's personal data is erased.
     *
     * @param record the record, not null
     * @param replacement the text that replaces each reason, not null
     * @return the redacted record, with the same version, never null
     */
    public static LifecycleRecord redacted(LifecycleRecord record, String replacement) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(replacement, "replacement");
        List<Outcome.Moved> moves = new ArrayList<>(record.history().size());
        for (Outcome.Moved m : record.history()) {
            moves.add(new Outcome.Moved(m.from(), m.to(), m.at(), replacement, m.actor(), m.event(), m.evidence()));
        }
        return record.lifecycle().restore(record.initialState(), record.enrolledAt(), moves);
    }

    private static Evidence evidence(JsonNode node, String path) {
        String type = text(node, "type", path);
        String rule = text(node, "rule", path);
        String signal = text(node, "signal", path);
        switch (type) {
            case "numeric" -> {
                String comparison = text(node, "comparison", path);
                try {
                    return new Evidence.Numeric(rule, signal, node.path("value").asDouble(), Comparison.valueOf(comparison),
                            node.path("threshold").asDouble());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
                }
            }
            case "categorical" -> {
                Set<String> expected = new LinkedHashSet<>();
                node.path("expected").forEach(v -> expected.add(v.asText()));
                return new Evidence.Categorical(rule, signal, text(node, "value", path), expected);
            }
            default -> throw new IllegalArgumentException(path + ".type: unknown evidence type '" + type + "'");
        }
    }

    private static State state(Lifecycle<?, ?> lifecycle, String name, String path) {
        try {
            return lifecycle.state(name);
        } catch (UnknownStateException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(path + "." + field + ": missing or not a string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode node, String field, String path) {
        try {
            return Instant.parse(text(node, field, path));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(path + "." + field + ": not an ISO-8601 instant", e);
        }
    }
}
