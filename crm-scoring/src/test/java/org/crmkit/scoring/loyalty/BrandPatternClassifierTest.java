package org.crmkit.scoring.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BrandPatternClassifierTest {

    static Stream<Arguments> sequences() {
        return Stream.of(
                // the textbook examples
                Arguments.of("AAAAAA", BrandPattern.HARD_CORE, LoyaltyLevel.ABSOLUTE),
                Arguments.of("AABABB", BrandPattern.SPLIT, LoyaltyLevel.STRONG),
                Arguments.of("AAABBB", BrandPattern.SHIFTING, LoyaltyLevel.MEDIUM),
                Arguments.of("ABCDBD", BrandPattern.SWITCHER, LoyaltyLevel.NONE),
                // one odd purchase in ten is still hard-core
                Arguments.of("AAAAABAAAA", BrandPattern.HARD_CORE, LoyaltyLevel.ABSOLUTE),
                Arguments.of("ABCABCABC", BrandPattern.SPLIT, LoyaltyLevel.STRONG),
                Arguments.of("AABB", BrandPattern.SHIFTING, LoyaltyLevel.MEDIUM),
                Arguments.of("AAAACBBB", BrandPattern.SHIFTING, LoyaltyLevel.MEDIUM),
                // a single purchase of the new brand is not yet a shift
                Arguments.of("AAAAB", BrandPattern.SWITCHER, LoyaltyLevel.NONE),
                Arguments.of("ABABABABCD", BrandPattern.SWITCHER, LoyaltyLevel.NONE),
                Arguments.of("AAAABBBAA", BrandPattern.SPLIT, LoyaltyLevel.STRONG),
                Arguments.of("AB", BrandPattern.UNDETERMINED, LoyaltyLevel.NONE),
                Arguments.of("", BrandPattern.UNDETERMINED, LoyaltyLevel.NONE));
    }

    private static List<String> brands(String letters) {
        List<String> out = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void classify_handMadeSequence(String letters, BrandPattern pattern, LoyaltyLevel level) {
        BrandLoyalty b = BrandPatternClassifier.defaults().classify("C", brands(letters));
        assertThat(b.pattern()).as(letters).isEqualTo(pattern);
        assertThat(b.level()).isEqualTo(level);
        assertThat(b.purchases()).isEqualTo(letters.length());
        assertThat(b.reasons()).hasSize(1).allSatisfy(r -> assertThat(r).isNotBlank());
    }

    @Test
    void classify_reportsTheFigures() {
        BrandLoyalty b = BrandPatternClassifier.defaults().classify("C", brands("AABABB"));
        assertThat(b.leadingShare()).isEqualTo(0.5);
        assertThat(b.leadingBrand()).isEqualTo("B"); // tie: the brand bought last
        assertThat(b.runs()).isEqualTo(4);
        assertThat(b.reasons().get(0)).isEqualTo("2 brands cover 100% of 6 purchases, alternating in 4 runs");
        assertThat(BrandPatternClassifier.defaults().classify("C", brands("AAABBB")).reasons().get(0))
                .isEqualTo("moved from 'A' (100% of the first 3) to 'B' for the last 3");
    }

    @Test
    void classify_bulkEqualsOneByOneAndSortsByDate() {
        SplittableRandom random = new SplittableRandom(1);
        BrandSequences.Builder b = BrandSequences.builder();
        List<List<String>> expected = new ArrayList<>();
        int customers = 20_000; // several chunks
        for (int c = 0; c < customers; c++) {
            int n = random.nextInt(12);
            String[] seq = new String[n];
            for (int k = 0; k < n; k++) {
                seq[k] = "B" + random.nextInt(random.nextBoolean() ? 2 : 5);
            }
            expected.add(Arrays.asList(seq));
            // add in reverse date order to exercise the sort
            for (int k = n - 1; k >= 0; k--) {
                b.add("C" + c, LocalDate.of(2026, 1, 1).plusDays(k * 3L), seq[k]);
            }
        }
        BrandSequences s = b.build();
        BrandPatterns p = BrandPatternClassifier.defaults().classify(s);
        int withPurchases = 0;
        for (int c = 0; c < customers; c++) {
            if (expected.get(c).isEmpty()) {
                continue;
            }
            int i = withPurchases++;
            assertThat(s.brands(i)).isEqualTo(expected.get(c));
            BrandLoyalty one = BrandPatternClassifier.defaults().classify(s.customerId(i), expected.get(c));
            assertThat(p.pattern(i)).isEqualTo(one.pattern());
            assertThat(p.leadingShare(i)).isEqualTo((float) one.leadingShare());
            assertThat(p.loyalty(i)).isEqualTo(one);
        }
        assertThat(p.size()).isEqualTo(withPurchases);
        assertThat(p.countByLevel().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(withPurchases);
        assertThat(p.countByPattern().get(BrandPattern.HARD_CORE)).isPositive();
        assertThat(p.countByPattern().get(BrandPattern.SWITCHER)).isPositive();
    }

    @Test
    void builder_thresholdsChangeTheOutcomeAndInvalidOnesAreRejected() {
        BrandPatternClassifier strict = BrandPatternClassifier.builder().hardCoreShare(1.0).build();
        assertThat(strict.classify("C", brands("AAAAABAAAA")).pattern()).isNotEqualTo(BrandPattern.HARD_CORE);
        BrandPatternClassifier quick = BrandPatternClassifier.builder().shifting(3, 1, 0.75).build();
        assertThat(quick.classify("C", brands("AAAAB")).pattern()).isEqualTo(BrandPattern.SHIFTING);
        assertThatThrownBy(() -> BrandPatternClassifier.builder().minPurchases(1)).hasMessageContaining("below 2");
        assertThatThrownBy(() -> BrandPatternClassifier.builder().hardCoreShare(0.4)).hasMessageContaining("0.4");
        assertThatThrownBy(() -> BrandPatternClassifier.builder().splitCoverage(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> BrandPatternClassifier.builder().minPurchases(3).minPurchases(3))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BrandSequences.builder().add("C", LocalDate.EPOCH, " "))
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> BrandPatternClassifier.defaults().classify("C", Arrays.asList("A", null)))
                .isInstanceOf(NullPointerException.class);
    }
}
