package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledSegmentationTest {

    static final AttributeRegistry R = StandardAttributes.registry();
    static final LocalDate ASOF = LocalDate.of(2026, 6, 30);

    static Segmentation promo(Segmentation.Mode mode) {
        return Segmentation.builder("promo")
                .mode(mode)
                .defaultSegment("rest")
                .segment("big-spender", "spent 500 or more on books in 90 days",
                        Rules.purchases().lastDays(90).inCategories("books").sum().isAtLeast(500))
                .segment("reachable-adult", "adult who accepts e-mail",
                        Rules.all(Rules.attribute("age").isAtLeast(18), Rules.attribute("consent_email").isEqualTo(true)))
                .build();
    }

    static SubjectRecord anna() {
        return new SubjectRecord(R).asOf(ASOF).setNumber("age", 42).setBool("consent_email", true)
                .addPurchase(ASOF.minusDays(10), 300, "b1", "books", "web")
                .addPurchase(ASOF.minusDays(40), 250, "b2", "books", "store")
                .addPurchase(ASOF.minusDays(200), 900, "b3", "books", "store");
    }

    @Test
    void assign_firstMatchAndAllMatches() {
        SubjectRecord a = anna();
        SubjectRecord minor = new SubjectRecord(R).asOf(ASOF).setNumber("age", 15).setBool("consent_email", true);
        CompiledSegmentation first = promo(Segmentation.Mode.FIRST_MATCH).compile(R);
        CompiledSegmentation all = promo(Segmentation.Mode.ALL_MATCHES).compile(R);
        assertThat(first.labels(a)).containsExactly("big-spender");
        assertThat(all.labels(a)).containsExactly("big-spender", "reachable-adult");
        assertThat(all.matchMask(a)).isEqualTo(0b11L);
        assertThat(first.labels(minor)).containsExactly("rest");
        assertThat(all.labels(minor)).containsExactly("rest");
        assertThat(first.segmentNames()).containsExactly("big-spender", "reachable-adult", "rest");
    }

    @Test
    void count_bulkOverSubjects() {
        List<SubjectRecord> people = new ArrayList<>();
        people.add(anna());
        people.add(new SubjectRecord(R).asOf(ASOF).setNumber("age", 30).setBool("consent_email", true));
        people.add(new SubjectRecord(R).asOf(ASOF).setNumber("age", 30));
        SegmentCounts first = promo(Segmentation.Mode.FIRST_MATCH).compile(R).count(people);
        assertThat(first.counts()).containsExactly(java.util.Map.entry("big-spender", 1L),
                java.util.Map.entry("reachable-adult", 1L), java.util.Map.entry("rest", 1L));
        assertThat(first.subjects()).isEqualTo(3);
        SegmentCounts all = promo(Segmentation.Mode.ALL_MATCHES).compile(R).count(people.stream());
        assertThat(all.count("reachable-adult")).isEqualTo(2);
        assertThat(all.count("big-spender")).isEqualTo(1);
        assertThat(all.count("rest")).isEqualTo(1);
        assertThatThrownBy(() -> all.count("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explain_showsClausesAndValuesAsTextAndData() {
        CompiledSegmentation c = promo(Segmentation.Mode.ALL_MATCHES).compile(R);
        SubjectRecord s = new SubjectRecord(R).asOf(ASOF).setNumber("age", 42)
                .addPurchase(ASOF.minusDays(10), 120, "b1", "books", "web");
        Explanation e = c.explain(s, "reachable-adult");
        assertThat(e.matched()).isFalse();
        assertThat(e.root().outcome()).isEqualTo(Truth.UNKNOWN);
        assertThat(e.root().children()).extracting(Clause::text, Clause::outcome, Clause::observed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("age >= 18", Truth.TRUE, "age = 42"),
                        org.assertj.core.groups.Tuple.tuple("consent_email = true", Truth.UNKNOWN,
                                "consent_email is absent"));
        assertThat(e.toText()).isEqualTo("in segment 'reachable-adult': no\n"
                + "[unknown] all of\n"
                + "  [yes] age >= 18 (age = 42)\n"
                + "  [unknown] consent_email = true (consent_email is absent)\n");
        Explanation big = c.explain(s, "big-spender");
        assertThat(big.toText()).isEqualTo("in segment 'big-spender': no\n"
                + "[no] sum of purchases in last 90 days categories [books] >= 500"
                + " (sum of purchases in last 90 days categories [books] = 120)\n");
        Explanation rest = c.explain(s, "rest");
        assertThat(rest.matched()).isTrue();
        assertThat(rest.root().children()).hasSize(2);
    }

    @Test
    void explain_firstMatchNamesThePreemptingSegment() {
        CompiledSegmentation c = promo(Segmentation.Mode.FIRST_MATCH).compile(R);
        Explanation e = c.explain(anna(), "reachable-adult");
        assertThat(e.matched()).isFalse();
        assertThat(e.toText()).contains("earlier segment 'big-spender' matched first")
                .contains("[yes] age >= 18 (age = 42)");
        assertThatThrownBy(() -> c.explain(anna(), "nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no segment 'nope'");
    }

    @Test
    void builder_refusesBadDefinitions() {
        assertThatThrownBy(() -> Segmentation.builder("x").segment("a", "", Rules.attribute("age").isPresent()).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Segmentation.builder("x").defaultSegment("a").defaultSegment("b"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Segmentation.builder("x").defaultSegment("a")
                .segment("a", "", Rules.attribute("age").isPresent()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("used twice");
        Segmentation bad = Segmentation.builder("x").defaultSegment("d")
                .segment("a", "", Rules.attribute("age").isPresent())
                .segment("b", "", Rules.all(Rules.attribute("agee").isPresent()))
                .build();
        assertThatThrownBy(() -> bad.compile(R)).isInstanceOf(InvalidRuleException.class)
                .hasMessage("$.segments[1].rule.all[0].attribute: unknown attribute 'agee'");
    }
}
