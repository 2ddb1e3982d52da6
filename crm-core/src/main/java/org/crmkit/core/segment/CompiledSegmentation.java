package org.crmkit.core.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@link Segmentation} whose rules are checked and compiled: assigns subjects to segments,
 * explains assignments and counts segment sizes over many subjects.
 *
 * <p>Segment indexes follow the segmentation's order; the default segment has index
 * {@code segments().size()}. {@link #assign}, {@link #matchMask} and {@link #assignName} allocate
 * nothing.
 *
 * <pre>{@code
 * CompiledSegmentation status = BuiltInSegmentations.statusClasses().compile(StandardAttributes.registry());
 * String segment = status.assignName(subject);
 * System.out.print(status.explain(subject, segment).toText());
 * SegmentCounts counts = status.count(subjects);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledSegmentation {

    private final Segmentation definition;
    private final AttributeRegistry registry;
    private final CompiledRule[] rules;
    private final Node[] roots; // the rules' roots, read directly in the per-subject loops
    private final String[] names;

    CompiledSegmentation(Segmentation definition, AttributeRegistry registry, CompiledRule[] rules) {
        this.definition = definition;
        this.registry = registry;
        this.rules = rules;
        this.roots = new Node[rules.length];
        for (int i = 0; i < rules.length; i++) {
            roots[i] = rules[i].root();
        }
        this.names = new String[rules.length + 1];
        for (int i = 0; i < rules.length; i++) {
            names[i] = definition.segments().get(i).name();
        }
        names[rules.length] = definition.defaultSegment();
    }

    /**
     * Returns the definition this was compiled from.
     *
     * @return the segmentation, never null
     */
    public Segmentation definition() {
        return definition;
    }

    /**
     * Returns the registry the rules were compiled against (with declared attributes); subjects
     * must use its slots.
     *
     * @return the registry, never null
     */
    public AttributeRegistry registry() {
        return registry;
    }

    /**
     * Returns the segment names by index, the default last.
     *
     * @return an unmodifiable list, never null
     */
    public List<String> segmentNames() {
        return Collections.unmodifiableList(java.util.Arrays.asList(names.clone()));
    }

    /**
     * Returns the index of the first segment whose rule is TRUE, or of the default segment.
     *
     * @param subject the subject, not null
     * @return the index, 0 .. segments().size()
     */
    public int assign(Subject subject) {
        Node[] r = roots;
        for (int i = 0; i < r.length; i++) {
            if (r[i].eval(subject) == Node.TRUE) {
                return i;
            }
        }
        return r.length;
    }

    /**
     * Returns the name of the first segment whose rule is TRUE, or of the default segment.
     *
     * @param subject the subject, not null
     * @return the segment name, never null
     */
    public String assignName(Subject subject) {
        return names[assign(subject)];
    }

    /**
     * Returns a bit mask with bit {@code i} set when segment {@code i}'s rule is TRUE.
     *
     * @param subject the subject, not null
     * @return the mask; 0 when only the default applies
     */
    public long matchMask(Subject subject) {
        Node[] r = roots;
        long mask = 0;
        for (int i = 0; i < r.length; i++) {
            if (r[i].eval(subject) == Node.TRUE) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /**
     * Returns the segments of a subject under the segmentation's mode: one name in FIRST_MATCH
     * mode; every matching name, or the default alone, in ALL_MATCHES mode.
     *
     * @param subject the subject, not null
     * @return the segment names in segment order, never empty
     */
    public List<String> labels(Subject subject) {
        if (definition.mode() == Segmentation.Mode.FIRST_MATCH) {
            return List.of(assignName(subject));
        }
        long mask = matchMask(subject);
        if (mask == 0) {
            return List.of(names[rules.length]);
        }
        List<String> out = new ArrayList<>(Long.bitCount(mask));
        for (int i = 0; i < rules.length; i++) {
            if ((mask & (1L << i)) != 0) {
                out.add(names[i]);
            }
        }
        return out;
    }

    /**
     * Explains, for a subject, whether it is in a segment and why: the segment's rule clause by
     * clause with the values seen. For the default segment the clauses are every other segment's
     * rule (the default applies when none is TRUE). In FIRST_MATCH mode a segment whose rule is
     * TRUE is not matched when an earlier segment matched; the text then names that segment.
     *
     * @param subject the subject, not null
     * @param segment the segment name, not null
     * @return the explanation, never null
     * @throws IllegalArgumentException if the segmentation has no such segment
     */
    public Explanation explain(Subject subject, String segment) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(segment, "segment");
        int index = indexOf(segment);
        boolean firstMatch = definition.mode() == Segmentation.Mode.FIRST_MATCH;
        if (index == rules.length) {
            List<Clause> others = new ArrayList<>();
            for (CompiledRule r : rules) {
                others.add(r.explain(subject));
            }
            long mask = matchMask(subject);
            return new Explanation(segment, mask == 0,
                    new Clause("no other segment matches", mask == 0 ? Truth.TRUE : Truth.FALSE, "", others));
        }
        Clause clause = rules[index].explain(subject);
        boolean holds = clause.outcome() == Truth.TRUE;
        if (firstMatch && holds) {
            int assigned = assign(subject);
            if (assigned != index) {
                Clause earlier = new Clause("earlier segment '" + names[assigned] + "' matched first",
                        Truth.TRUE, "", List.of(rules[assigned].explain(subject)));
                return new Explanation(segment, false,
                        new Clause("segment '" + segment + "' rule holds but is preempted", Truth.FALSE, "",
                                List.of(clause, earlier)));
            }
        }
        return new Explanation(segment, holds, clause);
    }

    private int indexOf(String segment) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(segment)) {
                return i;
            }
        }
        throw new IllegalArgumentException("segmentation '" + definition.name() + "' has no segment '" + segment
                + "', only " + List.of(names));
    }

    /**
     * Counts subjects per segment under the segmentation's mode (in ALL_MATCHES mode a subject
     * counts once in every segment it matches).
     *
     * @param subjects the subjects, not null; may be flyweights re-pointed by the iterator
     * @return the counts, never null
     */
    public SegmentCounts count(Iterable<? extends Subject> subjects) {
        return count(subjects.iterator());
    }

    /**
     * Counts subjects per segment, sequentially consuming a stream.
     *
     * @param subjects the subjects, not null
     * @return the counts, never null
     * @see #count(Iterable)
     */
    public SegmentCounts count(Stream<? extends Subject> subjects) {
        return count(subjects.iterator());
    }

    /**
     * Counts items of any type per segment, viewing each through an adapter, e.g. the customers
     * of a store through one reused {@link CustomerSubject}:
     * <pre>{@code
     * CustomerSubject view = new CustomerSubject(compiled.registry(), zone);
     * SegmentCounts counts = compiled.count(store.all(),
     *     c -> view.load(c, store.activitiesOf(c.id()), asOf));
     * }</pre>
     *
     * @param items the items, not null
     * @param adapter turns an item into a subject (it may return the same re-pointed flyweight), not null
     * @param <T> the item type
     * @return the counts, never null
     */
    public <T> SegmentCounts count(Iterable<T> items, Function<? super T, ? extends Subject> adapter) {
        Objects.requireNonNull(adapter, "adapter");
        Iterator<T> it = Objects.requireNonNull(items, "items").iterator();
        return count(new Iterator<Subject>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Subject next() {
                return adapter.apply(it.next());
            }
        });
    }

    private SegmentCounts count(Iterator<? extends Subject> it) {
        long[] counts = new long[names.length];
        long total = 0;
        boolean firstMatch = definition.mode() == Segmentation.Mode.FIRST_MATCH;
        while (it.hasNext()) {
            Subject s = it.next();
            total++;
            if (firstMatch) {
                counts[assign(s)]++;
            } else {
                long mask = matchMask(s);
                if (mask == 0) {
                    counts[rules.length]++;
                }
                while (mask != 0) {
                    counts[Long.numberOfTrailingZeros(mask)]++;
                    mask &= mask - 1;
                }
            }
        }
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], counts[i]);
        }
        return new SegmentCounts(m, total);
    }

    @Override
    public String toString() {
        return "CompiledSegmentation[" + definition.name() + ", " + definition.mode().jsonName() + ", "
                + List.of(names) + "]";
    }
}
