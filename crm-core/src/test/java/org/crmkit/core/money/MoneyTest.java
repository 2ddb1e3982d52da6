package org.crmkit.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    static Stream<Arguments> validTexts() {
        return Stream.of(
                Arguments.of("EUR 12.50", "EUR", "12.50"),
                Arguments.of("EUR 0.00", "EUR", "0.00"),
                Arguments.of("EUR -3.10", "EUR", "-3.10"),
                Arguments.of("JPY 1500", "JPY", "1500"),
                Arguments.of("BHD 1.234", "BHD", "1.234"));
    }

    @ParameterizedTest
    @MethodSource("validTexts")
    void parse_roundTripsToString(String text, String currency, String amount) {
        Money money = Money.parse(text);
        assertThat(money.currency().getCurrencyCode()).isEqualTo(currency);
        assertThat(money.amount()).isEqualTo(new BigDecimal(amount));
        assertThat(money.toString()).isEqualTo(text);
        assertThat(Money.parse(money.toString())).isEqualTo(money);
    }

    static Stream<Arguments> invalidTexts() {
        return Stream.of(
                Arguments.of("EUR 1.005", "more than 2 decimal places"),
                Arguments.of("JPY 1.5", "more than 0 decimal places"),
                Arguments.of("EUR", "must look like"),
                Arguments.of("EURO 1.00", "must look like"),
                Arguments.of("XYZ 1.00", "unknown ISO 4217"),
                Arguments.of("EUR abc", "not a decimal"),
                Arguments.of("", "must look like"),
                Arguments.of("XXX 1", "no minor unit"));
    }

    @ParameterizedTest
    @MethodSource("invalidTexts")
    void parse_invalid(String text, String message) {
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void of_nulls() {
        assertThatThrownBy(() -> Money.of((Currency) null, BigDecimal.ONE)).isInstanceOf(NullPointerException.class)
                .hasMessage("currency");
        assertThatThrownBy(() -> Money.of(EUR, null)).isInstanceOf(NullPointerException.class).hasMessage("amount");
        assertThatThrownBy(() -> Money.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }

    @Test
    void of_normalisesScale() {
        assertThat(Money.of(EUR, new BigDecimal("5"))).isEqualTo(Money.of(EUR, new BigDecimal("5.00")));
        assertThat(Money.of(EUR, new BigDecimal("5.100")).toString()).isEqualTo("EUR 5.10");
    }

    @Test
    void ofMinor_usesCurrencyDigits() {
        assertThat(Money.ofMinor(EUR, 1250).toString()).isEqualTo("EUR 12.50");
        assertThat(Money.ofMinor(JPY, 1250).toString()).isEqualTo("JPY 1250");
        assertThat(Money.ofMinor(EUR, 1250).minorUnits()).isEqualTo(1250);
        assertThat(Money.zero(EUR).isZero()).isTrue();
    }

    @Test
    void arithmetic_sameCurrency() {
        Money a = Money.of("EUR", "10.25");
        Money b = Money.of("EUR", "0.75");
        assertThat(a.plus(b)).isEqualTo(Money.of("EUR", "11.00"));
        assertThat(a.minus(b)).isEqualTo(Money.of("EUR", "9.50"));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.negated()).isEqualTo(Money.of("EUR", "-10.25"));
        assertThat(a.multipliedBy(3)).isEqualTo(Money.of("EUR", "30.75"));
        assertThat(a.compareTo(b)).isPositive();
    }

    @Test
    void plus_otherCurrency_throwsWithBothCurrencies() {
        Money eur = Money.of("EUR", "1.00");
        Money jpy = Money.of("JPY", "1");
        assertThatThrownBy(() -> eur.plus(jpy)).isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
            assertThat(e.first()).isEqualTo(EUR);
            assertThat(e.second()).isEqualTo(JPY);
            assertThat(e).hasMessage("currencies differ: EUR and JPY");
        });
        assertThatThrownBy(() -> eur.minus(jpy)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> eur.compareTo(jpy)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equals_comparesCurrencyAndAmount() {
        assertThat(Money.of("EUR", "1.00")).isEqualTo(Money.of("EUR", "1")).hasSameHashCodeAs(Money.of("EUR", "1"));
        assertThat(Money.of("EUR", "1.00")).isNotEqualTo(Money.of("USD", "1.00"));
    }
}
