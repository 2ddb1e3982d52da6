package org.crmkit.examples.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.lifecycle.LifecycleTracker;
import org.crmkit.core.lifecycle.Outcome;
import org.crmkit.core.lifecycle.PurchaseTimeline;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.churn.ChurnEvaluation;
import org.crmkit.scoring.churn.ChurnEvidence;
import org.crmkit.scoring.churn.ChurnReason;
import org.crmkit.scoring.churn.ChurnReport;
import org.crmkit.scoring.churn.ChurnScorer;
import org.crmkit.scoring.churn.ChurnScores;
import org.crmkit.scoring.churn.ChurnSignals;
import org.crmkit.scoring.churn.ChurnWarning;
import org.crmkit.scoring.churn.WarningLevel;
import org.crmkit.scoring.loyalty.BrandPattern;
import org.crmkit.scoring.loyalty.BrandPatternClassifier;
import org.crmkit.scoring.loyalty.BrandPatterns;
import org.crmkit.scoring.loyalty.BrandSequences;
import org.crmkit.scoring.loyalty.LoyaltyCell;
import org.crmkit.scoring.loyalty.LoyaltyEvidence;
import org.crmkit.scoring.loyalty.LoyaltyIdentifier;
import org.crmkit.scoring.loyalty.LoyaltyLevel;
import org.crmkit.scoring.loyalty.LoyaltyReport;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.TransactionLog;

/**
 * The demo's churn-warning and loyalty section (issue 11): the holdout evaluation of the
 * churn risk against its baselines, the watch list by value at risk with reasons from each
 * customer's record, loyalty counts by level and Dick and Basu cell, and the customers the
 * relationship lifecycle moved on churn warnings.
 *
 * <pre>{@code
 * ChurnWarningSection s = ChurnWarningSection.of(store, value, replay, calibrationEnd, end);
 * s.print(out);
 * }</pre>
 *
 * <p>Computed once by {@link #of}; read-only afterwards. Applying the churn signals moves
 * customers in the replay's tracker, so call it after the lifecycle section has been printed.
 */
public final class ChurnWarningSection {

    /** The risk window, in weeks. */
    public static final int WINDOW_WEEKS = 26;
    /** The length of the watch list. */
    public static final int TOP = 10;

    private final ChurnReport holdout;
    private final double holdoutWeeks;
    private final List<ChurnWarning> watchList;
    private final Map<WarningLevel, Integer> levels;
    private final Map<LoyaltyLevel, Integer> loyaltyLevels;
    private final Map<BrandPattern, Integer> patterns;
    private final Map<LoyaltyCell, Integer> cells;
    private final int moved;
    private final int recovered;
    private final List<String> examples;

    private ChurnWarningSection(ChurnReport holdout, double holdoutWeeks, List<ChurnWarning> watchList,
            Map<WarningLevel, Integer> levels, Map<LoyaltyLevel, Integer> loyaltyLevels,
            Map<BrandPattern, Integer> patterns, Map<LoyaltyCell, Integer> cells, int moved, int recovered,
            List<String> examples) {
        this.holdout = holdout;
        this.holdoutWeeks = holdoutWeeks;
        this.watchList = List.copyOf(watchList);
        this.levels = levels;
        this.loyaltyLevels = loyaltyLevels;
        this.patterns = patterns;
        this.cells = cells;
        this.moved = moved;
        this.recovered = recovered;
        this.examples = List.copyOf(examples);
    }

    /**
     * Computes the section.
     *
     * @param store the customers and activities, not null
     * @param value the value section's fits (calibration and whole-period BG/NBD, Gamma-Gamma), not null
     * @param replay the relationship lifecycle replayed to {@code end}, not null
     * @param calibrationEnd the end of the calibration period, not null
     * @param observationEnd the end of the observation (the replay's last date), not null
     * @return the section, never null
     */
    public static ChurnWarningSection of(CustomerStore store, ValueReport value, RelationshipReplay replay,
            LocalDate calibrationEnd, Instant observationEnd) {
        Objects.requireNonNull(observationEnd, "observationEnd");
        LocalDate end = LocalDate.ofInstant(observationEnd, ZoneOffset.UTC);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(replay, "replay");
        List<Purchase> purchases = new ArrayList<>();
        Map<String, Customer> customers = new HashMap<>();
        BrandSequences.Builder brands = BrandSequences.builder();
        Map<String, SatisfactionSurvey> latestSurvey = new HashMap<>();
        for (Customer c : store.all()) {
            customers.put(c.id().value(), c);
            for (Activity a : store.activitiesOf(c.id())) {
                if (a instanceof Purchase p && !p.isReturn()) {
                    if (p.amount().currency().equals(value.currency())) {
                        purchases.add(p);
                    }
                    brands.add(c.id().value(), LocalDate.ofInstant(p.timestamp(), ZoneOffset.UTC), p.category());
                } else if (a instanceof SatisfactionSurvey s) {
                    latestSurvey.merge(c.id().value(), s, (x, y) -> x.timestamp().isAfter(y.timestamp()) ? x : y);
                }
            }
        }
        TransactionLog log = TransactionLog.fromPurchases(purchases, value.currency(), ZoneOffset.UTC);

        // 1. the risk at the calibration end against what happened in the holdout period
        CustomerSummaries split = ValueReport.withPositiveAge(ValueReport.summarizer(calibrationEnd, end).summarize(log));
        BgNbd calibrationModel = value.calibrationFit().model();
        ChurnReport holdout = ChurnReport.evaluate(calibrationModel, split);
        double holdoutWeeks = Duration.between(calibrationEnd.atStartOfDay(), end.atStartOfDay()).toDays() / 7.0;

        // 2. the watch list now, from the whole period
        CustomerSummaries whole = ValueReport.withPositiveAge(value.wholePeriod());
        BgNbd model = value.purchaseFit().model();
        double weekly = Math.pow(1 + value.annualDiscountRate(), 1 / 52.0) - 1;
        ChurnScorer scorer = ChurnScorer.builder(model).window(WINDOW_WEEKS)
                .spendModel(value.spendFit().model(), value.horizonWeeks(), weekly).build();
        ChurnScores scores = scorer.score(whole);
        Instant asOf = observationEnd;
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < whole.size(); i++) {
            row.put(whole.customerId(i), i);
        }
        List<ChurnWarning> list = new ArrayList<>();
        for (ChurnWarning w : scores.watchList(TOP)) {
            int i = row.get(w.customerId());
            Customer c = customers.get(w.customerId());
            ChurnEvidence evidence = ChurnEvidence.fromActivities(c, store.activitiesOf(c.id()), asOf,
                    Duration.ofDays(90));
            list.add(scorer.assess(w.customerId(), whole.frequency(i), whole.recency(i), whole.t(i),
                    whole.monetaryValue(i), evidence));
        }

        // 3. loyalty: category sequences and Dick & Basu cells
        BrandSequences sequences = brands.build();
        BrandPatterns brandPatterns = BrandPatternClassifier.defaults().classify(sequences);
        Map<String, LoyaltyLevel> levelOf = new HashMap<>();
        for (int i = 0; i < brandPatterns.size(); i++) {
            levelOf.put(brandPatterns.customerId(i), brandPatterns.level(i));
        }
        List<LoyaltyEvidence> evidence = new ArrayList<>();
        for (int i = 0; i < whole.size(); i++) {
            String id = whole.customerId(i);
            LoyaltyEvidence.Builder b = LoyaltyEvidence.builder(id, whole.frequency(i), whole.t(i))
                    .probabilityAlive(scores.probabilityAlive(i));
            Optional.ofNullable(levelOf.get(id)).ifPresent(b::brandLevel);
            SatisfactionSurvey s = latestSurvey.get(id);
            if (s != null) {
                b.satisfaction(s.satisfaction());
                if (s.npsAnswer() != null) {
                    b.npsAnswer(s.npsAnswer());
                }
            }
            evidence.add(b.build());
        }
        LoyaltyReport loyalty = LoyaltyIdentifier.defaults().assessAll(evidence);

        // 4. the lifecycle: churn signals at the end move customers to decline and back
        LifecycleTracker<CustomerId, PurchaseTimeline, Void> tracker = replay.tracker();
        int moved = 0;
        int recovered = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < whole.size(); i++) {
            CustomerId id = CustomerId.of(whole.customerId(i));
            if (tracker.record(id).isEmpty()) {
                continue;
            }
            Optional<Outcome> o = tracker.applySignals(id, replay.timeline(id).orElse(null), null,
                    ChurnSignals.of(scores.warning(i)), asOf);
            if (o.isPresent() && o.get() instanceof Outcome.Moved m) {
                String text = m.explain();
                if (text.contains("churn-warning")) {
                    moved++;
                    if (examples.size() < 2) {
                        examples.add(id.value() + ": " + m.from().name() + " -> " + m.to().name() + ", " + text);
                    }
                } else if (text.contains("churn-recovered")) {
                    recovered++;
                    if (examples.size() < 3 && recovered == 1) {
                        examples.add(id.value() + ": " + m.from().name() + " -> " + m.to().name() + ", " + text);
                    }
                }
            }
        }
        return new ChurnWarningSection(holdout, holdoutWeeks, list, scores.countByLevel(),
                brandPatterns.countByLevel(), brandPatterns.countByPattern(), loyalty.countByCell(), moved, recovered,
                examples);
    }

    /**
     * Returns the holdout evaluation of the risk and its baselines.
     *
     * @return the report, never null
     */
    public ChurnReport holdout() {
        return holdout;
    }

    /**
     * Returns the watch list, highest value at risk first, with reasons from each record.
     *
     * @return at most {@value #TOP} warnings, never null
     */
    public List<ChurnWarning> watchList() {
        return watchList;
    }

    /**
     * Returns the customers per Dick and Basu cell.
     *
     * @return the counts, never null
     */
    public Map<LoyaltyCell, Integer> cells() {
        return cells;
    }

    /**
     * Returns the customers per loyalty level of their category sequences.
     *
     * @return the counts, never null
     */
    public Map<LoyaltyLevel, Integer> loyaltyLevels() {
        return loyaltyLevels;
    }

    /**
     * Returns how many customers the churn warnings moved to decline.
     *
     * @return the count, {@code >= 0}
     */
    public int movedToDecline() {
        return moved;
    }

    /**
     * Returns how many declining customers recovered because no warning remained.
     *
     * @return the count, {@code >= 0}
     */
    public int recovered() {
        return recovered;
    }

    /**
     * Prints the section.
     *
     * @param out where to print, not null
     */
    public void print(PrintWriter out) {
        ChurnEvaluation m = holdout.model();
        out.printf(Locale.ROOT, "%nChurn warning (crm-scoring churn): risk = P(no purchase in the window | history)"
                + " under BG/NBD%n");
        out.printf(Locale.ROOT, "Holdout check: risk at the calibration end for the next %.1f weeks, %,d customers,"
                + " %,d made no purchase%n", holdoutWeeks, m.customers(), m.churners());
        out.printf(Locale.ROOT, "  %-14s %6s %6s %9s %9s%n", "score", "AUC", "Brier", "lift@10%", "prec@10%");
        line(out, "risk", m);
        holdout.baselines().forEach((k, v) -> line(out, k, v));
        out.printf(Locale.ROOT, "  (AUC ties count one half; lift and precision over the 10%% highest scores;"
                + " best baseline %s, risk minus it %+.3f, DeLong SE %.3f)%n", holdout.bestBaseline().orElse("-"),
                holdout.comparisons().get(holdout.bestBaseline().orElseThrow()).difference(),
                holdout.comparisons().get(holdout.bestBaseline().orElseThrow()).standardError());
        out.printf(Locale.ROOT, "Warning levels now (window %d weeks): %s%n", WINDOW_WEEKS, counts(levels));
        out.printf(Locale.ROOT, "Watch list: top %d by value at risk (risk x expected value over the value horizon)%n",
                TOP);
        out.printf(Locale.ROOT, "  %-8s %6s %-9s %10s  %s%n", "customer", "risk", "level", "at risk", "reasons");
        for (ChurnWarning w : watchList) {
            List<String> why = new ArrayList<>();
            for (ChurnReason r : w.reasons()) {
                why.add(r.describe());
            }
            out.printf(Locale.ROOT, "  %-8s %6.3f %-9s %,10.2f  %s%n", w.customerId(), w.risk(), w.level().label(),
                    w.valueAtRisk().orElse(0), String.join("; ", why));
        }
        out.printf(Locale.ROOT, "Loyalty by category sequence: %s; patterns %s%n", counts(loyaltyLevels),
                counts(patterns));
        out.printf(Locale.ROOT, "Dick & Basu cells (repeat patronage x attitude from NPS or C = b/a): %s%n",
                counts(cells));
        out.printf(Locale.ROOT, "Lifecycle: %,d customers moved to decline by a churn warning, %,d recovered from"
                + " decline with no warning left%n", moved, recovered);
        examples.forEach(e -> out.printf(Locale.ROOT, "  %s%n", e));
    }

    private static void line(PrintWriter out, String name, ChurnEvaluation e) {
        int k = Math.max(1, e.customers() / 10);
        out.printf(Locale.ROOT, "  %-14s %6.3f %6s %9.2f %9.3f%n", name, e.auc(),
                e.brier().isPresent() ? String.format(Locale.ROOT, "%.3f", e.brier().getAsDouble()) : "-",
                e.precisionAt(k) / ((double) e.churners() / e.customers()), e.precisionAt(k));
    }

    private static <K extends Enum<K>> String counts(Map<K, Integer> m) {
        Map<K, Integer> sorted = new java.util.TreeMap<>(Comparator.comparingInt(Enum::ordinal));
        sorted.putAll(m);
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(k.name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + v));
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return "ChurnWarningSection[" + holdout + ", " + watchList.size() + " on the watch list]";
    }
}
