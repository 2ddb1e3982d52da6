package org.crmkit.scoring.churn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.summary.CustomerSummaries;

/**
 * A churn score evaluated on a holdout period, together with the baselines a user would
 * otherwise use, all on the same customers. A customer churned when it made no purchase in
 * its holdout period.
 *
 * <p>Built-in baselines for non-contractual data ({@link #evaluate}):
 * <ul>
 *   <li>{@code p_alive}: {@code 1 - P(alive)} of the same model (a probability);</li>
 *   <li>{@code recency_rank}: the hiatus {@code T - t_x}, longest first (the R of RFM);</li>
 *   <li>{@code hiatus_K}: 1 when the hiatus is at least {@code K} time units, else 0 (the
 *       rule "no purchase for K periods means lost"), scored as a 0/1 probability.</li>
 * </ul>
 *
 * <pre>{@code
 * ChurnReport report = ChurnReport.evaluate(bgnbd, summariesWithHoldout);
 * report.model().auc();                // the default risk
 * report.bestBaseline();               // e.g. "recency_rank"
 * String json = report.toJson();       // what crm churn evaluate prints
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ChurnReport {

    private final String name;
    private final ChurnEvaluation model;
    private final Map<String, ChurnEvaluation> baselines;
    private final Map<String, AucComparison> comparisons;

    private ChurnReport(String name, ChurnEvaluation model, Map<String, ChurnEvaluation> baselines,
            Map<String, AucComparison> comparisons) {
        this.name = name;
        this.model = model;
        this.baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
        this.comparisons = Collections.unmodifiableMap(new LinkedHashMap<>(comparisons));
    }

    /**
     * Evaluates a score and its baselines on the same outcomes, with the paired AUC
     * comparison of the score against each baseline.
     *
     * @param name the name of the evaluated score, not null
     * @param score the score, higher = more likely to churn, probabilities in [0, 1], not null
     * @param baselines the baseline scores by name, each with its flag "is a probability",
     *     same length, not null
     * @param churned the outcomes, not null
     * @return the report, never null
     * @throws IllegalArgumentException as {@link ChurnEvaluation#of} and {@link AucComparison#of}
     */
    public static ChurnReport of(String name, double[] score, Map<String, Baseline> baselines, boolean[] churned) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baselines, "baselines");
        ChurnEvaluation main = ChurnEvaluation.of(score, churned, true);
        Map<String, ChurnEvaluation> evaluations = new LinkedHashMap<>();
        Map<String, AucComparison> comparisons = new LinkedHashMap<>();
        baselines.forEach((k, v) -> {
            evaluations.put(k, ChurnEvaluation.of(v.score(), churned, v.probability()));
            comparisons.put(k, AucComparison.of(score, v.score(), churned));
        });
        return new ChurnReport(name, main, evaluations, comparisons);
    }

    /**
     * A baseline score of a {@link ChurnReport}.
     *
     * @param score one finite score per customer, higher = more likely to churn, not null
     * @param probability whether the scores are probabilities (then a Brier score is given)
     */
    public record Baseline(double[] score, boolean probability) {
        /** @throws NullPointerException if score is null */
        public Baseline {
            score = Objects.requireNonNull(score, "score").clone();
        }

        @Override
        public double[] score() {
            return score.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Baseline b && b.probability == probability && java.util.Arrays.equals(b.score, score);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(score) * 31 + Boolean.hashCode(probability);
        }

        @Override
        public String toString() {
            return "Baseline[" + score.length + " scores" + (probability ? ", probabilities" : "") + "]";
        }
    }

    /**
     * Evaluates a purchase model's default risk on summaries with holdout columns: the
     * window of each customer is its {@code duration_holdout}, churned means
     * {@code frequency_holdout = 0}. Hiatus baselines for a quarter, half and three
     * quarters of the longest window (rounded to whole time units, at least 1).
     *
     * @param purchaseModel the fitted model, not null
     * @param summaries summaries with holdout columns and one row per customer, not null
     * @return the report, never null
     * @throws IllegalArgumentException if the summaries have no holdout columns, are
     *     weighted, have a row the model rejects, or every customer churned (or none did)
     */
    public static ChurnReport evaluate(org.crmkit.scoring.btyd.PurchaseModel purchaseModel,
            CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        if (!summaries.hasHoldout()) {
            throw new IllegalArgumentException("the summaries have no holdout columns (frequency_holdout, "
                    + "duration_holdout)");
        }
        if (summaries.hasWeights()) {
            throw new IllegalArgumentException("weighted summaries cannot be evaluated per customer");
        }
        int n = summaries.size();
        double[] purchases = new double[n];
        int[] f = summaries.frequencyHoldoutColumn();
        for (int i = 0; i < n; i++) {
            purchases[i] = f[i];
        }
        return evaluate(purchaseModel, BtydData.frequencies(summaries), summaries.recencyColumn(),
                summaries.tColumn(), purchases, summaries.durationHoldoutColumn());
    }

    /**
     * Evaluates a purchase model's default risk on columns, see
     * {@link #evaluate(org.crmkit.scoring.btyd.PurchaseModel, CustomerSummaries)}.
     *
     * @param purchaseModel the fitted model, not null
     * @param x calibration frequencies, not null
     * @param tx calibration recencies, not null
     * @param age calibration ages T, not null
     * @param holdoutPurchases purchases in the holdout period, not null
     * @param window each customer's holdout length, positive, not null
     * @param hiatusPeriods the K of the hiatus baselines, each positive; none for the default
     * @return the report, never null
     * @throws IllegalArgumentException if lengths differ, a value is invalid, or the outcomes
     *     are all equal
     */
    public static ChurnReport evaluate(org.crmkit.scoring.btyd.PurchaseModel purchaseModel, double[] x,
            double[] tx, double[] age, double[] holdoutPurchases, double[] window, double... hiatusPeriods) {
        Objects.requireNonNull(purchaseModel, "purchaseModel");
        int n = Objects.requireNonNull(x, "x").length;
        if (Objects.requireNonNull(tx, "tx").length != n || Objects.requireNonNull(age, "age").length != n
                || Objects.requireNonNull(holdoutPurchases, "holdoutPurchases").length != n
                || Objects.requireNonNull(window, "window").length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        double[] risk = new double[n];
        double[] deadness = new double[n];
        double[] hiatus = new double[n];
        boolean[] churned = new boolean[n];
        double longest = 0;
        for (int i = 0; i < n; i++) {
            double h = holdoutPurchases[i];
            if (!(h >= 0) || h != Math.rint(h) || Double.isInfinite(h)) {
                throw new IllegalArgumentException("row " + i + ": holdout purchases " + h
                        + " is not a whole number >= 0");
            }
            risk[i] = NoPurchaseRisk.of(purchaseModel, window[i], x[i], tx[i], age[i]);
            deadness[i] = 1 - purchaseModel.probabilityAlive(x[i], tx[i], age[i]);
            hiatus[i] = age[i] - tx[i];
            churned[i] = h == 0;
            longest = Math.max(longest, window[i]);
        }
        TreeSet<Double> ks = new TreeSet<>();
        if (hiatusPeriods.length == 0) {
            for (double share : new double[] {0.25, 0.5, 0.75}) {
                ks.add(Math.max(1, (double) Math.round(longest * share)));
            }
        } else {
            for (double k : hiatusPeriods) {
                if (!(k > 0) || Double.isInfinite(k)) {
                    throw new IllegalArgumentException("hiatus period " + k + " is not positive and finite");
                }
                ks.add(k);
            }
        }
        Map<String, Baseline> baselines = new LinkedHashMap<>();
        baselines.put("p_alive", new Baseline(deadness, true));
        baselines.put("recency_rank", new Baseline(hiatus, false));
        for (double k : ks) {
            double[] rule = new double[n];
            for (int i = 0; i < n; i++) {
                rule[i] = hiatus[i] >= k ? 1 : 0;
            }
            String label = k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k);
            baselines.put("hiatus_" + label, new Baseline(rule, true));
        }
        return of(purchaseModel.modelName(), risk, baselines, churned);
    }

    /**
     * Returns the name of the evaluated score (the model name).
     *
     * @return the name, never null
     */
    public String name() {
        return name;
    }

    /**
     * Returns the evaluation of the score under test.
     *
     * @return the evaluation, never null
     */
    public ChurnEvaluation model() {
        return model;
    }

    /**
     * Returns the baselines' evaluations by name, in report order.
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, ChurnEvaluation> baselines() {
        return baselines;
    }

    /**
     * Returns the paired AUC comparisons of the score with each baseline (DeLong et al. 1988).
     *
     * @return an unmodifiable map by baseline name, never null
     */
    public Map<String, AucComparison> comparisons() {
        return comparisons;
    }

    /**
     * Returns the name of the baseline with the highest AUC (the first on a tie).
     *
     * @return the name, or empty if there is no baseline
     */
    public java.util.Optional<String> bestBaseline() {
        String best = null;
        for (Map.Entry<String, ChurnEvaluation> e : baselines.entrySet()) {
            if (best == null || e.getValue().auc() > baselines.get(best).auc()) {
                best = e.getKey();
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * Returns the report as JSON: {@code {"model":..,"customers":..,"churners":..,"auc":..,
     * "brier":..,"deciles":[..],"precision_at":{..},"recall_at":{..},"baselines":{"name":{"auc":..,
     * "brier":..,"precision_at":{..},"recall_at":{..},"auc_difference":..,"auc_difference_se":..},..},
     * "best_baseline":..,"at_least_as_good_as_best_baseline":..,"not_significantly_worse_than_best_baseline":..}}
     * where the differences are the score's AUC minus the baseline's with the DeLong standard
     * error, and "not significantly worse" means a difference above -1.96 standard errors. The k of
     * {@code precision_at} and {@code recall_at} are 1%, 5%, 10% and 20% of the customers
     * (at least 1), as strings; {@code brier} is left out for a score that is not a probability.
     *
     * @return the JSON text, pretty-printed, never null
     */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("model", name);
        root.put("customers", model.customers());
        root.put("churners", model.churners());
        metrics(root, model, true);
        ObjectNode b = root.putObject("baselines");
        baselines.forEach((k, v) -> {
            ObjectNode node = b.putObject(k);
            metrics(node, v, false);
            AucComparison c = comparisons.get(k);
            if (c != null) {
                node.put("auc_difference", c.difference());
                node.put("auc_difference_se", c.standardError());
            }
        });
        bestBaseline().ifPresent(best -> {
            root.put("best_baseline", best);
            root.put("at_least_as_good_as_best_baseline", model.auc() >= baselines.get(best).auc());
            AucComparison c = comparisons.get(best);
            if (c != null) {
                root.put("not_significantly_worse_than_best_baseline", c.notWorse(1.96));
            }
        });
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void metrics(ObjectNode node, ChurnEvaluation e, boolean withDeciles) {
        node.put("auc", e.auc());
        e.brier().ifPresent(v -> node.put("brier", v));
        if (withDeciles) {
            var array = node.putArray("deciles");
            for (DecileRow row : e.deciles()) {
                ObjectNode r = array.addObject();
                r.put("decile", row.decile());
                r.put("customers", row.customers());
                r.put("churners", row.churners());
                r.put("mean_predicted", row.meanScore());
                r.put("observed", row.observedRate());
                r.put("lift", row.lift());
                r.put("capture", row.capture());
            }
        }
        ObjectNode precision = node.putObject("precision_at");
        ObjectNode recall = node.putObject("recall_at");
        for (int k : topKs(e.customers())) {
            precision.put(Integer.toString(k), e.precisionAt(k));
            recall.put(Integer.toString(k), e.recallAt(k));
        }
    }

    /**
     * The k of the JSON's precision and recall: 1%, 5%, 10% and 20% of n, at least 1, distinct.
     *
     * @param n the number of customers, positive
     * @return the distinct k in increasing order, never null
     */
    static int[] topKs(int n) {
        return new TreeSet<>(java.util.List.of(Math.max(1, (int) Math.round(n * 0.01)),
                Math.max(1, (int) Math.round(n * 0.05)), Math.max(1, (int) Math.round(n * 0.10)),
                Math.max(1, (int) Math.round(n * 0.20)))).stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "ChurnReport[" + name + ": " + model + ", baselines " + baselines.keySet() + "]";
    }
}
