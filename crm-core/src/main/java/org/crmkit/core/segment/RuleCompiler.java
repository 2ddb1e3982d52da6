package org.crmkit.core.segment;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a rule against a registry and turns it into {@link Node}s, collecting every problem
 * with its JSON path. Recursion is bounded by {@link Rules#MAX_DEPTH}, which rules enforce on
 * construction. Not thread-safe; one instance per compilation.
 */
final class RuleCompiler {

    private final AttributeRegistry registry;
    private final List<RuleProblem> problems;

    RuleCompiler(AttributeRegistry registry, List<RuleProblem> problems) {
        this.registry = registry;
        this.problems = problems;
    }

    /** Returns the node, or null if the rule has problems (which are then recorded). */
    Node compile(Rule rule, String path) {
        if (rule instanceof Rule.All all) {
            Node[] kids = children(all.rules(), path + ".all");
            return kids == null ? null : new Node.All("all of", kids);
        }
        if (rule instanceof Rule.Any any) {
            Node[] kids = children(any.rules(), path + ".any");
            return kids == null ? null : new Node.Any("any of", kids);
        }
        if (rule instanceof Rule.Not not) {
            Node kid = compile(not.rule(), path + ".not");
            return kid == null ? null : new Node.Not("not", kid);
        }
        return compare((Rule.Compare) rule, path);
    }

    private Node[] children(List<Rule> rules, String path) {
        Node[] kids = new Node[rules.size()];
        boolean ok = true;
        for (int i = 0; i < kids.length; i++) {
            kids[i] = compile(rules.get(i), path + "[" + i + "]");
            ok &= kids[i] != null;
        }
        return ok ? kids : null;
    }

    private void problem(String path, String message) {
        problems.add(new RuleProblem(path, message));
    }

    private static String valuePath(String path, Rule.Compare c, int i) {
        return c.operator().maxValues() == 1 ? path + ".value" : path + ".values[" + i + "]";
    }

    private Node compare(Rule.Compare c, String path) {
        String text = Rules.describe(c);
        Operator op = c.operator();
        if (c.operand() instanceof Operand.Aggregate agg) {
            return aggregate(c, agg, text, path);
        }
        String name = ((Operand.AttributeRef) c.operand()).name();
        Optional<Attribute> found = registry.find(name);
        if (found.isEmpty()) {
            problem(path + ".attribute", "unknown attribute '" + name + "'");
            return null;
        }
        Attribute attr = found.get();
        AttributeType type = attr.type();
        int slot = registry.slot(name);
        if (!type.supports(op)) {
            problem(path + ".op", "operator '" + op.symbol() + "' does not apply to " + type.jsonName()
                    + " attribute '" + name + "'");
            return null;
        }
        if (op == Operator.PRESENT || op == Operator.ABSENT) {
            return new Node.Presence(text, slot, name, type, op == Operator.PRESENT);
        }
        int before = problems.size();
        List<Literal> vs = c.values();
        for (int i = 0; i < vs.size(); i++) {
            checkLiteral(attr, vs.get(i), valuePath(path, c, i));
        }
        if (problems.size() > before) {
            return null;
        }
        switch (type) {
            case NUMBER: {
                double[] d = new double[vs.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = ((Literal.Number) vs.get(i)).value();
                }
                if (op == Operator.IN || op == Operator.NOT_IN) {
                    return new Node.NumberIn(text, slot, name, d, op == Operator.NOT_IN);
                }
                if (op == Operator.BETWEEN && d[0] > d[1]) {
                    problem(path + ".values", "between needs low <= high, got " + vs);
                    return null;
                }
                return new Node.NumberCompare(text, slot, name, Node.opCode(op), d[0], d.length > 1 ? d[1] : 0);
            }
            case DATE: {
                long[] d = new long[vs.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = ((Literal.Day) vs.get(i)).value().toEpochDay();
                }
                if (op == Operator.IN || op == Operator.NOT_IN) {
                    return new Node.DateIn(text, slot, name, d, op == Operator.NOT_IN);
                }
                if (op == Operator.BETWEEN && d[0] > d[1]) {
                    problem(path + ".values", "between needs low <= high, got " + vs);
                    return null;
                }
                return new Node.DateCompare(text, slot, name, Node.opCode(op), d[0], d.length > 1 ? d[1] : 0);
            }
            case BOOLEAN: {
                boolean v = ((Literal.Flag) vs.get(0)).value();
                return new Node.BoolEquals(text, slot, name, op == Operator.EQ ? v : !v);
            }
            case STRING_SET:
                return new Node.SetContains(text, slot, name, ((Literal.Text) vs.get(0)).value());
            default:
                return text(c, attr, slot, text, path);
        }
    }

    private Node text(Rule.Compare c, Attribute attr, int slot, String text, String path) {
        String name = attr.name();
        String first = ((Literal.Text) c.values().get(0)).value();
        switch (c.operator()) {
            case CONTAINS:
                return new Node.TextContains(text, slot, name, first);
            case STARTS_WITH:
                return new Node.TextStartsWith(text, slot, name, first);
            case MATCHES: {
                Pattern p = pattern(first, path + ".value");
                return p == null ? null : new Node.TextMatches(text, slot, name, p);
            }
            default: {
                String[] vs = c.values().stream().map(l -> ((Literal.Text) l).value()).toArray(String[]::new);
                boolean negate = c.operator() == Operator.NE || c.operator() == Operator.NOT_IN;
                return new Node.TextIn(text, slot, name, attr.type(), vs, negate);
            }
        }
    }

    private void checkLiteral(Attribute attr, Literal l, String path) {
        AttributeType type = attr.type();
        boolean ok;
        switch (type) {
            case NUMBER: ok = l instanceof Literal.Number; break;
            case DATE: ok = l instanceof Literal.Day; break;
            case BOOLEAN: ok = l instanceof Literal.Flag; break;
            default: ok = l instanceof Literal.Text; break;
        }
        if (!ok) {
            problem(path, "attribute '" + attr.name() + "' is " + type.jsonName() + ", value " + l
                    + " is not a " + (type == AttributeType.DATE ? "date yyyy-MM-dd"
                            : type == AttributeType.ENUM || type == AttributeType.STRING_SET ? "string"
                            : type.jsonName()));
            return;
        }
        if (type == AttributeType.ENUM && !attr.values().contains(((Literal.Text) l).value())) {
            problem(path, "'" + ((Literal.Text) l).value() + "' is not a value of enum attribute '"
                    + attr.name() + "', expected one of " + attr.values());
        }
    }

    private Node aggregate(Rule.Compare c, Operand.Aggregate agg, String text, String path) {
        Operator op = c.operator();
        if (!AttributeType.NUMBER.supports(op)) {
            problem(path + ".op", "operator '" + op.symbol() + "' does not apply to an aggregate (a number)");
            return null;
        }
        List<Literal> vs = c.values();
        double[] d = new double[vs.size()];
        boolean ok = true;
        for (int i = 0; i < d.length; i++) {
            if (vs.get(i) instanceof Literal.Number n) {
                d[i] = n.value();
            } else {
                problem(valuePath(path, c, i), "an aggregate is a number, value " + vs.get(i) + " is not a number");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        int code;
        switch (op) {
            case PRESENT: code = Node.AggregateCompare.PRESENT; break;
            case ABSENT: code = Node.AggregateCompare.ABSENT; break;
            case IN: code = Node.AggregateCompare.IN; break;
            case NOT_IN: code = Node.AggregateCompare.NOT_IN; break;
            default: code = Node.opCode(op); break;
        }
        if (op == Operator.BETWEEN && d[0] > d[1]) {
            problem(path + ".values", "between needs low <= high, got " + vs);
            return null;
        }
        return new Node.AggregateCompare(text, agg, code, d.length > 0 ? d[0] : 0, d.length > 1 ? d[1] : 0, d);
    }

    /** Compiles a pattern within the limits of {@link Rules}, or records why not. */
    private Pattern pattern(String regex, String path) {
        if (regex.length() > Rules.MAX_PATTERN_LENGTH) {
            problem(path, "regular expression has " + regex.length() + " characters, at most "
                    + Rules.MAX_PATTERN_LENGTH + " allowed");
            return null;
        }
        String risky = PatternGuard.risk(regex);
        if (risky != null) {
            problem(path, "regular expression refused: " + risky);
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problem(path, "malformed regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return null;
        }
    }
}
