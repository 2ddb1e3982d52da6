package org.crmkit.scoring.btyd;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How raw time-invariant covariate values of a customer become the numeric vector
 * {@code z_i} of a covariate model: a numeric covariate is one column as it is; a
 * categorical covariate with {@code L} levels is {@code L - 1} indicator columns (one-hot
 * with a reference level, whose customers have all zeros), named {@code name=level}.
 *
 * <p>The reference level is the first level in sorted ({@link String#compareTo}) order
 * unless the caller names one. A categorical covariate needs at least two levels (one
 * level carries no information and would make the intercept unidentified).
 *
 * <pre>{@code
 * CovariateDesign design = CovariateDesign.builder()
 *         .categorical("gender", List.of("f", "m"))     // reference f, column gender=m
 *         .numeric("age")
 *         .build();
 * double[] z = design.encode(new String[] {"m", "41"}); // {1.0, 41.0}
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is single-threaded.
 */
public final class CovariateDesign {

    /** The kind of a covariate. */
    public enum Kind {
        /** A number used as it is. */
        NUMERIC,
        /** A label from a finite set, one-hot encoded against a reference level. */
        CATEGORICAL
    }

    /**
     * One covariate of a design.
     *
     * @param name the covariate name (the summary column), not blank
     * @param kind numeric or categorical, not null
     * @param levels the levels of a categorical covariate in sorted order (empty for a numeric
     *     one), not null
     * @param reference the reference level of a categorical covariate (empty for a numeric one),
     *     not null
     */
    public record Covariate(String name, Kind kind, List<String> levels, String reference) {

        /**
         * Validates the components.
         *
         * @param name see the record component
         * @param kind see the record component
         * @param levels see the record component
         * @param reference see the record component
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the name is blank, a categorical covariate has
         *     fewer than two distinct levels or a reference not among them, or a numeric one
         *     has levels
         */
        public Covariate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reference, "reference");
            if (name.isBlank()) {
                throw new IllegalArgumentException("covariate name is blank");
            }
            List<String> sorted = new ArrayList<>(new TreeSet<>(Objects.requireNonNull(levels, "levels")));
            if (sorted.size() != levels.size()) {
                throw new IllegalArgumentException("covariate '" + name + "' has repeated levels " + levels);
            }
            if (kind == Kind.CATEGORICAL) {
                if (sorted.size() < 2) {
                    throw new IllegalArgumentException("categorical covariate '" + name + "' has "
                            + sorted.size() + " level(s) " + sorted + "; at least 2 are needed");
                }
                if (!sorted.contains(reference)) {
                    throw new IllegalArgumentException("reference level '" + reference + "' of covariate '"
                            + name + "' is not one of its levels " + sorted);
                }
            } else if (!sorted.isEmpty() || !reference.isEmpty()) {
                throw new IllegalArgumentException("numeric covariate '" + name + "' has levels");
            }
            levels = List.copyOf(sorted);
        }

        /** The number of design columns: 1, or the levels less the reference. */
        int width() {
            return kind == Kind.NUMERIC ? 1 : levels.size() - 1;
        }
    }

    private final List<Covariate> covariates;
    private final List<String> coefficientNames;
    private final int[] offsets;

    private CovariateDesign(List<Covariate> covariates) {
        this.covariates = List.copyOf(covariates);
        List<String> names = new ArrayList<>();
        offsets = new int[covariates.size()];
        for (int c = 0; c < covariates.size(); c++) {
            Covariate cov = covariates.get(c);
            offsets[c] = names.size();
            if (cov.kind() == Kind.NUMERIC) {
                names.add(cov.name());
            } else {
                for (String level : cov.levels()) {
                    if (!level.equals(cov.reference())) {
                        names.add(cov.name() + "=" + level);
                    }
                }
            }
        }
        this.coefficientNames = List.copyOf(names);
    }

    /**
     * Returns a builder of a design.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes a design from raw values, detecting each covariate's kind: numeric when every
     * value parses as a finite number ({@link Double#parseDouble}, so {@code 1e3} and
     * {@code -2.5} do), categorical otherwise, with its distinct values as levels.
     *
     * <pre>{@code
     * CovariateDesign d = CovariateDesign.detect(List.of("gender", "age"),
     *         List.of(new String[] {"f", "30"}, new String[] {"m", "41"}), Map.of());
     * }</pre>
     *
     * @param names the covariate names, not null, distinct, not empty
     * @param rows the raw values, one array per customer in the order of {@code names}, not null
     * @param references the reference level by covariate name for categorical covariates that
     *     should not use the first sorted level, not null
     * @return the design, never null
     * @throws IllegalArgumentException if a row has the wrong length or a blank value, a
     *     categorical covariate has a single level, a reference is not a level, or a reference
     *     names no categorical covariate
     */
    public static CovariateDesign detect(List<String> names, List<String[]> rows, Map<String, String> references) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(references, "references");
        Builder b = builder();
        for (int c = 0; c < names.size(); c++) {
            String name = Objects.requireNonNull(names.get(c), "name");
            boolean numeric = true;
            Set<String> levels = new TreeSet<>();
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                if (row.length != names.size()) {
                    throw new IllegalArgumentException("row " + i + " has " + row.length + " covariate values for "
                            + names.size() + " covariates");
                }
                String v = row[c].strip();
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("row " + i + ": covariate '" + name + "' is empty");
                }
                numeric &= isFiniteNumber(v);
                levels.add(v);
            }
            if (numeric && !references.containsKey(name)) {
                b.numeric(name);
            } else {
                String ref = references.get(name);
                b.categorical(name, levels, ref == null ? levels.iterator().next() : ref);
            }
        }
        for (String ref : references.keySet()) {
            if (!names.contains(ref)) {
                throw new IllegalArgumentException("reference level given for '" + ref + "', which is not a covariate");
            }
        }
        return b.build();
    }

    static boolean isFiniteNumber(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v));
        } catch (NumberFormatException notNumber) {
            return false;
        }
    }

    /**
     * Returns the covariates in order.
     *
     * @return an unmodifiable list, never null
     */
    public List<Covariate> covariates() {
        return covariates;
    }

    /**
     * Returns the covariate names in order.
     *
     * @return an unmodifiable list, never null
     */
    public List<String> covariateNames() {
        List<String> names = new ArrayList<>();
        for (Covariate c : covariates) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * Returns the names of the design columns (one coefficient each per process): a numeric
     * covariate's name, or {@code name=level} for each non-reference level.
     *
     * @return an unmodifiable list, never null
     */
    public List<String> coefficientNames() {
        return coefficientNames;
    }

    /**
     * Returns the number of design columns, the length of {@code z_i}.
     *
     * @return the width, {@code >= 1}
     */
    public int width() {
        return coefficientNames.size();
    }

    /** The design columns of covariate {@code c}. */
    int[] columnsOf(int c) {
        int w = covariates.get(c).width();
        int[] cols = new int[w];
        for (int j = 0; j < w; j++) {
            cols[j] = offsets[c] + j;
        }
        return cols;
    }

    /**
     * Encodes one customer's raw values into {@code z_i}.
     *
     * @param raw the raw values in the order of {@link #covariates()}, not null
     * @return a new array of {@link #width()} entries, never null
     * @throws IllegalArgumentException naming the covariate and value where a numeric value
     *     does not parse as a finite number or a categorical value is not a known level
     */
    public double[] encode(String[] raw) {
        double[] z = new double[width()];
        encode(raw, z, 0);
        return z;
    }

    /**
     * Encodes one customer's raw values into {@code out[offset .. offset + width() - 1]}.
     *
     * @param raw the raw values in the order of {@link #covariates()}, not null
     * @param out receives the design row, not null
     * @param offset the first entry written
     * @throws IllegalArgumentException as {@link #encode(String[])}
     */
    public void encode(String[] raw, double[] out, int offset) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(out, "out");
        if (raw.length != covariates.size()) {
            throw new IllegalArgumentException(raw.length + " covariate values for " + covariates.size()
                    + " covariates " + covariateNames());
        }
        for (int c = 0; c < covariates.size(); c++) {
            Covariate cov = covariates.get(c);
            String v = Objects.requireNonNull(raw[c], "covariate value").strip();
            int at = offset + offsets[c];
            if (cov.kind() == Kind.NUMERIC) {
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException notNumber) {
                    throw new IllegalArgumentException("covariate '" + cov.name() + "': '" + v
                            + "' is not a number");
                }
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("covariate '" + cov.name() + "': " + v + " is not finite");
                }
                out[at] = d;
            } else {
                int j = 0;
                boolean known = v.equals(cov.reference());
                for (String level : cov.levels()) {
                    if (level.equals(cov.reference())) {
                        continue;
                    }
                    boolean hit = level.equals(v);
                    known |= hit;
                    out[at + j++] = hit ? 1.0 : 0.0;
                }
                if (!known) {
                    throw new IllegalArgumentException("covariate '" + cov.name() + "': level '" + v
                            + "' is not one of " + cov.levels());
                }
            }
        }
    }

    /**
     * Compares the covariates (names, kinds, levels, references) in order.
     *
     * @param o the other object
     * @return whether {@code o} is an equal design
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CovariateDesign d && d.covariates.equals(covariates);
    }

    @Override
    public int hashCode() {
        return covariates.hashCode();
    }

    /**
     * Returns the covariates, e.g. {@code CovariateDesign[gender (f | m), age]}: each categorical
     * covariate with its reference level, then a bar, then the other levels.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CovariateDesign[");
        for (int c = 0; c < covariates.size(); c++) {
            Covariate cov = covariates.get(c);
            sb.append(c == 0 ? "" : ", ").append(cov.name());
            if (cov.kind() == Kind.CATEGORICAL) {
                List<String> others = new ArrayList<>(cov.levels());
                others.remove(cov.reference());
                sb.append(" (").append(cov.reference()).append(" | ").append(String.join(" ", others)).append(')');
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Builds a {@link CovariateDesign}. Single-threaded; the design it builds is immutable.
     */
    public static final class Builder {
        private final List<Covariate> covariates = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder() {
        }

        private void add(Covariate c) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("covariate '" + c.name() + "' given twice");
            }
            covariates.add(c);
        }

        /**
         * Adds a numeric covariate.
         *
         * @param name the covariate name, not blank
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used
         */
        public Builder numeric(String name) {
            add(new Covariate(name, Kind.NUMERIC, List.of(), ""));
            return this;
        }

        /**
         * Adds a categorical covariate with the first sorted level as reference.
         *
         * @param name the covariate name, not blank
         * @param levels its levels, at least two distinct, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used, or fewer than
         *     two levels are given
         */
        public Builder categorical(String name, Collection<String> levels) {
            Set<String> sorted = new TreeSet<>(Objects.requireNonNull(levels, "levels"));
            if (sorted.isEmpty()) {
                throw new IllegalArgumentException("categorical covariate '" + name + "' has no levels");
            }
            return categorical(name, sorted, sorted.iterator().next());
        }

        /**
         * Adds a categorical covariate with a named reference level.
         *
         * @param name the covariate name, not blank
         * @param levels its levels, at least two distinct, not null
         * @param reference the reference level, one of {@code levels}
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used, fewer than two
         *     levels are given, or the reference is not a level
         */
        public Builder categorical(String name, Collection<String> levels, String reference) {
            add(new Covariate(name, Kind.CATEGORICAL, new ArrayList<>(new LinkedHashSet<>(levels)), reference));
            return this;
        }

        /**
         * Builds the design.
         *
         * @return the design, never null
         * @throws IllegalStateException if no covariate was added
         */
        public CovariateDesign build() {
            if (covariates.isEmpty()) {
                throw new IllegalStateException("a covariate design needs at least one covariate");
            }
            return new CovariateDesign(covariates);
        }
    }
}
