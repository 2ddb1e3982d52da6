package org.crmkit.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.segment.Rules;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.crmkit.scoring.loyalty.BrandPattern;
import org.crmkit.scoring.loyalty.BrandPatternClassifier;
import org.crmkit.scoring.loyalty.BrandPatterns;
import org.crmkit.scoring.loyalty.BrandSequences;
import org.crmkit.scoring.loyalty.LoyaltyCell;
import org.crmkit.scoring.loyalty.LoyaltyEvidence;
import org.crmkit.scoring.loyalty.LoyaltyIdentifier;
import org.crmkit.scoring.loyalty.LoyaltyReport;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README's churn-warning and loyalty examples compiling and true. */
class ReadmeChurnExampleTest {

    @TempDir
    Path dir;

    @Test
    void readme_churnWarningExample() {
        // summaries simulated from a known BG/NBD, with a 39-week holdout
        double[] ages = new double[3000];
        java.util.Arrays.fill(ages, 39);
        SimulatedCohort cohort = BgNbd.of(0.243, 4.414, 0.793, 2.426).simulate(ages, 39, 7);
        CustomerSummaries.Builder sb = CustomerSummaries.builder().timeUnit(TimeUnit.WEEKS);
        CustomerSummaries.Builder hb = CustomerSummaries.builder().timeUnit(TimeUnit.WEEKS);
        for (int i = 0; i < ages.length; i++) {
            int x = (int) cohort.frequency()[i];
            double m = x == 0 ? 0 : 20 + i % 30;
            sb.add("C" + i, x, cohort.recency()[i], cohort.age()[i], m);
            hb.add("C" + i, x, cohort.recency()[i], cohort.age()[i], m, (int) cohort.holdoutFrequency()[i], 0, 39);
        }
        CustomerSummaries summaries = sb.build();
        CustomerSummaries summariesWithHoldout = hb.build();
        GammaGamma gammaGamma = GammaGamma.of(6.25, 3.74, 15.44);
        Instant asOf = Instant.parse("2026-06-30T00:00:00Z");
        Customer customer = Customer.builder(CustomerId.of("C-1"),
                PersonProfile.builder(PersonName.of("Ann", "Lee"), Clock.fixed(asOf, ZoneOffset.UTC)).build()).build();
        List<Activity> activities = List.of();

        BgNbd bgnbd = BtydFitter.standard().fit(BgNbd.model(), BtydData.from(summaries)).model();
        ChurnScorer scorer = ChurnScorer.builder(bgnbd)
                .window(39)                                        // weeks: the model's time unit
                .spendModel(gammaGamma, 52, 0.002)                 // value at risk over 52 weeks
                .policy(WarningPolicy.builder()
                        .cutPoints(0.6, 0.8, 0.95)                 // watch, warning, critical
                        .rule("quiet-regular", Rules.all(          // crm-core's rule language
                                Rules.attribute("churn_risk").isAtLeast(0.5),
                                Rules.attribute("frequency").isAtLeast(10)))
                        .build())
                .build();
        ChurnScores scores = scorer.score(summaries);              // columnar, Parallelism-aware
        List<ChurnWarning> callFirst = scores.watchList(10);       // highest value at risk first
        ChurnEvidence evidence = ChurnEvidence.fromActivities(customer, activities, asOf, Duration.ofDays(90));
        ChurnWarning w = scorer.assess("C-1", 3, 10, 38, 25.0, evidence);
        ChurnReport report = ChurnReport.evaluate(bgnbd, summariesWithHoldout);

        assertThat(callFirst).hasSize(10);
        assertThat(callFirst.get(0).valueAtRisk().getAsDouble())
                .isGreaterThanOrEqualTo(callFirst.get(9).valueAtRisk().getAsDouble());
        assertThat(w.level()).isEqualTo(WarningLevel.CRITICAL);       // risk and a 28-week pause
        assertThat(w.reasons()).extracting(ChurnReason::code).contains("model_risk", "hiatus");
        assertThat(report.model().auc()).isGreaterThan(0.7);
        assertThat(report.comparisons()).containsKey("recency_rank");
        assertThat(ChurnSignals.of(w).numbers()).containsEntry("churn_level", 3.0);
    }

    @Test
    void readme_classifierExample() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,tenure,plan,email,churned\n");
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 300; i++) {
            int tenure = 1 + r.nextInt(48);
            boolean churned = r.nextDouble() < 1 / (1 + Math.exp(-(1 - 0.08 * tenure)));
            csv.append(i).append(',').append(tenure).append(',').append(i % 3 == 0 ? "gold" : "basic")
                    .append(",u").append(i).append("@example.org,").append(churned ? "yes" : "no").append('\n');
        }
        Files.writeString(dir.resolve("customers.csv"), csv);
        Path file = dir.resolve("customers.csv");

        ChurnTable table = ChurnTable.read(file, "customer_id", "churned", Set.of("email"));
        LogisticChurnModel model = LogisticChurnModel.builder().lambda(1.0).build().fit(table);
        List<LogisticChurnModel.Coefficient> c = model.coefficients();
        double[] risk = model.score(table);
        LogisticChurnModel.CrossValidation cv = LogisticChurnModel.builder().build().crossValidate(table, 5, 42);
        String json = model.toJson();

        assertThat(c.get(0).feature()).isEqualTo("tenure");
        assertThat(c.get(0).oddsRatio()).isLessThan(1);
        assertThat(risk).hasSize(300);
        assertThat(cv.meanAuc()).isGreaterThan(0.6);
        assertThat(LogisticChurnModel.fromJson(json).score(table)).containsExactly(risk);
    }

    @Test
    void readme_loyaltyExample() {
        BrandSequences sequences = BrandSequences.builder()
                .add("C-1", LocalDate.of(2026, 1, 5), "Acme")
                .add("C-1", LocalDate.of(2026, 2, 9), "Acme")
                .add("C-1", LocalDate.of(2026, 3, 2), "Acme")
                .build();
        BrandPatterns patterns = BrandPatternClassifier.defaults().classify(sequences);
        LoyaltyReport cells = LoyaltyIdentifier.defaults().assessAll(List.of(
                LoyaltyEvidence.builder("C-1", 2, 8.0).probabilityAlive(0.9).npsAnswer(10)
                        .brandLevel(patterns.level(0)).build()));

        assertThat(patterns.pattern(0)).isEqualTo(BrandPattern.HARD_CORE);
        assertThat(patterns.loyalty(0).reasons()).containsExactly("'Acme' has 100% of 3 purchases (>= 90%)");
        assertThat(cells.countByCell()).containsEntry(LoyaltyCell.TRUE_LOYALTY, 1);
        assertThat(cells.loyalCustomers()).hasSize(1);
        assertThat(cells.countBySegment(id -> "Champions").get("Champions")).containsEntry(LoyaltyCell.TRUE_LOYALTY, 1);
    }
}
