package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"ann.lee@example.com", "+49 30 1234567", "Ann Lee", "123-45-6789", "DE89370400440532013000",
        "5551234567", "Yusuf Becker"})
    void value_personalData_isShownByItsShapeOnly(String personal) {
        String shown = SafeText.value(personal);
        assertThat(shown).doesNotContainPattern("[A-WYZa-wyz0-9]");
        assertThat(shown).hasSize(personal.length());
        assertThat(SafeText.value(shown)).isEqualTo(shown);   // idempotent
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3", "2.5", "1e400", "NaN", "-Infinity", "true", "", "2024-02-30"})
    void value_harmlessValues_areShownAsTheyAre(String value) {
        assertThat(SafeText.value(value)).isEqualTo(value);
    }

    @Test
    void value_aTenMegabyteField_isCut() {
        String huge = "x".repeat(10 << 20);
        assertThat(SafeText.value(huge)).hasSizeLessThan(80).endsWith("(10485760 characters)");
        assertThat(SafeText.maskQuoted("cannot parse '" + huge + "' as a number")).hasSizeLessThan(300);
        assertThat(SafeText.field(huge)).hasSizeLessThan(100);
    }

    @Test
    void maskQuoted_masksQuotedValuesAndEmailsAnywhere() {
        assertThat(SafeText.maskQuoted("cannot parse 'O'Brien' as a number"))
                .isEqualTo("cannot parse 'X'Xxxxx' as a number");
        assertThat(SafeText.maskQuoted("customer 'ann@example.com': recency 40.0 > T 39.0"))
                .isEqualTo("customer 'xxx@xxxxxxx.xxx': recency 40.0 > T 39.0");
        assertThat(SafeText.reason("write to ann@example.com or call +49 30 1234567 on 2024-01-02"))
                .isEqualTo("write to xxx@xxxxxxx.xxx or call +## ## ####### on 2024-01-02");
        assertThat(SafeText.reason("line one\nline two\r\n")).isEqualTo("line one line two");
    }
}
