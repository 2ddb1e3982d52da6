package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class DemoCommandTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Crm.commandLine(false);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demo_printsCountsViewAndMerge() {
        Run run = run("demo", "--customers", "400", "--seed", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("crmkit demo: 400 simulated customers, seed 3")
                .contains("Customer records:", "Activities:", "Purchase", "Complaint", "Interaction")
                .contains("Duplicates:", "Merged", "(none lost)")
                .contains("360-degree view of", "orders:", "contactable:")
                .containsPattern("[a-z]\\*\\*\\*@")
                .doesNotContainPattern("[a-z]+\\.[a-z]+[0-9]+@example\\.com");
    }

    @Test
    void demo_sameSeedSameReport() {
        String first = run("demo", "--customers", "300", "--seed", "11").out().replaceAll("Done in .*", "");
        String second = run("demo", "--customers", "300", "--seed", "11").out().replaceAll("Done in .*", "");
        String other = run("demo", "--customers", "300", "--seed", "12").out().replaceAll("Done in .*", "");
        assertThat(first).isEqualTo(second).isNotEqualTo(other);
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of((Object) new String[] {"demo", "--customers", "0"}),
                Arguments.of((Object) new String[] {"demo", "--customers", "-5"}),
                Arguments.of((Object) new String[] {"demo", "--customers", "many"}),
                Arguments.of((Object) new String[] {"demo", "--seed", "1.5"}),
                Arguments.of((Object) new String[] {"demo", "--unknown"}),
                Arguments.of((Object) new String[] {"nosuchcommand"}));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void demo_badOption_exitCode2AndOneLine(String[] args) {
        Run run = run(args);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1).allMatch(l -> l.startsWith("crm: "));
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void crm_helpListsDemo() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo");
    }
}
