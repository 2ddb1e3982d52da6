package org.crmkit.core.merge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MergeValuesTest {
    private static Arguments bad(String what, Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(what, type, message, call);
    }

    static Stream<Arguments> invalidInputs() {
        CustomerId a = CustomerId.of("C-1");
        CustomerId b = CustomerId.of("C-2");
        return Stream.of(
                bad("ids out of order", IllegalArgumentException.class, "smaller",
                        () -> new DuplicateCandidate(b, a, Set.of(MatchReason.EMAIL))),
                bad("same id twice", IllegalArgumentException.class, "smaller",
                        () -> new DuplicateCandidate(a, a, Set.of(MatchReason.EMAIL))),
                bad("no reason", IllegalArgumentException.class, "at least one reason",
                        () -> new DuplicateCandidate(a, b, Set.of())),
                bad("null reasons", NullPointerException.class, "reasons", () -> new DuplicateCandidate(a, b, null)),
                bad("result not listing merged id", IllegalArgumentException.class, "does not list",
                        () -> new MergeResult(ModelSamples.person("C-1"), b, List.of())),
                bad("result with foreign activity", IllegalArgumentException.class, "belongs to",
                        () -> new MergeResult(ModelSamples.person("C-1").toBuilder().mergedIds(Set.of(b)).build(), b,
                                ModelSamples.activities(b))),
                bad("duplicate ids in input", IllegalArgumentException.class, "occurs twice",
                        () -> DuplicateDetector.standard().find(List.of(ModelSamples.person("C-1"),
                                ModelSamples.person("C-1")))),
                bad("merge null survivor", NullPointerException.class, "survivor",
                        () -> CustomerMerger.merge(null, List.of(), ModelSamples.person("C-2"), List.of(),
                                ModelSamples.NOW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void factories_rejectInvalidInput(String what, Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }
}
