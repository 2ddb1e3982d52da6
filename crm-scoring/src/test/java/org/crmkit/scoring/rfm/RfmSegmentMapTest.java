package org.crmkit.scoring.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.segment.BuiltInSegmentations;
import org.crmkit.core.segment.CompiledSegmentation;
import org.crmkit.core.segment.Rules;
import org.crmkit.core.segment.Segmentation;
import org.crmkit.core.segment.StandardAttributes;
import org.crmkit.core.segment.SubjectRecord;
import org.junit.jupiter.api.Test;

class RfmSegmentMapTest {
    @Test
    void defaults_coverEveryRecencyFrequencyCellWithTheElevenSegments() {
        RfmSegmentMap map = RfmSegmentMap.defaults();
        Set<String> seen = new HashSet<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                String s = map.segmentOf(r, f, 3);
                assertThat(s).as("R%d F%d", r, f).isNotEqualTo(map.fallback());
                seen.add(s);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("champions", "loyal", "potential-loyalists",
                "new-customers", "promising", "need-attention", "about-to-sleep", "at-risk",
                "cannot-lose-them", "hibernating", "lost");
        // cells read off the grid by hand; (4,5,5) and (5,4,1) are where the two maps once disagreed
        assertThat(map.segmentOf(4, 5, 5)).isEqualTo("loyal");
        assertThat(map.segmentOf(5, 4, 1)).isEqualTo("champions");
        assertThat(map.segmentOf(5, 5, 1)).isEqualTo("champions");
        assertThat(map.segmentOf(1, 1, 5)).isEqualTo("lost");
        assertThat(map.segmentOf(2, 1, 5)).isEqualTo("hibernating");
        assertThat(map.segmentOf(1, 5, 5)).isEqualTo("cannot-lose-them");
        assertThat(map.fallback()).isEqualTo("unscored");
    }

    @Test
    void defaults_agreeWithTheBuiltInSegmentationOnEveryScoreTriple() {
        CompiledSegmentation rules = BuiltInSegmentations.rfmSegments().compile(StandardAttributes.registry());
        RfmSegmentMap map = RfmSegmentMap.defaults();
        SubjectRecord subject = new SubjectRecord(StandardAttributes.registry());
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    subject.setNumber(StandardAttributes.RFM_R, r).setNumber(StandardAttributes.RFM_F, f)
                            .setNumber(StandardAttributes.RFM_M, m);
                    assertThat(map.segmentOf(r, f, m)).as("R%d F%d M%d", r, f, m)
                            .isEqualTo(rules.assignName(subject));
                }
            }
        }
    }

    @Test
    void fromSegmentation_translatesEveryOperatorAndIntersectsComparisons() {
        Segmentation s = Segmentation.builder("mine").defaultSegment("rest")
                .segment("top", "", Rules.all(Rules.attribute("rfm_r").isGreaterThan(3),
                        Rules.attribute("rfm_r").isAtMost(5), Rules.attribute("rfm_m").isEqualTo(3)))
                .segment("never", "", Rules.all(Rules.attribute("rfm_f").isLessThan(2),
                        Rules.attribute("rfm_f").isAtLeast(3)))
                .segment("mid", "", Rules.attribute("rfm_f").isBetween(2, 3))
                .build();
        RfmSegmentMap map = RfmSegmentMap.fromSegmentation(s, 5);
        assertThat(map.segments()).extracting(RfmSegmentRule::name).containsExactly("top", "mid");
        assertThat(map.segments().get(0)).isEqualTo(new RfmSegmentRule("top", ScoreRange.of(4, 5), null,
                ScoreRange.of(3, 3)));
        assertThat(map.segments().get(1)).isEqualTo(new RfmSegmentRule("mid", null, ScoreRange.of(2, 3), null));
        assertThat(map.segmentOf(4, 1, 3)).isEqualTo("top");
        assertThat(map.segmentOf(4, 1, 2)).isEqualTo("rest");
        assertThat(map.segmentOf(1, 3, 1)).isEqualTo("mid");
    }

    @Test
    void fromSegmentation_otherShapes_throwNamingTheSegment() {
        Segmentation any = Segmentation.builder("x").defaultSegment("rest")
                .segment("either", "", Rules.any(Rules.attribute("rfm_r").isEqualTo(5),
                        Rules.attribute("rfm_f").isEqualTo(5)))
                .build();
        assertThatThrownBy(() -> RfmSegmentMap.fromSegmentation(any, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'either'");
        Segmentation age = Segmentation.builder("x").defaultSegment("rest")
                .segment("adults", "", Rules.attribute("age").isAtLeast(18)).build();
        assertThatThrownBy(() -> RfmSegmentMap.fromSegmentation(age, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'adults'")
                .hasMessageContaining("'age'");
        assertThatThrownBy(() -> RfmSegmentMap.fromSegmentation(null, 5))
                .isInstanceOf(NullPointerException.class).hasMessage("segmentation");
    }

    @Test
    void fromJson_userRulesReplaceTheDefaults() {
        RfmSegmentMap map = RfmSegmentMap.fromJson("{\"bins\":3,\"fallback\":\"Rest\",\"segments\":["
                + "{\"name\":\"Big spenders\",\"monetary\":{\"min\":3,\"max\":3}},"
                + "{\"name\":\"Fresh\",\"recency\":{\"min\":3,\"max\":3},\"frequency\":{\"min\":1,\"max\":1}}]}");
        assertThat(map.segmentOf(1, 1, 3)).isEqualTo("Big spenders");
        assertThat(map.segmentOf(3, 1, 1)).isEqualTo("Fresh");
        assertThat(map.segmentOf(2, 2, 2)).isEqualTo("Rest");
        double[] v = {1, 2, 3};
        RfmScores scores = RfmScorer.builder().bins(3).build().score(v, v, v);
        assertThat(map.segments(scores)).containsExactly("Fresh", "Rest", "Big spenders");
        RfmScores five = RfmScorer.builder().build().score(v, v, v);
        assertThatThrownBy(() -> map.segments(five))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 scores");
    }

    @Test
    void fromJson_invalidRules_throwWithReason() {
        assertThatThrownBy(() -> RfmSegmentMap.fromJson("{\"bins\":5,\"fallback\":\"x\",\"segments\":["
                + "{\"name\":\"A\",\"recency\":{\"min\":4,\"max\":6}}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds 5 bins");
        assertThatThrownBy(() -> RfmSegmentMap.fromJson("{\"bins\":5,\"fallback\":\"x\",\"segments\":["
                + "{\"name\":\"A\",\"recency\":{\"min\":3,\"max\":2}}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3..2");
        assertThatThrownBy(() -> RfmSegmentMap.fromJson("{\"bins\":5,\"fallback\":\"x\",\"segments\":["
                + "{\"name\":\"A\"},{\"name\":\"A\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> RfmSegmentMap.fromJson("{\"bins\":5,\"fallback\":\"x\",\"segmnts\":[]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segments");
        assertThatThrownBy(() -> RfmSegmentMap.fromJson("{\"bins\":5,\"fallback\":\"x\",\"segments\":["
                + "{\"name\":\"A\",\"recncy\":{\"min\":1,\"max\":2}}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recncy");
        assertThatThrownBy(() -> RfmSegmentMap.fromJson("{\"bins\":5,"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfmSegmentMap(5, "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
