package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One error path for every subcommand: exit 2, one stderr line, a stack trace only with --debug. */
class ErrorReporterTest {
    @TempDir
    static Path dir;

    private record Run(int code, String out, String err) { }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Each subcommand with an input that is bad in a file, and what the one line must name. */
    static Stream<Arguments> badInputs() throws IOException {
        Path tx = write("tx.csv", "customer,date\nc1,2024-01-02\nc2,2024-13-01\n");
        Path badSummary = write("bad.csv", "customer_id,frequency,recency,T\n1,2,30,38\n2,1,40,39\n");
        Path summary = write("ok.csv", "customer_id,frequency,recency,T,monetary_value\n1,2,30,38,10\n");
        Path model = write("bg.json",
                "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.243,\"alpha\":4.414,\"a\":0.793,\"b\":2.426}}");
        Path rules = write("rules.json", SegmentCommandTest.RULES);
        Path customers = write("c.csv", "customer_id,abc_class,shop.points,tags\nC-1,A,lots,\n");
        String out = dir.resolve("out.csv").toString();
        return Stream.of(
                Arguments.of(List.of("summarize", "--transactions", tx.toString(), "--customer-col", "customer",
                        "--date-col", "date", "--out", out), "tx.csv: line 3, field 'date (2)'"),
                Arguments.of(List.of("rfm", "--summary", badSummary.toString(), "--out", out),
                        "bad.csv: line 3, field 'T': customer '2'"),
                Arguments.of(List.of("fit", "--model", "bg-nbd", "--summary", badSummary.toString()),
                        "bad.csv: line 3, field 'T': customer '2'"),
                Arguments.of(List.of("predict", "--model", model.toString(), "--summary", badSummary.toString(),
                        "--horizon", "10", "--out", out), "bad.csv: line 3, field 'T': customer '2'"),
                Arguments.of(List.of("evaluate", "--model", model.toString(), "--summary", summary.toString()),
                        "ok.csv: line 1, field 'frequency_holdout'"),
                Arguments.of(List.of("segment", "--rules", rules.toString(), "--customers", customers.toString(),
                        "--out", out, "--as-of", "2026-06-30"), "c.csv: line 2, field 'shop.points'"),
                Arguments.of(List.of("demo", "--customers", "many"), "'--customers'"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInput_exitsTwoWithOneLineAndNoStackTrace(List<String> args, String location) {
        Run run = run(args);
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("crm: ").contains(location);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInput_debugAnywhere_addsTheStackTrace(List<String> args, String location) {
        List<String> withDebug = new ArrayList<>(args);
        withDebug.add(1, "--debug");
        Run run = run(withDebug);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).get().asString().contains(location);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void missingInputFile_exitsTwoNamingTheFile() {
        Run run = run(List.of("rfm", "--summary", dir.resolve("none.csv").toString(), "--out",
                dir.resolve("r.csv").toString()));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("crm: " + dir.resolve("none.csv") + ": no such file");
    }

    @Test
    void outIsADirectory_exitsTwoWithOneLine() throws IOException {
        Path tx = write("io.csv", "customer,date\nc1,2024-01-02\n");
        Run run = run(List.of("summarize", "--transactions", tx.toString(), "--customer-col", "customer",
                "--date-col", "date", "--out", dir.toString()));
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .isEqualTo("crm: " + dir + ": is a directory; --out must name a file");
    }
}
