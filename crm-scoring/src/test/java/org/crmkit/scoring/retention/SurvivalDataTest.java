package org.crmkit.scoring.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Input rules of survival data, the models and the fitter, each with a message naming what is wrong. */
class SurvivalDataTest {
    @Test
    void curve_countsChurnAndCensoring() {
        SurvivalData d = SurvivalData.builder().cohort("a", 100, 80, 70).cohort("b", 50, 45).build();
        assertThat(d.customers()).isEqualTo(150);
        assertThat(d.maxPeriod()).isEqualTo(2);
        assertThat(d.churned(1)).isEqualTo(25);
        assertThat(d.churned(2)).isEqualTo(10);
        assertThat(d.stillActive(1)).isEqualTo(45);
        assertThat(d.stillActive(2)).isEqualTo(70);
        assertThat(d.cohortNames()).containsExactly("a", "b");
    }

    @Test
    void rows_inPeriodOrder() {
        SurvivalData d = SurvivalData.builder().add("x", 0, 10).add("y", 0, 5).add("x", 1, 8).add("y", 1, 5).build();
        assertThat(d.cohorts().get("x")).containsExactly(10, 8);
    }

    @Test
    void invalid_isRefusedWithCohortAndPeriod() {
        assertThatThrownBy(() -> SurvivalData.ofCurve(100, 80, 90)).hasMessageContaining("cohort 'all', period 2")
                .hasMessageContaining("cannot increase");
        assertThatThrownBy(() -> SurvivalData.ofCurve(0, 0)).hasMessageContaining("period 0");
        assertThatThrownBy(() -> SurvivalData.ofCurve(100)).hasMessageContaining("at least period 1");
        assertThatThrownBy(() -> SurvivalData.ofCurve(100, -1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> SurvivalData.builder().build()).hasMessageContaining("no cohort");
        assertThatThrownBy(() -> SurvivalData.builder().cohort("a", 2, 1).cohort("a", 2, 1))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> SurvivalData.builder().add("a", 1, 5)).hasMessageContaining("period 0 was expected");
        assertThatThrownBy(() -> SurvivalData.builder().add("a", 0, 5).add("a", 2, 5))
                .hasMessageContaining("period 1 was expected");
        assertThatThrownBy(() -> SurvivalData.builder().add(" ", 0, 5)).hasMessageContaining("blank");
        assertThatThrownBy(() -> SurvivalData.builder().add(null, 0, 5)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SurvivalData.ofCurve((long[]) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void fitter_refusesDataThatCannotIdentifyTheModel() {
        assertThatThrownBy(() -> RetentionFitter.fit(RetentionModelKind.SBG, SurvivalData.ofCurve(100, 100, 100)))
                .hasMessageContaining("no customer churned");
        assertThatThrownBy(() -> RetentionFitter.fit(RetentionModelKind.SBG, SurvivalData.ofCurve(100, 0, 0)))
                .hasMessageContaining("every customer churned at the first renewal");
        assertThatThrownBy(() -> RetentionFitter.fit(RetentionModelKind.SBG, SurvivalData.ofCurve(100, 60)))
                .hasMessageContaining("needs counts up to period 2");
        assertThatThrownBy(() -> RetentionFitter.fit(RetentionModelKind.BDW, SurvivalData.ofCurve(100, 60, 40)))
                .hasMessageContaining("needs counts up to period 3");
    }

    /**
     * Constant churn (no heterogeneity): the likelihood rises towards infinite alpha and beta at a
     * fixed ratio; the fit stops on that flat ridge with standard errors larger than the
     * estimates (or at the boundary, not converged), never with a confident wrong answer.
     */
    @Test
    void fitter_homogeneousData_reportsTheBoundary() {
        long[] geometric = new long[9];
        geometric[0] = 1L << 40;
        for (int t = 1; t < geometric.length; t++) {
            geometric[t] = geometric[t - 1] / 2;
        }
        RetentionFit fit = RetentionFitter.fit(RetentionModelKind.SBG, SurvivalData.ofCurve(geometric));
        double alpha = fit.model().parameters().get("alpha");
        assertThat(!fit.converged() || fit.standardErrors().get("alpha") > alpha).as(fit.toString()).isTrue();
        assertThat(fit.model().retentionRate(1)).isBetween(0.49, 0.51);
        assertThat(fit.logLikelihood()).isFinite();
    }

    @Test
    void models_refuseBadParametersAndArguments() {
        assertThatThrownBy(() -> ShiftedBetaGeometric.of(0, 1)).hasMessageContaining("alpha must be positive");
        assertThatThrownBy(() -> ShiftedBetaGeometric.of(1, Double.NaN)).hasMessageContaining("beta");
        assertThatThrownBy(() -> BetaDiscreteWeibull.of(1, 1, Double.POSITIVE_INFINITY)).hasMessageContaining("c must");
        RetentionModel m = ShiftedBetaGeometric.of(1, 1);
        assertThatThrownBy(() -> m.survival(-1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> m.retentionRate(0)).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> m.derl(0, 1)).hasMessageContaining("discount rate");
        assertThatThrownBy(() -> m.derl(0.1, -1)).hasMessageContaining("renewals");
        assertThatThrownBy(() -> m.expectedRenewals(0, RetentionModel.MAX_HORIZON + 1)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> m.residualValue(Double.NaN, 0.1, 0)).hasMessageContaining("margin");
        assertThatThrownBy(() -> RetentionModelKind.parse("weibull")).hasMessageContaining("expected sbg or bdw");
        assertThatThrownBy(() -> RetentionModelKind.SBG.create(1, 2, 3)).hasMessageContaining("2 parameters");
    }
}
