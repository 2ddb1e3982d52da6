package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NullArgumentsTest {

    static final AttributeRegistry R = StandardAttributes.registry();
    static final Rule OK = Rules.attribute("age").isPresent();

    static Stream<Arguments> nullCalls() {
        return Stream.of(
                Arguments.of("attribute name", (Executable) () -> Rules.attribute(null)),
                Arguments.of("text literal", (Executable) () -> Rules.attribute("region").isEqualTo((String) null)),
                Arguments.of("date literal", (Executable) () -> Rules.attribute("first_purchase_date")
                        .isEqualTo((LocalDate) null)),
                Arguments.of("not", (Executable) () -> Rules.not(null)),
                Arguments.of("all element", (Executable) () -> Rules.all(OK, null)),
                Arguments.of("compile rule", (Executable) () -> CompiledRule.compile(null, R)),
                Arguments.of("compile registry", (Executable) () -> CompiledRule.compile(OK, null)),
                Arguments.of("segment name", (Executable) () -> new Segment(null, "", OK)),
                Arguments.of("segment rule", (Executable) () -> new Segment("a", "", null)),
                Arguments.of("segmentation mode", (Executable) () -> new Segmentation("s", null, "d", List.of(),
                        List.of(new Segment("a", "", OK)))),
                Arguments.of("registry add", (Executable) () -> AttributeRegistry.builder().add(null)),
                Arguments.of("registry slot", (Executable) () -> R.slot(null)),
                Arguments.of("read rule json", (Executable) () -> RuleJson.readRule(null, R)),
                Arguments.of("read rule registry", (Executable) () -> RuleJson.readRule("{}", null)),
                Arguments.of("write rule", (Executable) () -> RuleJson.writeRule(null)),
                Arguments.of("subject record registry", (Executable) () -> new SubjectRecord(null)),
                Arguments.of("subject as-of", (Executable) () -> new SubjectRecord(R).asOf(null)),
                Arguments.of("explain segment", (Executable) () -> BuiltInSegmentations.valueTiers().compile(R)
                        .explain(new SubjectRecord(R), null)),
                Arguments.of("built-in name", (Executable) () -> BuiltInSegmentations.json(null)),
                Arguments.of("customer subject zone", (Executable) () -> new CustomerSubject(R, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullCalls")
    void factories_refuseNull(String what, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(NullPointerException.class);
    }
}
