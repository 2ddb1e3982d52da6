package org.crmkit.core.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crmkit.core.segment.RuleProblem;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.json.CrmJsonException;

/**
 * Reads and writes lifecycle definitions and policies as JSON.
 *
 * <p>A lifecycle:
 * <pre>{@code
 * {
 *   "name": "account",
 *   "initial": "trial",
 *   "states": [
 *     {"name": "trial"},
 *     {"name": "active", "entry": ["welcome"]},
 *     {"name": "closed", "terminal": true}
 *   ],
 *   "transitions": [
 *     {"from": "trial", "event": "subscribe", "to": "active", "guard": "hasPaymentMethod"},
 *     {"from": "trial", "event": "cancel", "to": "closed"},
 *     {"from": "active", "event": "cancel", "to": "closed", "actions": ["sendSurvey"]}
 *   ]
 * }
 * }</pre>
 * Guards and actions are names bound by the {@link Bindings} given to
 * {@link #readLifecycle(String, Bindings)}. A policy:
 * <pre>{@code
 * {"name": "signals", "rules": [
 *   {"name": "low-p-alive", "from": ["maturity"], "event": "weaken", "signal": "p_alive", "below": 0.3},
 *   {"name": "vip", "event": "deepen", "signal": "rfm_segment", "in": ["champions"]}
 * ]}
 * }</pre>
 * where the condition is exactly one of {@code below}, {@code atMost}, {@code above},
 * {@code atLeast} (a number) or {@code in} (categories). Every problem is reported at once in a
 * {@link LifecycleDefinitionException} naming its JSON path. Writing then reading gives an equal
 * definition.
 *
 * <p>Thread-safe: stateless.
 */
public final class LifecycleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LifecycleJson() {
    }

    /**
     * Reads a lifecycle definition.
     *
     * @param json     the JSON text, not null
     * @param bindings the guards and actions the definition names, not null
     * @param <S>      the subject type
     * @param <C>      the context type
     * @return the validated lifecycle, never null
     * @throws LifecycleDefinitionException listing every problem, each with its JSON path
     */
    public static <S, C> Lifecycle<S, C> readLifecycle(String json, Bindings<S, C> bindings) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(bindings, "bindings");
        JsonNode root = parse(json, "lifecycle JSON");
        List<RuleProblem> problems = new ArrayList<>();
        Reader r = new Reader(problems);
        r.object(root, "$", Set.of("name", "initial", "states", "transitions"));
        String name = r.text(root, "$", "name", true);
        String initial = r.text(root, "$", "initial", true);
        List<LifecycleSpec.StateSpec> states = new ArrayList<>();
        JsonNode statesNode = r.array(root, "$", "states", true);
        for (int i = 0; statesNode != null && i < statesNode.size(); i++) {
            JsonNode s = statesNode.get(i);
            String path = "$.states[" + i + "]";
            if (!r.object(s, path, Set.of("name", "terminal", "entry", "exit"))) {
                continue;
            }
            String stateName = r.text(s, path, "name", true);
            boolean terminal = r.bool(s, path, "terminal");
            List<String> entry = r.texts(s, path, "entry");
            List<String> exit = r.texts(s, path, "exit");
            if (stateName != null) {
                states.add(new LifecycleSpec.StateSpec(stateName, terminal, entry, exit));
            }
        }
        List<Transition> transitions = new ArrayList<>();
        JsonNode transitionsNode = r.array(root, "$", "transitions", false);
        for (int j = 0; transitionsNode != null && j < transitionsNode.size(); j++) {
            JsonNode t = transitionsNode.get(j);
            String path = "$.transitions[" + j + "]";
            if (!r.object(t, path, Set.of("from", "event", "to", "guard", "actions"))) {
                continue;
            }
            String from = r.text(t, path, "from", true);
            String event = r.text(t, path, "event", true);
            String to = r.text(t, path, "to", true);
            String guard = r.text(t, path, "guard", false);
            List<String> actions = r.texts(t, path, "actions");
            if (from != null && event != null && to != null) {
                transitions.add(new Transition(from, event, to, Optional.ofNullable(guard), actions));
            }
        }
        String source = "lifecycle JSON" + (name == null ? "" : " '" + name + "'");
        if (!problems.isEmpty()) {
            throw new LifecycleDefinitionException(source, problems);
        }
        return Lifecycle.of(new LifecycleSpec(name, initial, states, transitions), bindings, source);
    }

    /**
     * Reads a lifecycle definition from a UTF-8 stream, which is not closed.
     *
     * @param in       the stream, not null
     * @param bindings the guards and actions the definition names, not null
     * @param <S>      the subject type
     * @param <C>      the context type
     * @return the validated lifecycle, never null
     * @throws LifecycleDefinitionException listing every problem, each with its JSON path
     * @throws UncheckedIOException         if the stream cannot be read
     */
    public static <S, C> Lifecycle<S, C> readLifecycle(InputStream in, Bindings<S, C> bindings) {
        Objects.requireNonNull(in, "in");
        try {
            return readLifecycle(new String(in.readAllBytes(), StandardCharsets.UTF_8), bindings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a lifecycle definition (names of guards and actions, not their code).
     *
     * @param lifecycle the lifecycle, not null
     * @return indented JSON text, never null
     */
    public static String writeLifecycle(Lifecycle<?, ?> lifecycle) {
        LifecycleSpec spec = lifecycle.spec();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", spec.name());
        root.put("initial", spec.initial());
        ArrayNode states = root.putArray("states");
        for (LifecycleSpec.StateSpec s : spec.states()) {
            ObjectNode n = states.addObject();
            n.put("name", s.name());
            if (s.terminal()) {
                n.put("terminal", true);
            }
            putTexts(n, "entry", s.entry());
            putTexts(n, "exit", s.exit());
        }
        ArrayNode transitions = root.putArray("transitions");
        for (Transition t : spec.transitions()) {
            ObjectNode n = transitions.addObject();
            n.put("from", t.from());
            n.put("event", t.event());
            n.put("to", t.to());
            t.guard().ifPresent(g -> n.put("guard", g));
            putTexts(n, "actions", t.actions());
        }
        return write(root);
    }

    /**
     * Reads a policy. Check it against a lifecycle with {@link LifecyclePolicy#validate}.
     *
     * @param json the JSON text, not null
     * @return the policy, never null
     * @throws LifecycleDefinitionException listing every problem, each with its JSON path
     */
    public static LifecyclePolicy readPolicy(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root = parse(json, "policy JSON");
        List<RuleProblem> problems = new ArrayList<>();
        Reader r = new Reader(problems);
        r.object(root, "$", Set.of("name", "rules"));
        String name = r.text(root, "$", "name", true);
        List<Rule> rules = new ArrayList<>();
        Set<String> ruleNames = new java.util.HashSet<>();
        JsonNode rulesNode = r.array(root, "$", "rules", true);
        Set<String> fields = new LinkedHashSet<>(List.of("name", "from", "event", "signal", "in"));
        for (Comparison c : Comparison.values()) {
            fields.add(c.jsonName());
        }
        for (int i = 0; rulesNode != null && i < rulesNode.size(); i++) {
            JsonNode n = rulesNode.get(i);
            String path = "$.rules[" + i + "]";
            if (!r.object(n, path, fields)) {
                continue;
            }
            String ruleName = r.text(n, path, "name", true);
            if (ruleName != null && !ruleNames.add(ruleName)) {
                problems.add(DefinitionValidator.problem(path + ".name", "duplicate rule name '" + ruleName + "'"));
            }
            List<String> from = r.texts(n, path, "from");
            String event = r.text(n, path, "event", true);
            String signal = r.text(n, path, "signal", true);
            Rule.Condition condition = null;
            List<String> kinds = new ArrayList<>();
            for (Comparison c : Comparison.values()) {
                if (n.has(c.jsonName())) {
                    kinds.add(c.jsonName());
                    JsonNode v = n.get(c.jsonName());
                    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                        problems.add(DefinitionValidator.problem(path + "." + c.jsonName(), "must be a finite number but was " + v));
                    } else if (signal != null) {
                        condition = new Rule.Threshold(signal, c, v.asDouble());
                    }
                }
            }
            if (n.has("in")) {
                kinds.add("in");
                List<String> in = r.texts(n, path, "in");
                if (in.isEmpty()) {
                    problems.add(DefinitionValidator.problem(path + ".in", "must list at least one category"));
                } else if (signal != null) {
                    condition = new Rule.OneOf(signal, new LinkedHashSet<>(in));
                }
            }
            if (kinds.size() != 1) {
                problems.add(DefinitionValidator.problem(path, "needs exactly one condition of below, atMost, above, atLeast, in"
                        + " but has " + kinds));
            } else if (ruleName != null && event != null && condition != null) {
                rules.add(new Rule(ruleName, new LinkedHashSet<>(from), event, condition));
            }
        }
        if (!problems.isEmpty()) {
            throw new LifecycleDefinitionException("policy JSON" + (name == null ? "" : " '" + name + "'"), problems);
        }
        return LifecyclePolicy.of(name, rules);
    }

    /**
     * Writes a policy.
     *
     * @param policy the policy, not null
     * @return indented JSON text, never null
     */
    public static String writePolicy(LifecyclePolicy policy) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", policy.name());
        ArrayNode rules = root.putArray("rules");
        for (Rule rule : policy.rules()) {
            ObjectNode n = rules.addObject();
            n.put("name", rule.name());
            putTexts(n, "from", List.copyOf(rule.from()));
            n.put("event", rule.event());
            n.put("signal", rule.condition().signal());
            if (rule.condition() instanceof Rule.Threshold t) {
                n.put(t.comparison().jsonName(), t.threshold());
            } else if (rule.condition() instanceof Rule.OneOf o) {
                ArrayNode in = n.putArray("in");
                o.values().forEach(in::add);
            }
        }
        return write(root);
    }

    private static void putTexts(ObjectNode n, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(field);
            values.forEach(a::add);
        }
    }

    private static String write(JsonNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON tree", e);
        }
    }

    private static JsonNode parse(String json, String what) {
        try {
            return CrmJson.readTree(json);
        } catch (CrmJsonException e) {
            String problem = e.getMessage().substring(e.path().length() + 2);
            if (e.getCause() instanceof JsonProcessingException j) {
                String where = j.getLocation() == null ? ""
                        : " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
                problem = "malformed JSON" + where + ": " + j.getOriginalMessage();
            }
            throw new LifecycleDefinitionException(what, List.of(DefinitionValidator.problem(e.path(), problem)));
        }
    }

    /** Typed field access that records a problem instead of failing on the first one. */
    private static final class Reader {
        private final List<RuleProblem> problems;

        Reader(List<RuleProblem> problems) {
            this.problems = problems;
        }

        boolean object(JsonNode n, String path, Set<String> allowed) {
            if (!n.isObject()) {
                problems.add(DefinitionValidator.problem(path, "must be an object but was " + n.getNodeType()));
                return false;
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    problems.add(DefinitionValidator.problem(path + "." + f, "unknown field '" + f + "'; known fields are "
                            + new java.util.TreeSet<>(allowed)));
                }
            }
            return true;
        }

        String text(JsonNode n, String path, String field, boolean required) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problems.add(DefinitionValidator.problem(path + "." + field, "is required"));
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank() || !v.asText().strip().equals(v.asText())) {
                problems.add(DefinitionValidator.problem(path + "." + field, "must be a non-blank string without surrounding"
                        + " white space but was " + v));
                return null;
            }
            return v.asText();
        }

        boolean bool(JsonNode n, String path, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                problems.add(DefinitionValidator.problem(path + "." + field, "must be true or false but was " + v));
                return false;
            }
            return v.asBoolean();
        }

        JsonNode array(JsonNode n, String path, String field, boolean required) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    problems.add(DefinitionValidator.problem(path + "." + field, "is required"));
                }
                return null;
            }
            if (!v.isArray()) {
                problems.add(DefinitionValidator.problem(path + "." + field, "must be an array but was " + v.getNodeType()));
                return null;
            }
            return v;
        }

        List<String> texts(JsonNode n, String path, String field) {
            JsonNode a = array(n, path, field, false);
            List<String> out = new ArrayList<>();
            for (int k = 0; a != null && k < a.size(); k++) {
                JsonNode v = a.get(k);
                if (!v.isTextual() || v.asText().isBlank() || !v.asText().strip().equals(v.asText())) {
                    problems.add(DefinitionValidator.problem(path + "." + field + "[" + k + "]",
                            "must be a non-blank string but was " + v));
                } else {
                    out.add(v.asText());
                }
            }
            return out;
        }
    }
}
