package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeUnitTest {
    @Test
    void days_areFixedLengths() {
        assertThat(TimeUnit.DAYS.days()).isEqualTo(1.0);
        assertThat(TimeUnit.WEEKS.days()).isEqualTo(7.0);
        assertThat(TimeUnit.MONTHS.days()).isEqualTo(30.4375);
        assertThat(TimeUnit.MONTHS.fromDays(1461)).isEqualTo(48.0);
    }

    @Test
    void parse_acceptsNamesIgnoringCase() {
        assertThat(TimeUnit.parse("Weeks")).isEqualTo(TimeUnit.WEEKS);
        assertThat(TimeUnit.parse("month")).isEqualTo(TimeUnit.MONTHS);
        assertThat(TimeUnit.parse(TimeUnit.DAYS.toString())).isEqualTo(TimeUnit.DAYS);
    }

    @Test
    void parse_unknown_throwsWithTheName() {
        assertThatThrownBy(() -> TimeUnit.parse("fortnights"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fortnights");
        assertThatThrownBy(() -> TimeUnit.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
