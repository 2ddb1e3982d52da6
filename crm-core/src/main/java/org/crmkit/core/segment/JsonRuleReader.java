package org.crmkit.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed JSON tree into rules and segmentations, recording problems with their JSON
 * paths and returning null for the parts it cannot read. The tree's depth is bounded by the
 * parser, and rule depth by {@link Rules#MAX_DEPTH}, so recursion here is bounded.
 * Not thread-safe; one instance per document.
 */
final class JsonRuleReader {

    private final AttributeRegistry registry;
    private final List<RuleProblem> problems;
    private AttributeRegistry effective;

    JsonRuleReader(AttributeRegistry registry, List<RuleProblem> problems) {
        this.registry = registry;
        this.effective = registry;
        this.problems = problems;
    }

    private void problem(String path, String message) {
        problems.add(new RuleProblem(path, message));
    }

    private boolean keys(JsonNode n, String path, Set<String> allowed) {
        boolean ok = true;
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problem(path + "." + k, "unknown key '" + k + "', expected one of " + allowed);
                ok = false;
            }
        }
        return ok;
    }

    private String text(JsonNode n, String path, boolean required) {
        if (n == null || n.isNull()) {
            if (required) {
                problem(path, "missing, expected a string");
            }
            return null;
        }
        if (!n.isTextual()) {
            problem(path, "expected a string, got " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            return null;
        }
        return n.textValue();
    }

    Segmentation segmentation(JsonNode n) {
        if (!n.isObject()) {
            problem("$", "a segmentation must be a JSON object");
            return null;
        }
        keys(n, "$", Set.of("segmentation", "mode", "default", "attributes", "segments"));
        String name = text(n.get("segmentation"), "$.segmentation", true);
        String modeName = text(n.get("mode"), "$.mode", false);
        Segmentation.Mode mode = Segmentation.Mode.FIRST_MATCH;
        if (modeName != null) {
            try {
                mode = Segmentation.Mode.ofJsonName(modeName);
            } catch (IllegalArgumentException e) {
                problem("$.mode", e.getMessage());
            }
        }
        String dflt = text(n.get("default"), "$.default", true);
        List<Attribute> attributes = new ArrayList<>();
        JsonNode attrs = n.get("attributes");
        if (attrs != null) {
            if (!attrs.isArray()) {
                problem("$.attributes", "expected an array of attribute declarations");
            } else {
                for (int i = 0; i < attrs.size(); i++) {
                    Attribute a = attribute(attrs.get(i), "$.attributes[" + i + "]");
                    if (a != null) {
                        attributes.add(a);
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            try {
                AttributeRegistry.Builder b = AttributeRegistry.builder().addAll(registry);
                for (Attribute a : attributes) {
                    if (registry.find(a.name()).isEmpty()) {
                        b.add(a);
                    }
                }
                effective = b.build();
            } catch (IllegalArgumentException e) {
                problem("$.attributes", e.getMessage());
            }
        }
        List<Segment> segments = new ArrayList<>();
        JsonNode segs = n.get("segments");
        if (segs == null || !segs.isArray() || segs.isEmpty()) {
            problem("$.segments", "expected a non-empty array of segments");
        } else {
            if (segs.size() > Segmentation.MAX_SEGMENTS) {
                problem("$.segments", "at most " + Segmentation.MAX_SEGMENTS + " segments allowed, got " + segs.size());
                return null;
            }
            for (int i = 0; i < segs.size(); i++) {
                Segment s = segment(segs.get(i), "$.segments[" + i + "]");
                if (s != null) {
                    segments.add(s);
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new Segmentation(name, mode, dflt, attributes, segments);
        } catch (IllegalArgumentException e) {
            problem("$", e.getMessage());
            return null;
        }
    }

    private Attribute attribute(JsonNode n, String path) {
        if (!n.isObject()) {
            problem(path, "an attribute declaration must be an object");
            return null;
        }
        keys(n, path, Set.of("name", "type", "values", "description"));
        String name = text(n.get("name"), path + ".name", true);
        String typeName = text(n.get("type"), path + ".type", true);
        String description = text(n.get("description"), path + ".description", false);
        List<String> values = strings(n.get("values"), path + ".values", false);
        if (name == null || typeName == null || values == null) {
            return null;
        }
        try {
            return new Attribute(name, AttributeType.ofJsonName(typeName), values,
                    description == null ? "" : description);
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    private Segment segment(JsonNode n, String path) {
        if (!n.isObject()) {
            problem(path, "a segment must be an object");
            return null;
        }
        keys(n, path, Set.of("name", "description", "rule"));
        String name = text(n.get("name"), path + ".name", true);
        String description = text(n.get("description"), path + ".description", false);
        JsonNode r = n.get("rule");
        if (r == null) {
            problem(path + ".rule", "missing rule");
            return null;
        }
        Rule rule = rule(r, path + ".rule", 1);
        if (name == null || rule == null) {
            return null;
        }
        try {
            return new Segment(name, description == null ? "" : description, rule);
        } catch (IllegalArgumentException e) {
            problem(path + ".name", e.getMessage());
            return null;
        }
    }

    Rule rule(JsonNode n, String path, int depth) {
        if (depth > Rules.MAX_DEPTH) {
            problem(path, "rule nesting deeper than " + Rules.MAX_DEPTH + " levels");
            return null;
        }
        if (!n.isObject()) {
            problem(path, "a rule must be a JSON object");
            return null;
        }
        if (n.has("all") || n.has("any")) {
            String kind = n.has("all") ? "all" : "any";
            if (!keys(n, path, Set.of(kind))) {
                return null;
            }
            JsonNode arr = n.get(kind);
            String p = path + "." + kind;
            if (!arr.isArray() || arr.isEmpty()) {
                problem(p, "expected a non-empty array of rules");
                return null;
            }
            if (arr.size() > Rules.MAX_CHILDREN) {
                problem(p, "at most " + Rules.MAX_CHILDREN + " rules allowed, got " + arr.size());
                return null;
            }
            List<Rule> kids = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < arr.size(); i++) {
                Rule k = rule(arr.get(i), p + "[" + i + "]", depth + 1);
                ok &= k != null;
                kids.add(k);
            }
            if (!ok) {
                return null;
            }
            return kind.equals("all") ? new Rule.All(kids) : new Rule.Any(kids);
        }
        if (n.has("not")) {
            if (!keys(n, path, Set.of("not"))) {
                return null;
            }
            Rule k = rule(n.get("not"), path + ".not", depth + 1);
            return k == null ? null : new Rule.Not(k);
        }
        return compare(n, path);
    }

    private Rule compare(JsonNode n, String path) {
        if (!keys(n, path, Set.of("attribute", "aggregate", "op", "value", "values"))) {
            return null;
        }
        Operand operand;
        AttributeType type = null;
        if (n.has("attribute") == n.has("aggregate")) {
            problem(path, "a rule needs exactly one of 'all', 'any', 'not', 'attribute' or 'aggregate'");
            return null;
        }
        if (n.has("attribute")) {
            String name = text(n.get("attribute"), path + ".attribute", true);
            if (name == null) {
                return null;
            }
            Optional<Attribute> a = effective.find(name);
            if (a.isEmpty()) {
                problem(path + ".attribute", "unknown attribute '" + name + "'");
                return null;
            }
            type = a.get().type();
            operand = new Operand.AttributeRef(name);
        } else {
            operand = aggregate(n.get("aggregate"), path + ".aggregate");
            if (operand == null) {
                return null;
            }
        }
        String symbol = text(n.get("op"), path + ".op", true);
        if (symbol == null) {
            return null;
        }
        Operator op;
        try {
            op = Operator.ofSymbol(symbol);
        } catch (IllegalArgumentException e) {
            problem(path + ".op", e.getMessage());
            return null;
        }
        List<Literal> values = new ArrayList<>();
        boolean many = op.maxValues() > 1;
        if (op.maxValues() == 0) {
            if (n.has("value") || n.has("values")) {
                problem(path, "operator '" + symbol + "' takes no value");
                return null;
            }
        } else if (many) {
            if (n.has("value")) {
                problem(path + ".value", "operator '" + symbol + "' takes \"values\": [...]");
                return null;
            }
            JsonNode arr = n.get("values");
            if (arr == null || !arr.isArray()) {
                problem(path + ".values", "operator '" + symbol + "' needs an array \"values\"");
                return null;
            }
            if (arr.size() > Rules.MAX_CHILDREN) {
                problem(path + ".values", "at most " + Rules.MAX_CHILDREN + " values allowed, got " + arr.size());
                return null;
            }
            for (int i = 0; i < arr.size(); i++) {
                values.add(literal(arr.get(i), path + ".values[" + i + "]", type));
            }
        } else {
            if (n.has("values")) {
                problem(path + ".values", "operator '" + symbol + "' takes a single \"value\"");
                return null;
            }
            JsonNode v = n.get("value");
            if (v == null) {
                problem(path + ".value", "operator '" + symbol + "' needs a \"value\"");
                return null;
            }
            values.add(literal(v, path + ".value", type));
        }
        if (values.contains(null)) {
            return null;
        }
        try {
            return new Rule.Compare(operand, op, values);
        } catch (IllegalArgumentException e) {
            problem(path + (many ? ".values" : ""), e.getMessage());
            return null;
        }
    }

    private Literal literal(JsonNode v, String path, AttributeType type) {
        if (v.isBoolean()) {
            return Literal.of(v.booleanValue());
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                problem(path, "number out of range: " + v.asText());
                return null;
            }
            return Literal.of(d);
        }
        if (v.isTextual()) {
            if (type == AttributeType.DATE) {
                try {
                    return Literal.of(LocalDate.parse(v.textValue()));
                } catch (DateTimeParseException e) {
                    problem(path, "expected a date yyyy-MM-dd, got '" + v.textValue() + "'");
                    return null;
                }
            }
            return Literal.of(v.textValue());
        }
        problem(path, "expected a number, string or boolean value");
        return null;
    }

    private Operand aggregate(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            problem(path, "expected an object {\"function\", \"of\", \"days\", ...}");
            return null;
        }
        keys(n, path, Set.of("function", "of", "days", "products", "categories", "channels"));
        String fn = text(n.get("function"), path + ".function", true);
        String of = text(n.get("of"), path + ".of", true);
        Operand.Function function = null;
        Operand.Source source = null;
        if (fn != null) {
            for (Operand.Function f : Operand.Function.values()) {
                if (f.jsonName().equals(fn)) {
                    function = f;
                }
            }
            if (function == null) {
                problem(path + ".function", "unknown function '" + fn + "', expected count, sum, average, min or max");
            }
        }
        if (of != null) {
            for (Operand.Source s : Operand.Source.values()) {
                if (s.jsonName().equals(of)) {
                    source = s;
                }
            }
            if (source == null) {
                problem(path + ".of", "unknown source '" + of + "', expected purchases or interactions");
            }
        }
        JsonNode d = n.get("days");
        int days = 0;
        if (d == null || !d.isIntegralNumber() || !d.canConvertToInt()
                || d.intValue() < 1 || d.intValue() > Rules.MAX_WINDOW_DAYS) {
            problem(path + ".days", "expected a whole number of days 1.." + Rules.MAX_WINDOW_DAYS);
        } else {
            days = d.intValue();
        }
        List<String> products = strings(n.get("products"), path + ".products", true);
        List<String> categories = strings(n.get("categories"), path + ".categories", true);
        List<String> channels = strings(n.get("channels"), path + ".channels", true);
        if (function == null || source == null || days == 0 || products == null || categories == null
                || channels == null) {
            return null;
        }
        return new Operand.Aggregate(function, source, days, products, categories, channels);
    }

    private List<String> strings(JsonNode n, String path, boolean nonEmpty) {
        if (n == null) {
            return List.of();
        }
        if (!n.isArray() || (nonEmpty && n.isEmpty())) {
            problem(path, "expected a" + (nonEmpty ? " non-empty" : "n") + " array of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String s = text(n.get(i), path + "[" + i + "]", true);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return out;
    }
}
