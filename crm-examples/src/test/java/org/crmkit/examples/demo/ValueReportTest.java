package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValueReportTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 6, 30);
    private static final LocalDate END = LocalDate.of(2024, 12, 31);
    private static CustomerStore store;
    private static ValueReport report;

    @BeforeAll
    static void simulate() {
        store = PopulationSimulator.builder().customers(1_500).seed(9).build().simulate().store();
        report = ValueReport.of(store, EUR, CALIBRATION_END, END, 52, 0.10);
    }

    @Test
    void topCustomers_sameAsDiscountingEveryCustomer() {
        BgNbd purchases = report.purchaseFit().model();
        GammaGamma spend = report.spendFit().model();
        double weekly = Math.pow(1.10, 1 / 52.0) - 1;
        CustomerSummaries s = report.wholePeriod();
        List<double[]> values = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.t(i) > 0) {
                int x = s.frequency(i);
                double value = purchases.discountedExpectedPurchases(52, weekly, x, s.recency(i), s.t(i))
                        * spend.conditionalExpectedSpend(x, x == 0 ? 0 : s.monetaryValue(i));
                values.add(new double[] {value, ids.size()});
                ids.add(s.customerId(i));
            }
        }
        values.sort(Comparator.comparingDouble((double[] v) -> -v[0]).thenComparing(v -> ids.get((int) v[1])));
        List<ValueReport.CustomerValue> top = report.topCustomers();
        assertThat(top).hasSize(ValueReport.TOP);
        for (int k = 0; k < ValueReport.TOP; k++) {
            assertThat(top.get(k).customerId()).isEqualTo(ids.get((int) values.get(k)[1]));
            assertThat(top.get(k).lifetimeValue()).isCloseTo(values.get(k)[0],
                    org.assertj.core.data.Offset.offset(1e-9 * values.get(k)[0]));
        }
    }

    @Test
    void of_countsAddUp() {
        int buyers = report.wholePeriod().size();
        assertThat(report.segmentCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(buyers);
        assertThat(report.abcCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(buyers);
        assertThat(report.topFifthShare()).isBetween(0.2, 1.0);
        assertThat(report.gini()).isBetween(0.0, 1.0);
        assertThat(report.holdout().customers() + report.calibrationLeftOut()).isLessThanOrEqualTo(buyers);
        assertThat(report.holdoutWeeks()).isCloseTo(184 / 7.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(report.spendFit().converged()).isTrue();
    }

    @Test
    void of_badArguments_rejected() {
        assertThatThrownBy(() -> ValueReport.of(store, EUR, END, END, 52, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-12-31");
        assertThatThrownBy(() -> ValueReport.of(store, EUR, CALIBRATION_END, END, 0, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("horizon must be 1 to 520 weeks: 0");
        assertThatThrownBy(() -> ValueReport.of(store, EUR, CALIBRATION_END, END, 52, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> ValueReport.of(store, Currency.getInstance("JPY"), CALIBRATION_END, END, 52, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPY");
    }

    @Test
    void of_processBuyersFitTheirOwnModel_othersDoNot() {
        SimulatedPopulation population = PopulationSimulator.builder().customers(6_000).seed(21).build().simulate();
        java.util.Map<String, String> groupOf = new java.util.HashMap<>();
        population.behaviours().forEach((id, b) -> groupOf.put(id.value(), b.name()));
        ValueReport r = ValueReport.of(population.store(), EUR, CALIBRATION_END, END, 52, 0.10, groupOf,
                Behaviour.BTYD_PROCESS.name());
        assertThat(r.holdoutByGroup().keySet()).contains(Behaviour.BTYD_PROCESS.name(), Behaviour.GROWING.name());
        assertThat(r.holdoutByGroup().values().stream().mapToInt(h -> h.customers()).sum())
                .isEqualTo(r.holdout().customers());
        org.crmkit.scoring.evaluation.HoldoutEvaluation own = r.processHoldout().orElseThrow();
        assertThat(r.processFit().orElseThrow().converged()).isTrue();
        // the process buyers' own fit predicts their holdout purchases closely ...
        assertThat(Math.abs(own.predictedTotal() / own.actualTotal() - 1)).isLessThan(0.15);
        // ... while the whole-population fit misses the growing buyers by far more
        org.crmkit.scoring.evaluation.HoldoutEvaluation growing = r.holdoutByGroup().get(Behaviour.GROWING.name());
        assertThat(growing.predictedTotal() / growing.actualTotal()).isLessThan(0.7);
        // the fit recovers the simulated process: the mean purchase rate r / alpha within 15%
        java.util.List<Double> fit = r.processFit().orElseThrow().model().parameterValues();
        java.util.List<Double> truth = PopulationSimulator.BTYD_PROCESS.parameterValues();
        assertThat(fit.get(0) / fit.get(1)).isCloseTo(truth.get(0) / truth.get(1),
                org.assertj.core.data.Offset.offset(0.15 * truth.get(0) / truth.get(1)));
    }
}
