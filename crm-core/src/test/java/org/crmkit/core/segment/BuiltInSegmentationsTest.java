package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BuiltInSegmentationsTest {

    static final AttributeRegistry R = StandardAttributes.registry();

    static SubjectRecord customer(Consumer<SubjectRecord> fill) {
        SubjectRecord s = new SubjectRecord(R).asOf(LocalDate.of(2026, 6, 30));
        fill.accept(s);
        return s;
    }

    static String assign(Segmentation seg, Consumer<SubjectRecord> fill) {
        return seg.compile(R).assignName(customer(fill));
    }

    static Stream<Arguments> statusCases() {
        return Stream.of(
                Arguments.of("terminated", (Consumer<SubjectRecord>) s -> s.setBool("terminated", true)
                        .setNumber("orders_365d", 9).setNumber("spend_365d", 50_000)),
                Arguments.of("current-a-key", (Consumer<SubjectRecord>) s -> s.setBool("terminated", false)
                        .setNumber("orders_365d", 12).setNumber("spend_365d", 25_000).setNumber("average_payment_days", 21)),
                Arguments.of("current-b-qualified", (Consumer<SubjectRecord>) s -> s.setNumber("orders_365d", 12)
                        .setNumber("spend_365d", 25_000).setNumber("average_payment_days", 45)),
                Arguments.of("current-c-unqualified", (Consumer<SubjectRecord>) s -> s.setNumber("orders_365d", 2)
                        .setNumber("spend_365d", 300).setNumber("average_payment_days", 10)),
                Arguments.of("current-c-unqualified", (Consumer<SubjectRecord>) s -> s.setNumber("orders_365d", 3)
                        .setNumber("spend_365d", 30_000)),
                Arguments.of("intention-a", (Consumer<SubjectRecord>) s -> s.setText("buyer_readiness", "intends_to_buy")),
                Arguments.of("intention-b", (Consumer<SubjectRecord>) s -> s.setText("buyer_readiness", "interested")),
                Arguments.of("potential", (Consumer<SubjectRecord>) s -> s.setText("buyer_readiness", "aware")),
                Arguments.of("potential", (Consumer<SubjectRecord>) s -> { }));
    }

    @ParameterizedTest
    @MethodSource("statusCases")
    void statusClasses_assignHandMadeCustomers(String expected, Consumer<SubjectRecord> fill) {
        assertThat(assign(BuiltInSegmentations.statusClasses(), fill)).isEqualTo(expected);
    }

    static Stream<Arguments> cooperationCases() {
        return Stream.of(
                Arguments.of("new", (Consumer<SubjectRecord>) s -> s.setNumber("tenure_days", 100)
                        .setNumber("order_count", 3).setNumber("orders_365d", 3)),
                Arguments.of("fixed", (Consumer<SubjectRecord>) s -> s.setNumber("tenure_days", 1500)
                        .setNumber("order_count", 40).setNumber("orders_365d", 8)),
                Arguments.of("old", (Consumer<SubjectRecord>) s -> s.setNumber("tenure_days", 800)
                        .setNumber("order_count", 5).setNumber("orders_365d", 2)),
                Arguments.of("occasional", (Consumer<SubjectRecord>) s -> s.setNumber("tenure_days", 800)
                        .setNumber("order_count", 5).setNumber("orders_365d", 0)),
                Arguments.of("occasional", (Consumer<SubjectRecord>) s -> s.setNumber("tenure_days", 400)
                        .setNumber("order_count", 1).setNumber("orders_365d", 1)));
    }

    @ParameterizedTest
    @MethodSource("cooperationCases")
    void cooperationClasses_assignHandMadeCustomers(String expected, Consumer<SubjectRecord> fill) {
        assertThat(assign(BuiltInSegmentations.cooperationClasses(), fill)).isEqualTo(expected);
    }

    static Stream<Arguments> sizeCases() {
        return Stream.of(
                Arguments.of("large", (Consumer<SubjectRecord>) s -> s.setNumber("employees", 250)),
                Arguments.of("large", (Consumer<SubjectRecord>) s -> s.setNumber("employees", 20)
                        .setNumber("annual_revenue", 60_000_000)),
                Arguments.of("medium", (Consumer<SubjectRecord>) s -> s.setNumber("employees", 249)),
                Arguments.of("medium", (Consumer<SubjectRecord>) s -> s.setNumber("annual_revenue", 10_000_000)),
                Arguments.of("small", (Consumer<SubjectRecord>) s -> s.setNumber("employees", 49)
                        .setNumber("annual_revenue", 9_999_999)),
                Arguments.of("small", (Consumer<SubjectRecord>) s -> { }));
    }

    @ParameterizedTest
    @MethodSource("sizeCases")
    void sizeClasses_assignHandMadeCustomers(String expected, Consumer<SubjectRecord> fill) {
        assertThat(assign(BuiltInSegmentations.sizeClasses(), fill)).isEqualTo(expected);
    }

    static Consumer<SubjectRecord> person(String marital, int age, Integer youngestChild, String employment) {
        return s -> {
            s.setText("marital_status", marital).setNumber("age", age).setText("employment_status", employment);
            if (youngestChild != null) {
                s.setNumber("youngest_child_age", youngestChild);
            }
        };
    }

    static Stream<Arguments> familyCases() {
        return Stream.of(
                Arguments.of("bachelor", person("single", 24, null, "employed")),
                Arguments.of("newly-married", person("married", 29, null, "employed")),
                Arguments.of("full-nest-1", person("married", 31, 2, "employed")),
                Arguments.of("full-nest-1", person("married", 47, 5, "employed")),
                Arguments.of("full-nest-2", person("married", 38, 9, "self_employed")),
                Arguments.of("full-nest-3", person("married", 50, 16, "employed")),
                Arguments.of("empty-nest-1", person("married", 56, null, "employed")),
                Arguments.of("empty-nest-2", person("married", 68, null, "retired")),
                Arguments.of("solitary-survivor-working", person("widowed", 60, null, "employed")),
                Arguments.of("solitary-survivor-retired", person("widowed", 78, null, "retired")),
                Arguments.of("solitary-survivor-retired", person("divorced", 70, null, "retired")),
                Arguments.of("unclassified", person("single", 40, null, "employed")),
                Arguments.of("unclassified", person("single", 28, 3, "employed")),
                Arguments.of("unclassified", (Consumer<SubjectRecord>) s -> s.setText("marital_status", "married")));
    }

    @ParameterizedTest
    @MethodSource("familyCases")
    void familyLifeCycle_assignsWellsGubarStages(String expected, Consumer<SubjectRecord> fill) {
        assertThat(assign(BuiltInSegmentations.familyLifeCycle(), fill)).isEqualTo(expected);
    }

    static Stream<Arguments> tierCases() {
        return Stream.of(Arguments.of("A", "gold"), Arguments.of("B", "silver"), Arguments.of("C", "bronze"),
                Arguments.of(null, "unranked"));
    }

    @ParameterizedTest
    @MethodSource("tierCases")
    void valueTiers_followAbcClass(String abc, String expected) {
        assertThat(assign(BuiltInSegmentations.valueTiers(), s -> {
            if (abc != null) {
                s.setText("abc_class", abc);
            }
        })).isEqualTo(expected);
    }

    /** Expected cells read off the recency-frequency grid in the class Javadoc; M never matters. */
    static Stream<Arguments> rfmCases() {
        return Stream.of(
                Arguments.of(5, 5, 5, "champions"), Arguments.of(5, 4, 1, "champions"),
                Arguments.of(4, 5, 5, "loyal"), Arguments.of(3, 4, 2, "loyal"),
                Arguments.of(1, 5, 5, "cannot-lose-them"), Arguments.of(2, 5, 1, "cannot-lose-them"),
                Arguments.of(2, 3, 3, "at-risk"), Arguments.of(1, 4, 1, "at-risk"),
                Arguments.of(4, 2, 5, "potential-loyalists"), Arguments.of(5, 3, 1, "potential-loyalists"),
                Arguments.of(5, 1, 1, "new-customers"), Arguments.of(4, 1, 5, "promising"),
                Arguments.of(3, 3, 3, "need-attention"), Arguments.of(3, 2, 4, "about-to-sleep"),
                Arguments.of(3, 1, 1, "about-to-sleep"), Arguments.of(1, 1, 1, "lost"),
                Arguments.of(1, 2, 5, "hibernating"), Arguments.of(2, 1, 5, "hibernating"),
                Arguments.of(2, 2, 2, "hibernating"));
    }

    @ParameterizedTest
    @MethodSource("rfmCases")
    void rfmSegments_mapScores(int r, int f, int m, String expected) {
        assertThat(assign(BuiltInSegmentations.rfmSegments(),
                s -> s.setNumber("rfm_r", r).setNumber("rfm_f", f).setNumber("rfm_m", m))).isEqualTo(expected);
    }

    @Test
    void rfmSegments_coverEveryScoreCellAndMissingScoresAreUnscored() {
        CompiledSegmentation c = BuiltInSegmentations.rfmSegments().compile(R);
        SubjectRecord s = new SubjectRecord(R);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    s.setNumber("rfm_r", r).setNumber("rfm_f", f).setNumber("rfm_m", m);
                    assertThat(c.assignName(s)).as("r=%d f=%d m=%d", r, f, m).isNotEqualTo("unscored");
                }
            }
        }
        s.setAbsent("rfm_f");
        assertThat(c.assignName(s)).isEqualTo("unscored");
    }

    @Test
    void json_refusesUnknownBuiltIn() {
        assertThatThrownBy(() -> BuiltInSegmentations.json("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rfm-segments");
        assertThat(BuiltInSegmentations.json(BuiltInSegmentations.VALUE_TIERS)).contains("\"gold\"");
    }
}
