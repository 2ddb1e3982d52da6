package org.crmkit.core.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered set of named segments with rules, an assignment mode and a default segment: the
 * definition of one way to classify customers (by status, by value tier, by RFM cell ...).
 *
 * <p>In {@link Mode#FIRST_MATCH} each subject gets exactly one segment: the first whose rule is
 * TRUE, else the default. In {@link Mode#ALL_MATCHES} a subject gets every segment whose rule is
 * TRUE (multi-label), or the default alone if none is. A segmentation may declare extra
 * attributes (custom fields of the embedding application) that its rules read; they are added to
 * the registry when compiling.
 *
 * <pre>{@code
 * Segmentation tiers = Segmentation.builder("value_tier")
 *     .mode(Segmentation.Mode.FIRST_MATCH)
 *     .defaultSegment("unranked")
 *     .segment("gold", "ABC class A", Rules.attribute("abc_class").isEqualTo("A"))
 *     .segment("silver", "ABC class B", Rules.attribute("abc_class").isEqualTo("B"))
 *     .build();
 * CompiledSegmentation compiled = tiers.compile(StandardAttributes.registry());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Builder} is single-threaded.
 *
 * @param name the segmentation name, not null
 * @param mode the assignment mode, not null
 * @param defaultSegment the segment of subjects no rule matches, not null, distinct from the others
 * @param attributes attributes declared by this segmentation, in order
 * @param segments the segments in priority order, 1 .. {@link #MAX_SEGMENTS}, names unique
 */
public record Segmentation(String name, Mode mode, String defaultSegment, List<Attribute> attributes,
        List<Segment> segments) {

    /** Greatest number of segments (besides the default) in one segmentation. */
    public static final int MAX_SEGMENTS = 64;

    /** How subjects are assigned to segments. */
    public enum Mode {
        /** Exactly one segment: the first that matches, else the default. */
        FIRST_MATCH,
        /** Every segment that matches, else the default. */
        ALL_MATCHES;

        /**
         * Returns the JSON name, {@code "first-match"} or {@code "all-matches"}.
         *
         * @return the name, never null
         */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * Parses a JSON name.
         *
         * @param name {@code "first-match"} or {@code "all-matches"}, not null
         * @return the mode, never null
         * @throws IllegalArgumentException for any other name
         */
        public static Mode ofJsonName(String name) {
            for (Mode m : values()) {
                if (m.jsonName().equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode '" + name + "', expected first-match or all-matches");
        }
    }

    /**
     * Validates the segmentation.
     *
     * @param name the name, see the record
     * @param mode the mode, see the record
     * @param defaultSegment the defaultSegment, see the record
     * @param attributes the attributes, see the record
     * @param segments the segments, see the record
     * @throws IllegalArgumentException if there are no or too many segments, names repeat, the
     *     default is also a segment's name, or an attribute is declared twice
     */
    public Segmentation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(defaultSegment, "defaultSegment");
        attributes = List.copyOf(attributes);
        segments = List.copyOf(segments);
        Segment.checkName(name);
        Segment.checkName(defaultSegment);
        if (segments.isEmpty() || segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("a segmentation needs 1.." + MAX_SEGMENTS + " segments, got "
                    + segments.size());
        }
        Set<String> names = new HashSet<>();
        names.add(defaultSegment);
        for (Segment s : segments) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("segment name '" + s.name() + "' is used twice in '" + name
                        + "' (the default segment counts)");
            }
        }
        Set<String> declared = new HashSet<>();
        for (Attribute a : attributes) {
            if (!declared.add(a.name())) {
                throw new IllegalArgumentException("attribute '" + a.name() + "' is declared twice in '" + name + "'");
            }
        }
    }

    /**
     * Returns a builder for a segmentation.
     *
     * @param name the segmentation name, not null
     * @return a builder, never null
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Returns the registry extended with this segmentation's declared attributes. A declared
     * attribute equal to one already registered is accepted; one that differs is refused.
     *
     * @param registry the base registry, not null
     * @return the extended registry, never null
     * @throws InvalidRuleException if a declaration conflicts, with path {@code $.attributes[i]}
     */
    public AttributeRegistry extend(AttributeRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        AttributeRegistry.Builder b = AttributeRegistry.builder().addAll(registry);
        List<RuleProblem> problems = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            Optional<Attribute> old = registry.find(a.name());
            if (old.isEmpty()) {
                b.add(a);
            } else if (old.get().type() != a.type() || !old.get().values().equals(a.values())) {
                problems.add(new RuleProblem("$.attributes[" + i + "]", "attribute '" + a.name()
                        + "' is already registered as " + old.get().type().jsonName()
                        + (old.get().values().isEmpty() ? "" : " " + old.get().values())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return b.build();
    }

    /**
     * Checks every rule and compiles the segmentation.
     *
     * @param registry the attributes rules may read (declared attributes are added), not null
     * @return the compiled segmentation, never null
     * @throws InvalidRuleException listing every problem, each with its JSON path, e.g.
     *     {@code $.segments[1].rule.all[0].attribute: unknown attribute 'agee'}
     */
    public CompiledSegmentation compile(AttributeRegistry registry) {
        AttributeRegistry full = extend(registry);
        List<RuleProblem> problems = new ArrayList<>();
        CompiledRule[] rules = new CompiledRule[segments.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = CompiledRule.compileInto(segments.get(i).rule(), full, "$.segments[" + i + "].rule", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return new CompiledSegmentation(this, full, rules);
    }

    /**
     * Collects the parts of a {@link Segmentation}. Single-threaded; each option may be set once;
     * the product is immutable.
     */
    public static final class Builder {
        private final String name;
        private Mode mode;
        private String defaultSegment;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<Segment> segments = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets the assignment mode (FIRST_MATCH if never set).
         *
         * @param mode the mode, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder mode(Mode mode) {
            if (this.mode != null) {
                throw new IllegalStateException("mode was already set to " + this.mode);
            }
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the default segment (required).
         *
         * @param name the default segment's name, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder defaultSegment(String name) {
            if (defaultSegment != null) {
                throw new IllegalStateException("default segment was already set to " + defaultSegment);
            }
            Segment.checkName(Objects.requireNonNull(name, "name"));
            this.defaultSegment = name;
            return this;
        }

        /**
         * Declares an attribute the rules read beyond the registry's.
         *
         * @param attribute the attribute, not null
         * @return this builder
         */
        public Builder declare(Attribute attribute) {
            attributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /**
         * Appends a segment (earlier segments win in FIRST_MATCH mode).
         *
         * @param name the segment name, not null
         * @param description a description, not null
         * @param rule the rule, not null
         * @return this builder
         */
        public Builder segment(String name, String description, Rule rule) {
            segments.add(new Segment(name, description, rule));
            return this;
        }

        /**
         * Builds the segmentation.
         *
         * @return the segmentation, never null
         * @throws IllegalStateException if no default segment was set
         * @throws IllegalArgumentException if the parts are inconsistent (see the record)
         */
        public Segmentation build() {
            if (defaultSegment == null) {
                throw new IllegalStateException("set a default segment before build()");
            }
            return new Segmentation(name, mode == null ? Mode.FIRST_MATCH : mode, defaultSegment, attributes, segments);
        }
    }
}
