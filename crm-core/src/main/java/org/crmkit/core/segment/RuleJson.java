package org.crmkit.core.segment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.json.CrmJson;

/**
 * Reads and writes rules and segmentations as JSON documents, validating everything on read.
 *
 * <p>A rule is one of
 * <pre>{@code
 * {"all": [RULE, ...]}       {"any": [RULE, ...]}       {"not": RULE}
 * {"attribute": "age", "op": ">=", "value": 18}
 * {"attribute": "region", "op": "in", "values": ["north", "east"]}
 * {"attribute": "email", "op": "present"}
 * {"aggregate": {"function": "sum", "of": "purchases", "days": 90,
 *                "categories": ["books"]}, "op": ">=", "value": 100}
 * }</pre>
 * with operators {@code = != < <= > >= between in not_in contains starts_with matches present
 * absent} ({@code between}, {@code in} and {@code not_in} take {@code "values"}, {@code present}
 * and {@code absent} nothing, the others {@code "value"}); functions {@code count sum average min
 * max}; sources {@code purchases interactions}; optional filters {@code products},
 * {@code categories}, {@code channels}. Dates are strings {@code yyyy-MM-dd}. A segmentation is
 * <pre>{@code
 * {"segmentation": "value_tier", "mode": "first-match", "default": "unranked",
 *  "attributes": [{"name": "shop.points", "type": "number", "description": "..."}],
 *  "segments": [{"name": "gold", "description": "...", "rule": RULE}, ...]}
 * }</pre>
 * ({@code attributes} optional; an enum attribute adds {@code "values": [...]}).
 *
 * <p>Reading refuses, before any evaluation and with the JSON path of the offending element:
 * malformed JSON, unknown or duplicate keys, documents longer than {@link #MAX_DOCUMENT_CHARS}
 * characters, JSON nesting deeper than {@link #MAX_JSON_DEPTH} (checked by the parser without
 * recursion, so 100,000 nested arrays fail cleanly), rules nested deeper than
 * {@link Rules#MAX_DEPTH}, and every problem {@link CompiledRule#compile} finds. Writing then
 * reading gives an equal value.
 *
 * <pre>{@code
 * Segmentation s = RuleJson.readSegmentation(json, StandardAttributes.registry());
 * String again = RuleJson.writeSegmentation(s);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleJson {

    /** Greatest length of a document in characters (1,000,000). */
    public static final int MAX_DOCUMENT_CHARS = 1_000_000;
    /** Greatest JSON nesting depth of objects and arrays (100). */
    public static final int MAX_JSON_DEPTH = 100;

    // the one strict configuration of CrmJson, with the limits rules need
    private static final ObjectMapper MAPPER = CrmJson.mapper(MAX_JSON_DEPTH, MAX_DOCUMENT_CHARS);

    private RuleJson() {
    }

    /**
     * Reads and validates one rule.
     *
     * @param json the document, not null
     * @param registry the attributes the rule may read, not null
     * @return the rule, never null
     * @throws InvalidRuleException if the document or rule is invalid (message starts with the JSON path)
     */
    public static Rule readRule(String json, AttributeRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        JsonNode tree = parse(new StringReader(checkLength(json)));
        List<RuleProblem> problems = new ArrayList<>();
        Rule rule = new JsonRuleReader(registry, problems).rule(tree, "$", 1);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        CompiledRule.compile(rule, registry);
        return rule;
    }

    /**
     * Writes a rule as compact JSON.
     *
     * @param rule the rule, not null
     * @return the document, never null
     */
    public static String writeRule(Rule rule) {
        return write(JsonRuleWriter.rule(MAPPER.getNodeFactory(), Objects.requireNonNull(rule, "rule")), false);
    }

    /**
     * Reads and validates a segmentation, compiling every rule once to check it.
     *
     * @param json the document, not null
     * @param registry the attributes rules may read besides those the document declares, not null
     * @return the segmentation, never null
     * @throws InvalidRuleException if the document or a rule is invalid
     */
    public static Segmentation readSegmentation(String json, AttributeRegistry registry) {
        return readSegmentation(new StringReader(checkLength(json)), registry);
    }

    /**
     * Reads and validates a segmentation from a character stream (not closed).
     *
     * @param json the document, not null
     * @param registry the attributes rules may read besides those the document declares, not null
     * @return the segmentation, never null
     * @throws InvalidRuleException if the document or a rule is invalid
     * @throws UncheckedIOException if reading fails
     */
    public static Segmentation readSegmentation(Reader json, AttributeRegistry registry) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(registry, "registry");
        JsonNode tree = parse(json);
        List<RuleProblem> problems = new ArrayList<>();
        Segmentation s = new JsonRuleReader(registry, problems).segmentation(tree);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        s.compile(registry);
        return s;
    }

    /**
     * Writes a segmentation as indented JSON.
     *
     * @param segmentation the segmentation, not null
     * @return the document, never null
     */
    public static String writeSegmentation(Segmentation segmentation) {
        ObjectNode n = JsonRuleWriter.segmentation(MAPPER.getNodeFactory(),
                Objects.requireNonNull(segmentation, "segmentation"));
        return write(n, true);
    }

    private static String checkLength(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_DOCUMENT_CHARS) {
            throw new InvalidRuleException("$", "document has " + json.length() + " characters, at most "
                    + MAX_DOCUMENT_CHARS + " allowed");
        }
        return json;
    }

    private static JsonNode parse(Reader in) {
        try {
            JsonNode tree = MAPPER.readTree(withoutByteOrderMark(in));
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidRuleException("$", "empty document");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new InvalidRuleException("$", "malformed or oversized JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips a leading byte order mark, as every crmkit reader does. */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        PushbackReader p = new PushbackReader(in, 1);
        int c = p.read();
        if (c >= 0 && c != '\uFEFF') {
            p.unread(c);
        }
        return p;
    }

    private static String write(JsonNode n, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n"
                    : MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
