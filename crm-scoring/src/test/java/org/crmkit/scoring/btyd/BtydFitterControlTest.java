package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.ProgressEvent;
import org.junit.jupiter.api.Test;

/** Issue 15, progress and control: the fitter's listener, time limit, iteration limit and cancellation. */
class BtydFitterControlTest {

    private static BtydData cohort() {
        double[] ages = new double[400];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 20 + i % 19;
        }
        return BgNbd.of(0.25, 4, 0.8, 2.5).simulate(ages, 0, 11L).calibration();
    }

    @Test
    void withProgress_reportsEveryLikelihoodEvaluationInOrder() {
        List<ProgressEvent> events = new ArrayList<>();
        FitResult<BgNbd> fit = BtydFitter.standard().withProgress(events::add).fit(BgNbd.model(), cohort());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.limitReached()).isEmpty();
        assertThat(events).isNotEmpty();
        for (int i = 0; i < events.size(); i++) {
            ProgressEvent e = events.get(i);
            assertThat(e.phase()).isEqualTo("fit bg-nbd: likelihood evaluations");
            assertThat(e.done()).isEqualTo(i + 1);
            assertThat(e.total()).isEmpty();
            assertThat(e.elapsed().isNegative()).isFalse();
        }
        // the same estimates as without a listener
        assertThat(fit.parameters()).isEqualTo(BtydFitter.standard().fit(BgNbd.model(), cohort()).parameters());
    }

    @Test
    void withMaxIterations_two_reportsNotConvergedAtTheIterationLimit() {
        FitResult<BgNbd> fit = BtydFitter.standard().withMaxIterations(2).fit(BgNbd.model(), cohort());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.limitReached()).contains(FitLimit.ITERATIONS);
        assertThat(fit.iterations()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withTimeLimit_stopsAtTheLimitWithTheBestPointSoFar() {
        // a clock that advances one second per reading: the limit of 5 s is reached after a few evaluations
        AtomicLong now = new AtomicLong();
        List<ProgressEvent> events = new ArrayList<>();
        FitResult<BgNbd> fit = BtydFitter.standard().withClock(() -> now.getAndAdd(1_000_000_000L))
                .withTimeLimit(Duration.ofSeconds(5)).withProgress(events::add).fit(BgNbd.model(), cohort());
        assertThat(fit.converged()).isFalse();
        assertThat(fit.limitReached()).contains(FitLimit.TIME);
        assertThat(fit.convergence()).contains("stopped by the time limit of PT5S after 5 likelihood evaluations");
        assertThat(events).hasSize(5);
        assertThat(fit.logLikelihood()).isFinite();
        assertThat(fit.attempts()).hasSize(1); // no fall-back search starts once the time is up
    }

    @Test
    void withTimeLimit_generous_changesNothing() {
        FitResult<BgNbd> limited = BtydFitter.standard().withTimeLimit(Duration.ofHours(1)).fit(BgNbd.model(), cohort());
        assertThat(limited.converged()).isTrue();
        assertThat(limited.limitReached()).isEmpty();
        assertThat(limited.parameters()).isEqualTo(BtydFitter.standard().fit(BgNbd.model(), cohort()).parameters());
    }

    @Test
    void withTimeLimit_invalid() {
        assertThatThrownBy(() -> BtydFitter.standard().withTimeLimit(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> BtydFitter.standard().withTimeLimit(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BtydFitter.standard().withTimeLimit(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BtydFitter.standard().withProgress(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BtydFitter.standard().withCancellation(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void withCancellation_cancelledDuringTheFit_throws() {
        Cancellation cancel = Cancellation.create();
        BtydFitter fitter = BtydFitter.standard().withCancellation(cancel).withProgress(e -> {
            if (e.done() == 3) {
                cancel.cancel();
            }
        });
        assertThatThrownBy(() -> fitter.fit(BgNbd.model(), cohort())).isInstanceOf(CancellationException.class)
                .hasMessage("fit bg-nbd was cancelled");
    }

    @Test
    void cancellation_neverCannotBeCancelled() {
        assertThatThrownBy(() -> Cancellation.never().cancel()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Cancellation.never().isCancelled()).isFalse();
        Cancellation c = Cancellation.create();
        assertThat(c).hasToString("Cancellation[active]");
        c.cancel();
        assertThat(c).hasToString("Cancellation[cancelled]");
    }

    @Test
    void progressEvent_validates() {
        assertThat(ProgressEvent.of("read", 5, 10, Duration.ofSeconds(1)).fraction()).hasValue(0.5);
        assertThat(ProgressEvent.of("read", 0, 0, Duration.ZERO).fraction()).hasValue(1);
        assertThat(ProgressEvent.ofUnknownTotal("read", 5, Duration.ZERO).fraction()).isEmpty();
        assertThatThrownBy(() -> ProgressEvent.of("read", 11, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("total 10 is below done 11");
        assertThatThrownBy(() -> ProgressEvent.of(" ", 1, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgressEvent.of("read", -1, 10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgressEvent.of("read", 1, 10, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
