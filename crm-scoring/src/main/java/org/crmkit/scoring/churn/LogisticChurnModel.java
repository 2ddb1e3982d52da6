package org.crmkit.scoring.churn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.scoring.Parallelism;

/**
 * The attribute-based (contractual) churn classifier: an L2-regularised logistic regression
 * over numeric and categorical customer attributes, fitted by Newton's method / IRLS (see
 * the package-private {@code LogisticRegression}), with its encoding of the columns kept in
 * the model so that scoring a new file applies exactly the training transformation.
 *
 * <h2>How columns become features</h2>
 * <ul>
 *   <li>A column is <b>numeric</b> when every non-blank value of the training table is a
 *       plain decimal number ({@code -12}, {@code 3.5}, {@code 1e3}; no thousands separators,
 *       no {@code NaN}); it is standardised with its training mean and standard deviation,
 *       kept in the model. Blank cells take the training mean, and when the training column
 *       had blanks an extra 0/1 feature {@code COLUMN=(blank)} marks them. A column with one
 *       value only is ignored.</li>
 *   <li>Every other column is <b>categorical</b> and one-hot encoded: its levels are sorted by
 *       frequency (then by name); the most frequent is the reference (all zeros); at most
 *       {@code maxLevels} [30] further levels get a feature, rarer ones are pooled as
 *       {@code (other)}; a blank cell is the level {@code (blank)}. A level first seen when
 *       scoring counts as the reference. A categorical column whose non-blank values are all
 *       different (an identifier such as an e-mail address that was not excluded) is
 *       ignored, as is a column with one level.</li>
 *   <li>Ignored columns are listed with the reason in {@link #ignoredColumns()} and in the
 *       model JSON.</li>
 * </ul>
 * When scoring, a non-blank value that is not a number in a numeric column, or a missing
 * column, is an error naming line and field.
 *
 * <pre>{@code
 * ChurnTable train = ChurnTable.read(Path.of("customers.csv"), "customer_id", "churned", Set.of());
 * LogisticChurnModel model = LogisticChurnModel.builder().lambda(1.0).build().fit(train);
 * double[] risk = model.score(train);
 * model.coefficients();                  // per feature: coefficient, odds ratio
 * String json = model.toJson();          // read back with LogisticChurnModel.fromJson(json)
 * CrossValidation cv = LogisticChurnModel.builder().build().crossValidate(train, 5, 42);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; the trainer built by {@link #builder()} is
 * immutable too.
 */
public final class LogisticChurnModel {

    /** The model name in JSON, {@value}. */
    public static final String NAME = "logistic-churn";
    static final String BLANK = "(blank)";
    static final String OTHER = "(other)";

    private final List<ColumnCode> columns;
    private final double intercept;
    private final double[] beta;      // standardised scale, one per feature
    private final double lambda;
    private final Map<String, String> ignored;
    private final Training training;

    private LogisticChurnModel(List<ColumnCode> columns, double intercept, double[] beta, double lambda,
            Map<String, String> ignored, Training training) {
        this.columns = List.copyOf(columns);
        this.intercept = intercept;
        this.beta = beta;
        this.lambda = lambda;
        this.ignored = Collections.unmodifiableMap(new LinkedHashMap<>(ignored));
        this.training = training;
    }

    /**
     * Facts about the fit.
     *
     * @param rows training rows
     * @param churners churners among them
     * @param logLikelihood the penalised log-likelihood at the optimum
     * @param iterations Newton steps taken
     * @param converged whether the steps converged
     */
    public record Training(int rows, int churners, double logLikelihood, int iterations, boolean converged) {
    }

    /**
     * One feature's coefficient.
     *
     * @param feature the feature, {@code COLUMN} for a numeric column, {@code COLUMN=LEVEL} for a category
     *     or a missing-value indicator
     * @param standardized the coefficient on the standardised scale (what the penalty acts on)
     * @param perUnit the coefficient per unit of the original value (for 0/1 features the same)
     * @param oddsRatio {@code exp(perUnit)}: the factor on the odds of churn per unit
     */
    public record Coefficient(String feature, double standardized, double perUnit, double oddsRatio) {
    }

    /**
     * The folds of a k-fold cross-validation.
     *
     * @param foldAuc the AUC of each fold's held-out rows
     * @param meanAuc the mean of the fold AUCs
     * @param pooled the evaluation of all out-of-fold predictions together
     */
    public record CrossValidation(double[] foldAuc, double meanAuc, ChurnEvaluation pooled) {
        /** Copies the array. */
        public CrossValidation {
            foldAuc = foldAuc.clone();
        }

        @Override
        public double[] foldAuc() {
            return foldAuc.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CrossValidation c && Arrays.equals(c.foldAuc, foldAuc) && c.meanAuc == meanAuc
                    && c.pooled == pooled;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(foldAuc);
        }

        @Override
        public String toString() {
            return "CrossValidation[" + foldAuc.length + " folds, mean AUC " + meanAuc + "]";
        }
    }

    /** How one source column is encoded. */
    sealed interface ColumnCode permits Numeric, Categorical {
        String name();

        int width();
    }

    record Numeric(String name, double mean, double sd, boolean blankIndicator) implements ColumnCode {
        @Override
        public int width() {
            return blankIndicator ? 2 : 1;
        }
    }

    record Categorical(String name, List<String> levels, String reference, boolean pooled) implements ColumnCode {
        Categorical {
            levels = List.copyOf(levels);
        }

        @Override
        public int width() {
            return levels.size();
        }
    }

    /**
     * Returns a trainer with the defaults: {@code lambda = 1}, at most 30 levels a column,
     * the default {@link Parallelism}.
     *
     * @return a new builder, never null
     */
    public static Trainer builder() {
        return new Trainer(1.0, 30, Parallelism.defaults());
    }

    /**
     * Trains models; immutable: each setter returns a new trainer.
     */
    public static final class Trainer {
        private final double lambda;
        private final int maxLevels;
        private final Parallelism parallelism;

        private Trainer(double lambda, int maxLevels, Parallelism parallelism) {
            this.lambda = lambda;
            this.maxLevels = maxLevels;
            this.parallelism = parallelism;
        }

        /**
         * Returns a trainer with another L2 penalty on the standardised coefficients.
         *
         * @param l finite and {@code >= 0}
         * @return the trainer, never null
         * @throws IllegalArgumentException if out of range
         */
        public Trainer lambda(double l) {
            if (!(l >= 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("lambda " + l + " is not finite and >= 0");
            }
            return new Trainer(l, maxLevels, parallelism);
        }

        /**
         * Returns a trainer keeping at most this many non-reference levels per categorical column.
         *
         * @param n {@code >= 1}
         * @return the trainer, never null
         * @throws IllegalArgumentException if below 1
         */
        public Trainer maxLevels(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max levels " + n + " is below 1");
            }
            return new Trainer(lambda, n, parallelism);
        }

        /**
         * Returns a trainer that runs the row sums where the setting says.
         *
         * @param p the setting, not null
         * @return the trainer, never null
         */
        public Trainer parallelism(Parallelism p) {
            return new Trainer(lambda, maxLevels, Objects.requireNonNull(p, "parallelism"));
        }

        /**
         * Builds this trainer (for symmetry with other builders).
         *
         * @return this trainer
         */
        public Trainer build() {
            return this;
        }

        /**
         * Fits a model to a labelled table.
         *
         * @param table the table with labels, not null
         * @return the model, never null
         * @throws IllegalArgumentException if the table has no labels, fewer than two rows, only
         *     one outcome, or no usable feature column... (a model with the intercept only is
         *     allowed when every column was ignored)
         */
        public LogisticChurnModel fit(ChurnTable table) {
            Objects.requireNonNull(table, "table");
            if (!table.hasLabels()) {
                throw new IllegalArgumentException(table.source() + ": no label column to train on");
            }
            boolean[] labels = table.labels();
            int churners = 0;
            for (boolean b : labels) {
                churners += b ? 1 : 0;
            }
            if (churners == 0 || churners == labels.length) {
                throw new IllegalArgumentException(table.source() + ": all " + labels.length
                        + " labels are equal; a classifier needs churners and others");
            }
            Map<String, String> ignored = new LinkedHashMap<>();
            List<ColumnCode> codes = new ArrayList<>();
            for (String name : table.columnNames()) {
                ColumnCode c = encodeColumn(name, table.column(name), maxLevels, ignored);
                if (c != null) {
                    codes.add(c);
                }
            }
            int p = codes.stream().mapToInt(ColumnCode::width).sum();
            double[] x = design(codes, table, p);
            double[] y = new double[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[i] ? 1 : 0;
            }
            LogisticRegression.Fit fit = LogisticRegression.fit(x, p, y, lambda, parallelism);
            return new LogisticChurnModel(codes, fit.beta()[0], Arrays.copyOfRange(fit.beta(), 1, p + 1), lambda,
                    ignored, new Training(labels.length, churners, fit.logLikelihood(), fit.iterations(),
                    fit.converged()));
        }

        /**
         * Fits on raw features given row-major (no encoding, no standardisation): the
         * benchmark and test entry to the solver.
         *
         * @param x {@code n * p} values, row-major, not null
         * @param p features per row, {@code >= 0}
         * @param labels the outcomes, n of them, not null
         * @return intercept first, then the p coefficients, never null
         * @throws IllegalArgumentException if the lengths do not fit
         */
        public double[] fitRaw(double[] x, int p, boolean[] labels) {
            double[] y = new double[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[i] ? 1 : 0;
            }
            return LogisticRegression.fit(x, p, y, lambda, parallelism).beta();
        }

        /**
         * Runs k-fold cross-validation: rows are shuffled with the seed and dealt into k
         * folds; each fold is scored by a model trained (encoding included) on the others.
         *
         * @param table the labelled table, not null
         * @param k the number of folds, {@code 2 <= k <= rows}
         * @param seed the shuffle seed
         * @return the folds' AUCs and the pooled out-of-fold evaluation, never null
         * @throws IllegalArgumentException if k is out of range or a fold has one outcome only
         */
        public CrossValidation crossValidate(ChurnTable table, int k, long seed) {
            Objects.requireNonNull(table, "table");
            int n = table.size();
            if (k < 2 || k > n) {
                throw new IllegalArgumentException("k " + k + " is not in 2.." + n);
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            boolean[] labels = table.labels();
            double[] outOfFold = new double[n];
            double[] aucs = new double[k];
            for (int f = 0; f < k; f++) {
                int from = (int) ((long) n * f / k);
                int to = (int) ((long) n * (f + 1) / k);
                int[] test = Arrays.copyOfRange(order, from, to);
                int[] train = new int[n - test.length];
                System.arraycopy(order, 0, train, 0, from);
                System.arraycopy(order, to, train, from, n - to);
                LogisticChurnModel m = fit(table.rows(train));
                double[] s = m.score(table.rows(test));
                boolean[] y = new boolean[test.length];
                for (int i = 0; i < test.length; i++) {
                    outOfFold[test[i]] = s[i];
                    y[i] = labels[test[i]];
                }
                aucs[f] = ChurnEvaluation.of(s, y, true).auc();
            }
            double mean = Arrays.stream(aucs).average().orElse(0);
            return new CrossValidation(aucs, mean, ChurnEvaluation.of(outOfFold, labels, true));
        }
    }

    private static ColumnCode encodeColumn(String name, String[] values, int maxLevels, Map<String, String> ignored) {
        boolean numeric = true;
        int blanks = 0;
        for (String v : values) {
            if (v.isEmpty()) {
                blanks++;
            } else if (numeric && !isNumber(v)) {
                numeric = false;
            }
        }
        if (blanks == values.length) {
            ignored.put(name, "every cell is blank");
            return null;
        }
        if (numeric) {
            double sum = 0;
            int count = 0;
            for (String v : values) {
                if (!v.isEmpty()) {
                    sum += Double.parseDouble(v);
                    count++;
                }
            }
            double mean = sum / count;
            double ss = 0;
            for (String v : values) {
                if (!v.isEmpty()) {
                    double d = Double.parseDouble(v) - mean;
                    ss += d * d;
                }
            }
            double sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
            if (!(sd > 0) || !Double.isFinite(sd)) {
                ignored.put(name, "numeric with one value only");
                return null;
            }
            return new Numeric(name, mean, sd, blanks > 0);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            counts.merge(v.isEmpty() ? BLANK : v, 1, Integer::sum);
        }
        int nonBlankDistinct = counts.size() - (counts.containsKey(BLANK) ? 1 : 0);
        if (nonBlankDistinct == values.length - blanks && nonBlankDistinct > 1) {
            ignored.put(name, "every value is different (an identifier?)");
            return null;
        }
        if (counts.size() < 2) {
            ignored.put(name, "one level only");
            return null;
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        String reference = levels.get(0);
        List<String> kept = new ArrayList<>(levels.subList(1, Math.min(levels.size(), maxLevels + 1)));
        boolean pooled = levels.size() > maxLevels + 1;
        if (pooled) {
            kept.add(OTHER);
        }
        return new Categorical(name, kept, reference, pooled);
    }

    /** A plain decimal number: optional sign, digits with an optional point, optional exponent. */
    static boolean isNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n && Double.isFinite(Double.parseDouble(s));
    }

    /** Encodes a table row-major with the given codes; errors name line and column. */
    private static double[] design(List<ColumnCode> codes, ChurnTable table, int p) {
        int n = table.size();
        double[] x = new double[n * p];
        int offset = 0;
        for (ColumnCode code : codes) {
            String[] values = table.column(code.name());
            if (values == null) {
                throw new CsvFormatException(table.source(), 1, code.name(), "the model's column is missing");
            }
            if (code instanceof Numeric num) {
                for (int i = 0; i < n; i++) {
                    String v = values[i];
                    double z;
                    if (v.isEmpty()) {
                        z = 0; // the mean, standardised
                        if (num.blankIndicator()) {
                            x[i * p + offset + 1] = 1;
                        }
                    } else if (isNumber(v)) {
                        z = (Double.parseDouble(v) - num.mean()) / num.sd();
                    } else {
                        throw new CsvFormatException(table.source(), table.line(i), code.name(),
                                "not a number, but the column is numeric");
                    }
                    x[i * p + offset] = z;
                }
            } else {
                Categorical cat = (Categorical) code;
                Map<String, Integer> index = new HashMap<>();
                for (int l = 0; l < cat.levels().size(); l++) {
                    index.put(cat.levels().get(l), l);
                }
                Integer other = cat.pooled() ? index.get(OTHER) : null;
                Set<String> known = new HashSet<>(cat.levels());
                known.add(cat.reference());
                for (int i = 0; i < n; i++) {
                    String v = values[i].isEmpty() ? BLANK : values[i];
                    Integer l = index.get(v);
                    if (l == null && other != null && !v.equals(cat.reference())) {
                        l = other;
                    }
                    if (l != null) {
                        x[i * p + offset + l] = 1;
                    }
                }
            }
            offset += code.width();
        }
        return x;
    }

    /**
     * Returns each customer's churn probability.
     *
     * @param table the customers, with every column of the model, not null
     * @return one probability per row, never null
     * @throws CsvFormatException naming line and field if a column is missing or a value does
     *     not fit its column's type
     */
    public double[] score(ChurnTable table) {
        Objects.requireNonNull(table, "table");
        int p = beta.length;
        double[] x = design(columns, table, p);
        double[] out = new double[table.size()];
        for (int i = 0; i < out.length; i++) {
            double eta = intercept;
            for (int j = 0; j < p; j++) {
                eta += beta[j] * x[i * p + j];
            }
            out[i] = LogisticRegression.sigmoid(eta);
        }
        return out;
    }

    /**
     * Evaluates the model on a labelled table, against two baselines: {@code prior} (every
     * customer gets the training churn rate) and {@code best_single_column} (the numeric
     * column whose raw values, blanks at the mean, rank churners best, its direction chosen
     * on this table, so an optimistic baseline).
     *
     * @param table the labelled customers, not null
     * @return the report, never null
     * @throws IllegalArgumentException if the table has no labels or one outcome only
     */
    public ChurnReport evaluate(ChurnTable table) {
        Objects.requireNonNull(table, "table");
        boolean[] labels = table.labels();
        double[] risk = score(table);
        Map<String, ChurnReport.Baseline> baselines = new LinkedHashMap<>();
        double[] prior = new double[labels.length];
        Arrays.fill(prior, (double) training.churners() / training.rows());
        baselines.put("prior", new ChurnReport.Baseline(prior, true));
        double bestAuc = -1;
        double[] best = null;
        for (ColumnCode code : columns) {
            if (code instanceof Numeric num) {
                String[] values = table.column(num.name());
                double[] s = new double[values.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = values[i].isEmpty() ? num.mean() : Double.parseDouble(values[i]);
                }
                double auc = ChurnEvaluation.of(s, labels, false).auc();
                if (auc < 0.5) {
                    for (int i = 0; i < s.length; i++) {
                        s[i] = -s[i];
                    }
                    auc = 1 - auc;
                }
                if (auc > bestAuc) {
                    bestAuc = auc;
                    best = s;
                }
            }
        }
        if (best != null) {
            baselines.put("best_single_column", new ChurnReport.Baseline(best, false));
        }
        return ChurnReport.of(NAME, risk, baselines, labels);
    }

    /**
     * Returns every feature's coefficient, in feature order.
     *
     * @return an unmodifiable list, never null
     */
    public List<Coefficient> coefficients() {
        List<Coefficient> out = new ArrayList<>();
        int j = 0;
        for (ColumnCode code : columns) {
            if (code instanceof Numeric num) {
                double perUnit = beta[j] / num.sd();
                out.add(new Coefficient(num.name(), beta[j], perUnit, Math.exp(perUnit)));
                j++;
                if (num.blankIndicator()) {
                    out.add(new Coefficient(num.name() + "=" + BLANK, beta[j], beta[j], Math.exp(beta[j])));
                    j++;
                }
            } else {
                Categorical cat = (Categorical) code;
                for (String level : cat.levels()) {
                    out.add(new Coefficient(cat.name() + "=" + level, beta[j], beta[j], Math.exp(beta[j])));
                    j++;
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Returns the intercept (log-odds of churn of a customer at every mean and reference level).
     *
     * @return the intercept, finite
     */
    public double intercept() {
        return intercept;
    }

    /**
     * Returns the columns not used, with the reason.
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, String> ignoredColumns() {
        return ignored;
    }

    /**
     * Returns facts about the fit.
     *
     * @return the training facts, never null
     */
    public Training training() {
        return training;
    }

    /**
     * Returns the model as JSON: {@code {"model":"logistic-churn","schemaVersion":1,"lambda":..,
     * "intercept":..,"columns":[{"name":..,"type":"numeric","mean":..,"sd":..,"blank_indicator":..}
     * | {"name":..,"type":"categorical","reference":..,"levels":[..],"pooled":..}],
     * "coefficients":[{"feature":..,"standardized":..,"coefficient":..,"odds_ratio":..}],
     * "ignored_columns":{..},"training":{..}}}}.
     *
     * @return the JSON text, never null
     */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("model", NAME);
        root.put("schemaVersion", 1);
        root.put("lambda", lambda);
        root.put("intercept", intercept);
        ArrayNode cols = root.putArray("columns");
        for (ColumnCode code : columns) {
            ObjectNode c = cols.addObject();
            c.put("name", code.name());
            if (code instanceof Numeric num) {
                c.put("type", "numeric");
                c.put("mean", num.mean());
                c.put("sd", num.sd());
                c.put("blank_indicator", num.blankIndicator());
            } else {
                Categorical cat = (Categorical) code;
                c.put("type", "categorical");
                c.put("reference", cat.reference());
                ArrayNode levels = c.putArray("levels");
                cat.levels().forEach(levels::add);
                c.put("pooled", cat.pooled());
            }
        }
        ArrayNode coefs = root.putArray("coefficients");
        for (Coefficient c : coefficients()) {
            ObjectNode o = coefs.addObject();
            o.put("feature", c.feature());
            o.put("standardized", c.standardized());
            o.put("coefficient", c.perUnit());
            o.put("odds_ratio", c.oddsRatio());
        }
        ObjectNode ign = root.putObject("ignored_columns");
        ignored.forEach(ign::put);
        ObjectNode t = root.putObject("training");
        t.put("rows", training.rows());
        t.put("churners", training.churners());
        t.put("logLikelihood", training.logLikelihood());
        t.put("iterations", training.iterations());
        t.put("converged", training.converged());
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a model written by {@link #toJson()}.
     *
     * @param json the JSON text, not null
     * @return the model, never null
     * @throws IllegalArgumentException naming the JSON path of a missing or invalid field
     */
    public static LogisticChurnModel fromJson(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("$: not a JSON object");
        }
        if (!NAME.equals(text(root, "model", "$.model"))) {
            throw new IllegalArgumentException("$.model: not a " + NAME + " model");
        }
        double lambda = number(root, "lambda", "$.lambda");
        double intercept = number(root, "intercept", "$.intercept");
        JsonNode cols = root.get("columns");
        if (cols == null || !cols.isArray()) {
            throw new IllegalArgumentException("$.columns: missing or not an array");
        }
        List<ColumnCode> codes = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            JsonNode c = cols.get(i);
            String path = "$.columns[" + i + "]";
            String name = text(c, "name", path + ".name");
            String type = text(c, "type", path + ".type");
            if (type.equals("numeric")) {
                double sd = number(c, "sd", path + ".sd");
                if (!(sd > 0)) {
                    throw new IllegalArgumentException(path + ".sd: not positive");
                }
                codes.add(new Numeric(name, number(c, "mean", path + ".mean"), sd,
                        c.path("blank_indicator").asBoolean(false)));
            } else if (type.equals("categorical")) {
                JsonNode levels = c.get("levels");
                if (levels == null || !levels.isArray()) {
                    throw new IllegalArgumentException(path + ".levels: missing or not an array");
                }
                List<String> l = new ArrayList<>();
                levels.forEach(v -> l.add(v.asText()));
                codes.add(new Categorical(name, l, text(c, "reference", path + ".reference"),
                        c.path("pooled").asBoolean(false)));
            } else {
                throw new IllegalArgumentException(path + ".type: '" + type + "' is not numeric or categorical");
            }
        }
        int p = codes.stream().mapToInt(ColumnCode::width).sum();
        JsonNode coefs = root.get("coefficients");
        if (coefs == null || !coefs.isArray() || coefs.size() != p) {
            throw new IllegalArgumentException("$.coefficients: expected an array of " + p + " coefficients");
        }
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = number(coefs.get(j), "standardized", "$.coefficients[" + j + "].standardized");
        }
        Map<String, String> ignored = new LinkedHashMap<>();
        root.path("ignored_columns").properties().forEach(e -> ignored.put(e.getKey(), e.getValue().asText()));
        JsonNode t = root.path("training");
        Training training = new Training(t.path("rows").asInt(0), t.path("churners").asInt(0),
                t.path("logLikelihood").asDouble(0), t.path("iterations").asInt(0), t.path("converged").asBoolean());
        return new LogisticChurnModel(codes, intercept, beta, lambda, ignored, training);
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(path + ": missing or not a string");
        }
        return v.asText();
    }

    private static double number(JsonNode node, String field, String path) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(path + ": missing or not a finite number");
        }
        return v.asDouble();
    }

    @Override
    public String toString() {
        return "LogisticChurnModel[" + columns.size() + " columns, " + beta.length + " features, lambda " + lambda
                + "]";
    }
}
