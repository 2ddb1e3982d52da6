package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
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
                Arguments.of("attribute name", "name", (Executable) () -> Rules.attribute(null)),
                Arguments.of("text literal", "value", (Executable) () -> Rules.attribute("region").isEqualTo((String) null)),
                Arguments.of("date literal", "value", (Executable) () -> Rules.attribute("first_purchase_date")
                        .isEqualTo((LocalDate) null)),
                Arguments.of("not", "rule", (Executable) () -> Rules.not(null)),
                Arguments.of("all element", "rules[1]", (Executable) () -> Rules.all(OK, null)),
                Arguments.of("compile rule", "rule", (Executable) () -> CompiledRule.compile(null, R)),
                Arguments.of("compile registry", "registry", (Executable) () -> CompiledRule.compile(OK, null)),
                Arguments.of("segment name", "name", (Executable) () -> new Segment(null, "", OK)),
                Arguments.of("segment rule", "rule", (Executable) () -> new Segment("a", "", null)),
                Arguments.of("segmentation mode", "mode", (Executable) () -> new Segmentation("s", null, "d", List.of(),
                        List.of(new Segment("a", "", OK)))),
                Arguments.of("registry add", "attribute", (Executable) () -> AttributeRegistry.builder().add(null)),
                Arguments.of("registry slot", "name", (Executable) () -> R.slot(null)),
                Arguments.of("read rule json", "json", (Executable) () -> RuleJson.readRule(null, R)),
                Arguments.of("read rule registry", "registry", (Executable) () -> RuleJson.readRule("{}", null)),
                Arguments.of("write rule", "rule", (Executable) () -> RuleJson.writeRule(null)),
                Arguments.of("subject record registry", "registry", (Executable) () -> new SubjectRecord(null)),
                Arguments.of("subject as-of", "date", (Executable) () -> new SubjectRecord(R).asOf(null)),
                Arguments.of("explain segment", "segment", (Executable) () -> BuiltInSegmentations.valueTiers().compile(R)
                        .explain(new SubjectRecord(R), null)),
                Arguments.of("built-in name", "name", (Executable) () -> BuiltInSegmentations.json(null)),
                Arguments.of("customer subject zone", "zone", (Executable) () -> new CustomerSubject(R, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullCalls")
    void factories_refuseNull(String what, String parameter, Executable call) {
        // the message names the parameter, so a caller knows which argument was null
        assertThatThrownBy(call::execute).isInstanceOf(NullPointerException.class)
                .hasMessageMatching("(?s).*(?<![\\w\\[])" + Pattern.quote(parameter) + "(?![\\w\\]]).*");
    }
}
