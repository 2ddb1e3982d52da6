package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalsBuilderTest {
    @Test
    void build_builderChangedAfterwards_builtSignalsUnchanged() {
        Signals.Builder b = Signals.builder().number("a", 1).number("b", 2);
        Signals first = b.build(); // full arrays: handed over without a copy
        Signals second = b.number("c", 3).build();
        Signals third = b.category("k", "x").number("d", 4).build();
        assertThat(first.numbers()).containsExactly(Map.entry("a", 1.0), Map.entry("b", 2.0));
        assertThat(second.numbers()).containsExactly(Map.entry("a", 1.0), Map.entry("b", 2.0), Map.entry("c", 3.0));
        assertThat(third.numbers()).containsExactly(Map.entry("a", 1.0), Map.entry("b", 2.0), Map.entry("c", 3.0),
                Map.entry("d", 4.0));
        assertThat(third.categories()).containsExactly(Map.entry("k", "x"));
        assertThat(second.categories()).isEmpty();
    }

    @Test
    void build_emptyAndSingle() {
        assertThat(Signals.builder().build().numbers()).isEmpty();
        Signals.Builder b = Signals.builder().number("a", 1);
        Signals one = b.build();
        b.number("b", 2);
        Signals two = b.build();
        b.number("c", 3);
        assertThat(one.numbers()).containsExactly(Map.entry("a", 1.0));
        assertThat(two.numbers()).containsExactly(Map.entry("a", 1.0), Map.entry("b", 2.0));
        assertThat(two.number("c")).isEmpty();
    }
}
