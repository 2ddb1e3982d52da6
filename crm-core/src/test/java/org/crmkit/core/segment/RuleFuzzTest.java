package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random rules and subjects: the compiled evaluator must agree with a direct reference
 * interpreter of the rule tree (written here, independently, over plain Java values), JSON must
 * round-trip, and negation must swap TRUE and FALSE.
 */
class RuleFuzzTest {

    static final AttributeRegistry R = CompiledRuleTest.REGISTRY;
    static final LocalDate ASOF = CompiledRuleTest.ASOF;
    static final String[] WORDS = {"alpha", "beta", "gamma", "al", "ga", "ma"};
    static final String[] COLOURS = {"red", "green", "blue"};

    /** A subject as plain values: null means absent. */
    record Plain(Double n, String s, Boolean b, LocalDate d, String e, Set<String> tags) {
        SubjectRecord toRecord() {
            SubjectRecord r = new SubjectRecord(R).asOf(ASOF);
            if (n != null) {
                r.setNumber("n", n);
            }
            if (s != null) {
                r.setText("s", s);
            }
            if (b != null) {
                r.setBool("b", b);
            }
            if (d != null) {
                r.setDate("d", d);
            }
            if (e != null) {
                r.setText("e", e);
            }
            if (tags != null) {
                r.setElements("tags", tags);
            }
            return r;
        }

        Object get(String name) {
            switch (name) {
                case "n": return n;
                case "s": return s;
                case "b": return b;
                case "d": return d;
                case "e": return e;
                default: return tags;
            }
        }
    }

    static Plain randomSubject(Random rnd) {
        return new Plain(
                rnd.nextInt(4) == 0 ? null : (double) rnd.nextInt(5),
                rnd.nextInt(4) == 0 ? null : WORDS[rnd.nextInt(WORDS.length)],
                rnd.nextInt(4) == 0 ? null : rnd.nextBoolean(),
                rnd.nextInt(4) == 0 ? null : ASOF.minusDays(rnd.nextInt(5)),
                rnd.nextInt(4) == 0 ? null : COLOURS[rnd.nextInt(3)],
                rnd.nextInt(4) == 0 ? null : rnd.nextBoolean() ? Set.of("vip") : Set.of());
    }

    static Rule randomRule(Random rnd, int depth) {
        int k = depth >= 4 ? 3 : rnd.nextInt(6);
        switch (k) {
            case 0: return Rules.all(randomRule(rnd, depth + 1), randomRule(rnd, depth + 1));
            case 1: return Rules.any(randomRule(rnd, depth + 1), randomRule(rnd, depth + 1), randomRule(rnd, depth + 1));
            case 2: return Rules.not(randomRule(rnd, depth + 1));
            default: return randomComparison(rnd);
        }
    }

    static Rule randomComparison(Random rnd) {
        int v = rnd.nextInt(5);
        LocalDate day = ASOF.minusDays(rnd.nextInt(5));
        String w = WORDS[rnd.nextInt(WORDS.length)];
        String c = COLOURS[rnd.nextInt(3)];
        switch (rnd.nextInt(16)) {
            case 0: return Rules.attribute("n").isEqualTo(v);
            case 1: return Rules.attribute("n").isAtLeast(v);
            case 2: return Rules.attribute("n").isLessThan(v);
            case 3: return Rules.attribute("n").isBetween(Math.min(v, 2), Math.max(v, 2));
            case 4: return Rules.attribute("n").isNotIn(v, 1);
            case 5: return Rules.attribute("s").startsWith(w.substring(0, 2));
            case 6: return Rules.attribute("s").contains(w.substring(1));
            case 7: return Rules.attribute("s").matches("[ab].*a");
            case 8: return Rules.attribute("s").isIn(w, "beta");
            case 9: return Rules.attribute("b").isEqualTo(rnd.nextBoolean());
            case 10: return Rules.attribute("d").isAtMost(day);
            case 11: return Rules.attribute("d").isNotEqualTo(day);
            case 12: return Rules.attribute("e").isNotEqualTo(c);
            case 13: return Rules.attribute("tags").contains("vip");
            case 14: return Rules.attribute(new String[] {"n", "s", "b", "d", "e", "tags"}[rnd.nextInt(6)]).isAbsent();
            default: return Rules.attribute("e").isIn(c, "red");
        }
    }

    /** Reference semantics, straight from the package documentation. */
    static Truth reference(Rule rule, Plain p) {
        if (rule instanceof Rule.All all) {
            List<Truth> ts = new ArrayList<>();
            all.rules().forEach(r -> ts.add(reference(r, p)));
            return ts.contains(Truth.FALSE) ? Truth.FALSE : ts.contains(Truth.UNKNOWN) ? Truth.UNKNOWN : Truth.TRUE;
        }
        if (rule instanceof Rule.Any any) {
            List<Truth> ts = new ArrayList<>();
            any.rules().forEach(r -> ts.add(reference(r, p)));
            return ts.contains(Truth.TRUE) ? Truth.TRUE : ts.contains(Truth.UNKNOWN) ? Truth.UNKNOWN : Truth.FALSE;
        }
        if (rule instanceof Rule.Not not) {
            Truth t = reference(not.rule(), p);
            return t == Truth.TRUE ? Truth.FALSE : t == Truth.FALSE ? Truth.TRUE : Truth.UNKNOWN;
        }
        Rule.Compare c = (Rule.Compare) rule;
        Object x = p.get(((Operand.AttributeRef) c.operand()).name());
        if (c.operator() == Operator.PRESENT || c.operator() == Operator.ABSENT) {
            return truth((x != null) == (c.operator() == Operator.PRESENT));
        }
        if (x == null) {
            return Truth.UNKNOWN;
        }
        List<Object> vs = new ArrayList<>();
        for (Literal l : c.values()) {
            vs.add(l instanceof Literal.Number n ? (Object) n.value() : l instanceof Literal.Text t ? t.value()
                    : l instanceof Literal.Flag f ? (Object) f.value() : ((Literal.Day) l).value());
        }
        switch (c.operator()) {
            case EQ: return truth(x.equals(vs.get(0)));
            case NE: return truth(!x.equals(vs.get(0)));
            case IN: return truth(vs.contains(x));
            case NOT_IN: return truth(!vs.contains(x));
            case CONTAINS: return truth(x instanceof Set<?> set ? set.contains(vs.get(0)) : ((String) x).contains((String) vs.get(0)));
            case STARTS_WITH: return truth(((String) x).startsWith((String) vs.get(0)));
            case MATCHES: return truth(((String) x).matches((String) vs.get(0)));
            default: break;
        }
        @SuppressWarnings("unchecked")
        Comparable<Object> cx = (Comparable<Object>) x;
        int a = cx.compareTo(vs.get(0));
        switch (c.operator()) {
            case LT: return truth(a < 0);
            case LE: return truth(a <= 0);
            case GT: return truth(a > 0);
            case GE: return truth(a >= 0);
            default: return truth(a >= 0 && cx.compareTo(vs.get(1)) <= 0);
        }
    }

    static Truth truth(boolean b) {
        return b ? Truth.TRUE : Truth.FALSE;
    }

    @Test
    void compiledEvaluator_agreesWithReferenceOnRandomRules() {
        Random rnd = new Random(20261123L);
        List<Plain> subjects = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            subjects.add(randomSubject(rnd));
        }
        List<SubjectRecord> records = subjects.stream().map(Plain::toRecord).toList();
        int unknowns = 0;
        for (int i = 0; i < 400; i++) {
            Rule rule = randomRule(rnd, 1);
            CompiledRule compiled = CompiledRule.compile(rule, R);
            CompiledRule negated = CompiledRule.compile(Rules.not(rule), R);
            assertThat(RuleJson.readRule(RuleJson.writeRule(rule), R)).isEqualTo(rule);
            for (int j = 0; j < subjects.size(); j++) {
                Truth expected = reference(rule, subjects.get(j));
                Truth actual = compiled.evaluate(records.get(j));
                assertThat(actual).as("%s on %s", rule, subjects.get(j)).isEqualTo(expected);
                Truth neg = negated.evaluate(records.get(j));
                assertThat(neg).isEqualTo(actual == Truth.TRUE ? Truth.FALSE : actual == Truth.FALSE ? Truth.TRUE
                        : Truth.UNKNOWN);
                unknowns += actual == Truth.UNKNOWN ? 1 : 0;
            }
        }
        assertThat(unknowns).as("the generator exercises absent values").isGreaterThan(100);
    }
}
