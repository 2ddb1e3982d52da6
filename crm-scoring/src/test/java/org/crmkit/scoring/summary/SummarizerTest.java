package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummarizerTest {
    private static final LocalDate D0 = LocalDate.of(2024, 1, 1);

    private static LocalDate day(int n) {
        return D0.plusDays(n);
    }

    @Test
    void summarize_sameDayPurchasesCountOnceAndReturnsReduceTheDay() {
        TransactionLog log = TransactionLog.builder()
                .add("a", day(0), 10.0)
                .add("a", day(7), 20.0)
                .add("a", day(7), 5.0)
                .add("a", day(14), 30.0)
                .add("a", day(14), -10.0)
                .build();
        CustomerSummaries s = Summarizer.builder().timeUnit(TimeUnit.WEEKS)
                .calibrationEnd(day(28)).build().summarize(log);

        assertThat(s.size()).isEqualTo(1);
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isEqualTo(2.0);
        assertThat(s.t(0)).isEqualTo(4.0);
        // repeat days are worth 25 and 20
        assertThat(s.monetaryValue(0)).isEqualTo(22.5);
        assertThat(s.totalSpend(0)).isEqualTo(55.0);
        assertThat(s.orderCount(0)).isEqualTo(5);
        assertThat(s.firstPurchase(0)).isEqualTo(day(0));
        assertThat(s.lastPurchase(0)).isEqualTo(day(14));
        assertThat(s.hasHoldout()).isFalse();
    }

    @Test
    void summarize_unorderedLogGivesSameResultAsOrdered() {
        TransactionLog log = TransactionLog.builder()
                .add("b", day(30), 4.0)
                .add("a", day(14), 30.0)
                .add("b", day(2), 1.0)
                .add("a", day(0), 10.0)
                .build();
        CustomerSummaries s = Summarizer.builder().calibrationEnd(day(30)).build().summarize(log);
        assertThat(s.customerId(0)).isEqualTo("b");
        assertThat(s.frequency(0)).isEqualTo(1);
        assertThat(s.recency(0)).isEqualTo(28.0);
        assertThat(s.t(0)).isEqualTo(28.0);
        assertThat(s.monetaryValue(0)).isEqualTo(4.0);
        assertThat(s.customerId(1)).isEqualTo("a");
        assertThat(s.t(1)).isEqualTo(30.0);
        assertThat(s.timeUnit()).contains(TimeUnit.DAYS);
    }

    @Test
    void summarize_singlePurchaseHasZeroFrequencyRecencyAndMonetaryValue() {
        TransactionLog log = TransactionLog.builder().add("a", day(3), 99.0).build();
        CustomerSummaries s = Summarizer.builder().calibrationEnd(day(10)).build().summarize(log);
        assertThat(s.frequency(0)).isZero();
        assertThat(s.recency(0)).isZero();
        assertThat(s.t(0)).isEqualTo(7.0);
        assertThat(s.monetaryValue(0)).isZero();
        assertThat(s.totalSpend(0)).isEqualTo(99.0);
    }

    @Test
    void summarize_monthsAreJulianMeanMonths() {
        TransactionLog log = TransactionLog.builder()
                .add("a", day(0), 1.0).add("a", day(365), 1.0).build();
        CustomerSummaries s = Summarizer.builder().timeUnit(TimeUnit.MONTHS)
                .calibrationEnd(day(365)).build().summarize(log);
        // 365 days / 30.4375 days per month
        assertThat(s.recency(0)).isCloseTo(11.9918, within(1e-4));
    }

    @Test
    void summarize_holdoutColumnsFromCalibrationAndObservationEnd() {
        TransactionLog log = TransactionLog.builder()
                .add("a", day(0), 10.0)
                .add("a", day(5), 20.0)
                .add("a", day(11), 7.0)
                .add("a", day(12), 3.0)
                .add("a", day(12), 2.0)
                .add("b", day(3), 1.0)
                .add("c", day(15), 8.0)
                .build();
        CustomerSummaries s = Summarizer.builder().calibrationEnd(day(10))
                .observationEnd(day(20)).build().summarize(log);

        assertThat(s.hasHoldout()).isTrue();
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.omittedCustomers()).isEqualTo(1);
        assertThat(s.frequency(0)).isEqualTo(1);
        assertThat(s.t(0)).isEqualTo(10.0);
        assertThat(s.frequencyHoldout(0)).isEqualTo(2);
        assertThat(s.monetaryValueHoldout(0)).isEqualTo(6.0);
        assertThat(s.durationHoldout(0)).isEqualTo(10.0);
        assertThat(s.frequencyHoldout(1)).isZero();
        assertThat(s.monetaryValueHoldout(1)).isZero();
        assertThat(s.totalSpend(0)).isEqualTo(30.0);
        assertThat(s.calibrationEnd()).contains(day(10));
        assertThat(s.observationEnd()).contains(day(20));
    }

    @Test
    void summarize_defaultObservationEndIsLastTransaction() {
        TransactionLog log = TransactionLog.builder()
                .add("a", day(0), 10.0).add("a", day(20), 5.0).build();
        CustomerSummaries s = Summarizer.builder().calibrationEnd(day(10)).build().summarize(log);
        assertThat(s.observationEnd()).contains(day(20));
        assertThat(s.durationHoldout(0)).isEqualTo(10.0);
        assertThat(s.frequencyHoldout(0)).isEqualTo(1);
    }

    @Test
    void summarize_defaultCalibrationEndIsLastTransactionWithoutHoldout() {
        TransactionLog log = TransactionLog.builder()
                .add("a", day(0), 10.0).add("b", day(20), 5.0).build();
        CustomerSummaries s = Summarizer.builder().build().summarize(log);
        assertThat(s.calibrationEnd()).contains(day(20));
        assertThat(s.hasHoldout()).isFalse();
        assertThat(s.t(0)).isEqualTo(20.0);
        assertThat(s.t(1)).isZero();
    }

    @Test
    void summarize_transactionAfterObservationEnd_throwsWithCustomerAndDate() {
        TransactionLog log = TransactionLog.builder()
                .add("a", day(0), 10.0).add("zz", day(31), 5.0).build();
        Summarizer summarizer = Summarizer.builder().calibrationEnd(day(10))
                .observationEnd(day(30)).build();
        assertThatThrownBy(() -> summarizer.summarize(log))
                .isInstanceOf(InvalidTransactionException.class)
                .hasMessageContaining("zz")
                .hasMessageContaining(day(31).toString())
                .satisfies(e -> {
                    InvalidTransactionException ite = (InvalidTransactionException) e;
                    assertThat(ite.customerId()).isEqualTo("zz");
                    assertThat(ite.date()).isEqualTo(day(31));
                    assertThat(ite.amount()).isEqualTo(5.0);
                });
    }

    @Test
    void builder_calibrationEndAfterObservationEnd_throws() {
        assertThatThrownBy(() -> Summarizer.builder().observationEnd(day(5)).calibrationEnd(day(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(day(6).toString());
        assertThatThrownBy(() -> Summarizer.builder().calibrationEnd(day(6)).observationEnd(day(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(day(5).toString());
    }

    @Test
    void builder_optionSetTwice_throws() {
        assertThatThrownBy(() -> Summarizer.builder().timeUnit(TimeUnit.DAYS).timeUnit(TimeUnit.WEEKS))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Summarizer.builder().calibrationEnd(day(1)).calibrationEnd(day(2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Summarizer.builder().timeUnit(null))
                .isInstanceOf(NullPointerException.class).hasMessage("unit");
    }

    private static TransactionLog withNonPositiveDays() {
        return TransactionLog.builder()
                .add("a", day(0), 10.0)
                .add("a", day(3), 5.0)
                .add("a", day(3), -5.0)      // net 0
                .add("a", day(6), -4.0)      // a return on its own day
                .add("a", day(9), 12.0)
                .add("r", day(1), 0.0)       // only a zero-value order
                .build();
    }

    @Test
    void summarize_keepPolicyCountsNonPositiveDays() {
        CustomerSummaries s = Summarizer.builder().calibrationEnd(day(10)).build()
                .summarize(withNonPositiveDays());
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.frequency(0)).isEqualTo(3);
        assertThat(s.monetaryValue(0)).isCloseTo((0.0 - 4.0 + 12.0) / 3, within(1e-12));
        assertThat(s.frequency(1)).isZero();
        assertThat(s.t(1)).isEqualTo(9.0);
    }

    @Test
    void summarize_excludePolicyDropsNonPositiveDaysButKeepsTotals() {
        CustomerSummaries s = Summarizer.builder().calibrationEnd(day(10))
                .nonPositiveDays(NonPositiveDayPolicy.EXCLUDE).build()
                .summarize(withNonPositiveDays());
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.omittedCustomers()).isEqualTo(1);
        assertThat(s.frequency(0)).isEqualTo(1);
        assertThat(s.recency(0)).isEqualTo(9.0);
        assertThat(s.monetaryValue(0)).isEqualTo(12.0);
        assertThat(s.totalSpend(0)).isEqualTo(18.0);
        assertThat(s.orderCount(0)).isEqualTo(5);
    }

    @Test
    void summarize_rejectPolicyNamesTheDay() {
        Summarizer summarizer = Summarizer.builder().calibrationEnd(day(10))
                .nonPositiveDays(NonPositiveDayPolicy.REJECT).build();
        assertThatThrownBy(() -> summarizer.summarize(withNonPositiveDays()))
                .isInstanceOf(InvalidTransactionException.class)
                .hasMessageContaining("'a'")
                .hasMessageContaining(day(3).toString());
    }

    @Test
    void summarize_emptyLog_givesEmptySummaries() {
        CustomerSummaries s = Summarizer.builder().build()
                .summarize(TransactionLog.builder().build());
        assertThat(s.size()).isZero();
        assertThat(s.coreColumnBytes()).isZero();
    }

    @Test
    void summarize_coreColumnsTakeAtMost48BytesPerCustomer() throws IllegalAccessException {
        TransactionLog log = randomLog(new Random(7), 5_000, 400, 200);
        // without a calibration end there are no holdout columns: every primitive column is a core one
        CustomerSummaries s = Summarizer.builder().build().summarize(log);
        assertThat(s.hasPurchaseHistory()).isTrue();
        assertThat(s.hasHoldout()).isFalse();
        // measure the layout: the bytes of every primitive array the object holds, per customer
        long held = 0;
        int columns = 0;
        for (java.lang.reflect.Field f : CustomerSummaries.class.getDeclaredFields()) {
            Class<?> type = f.getType();
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || !type.isArray()
                    || !type.getComponentType().isPrimitive()) {
                continue;
            }
            f.setAccessible(true);
            Object column = f.get(s);
            if (column != null) {
                int element = type.getComponentType() == double.class || type.getComponentType() == long.class ? 8
                        : type.getComponentType() == int.class || type.getComponentType() == float.class ? 4
                        : type.getComponentType() == short.class || type.getComponentType() == char.class ? 2 : 1;
                held += (long) java.lang.reflect.Array.getLength(column) * element;
                columns++;
            }
        }
        assertThat(columns).as("frequency, recency, T, monetary and the four history columns").isEqualTo(8);
        assertThat(held).isEqualTo(s.coreColumnBytes());
        assertThat(held / (double) s.size()).isLessThanOrEqualTo(48);
        assertThat(held).isEqualTo((long) s.size() * CustomerSummaries.CORE_BYTES_PER_CUSTOMER);
    }

    @Test
    void summarize_largeCustomerUsesTheSortPathCorrectly() {
        Random rnd = new Random(11);
        TransactionLog.Builder b = TransactionLog.builder();
        for (int i = 0; i < 500; i++) {
            b.add("big", day(rnd.nextInt(300)), 1.0 + rnd.nextInt(5));
        }
        TransactionLog log = b.build();
        checkAgainstNaive(log, day(250), day(300), TimeUnit.WEEKS);
    }

    @Test
    void summarize_matchesNaiveMapBasedSummaryOnRandomLogs() {
        Random rnd = new Random(42);
        for (int round = 0; round < 20; round++) {
            TransactionLog log = randomLog(rnd, 2_000, 1 + rnd.nextInt(300), 100);
            boolean holdout = rnd.nextBoolean();
            LocalDate cal = holdout ? day(30 + rnd.nextInt(60)) : day(99 + rnd.nextInt(5));
            LocalDate obs = holdout ? day(99 + rnd.nextInt(10)) : cal;
            checkAgainstNaive(log, cal, obs, TimeUnit.values()[rnd.nextInt(3)]);
        }
    }

    @Test
    void summarize_parallelPathMatchesNaiveSummary() {
        Random rnd = new Random(99);
        for (int round = 0; round < 6; round++) {
            TransactionLog log = randomLog(rnd, 20_000, 1 + rnd.nextInt(3000), 100);
            LocalDate cal = day(30 + rnd.nextInt(60));
            checkAgainstNaive(log, cal, day(99), TimeUnit.WEEKS, 1, NonPositiveDayPolicy.KEEP);
            checkAgainstNaive(log, cal, day(99), TimeUnit.DAYS, 1000, NonPositiveDayPolicy.KEEP);
        }
    }

    @Test
    void summarize_excludePolicyMatchesNaiveSummary() {
        Random rnd = new Random(5);
        for (int round = 0; round < 6; round++) {
            TransactionLog log = randomLog(rnd, 5_000, 1 + rnd.nextInt(300), 100);
            checkAgainstNaive(log, day(50), day(99), TimeUnit.DAYS, 1 + rnd.nextInt(2) * 100_000,
                    NonPositiveDayPolicy.EXCLUDE);
        }
    }

    @Test
    void summarize_parallelPathRethrowsRejection() {
        Summarizer summarizer = Summarizer.builder().calibrationEnd(day(10))
                .nonPositiveDays(NonPositiveDayPolicy.REJECT).parallelThreshold(1).build();
        // the first offending customer in log order, as in a sequential run
        assertThatThrownBy(() -> summarizer.summarize(withNonPositiveDays()))
                .isInstanceOf(InvalidTransactionException.class)
                .hasMessageContaining("'a'").hasMessageContaining(day(3).toString());
    }

    private static TransactionLog randomLog(Random rnd, int n, int customers, int days) {
        TransactionLog.Builder b = TransactionLog.builder();
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(customers);
            double amount = rnd.nextInt(10) == 0 ? -rnd.nextInt(20) : rnd.nextInt(100) / 4.0;
            b.add("c" + c, day(rnd.nextInt(days)), amount);
        }
        return b.build();
    }

    /** An independent, obvious implementation with sorted maps, for comparison. */
    private static void checkAgainstNaive(TransactionLog log, LocalDate cal, LocalDate obs,
            TimeUnit unit) {
        checkAgainstNaive(log, cal, obs, unit, Integer.MAX_VALUE, NonPositiveDayPolicy.KEEP);
    }

    private static void checkAgainstNaive(TransactionLog log, LocalDate cal, LocalDate obs,
            TimeUnit unit, int parallelThreshold, NonPositiveDayPolicy policy) {
        Map<String, TreeMap<LocalDate, Double>> byCustomer = new TreeMap<>();
        for (int i = 0; i < log.size(); i++) {
            byCustomer.computeIfAbsent(log.customerId(log.customerIndex(i)), k -> new TreeMap<>())
                    .merge(log.date(i), log.amount(i), Double::sum);
        }
        if (policy == NonPositiveDayPolicy.EXCLUDE) {
            for (TreeMap<LocalDate, Double> days : byCustomer.values()) {
                days.values().removeIf(v -> !(v > 0));
            }
        }
        CustomerSummaries s = Summarizer.builder().timeUnit(unit).calibrationEnd(cal)
                .observationEnd(obs).nonPositiveDays(policy).parallelThreshold(parallelThreshold)
                .build().summarize(log);
        List<String> expectedIds = new ArrayList<>();
        for (int c = 0; c < log.customerCount(); c++) {
            TreeMap<LocalDate, Double> days = byCustomer.get(log.customerId(c));
            if (!days.isEmpty() && !days.firstKey().isAfter(cal)) {
                expectedIds.add(log.customerId(c));
            }
        }
        assertThat(s.customerIdColumn()).containsExactlyElementsOf(expectedIds);
        for (int i = 0; i < s.size(); i++) {
            TreeMap<LocalDate, Double> days = byCustomer.get(s.customerId(i));
            List<LocalDate> calDays = new ArrayList<>(days.headMap(cal, true).keySet());
            double repeatSum = 0;
            for (int k = 1; k < calDays.size(); k++) {
                repeatSum += days.get(calDays.get(k));
            }
            int x = calDays.size() - 1;
            double perDay = unit.days();
            assertThat(s.frequency(i)).isEqualTo(x);
            assertThat(s.recency(i)).isCloseTo(
                    (calDays.get(x).toEpochDay() - calDays.get(0).toEpochDay()) / perDay,
                    within(1e-9));
            assertThat(s.t(i)).isCloseTo(
                    (cal.toEpochDay() - calDays.get(0).toEpochDay()) / perDay, within(1e-9));
            assertThat(s.monetaryValue(i)).isCloseTo(x == 0 ? 0 : repeatSum / x, within(1e-9));
            if (obs.isAfter(cal)) {
                var hold = days.tailMap(cal, false);
                assertThat(s.frequencyHoldout(i)).isEqualTo(hold.size());
                double hs = hold.values().stream().mapToDouble(Double::doubleValue).sum();
                assertThat(s.monetaryValueHoldout(i))
                        .isCloseTo(hold.isEmpty() ? 0 : hs / hold.size(), within(1e-9));
                assertThat(s.durationHoldout(i)).isCloseTo(
                        (obs.toEpochDay() - cal.toEpochDay()) / perDay, within(1e-9));
            } else {
                assertThat(s.hasHoldout()).isFalse();
            }
        }
    }
}
