package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MarketingCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void nps_groupsIntervalsAndComparison(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("surveys.csv");
        Files.writeString(f, "customer,quarter,likelihood\nC1,Q1,10\nC2,Q1,9\nC3,Q1,8\nC4,Q1,7\nC5,Q1,3\nC6,Q1,10\n"
                + "C7,Q2,0\nC8,Q2,5\nC9,Q2,9\nC10,Q2,10\nC11,Q2,\n");
        int code = run("nps", "--surveys", f.toString(), "--score-col", "likelihood", "--group-col", "quarter",
                "--method", "wald", "--compare", "Q1,Q2");
        assertThat(code).as(err.toString()).isZero();
        JsonNode root = json();
        assertThat(root.get("skipped_blank").asInt()).isEqualTo(1);
        JsonNode q1 = root.get("groups").get(0);
        assertThat(q1.get("group").asText()).isEqualTo("Q1");
        assertThat(q1.get("n").asInt()).isEqualTo(6);
        assertThat(q1.get("promoters").asInt()).isEqualTo(3);
        assertThat(q1.get("passives").asInt()).isEqualTo(2);
        assertThat(q1.get("detractors").asInt()).isEqualTo(1);
        assertThat(q1.get("nps").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(q1.get("variance").asDouble()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(q1.get("ci_low").asDouble()).isCloseTo(-0.26306471457238545, within(1e-9));
        assertThat(root.get("comparison").get("p_value").asDouble()).isCloseTo(0.5690204003534876, within(1e-9));
    }

    @Test
    void campaign_armsAgainstControl(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("id,arm,responded,revenue\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("T").append(i).append(",email,").append(i < 120 ? "yes" : "no").append(',')
                    .append(i < 120 ? "50" : "").append('\n');
            sb.append("C").append(i).append(",holdout,").append(i < 80 ? "1" : "0").append(',')
                    .append(i < 80 ? "50.0" : "0").append('\n');
        }
        Path f = dir.resolve("arms.csv");
        Files.writeString(f, sb.toString());
        int code = run("campaign", "--customers", f.toString(), "--arm-col", "arm", "--control", "holdout",
                "--outcome-col", "responded", "--value-col", "revenue", "--cost-per-contact", "0.5", "--margin", "0.3");
        assertThat(code).as(err.toString()).isZero();
        JsonNode arms = json().get("arms");
        assertThat(arms.get(0).get("arm").asText()).isEqualTo("holdout");
        JsonNode email = arms.get(1);
        assertThat(email.get("n").asInt()).isEqualTo(1000);
        assertThat(email.get("response_rate").asDouble()).isCloseTo(0.12, within(1e-15));
        assertThat(email.get("value_per_customer").asDouble()).isCloseTo(6.0, within(1e-12));
        assertThat(email.get("rate_lift").asDouble()).isCloseTo(0.04, within(1e-15));
        assertThat(email.get("rate_lift_ci_low").asDouble()).isCloseTo(0.013762823691022177, within(1e-9));
        assertThat(email.get("rate_lift_ci_high").asDouble()).isCloseTo(0.06623717630897782, within(1e-9));
        assertThat(email.get("value_lift").asDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(email.get("value_lift_ci_low").asDouble()).isCloseTo(0.6874847627860139, within(1e-9));
        assertThat(email.get("incremental_value").asDouble()).isCloseTo(2000, within(1e-9));
        assertThat(email.get("roi").asDouble()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void campaign_withoutValueOrCostHasNullRoi(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("arms.csv");
        Files.writeString(f, "arm,r\nA,1\nA,0\nctl,0\nctl,0\n");
        int code = run("campaign", "--customers", f.toString(), "--arm-col", "arm", "--control", "ctl",
                "--outcome-col", "r");
        assertThat(code).as(err.toString()).isZero();
        JsonNode a = json().get("arms").get(1);
        assertThat(a.get("rate_lift").asDouble()).isEqualTo(0.5);
        assertThat(a.get("roi").isNull()).isTrue();
        assertThat(a.get("value_per_customer").isNull()).isTrue();
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("nps", "q,s\nQ1,11\n", "s.csv: line 2, field 's': an NPS answer must be a whole number 0..10"),
                Arguments.of("nps", "q,s\nQ1,ann@example.com\n", "s.csv: line 2, field 's': not a whole number (15 characters)"),
                Arguments.of("nps", "q,s\nQ1,7,8\n", "s.csv: line 2: has 3 fields, the header has 2"),
                Arguments.of("nps", "q,x\nQ1,7\n", "s.csv: line 1, field 's': no such column in the header"),
                Arguments.of("nps", "q,s\nQ1,\n", "s.csv: field 's': no answers"),
                Arguments.of("nps", "", "s.csv: is empty: no header line"),
                Arguments.of("campaign", "arm,r\nA,maybe\nctl,0\n",
                        "s.csv: line 2, field 'r': not a binary value (expected 1/0, true/false or yes/no)"),
                Arguments.of("campaign", "arm,r\nA,1\n", "s.csv: field 'arm': no row has the control arm 'ctl'"),
                Arguments.of("campaign", "arm,r\nctl,1\n",
                        "s.csv: field 'arm': only the control arm is present, nothing to compare"),
                Arguments.of("campaign", "arm,r\n,1\nctl,0\n", "s.csv: line 2, field 'arm': is empty"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInput_exitsTwoWithOneLineNamingFileLineAndField(String command, String content, String message,
            @TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        String[] args = command.equals("nps")
                ? new String[] {"nps", "--surveys", f.toString(), "--score-col", "s", "--group-col", "q"}
                : new String[] {"campaign", "--customers", f.toString(), "--arm-col", "arm", "--control", "ctl",
                    "--outcome-col", "r"};
        int code = run(args);
        assertThat(code).isEqualTo(2);
        String e = err.toString().replace(f.toString(), "s.csv");
        assertThat(e.lines().count()).as(e).isEqualTo(1);
        assertThat(e.strip()).isEqualTo("crm: " + message);
        assertThat(e).doesNotContain("Exception").doesNotContain("ann@");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badOptions_exitTwo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "q,s\nQ1,9\n");
        assertThat(run("nps", "--surveys", f.toString(), "--score-col", "s", "--confidence", "1.5")).isEqualTo(2);
        assertThat(run("nps", "--surveys", dir.resolve("missing.csv").toString(), "--score-col", "s")).isEqualTo(2);
        assertThat(run("nps", "--surveys", dir.toString(), "--score-col", "s")).isEqualTo(2);
        assertThat(run("campaign", "--customers", f.toString(), "--arm-col", "q", "--control", "Q1",
                "--outcome-col", "s", "--margin", "2")).isEqualTo(2);
        assertThat(err.toString().lines().filter(l -> l.startsWith("crm: ")).count()).isEqualTo(4);
    }
}
