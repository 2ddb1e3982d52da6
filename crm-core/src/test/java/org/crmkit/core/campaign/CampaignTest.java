package org.crmkit.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

class CampaignTest {
    private static final List<CustomerId> TARGETS = List.of(CustomerId.of("C-1"), CustomerId.of("C-2"),
            CustomerId.of("C-3"));

    @Test
    void builder_costsAndArms() {
        Campaign c = Campaign.builder("spring-2026", ContactChannel.EMAIL).name("Spring mailing")
                .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))
                .fixedCost(Money.of("EUR", "2000.00")).costPerContact(Money.of("EUR", "0.40"))
                .targets(TARGETS).control(List.of(CustomerId.of("C-9"))).build();
        assertThat(c.totalCost()).isEqualTo(Money.of("EUR", "2001.20"));
        assertThat(c.armOf(CustomerId.of("C-2"))).contains(Arm.TARGET);
        assertThat(c.armOf(CustomerId.of("C-9"))).contains(Arm.CONTROL);
        assertThat(c.hasControl()).isTrue();
        assertThat(c.contactedAt(ZoneOffset.UTC).toString()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(c.toString()).isEqualTo("Campaign[spring-2026, EMAIL, 2026-03-01..2026-03-31, 3 targets, 1 control]");
        assertThat(c).isEqualTo(Campaign.builder("spring-2026", ContactChannel.SMS)
                .period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).fixedCost(Money.of("EUR", "0.00"))
                .targets(TARGETS).build());
    }

    @Test
    void builder_defaultsAndValidation() {
        Campaign c = Campaign.builder("x", ContactChannel.PHONE).period(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1)).costPerContact(Money.of("EUR", "1.00")).targets(TARGETS).build();
        assertThat(c.fixedCost()).isEqualTo(Money.of("EUR", "0.00"));
        assertThat(c.control()).isEmpty();
        assertThat(c.name()).isEqualTo("x");
        assertThatThrownBy(() -> Campaign.builder("bad id!", ContactChannel.EMAIL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Campaign.builder("x", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("channel");
        assertThatThrownBy(() -> Campaign.builder("x", ContactChannel.EMAIL).fixedCost(Money.of("EUR", "-1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixedCost");
        assertThatThrownBy(() -> Campaign.builder("x", ContactChannel.EMAIL).targets(TARGETS).targets(TARGETS))
                .isInstanceOf(IllegalStateException.class).hasMessage("targets were already set");
        assertThatThrownBy(() -> Campaign.builder("x", ContactChannel.EMAIL).fixedCost(Money.of("EUR", "1.00"))
                .targets(TARGETS).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("period");
    }
}
