package org.crmkit.core.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled rule node. {@link #eval} returns a truth code (0 false, 1 unknown, 2 true) so that
 * {@code and} is min, {@code or} is max and {@code not} is {@code 2 - x}; it allocates nothing.
 * Nodes are immutable and thread-safe (the regex node keeps one matcher per thread).
 */
abstract class Node {
    static final int FALSE = 0;
    static final int UNKNOWN = 1;
    static final int TRUE = 2;

    final String text;

    Node(String text) {
        this.text = text;
    }

    abstract int eval(Subject s);

    abstract Clause explain(Subject s);

    static int of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** Numeric comparison codes, shared by attribute and aggregate nodes. */
    static final int EQ = 0;
    static final int NE = 1;
    static final int LT = 2;
    static final int LE = 3;
    static final int GT = 4;
    static final int GE = 5;
    static final int BETWEEN = 6;

    static int opCode(Operator op) {
        switch (op) {
            case EQ: return EQ;
            case NE: return NE;
            case LT: return LT;
            case LE: return LE;
            case GT: return GT;
            case GE: return GE;
            case BETWEEN: return BETWEEN;
            default: throw new IllegalArgumentException("not an ordering operator: " + op);
        }
    }

    static boolean compare(int op, double x, double a, double b) {
        switch (op) {
            case EQ: return x == a;
            case NE: return x != a;
            case LT: return x < a;
            case LE: return x <= a;
            case GT: return x > a;
            case GE: return x >= a;
            default: return x >= a && x <= b;
        }
    }

    static boolean compare(int op, long x, long a, long b) {
        switch (op) {
            case EQ: return x == a;
            case NE: return x != a;
            case LT: return x < a;
            case LE: return x <= a;
            case GT: return x > a;
            case GE: return x >= a;
            default: return x >= a && x <= b;
        }
    }

    Clause leaf(int code, String observed) {
        return new Clause(text, Truth.ofCode(code), observed, List.of());
    }

    /** Base of {@link All} and {@link Any}: the children and their explanation. */
    abstract static class Junction extends Node {
        final Node[] kids;

        Junction(String text, Node[] kids) {
            super(text);
            this.kids = kids;
        }

        @Override
        final Clause explain(Subject s) {
            List<Clause> cs = new ArrayList<>();
            for (Node k : kids) {
                cs.add(k.explain(s));
            }
            return new Clause(text, Truth.ofCode(eval(s)), "", cs);
        }
    }

    static final class All extends Junction {
        All(String text, Node[] kids) {
            super(text, kids);
        }

        @Override
        int eval(Subject s) {
            int r = TRUE;
            for (Node k : kids) {
                int v = k.eval(s);
                if (v == FALSE) {
                    return FALSE;
                }
                if (v < r) {
                    r = v;
                }
            }
            return r;
        }
    }

    static final class Any extends Junction {
        Any(String text, Node[] kids) {
            super(text, kids);
        }

        @Override
        int eval(Subject s) {
            int r = FALSE;
            for (Node k : kids) {
                int v = k.eval(s);
                if (v == TRUE) {
                    return TRUE;
                }
                if (v > r) {
                    r = v;
                }
            }
            return r;
        }
    }

    static final class Not extends Node {
        private final Node kid;

        Not(String text, Node kid) {
            super(text);
            this.kid = kid;
        }

        @Override
        int eval(Subject s) {
            return TRUE - kid.eval(s);
        }

        @Override
        Clause explain(Subject s) {
            return new Clause(text, Truth.ofCode(eval(s)), "", List.of(kid.explain(s)));
        }
    }

    /** Base of nodes reading one attribute slot. */
    abstract static class Slot extends Node {
        final int slot;
        final String name;
        final AttributeType type;

        Slot(String text, int slot, String name, AttributeType type) {
            super(text);
            this.slot = slot;
            this.name = name;
            this.type = type;
        }

        @Override
        final Clause explain(Subject s) {
            return leaf(eval(s), observed(s));
        }

        String observed(Subject s) {
            if (!s.isPresent(slot)) {
                return name + " is absent";
            }
            switch (type) {
                case NUMBER: return name + " = " + Rules.formatNumber(s.number(slot));
                case DATE: return name + " = " + LocalDate.ofEpochDay(s.epochDay(slot));
                case BOOLEAN: return name + " = " + s.bool(slot);
                case STRING_SET: return name + " is present";
                default: return name + " = '" + s.text(slot) + "'";
            }
        }
    }

    static final class Presence extends Slot {
        private final boolean wanted;

        Presence(String text, int slot, String name, AttributeType type, boolean wanted) {
            super(text, slot, name, type);
            this.wanted = wanted;
        }

        @Override
        int eval(Subject s) {
            return of(s.isPresent(slot) == wanted);
        }
    }

    // NumberCompare/DateCompare and NumberIn/DateIn are alike on purpose: each reads its slot's
    // primitive (double, epoch-day long) directly, so the evaluator neither boxes nor dispatches
    // on the type per subject
    static final class NumberCompare extends Slot {
        private final int op;
        private final double a;
        private final double b;

        NumberCompare(String text, int slot, String name, int op, double a, double b) {
            super(text, slot, name, AttributeType.NUMBER);
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        int eval(Subject s) {
            return s.isPresent(slot) ? of(compare(op, s.number(slot), a, b)) : UNKNOWN;
        }
    }

    static final class NumberIn extends Slot {
        private final double[] values;
        private final boolean negate;

        NumberIn(String text, int slot, String name, double[] values, boolean negate) {
            super(text, slot, name, AttributeType.NUMBER);
            this.values = values;
            this.negate = negate;
        }

        @Override
        int eval(Subject s) {
            if (!s.isPresent(slot)) {
                return UNKNOWN;
            }
            double x = s.number(slot);
            for (double v : values) {
                if (v == x) {
                    return of(!negate);
                }
            }
            return of(negate);
        }
    }

    static final class DateCompare extends Slot {
        private final int op;
        private final long a;
        private final long b;

        DateCompare(String text, int slot, String name, int op, long a, long b) {
            super(text, slot, name, AttributeType.DATE);
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        int eval(Subject s) {
            return s.isPresent(slot) ? of(compare(op, s.epochDay(slot), a, b)) : UNKNOWN;
        }
    }

    static final class DateIn extends Slot {
        private final long[] values;
        private final boolean negate;

        DateIn(String text, int slot, String name, long[] values, boolean negate) {
            super(text, slot, name, AttributeType.DATE);
            this.values = values;
            this.negate = negate;
        }

        @Override
        int eval(Subject s) {
            if (!s.isPresent(slot)) {
                return UNKNOWN;
            }
            long x = s.epochDay(slot);
            for (long v : values) {
                if (v == x) {
                    return of(!negate);
                }
            }
            return of(negate);
        }
    }

    static final class BoolEquals extends Slot {
        private final boolean value;

        BoolEquals(String text, int slot, String name, boolean value) {
            super(text, slot, name, AttributeType.BOOLEAN);
            this.value = value;
        }

        @Override
        int eval(Subject s) {
            return s.isPresent(slot) ? of(s.bool(slot) == value) : UNKNOWN;
        }
    }

    /** =, !=, in, not in on STRING and ENUM attributes. */
    static final class TextIn extends Slot {
        private final String[] values;
        private final boolean negate;

        TextIn(String text, int slot, String name, AttributeType type, String[] values, boolean negate) {
            super(text, slot, name, type);
            this.values = values;
            this.negate = negate;
        }

        @Override
        int eval(Subject s) {
            if (!s.isPresent(slot)) {
                return UNKNOWN;
            }
            String x = s.text(slot);
            for (String v : values) {
                if (v.equals(x)) {
                    return of(!negate);
                }
            }
            return of(negate);
        }
    }

    static final class TextContains extends Slot {
        private final String part;

        TextContains(String text, int slot, String name, String part) {
            super(text, slot, name, AttributeType.STRING);
            this.part = part;
        }

        @Override
        int eval(Subject s) {
            return s.isPresent(slot) ? of(s.text(slot).contains(part)) : UNKNOWN;
        }
    }

    static final class TextStartsWith extends Slot {
        private final String prefix;

        TextStartsWith(String text, int slot, String name, String prefix) {
            super(text, slot, name, AttributeType.STRING);
            this.prefix = prefix;
        }

        @Override
        int eval(Subject s) {
            return s.isPresent(slot) ? of(s.text(slot).startsWith(prefix)) : UNKNOWN;
        }
    }

    static final class TextMatches extends Slot {
        private final ThreadLocal<Matcher> matcher;

        TextMatches(String text, int slot, String name, Pattern pattern) {
            super(text, slot, name, AttributeType.STRING);
            this.matcher = ThreadLocal.withInitial(() -> pattern.matcher(""));
        }

        @Override
        int eval(Subject s) {
            if (!s.isPresent(slot)) {
                return UNKNOWN;
            }
            String x = s.text(slot);
            if (x.length() > Rules.MAX_MATCH_INPUT_LENGTH) {
                return UNKNOWN;
            }
            return of(matcher.get().reset(x).matches());
        }

        @Override
        String observed(Subject s) {
            if (s.isPresent(slot) && s.text(slot).length() > Rules.MAX_MATCH_INPUT_LENGTH) {
                return name + " is longer than " + Rules.MAX_MATCH_INPUT_LENGTH + " characters";
            }
            return super.observed(s);
        }
    }

    static final class SetContains extends Slot {
        private final String element;

        SetContains(String text, int slot, String name, String element) {
            super(text, slot, name, AttributeType.STRING_SET);
            this.element = element;
        }

        @Override
        int eval(Subject s) {
            return s.isPresent(slot) ? of(s.hasElement(slot, element)) : UNKNOWN;
        }

        @Override
        String observed(Subject s) {
            if (!s.isPresent(slot)) {
                return name + " is absent";
            }
            return name + (s.hasElement(slot, element) ? " holds '" : " lacks '") + element + "'";
        }
    }

    /** A windowed aggregate compared with numbers, or tested for presence. */
    static final class AggregateCompare extends Node {
        static final int PRESENT = 7;
        static final int ABSENT = 8;
        static final int IN = 9;
        static final int NOT_IN = 10;

        private final Operand.Aggregate spec;
        private final boolean purchases;
        private final int function;
        private final int days;
        private final Set<String> products;
        private final Set<String> categories;
        private final Set<String> channels;
        private final int op;
        private final double a;
        private final double b;
        private final double[] values;

        AggregateCompare(String text, Operand.Aggregate spec, int op, double a, double b, double[] values) {
            super(text);
            this.spec = spec;
            this.purchases = spec.source() == Operand.Source.PURCHASES;
            this.function = spec.function().ordinal();
            this.days = spec.days();
            this.products = spec.products().isEmpty() ? null : Set.copyOf(spec.products());
            this.categories = spec.categories().isEmpty() ? null : Set.copyOf(spec.categories());
            this.channels = spec.channels().isEmpty() ? null : Set.copyOf(spec.channels());
            this.op = op;
            this.a = a;
            this.b = b;
            this.values = values;
        }

        private static boolean keep(Set<String> filter, String value) {
            return filter == null || (value != null && filter.contains(value));
        }

        /** Returns the aggregate, or NaN when it is absent (average/min/max of nothing). */
        double value(Subject s) {
            long asOf = s.asOfEpochDay();
            long from = asOf - days;
            int n = s.activityCount();
            long count = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean amounts = function != 0;
            for (int i = 0; i < n; i++) {
                long d = s.activityEpochDay(i);
                if (d <= from || d > asOf || s.activityIsPurchase(i) != purchases) {
                    continue;
                }
                // read a filtered field only when its filter is set
                if ((products != null && !keep(products, s.activityProduct(i)))
                        || (categories != null && !keep(categories, s.activityCategory(i)))
                        || (channels != null && !keep(channels, s.activityChannel(i)))) {
                    continue;
                }
                count++;
                if (amounts) {
                    double x = s.activityAmount(i);
                    sum += x;
                    if (x < min) {
                        min = x;
                    }
                    if (x > max) {
                        max = x;
                    }
                }
            }
            switch (function) {
                case 0: return count;
                case 1: return sum;
                case 2: return count == 0 ? Double.NaN : sum / count;
                case 3: return count == 0 ? Double.NaN : min;
                default: return count == 0 ? Double.NaN : max;
            }
        }

        @Override
        int eval(Subject s) {
            double x = value(s);
            boolean present = !Double.isNaN(x);
            switch (op) {
                case PRESENT: return of(present);
                case ABSENT: return of(!present);
                default:
                    if (!present) {
                        return UNKNOWN;
                    }
                    if (op == IN || op == NOT_IN) {
                        boolean found = false;
                        for (double v : values) {
                            found |= v == x;
                        }
                        return of(found == (op == IN));
                    }
                    return of(compare(op, x, a, b));
            }
        }

        @Override
        Clause explain(Subject s) {
            double x = value(s);
            return leaf(eval(s), spec + (Double.isNaN(x) ? " is absent (no matching activity)"
                    : " = " + Rules.formatNumber(x)));
        }
    }
}
