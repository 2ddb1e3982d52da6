package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NullArgumentsTest {
    static Stream<Arguments> calls() {
        TransactionCsv csv = TransactionCsv.builder().customerColumn(ColumnSelector.byPosition(1))
                .dateColumn(ColumnSelector.byPosition(2)).build();
        return Stream.of(
                Arguments.of("SummaryCsv.read(Path)", "file", (ThrowingCallable) () -> SummaryCsv.read((Path) null)),
                Arguments.of("SummaryCsv.read(in, null)", "source", (ThrowingCallable) () ->
                        SummaryCsv.read(new ByteArrayInputStream(new byte[0]), null)),
                Arguments.of("SummaryCsv.write", "summaries", (ThrowingCallable) () ->
                        SummaryCsv.write(Path.of("x"), null)),
                Arguments.of("TransactionCsv.read", "file", (ThrowingCallable) () -> csv.read((Path) null)),
                Arguments.of("Summarizer.summarize", "log", (ThrowingCallable) () ->
                        Summarizer.builder().build().summarize(null)),
                Arguments.of("Summarizer.calibrationEnd", "date", (ThrowingCallable) () ->
                        Summarizer.builder().calibrationEnd(null)),
                Arguments.of("TransactionLog.of", "customerIds", (ThrowingCallable) () ->
                        TransactionLog.of(null, new int[0], new int[0], new double[0])),
                Arguments.of("TransactionLog.fromPurchases", "currency", (ThrowingCallable) () ->
                        TransactionLog.fromPurchases(List.of(), null, ZoneId.of("UTC"))),
                Arguments.of("fromPurchases zone", "zone", (ThrowingCallable) () ->
                        TransactionLog.fromPurchases(List.of(), Currency.getInstance("EUR"), null)),
                Arguments.of("CustomerSummaries.add", "customerId", (ThrowingCallable) () ->
                        CustomerSummaries.builder().add(null, 0, 0, 0, 0)),
                Arguments.of("ColumnSelector.parse", "text", (ThrowingCallable) () -> ColumnSelector.parse(null)),
                Arguments.of("CsvDelimiter.parse", "text", (ThrowingCallable) () -> CsvDelimiter.parse(null)),
                Arguments.of("TransactionCsv.dateFormat", "pattern", (ThrowingCallable) () ->
                        TransactionCsv.builder().dateFormat(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void publicMethods_nullArgument_throwNullPointerException(String name, String parameter,
            ThrowingCallable call) {
        // the message names the parameter, so a caller knows which argument was null
        assertThatThrownBy(call).isInstanceOf(NullPointerException.class)
                .hasMessageMatching("(?s).*(?<![\\w\\[])" + Pattern.quote(parameter) + "(?![\\w\\]]).*");
    }
}
