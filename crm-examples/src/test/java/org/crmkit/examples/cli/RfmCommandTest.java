package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void rfm_writesScoresCellsAndSegments(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("s.csv");
        StringBuilder sb = new StringBuilder("customer_id,frequency,recency,T,monetary_value\n");
        for (int i = 0; i < 10; i++) {
            // customer i: frequency i, last purchase (9 - i) weeks before the end
            sb.append(i).append(',').append(i).append(',').append(i == 0 ? 0 : 31 + i)
                    .append(",40,").append(10 * i).append('\n');
        }
        Files.writeString(summary, sb.toString());
        Path rfm = dir.resolve("rfm.csv");
        int code = run("rfm", "--summary", summary.toString(), "--out", rfm.toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(rfm);
        assertThat(lines.get(0)).isEqualTo(
                "customer_id,recency_score,frequency_score,monetary_score,rfm_cell,rfm_score,segment");
        assertThat(lines).hasSize(11);
        assertThat(lines.get(10)).isEqualTo("9,5,5,5,555,5.0000,champions");
        assertThat(lines.get(1)).isEqualTo("0,1,1,1,111,1.0000,lost");
    }

    @Test
    void rfm_otherBinCountOmitsSegmentsAndSaysSo(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("s.csv");
        Files.writeString(summary, "ID,frequency,recency,T\n1,0,0,5\n2,3,4,5\n");
        Path rfm = dir.resolve("rfm.csv");
        int code = run("rfm", "--summary", summary.toString(), "--bins", "3", "--out",
                rfm.toString());
        assertThat(code).isZero();
        assertThat(Files.readAllLines(rfm).get(0)).doesNotContain("segment");
        assertThat(err.toString()).contains("no segment column").contains("monetary_value");
    }

    @Test
    void rfm_badSummary_exitsTwoWithOneLine(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("s.csv");
        Files.writeString(summary, "customer_id,frequency,recency,T\n1,0,0,5\n2,x,4,5\n");
        int code = run("rfm", "--summary", summary.toString(), "--out",
                dir.resolve("r.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("s.csv: line 3, field 'frequency'")
                .doesNotContain("Exception");
    }

    @Test
    void rfm_badRules_exitsTwoNamingTheFile(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("s.csv");
        Files.writeString(summary, "customer_id,frequency,recency,T\n1,0,0,5\n");
        Path rules = dir.resolve("rules.json");
        Files.writeString(rules, "{\"bins\":5,\"fallback\":\"x\",\"segments\":[{\"name\":\"A\","
                + "\"recency\":{\"min\":1,\"max\":9}}]}");
        int code = run("rfm", "--summary", summary.toString(), "--segments", rules.toString(),
                "--out", dir.resolve("r.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("rules.json").contains("exceeds 5 bins");
        assertThat(err.toString().lines()).hasSize(1);
    }
}
