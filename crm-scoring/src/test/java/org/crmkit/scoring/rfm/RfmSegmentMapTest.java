package org.crmkit.scoring.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        assertThat(seen).containsExactlyInAnyOrder("Champions", "Loyal", "Potential loyalist",
                "New", "Promising", "Need attention", "About to sleep", "At risk",
                "Cannot lose them", "Hibernating", "Lost");
        assertThat(map.segmentOf(5, 5, 1)).isEqualTo("Champions");
        assertThat(map.segmentOf(1, 1, 5)).isEqualTo("Lost");
        assertThat(map.segmentOf(2, 1, 5)).isEqualTo("Hibernating");
        assertThat(map.segmentOf(1, 5, 5)).isEqualTo("Cannot lose them");
    }

    @Test
    void toJson_roundTrips() {
        RfmSegmentMap map = RfmSegmentMap.defaults();
        RfmSegmentMap back = RfmSegmentMap.fromJson(map.toJson());
        assertThat(back).isEqualTo(map);
        assertThat(map.toJson()).doesNotContain("monetary").contains("\"Champions\"");
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
