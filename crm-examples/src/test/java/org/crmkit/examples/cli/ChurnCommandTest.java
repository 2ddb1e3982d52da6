package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm churn score|evaluate|train} and {@code crm loyalty} as a user runs them. */
class ChurnCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = Path.of(System.getProperty("crm.data.dir", "../../shared/data"));

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int crm(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Crm.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void cdnow_scoreAndEvaluateWithAPurchaseModel() throws IOException {
        Path tx = DATA.resolve("CDNOW_sample.txt");
        assumeTrue(Files.isReadable(tx), "CDNOW sample not found in " + DATA.toAbsolutePath() + "; skipping");
        Path summary = dir.resolve("summary.csv");
        assertThat(crm("summarize", "--transactions", tx.toString(), "--delimiter", "whitespace", "--no-header",
                "--customer-col", "2", "--date-col", "3", "--date-format", "yyyyMMdd", "--amount-col", "5",
                "--time-unit", "weeks", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30",
                "--out", summary.toString())).as(err).isZero();
        Path bgnbd = dir.resolve("bgnbd.json");
        Path gg = dir.resolve("gg.json");
        assertThat(crm("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--out", bgnbd.toString()))
                .as(err).isZero();
        assertThat(crm("fit", "--model", "gamma-gamma", "--summary", summary.toString(), "--out", gg.toString()))
                .as(err).isZero();

        assertThat(crm("churn", "evaluate", "--model", bgnbd.toString(), "--summary", summary.toString()))
                .as(err).isZero();
        JsonNode e = JSON.readTree(out);
        assertThat(e.get("customers").asInt()).isEqualTo(2357);
        assertThat(e.get("churners").asInt()).isEqualTo(1673);
        assertThat(e.get("auc").asDouble()).isBetween(0.7, 0.8);
        assertThat(e.get("deciles")).hasSize(10);
        assertThat(e.get("precision_at").size()).isPositive();
        assertThat(e.get("baselines").fieldNames()).toIterable()
                .contains("p_alive", "recency_rank", "hiatus_10", "hiatus_20", "hiatus_29");

        Path risk = dir.resolve("risk.csv");
        assertThat(crm("churn", "score", "--model", bgnbd.toString(), "--summary", summary.toString(), "--window", "39",
                "--spend-model", gg.toString(), "--out", risk.toString())).as(err).isZero();
        List<String> lines = Files.readAllLines(risk);
        assertThat(lines.get(0)).isEqualTo("customer_id,churn_risk,level,reasons,value_at_risk");
        assertThat(lines).hasSize(2358);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l ->
                assertThat(l.split(",", -1)[2]).isIn("none", "watch", "warning", "critical"));
    }

    @Test
    void classifier_trainScoreEvaluate() throws IOException {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("customer_id,tenure_months,plan,monthly_fee,email,churned\n");
        for (int i = 0; i < 800; i++) {
            int tenure = 1 + random.nextInt(60);
            String plan = random.nextInt(3) == 0 ? "premium" : "basic";
            String fee = random.nextInt(20) == 0 ? "" : Integer.toString(10 + random.nextInt(40));
            double eta = 1.0 - 0.06 * tenure + (plan.equals("premium") ? -0.7 : 0);
            boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-eta));
            csv.append("C").append(i).append(',').append(tenure).append(',').append(plan).append(',').append(fee)
                    .append(",u").append(i).append("@example.org,").append(churned ? "Yes" : "no").append('\n');
        }
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, csv, StandardCharsets.UTF_8);
        Path model = dir.resolve("churn.json");
        assertThat(crm("churn", "train", "--customers", customers.toString(), "--id-col", "customer_id",
                "--label-col", "churned", "--out", model.toString())).as(err).isZero();
        JsonNode m = JSON.readTree(Files.readString(model));
        assertThat(m.get("model").asText()).isEqualTo("logistic-churn");
        assertThat(m.get("ignored_columns").has("email")).isTrue();
        assertThat(m.get("coefficients").findValuesAsText("feature"))
                .containsExactly("tenure_months", "plan=premium", "monthly_fee", "monthly_fee=(blank)");
        assertThat(m.get("coefficients").get(0).get("odds_ratio").asDouble()).isLessThan(1);
        assertThat(m.get("cross_validation").get("mean_auc").asDouble()).isGreaterThan(0.7);

        Path risk = dir.resolve("risk.csv");
        assertThat(crm("churn", "score", "--model", model.toString(), "--customers", customers.toString(),
                "--out", risk.toString())).as(err).isZero();
        assertThat(Files.readAllLines(risk)).hasSize(801).first().isEqualTo("customer_id,churn_risk,level,reasons");

        assertThat(crm("churn", "evaluate", "--model", model.toString(), "--customers", customers.toString(),
                "--label-col", "churned")).as(err).isZero();
        JsonNode e = JSON.readTree(out);
        assertThat(e.get("customers").asInt()).isEqualTo(800);
        assertThat(e.get("baselines").has("prior")).isTrue();
    }

    @Test
    void badInput_exitsWithTwoAndOneLineNamingFileLineAndField() throws IOException {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, "customer_id,x,churned\nA,1,1\nB,2,maybe\nC,3,0\n");
        assertThat(crm("churn", "train", "--customers", customers.toString(), "--id-col", "customer_id",
                "--label-col", "churned", "--out", dir.resolve("m.json").toString())).isEqualTo(2);
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(err).contains("customers.csv: line 3, field 'churned'").doesNotContain("maybe");
        assertThat(dir.resolve("m.json")).doesNotExist();

        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, "customer,date,brand\nA,2026-01-01,X\nA,2026-13-01,Y\n");
        assertThat(crm("loyalty", "--transactions", tx.toString(), "--customer-col", "customer", "--date-col", "date",
                "--brand-col", "brand", "--out", dir.resolve("l.csv").toString())).isEqualTo(2);
        assertThat(err.strip()).contains("tx.csv: line 3, field 'date'").doesNotContain("\n");
        assertThat(crm("churn", "score", "--model", customers.toString(), "--summary", tx.toString(), "--out",
                dir.resolve("r.csv").toString())).isEqualTo(2);
        assertThat(err).contains("--window");
    }

    @Test
    void loyalty_writesPatternsPerCustomer() throws IOException {
        Path tx = dir.resolve("tx.csv");
        StringBuilder sb = new StringBuilder("customer,date,brand\n");
        String[][] seqs = {{"h", "AAAAAA"}, {"s", "AABABB"}, {"f", "AAABBB"}, {"w", "ABCDBD"}};
        for (String[] s : seqs) {
            for (int k = 0; k < s[1].length(); k++) {
                sb.append(s[0]).append(",2026-0").append(1 + k).append("-15,").append(s[1].charAt(k)).append('\n');
            }
        }
        Files.writeString(tx, sb);
        Path loyalty = dir.resolve("loyalty.csv");
        assertThat(crm("loyalty", "--transactions", tx.toString(), "--customer-col", "customer", "--date-col", "date",
                "--brand-col", "brand", "--out", loyalty.toString())).as(err).isZero();
        List<String> lines = Files.readAllLines(loyalty);
        assertThat(lines.get(0)).isEqualTo("customer_id,loyalty_level,pattern,leading_share,purchases,reasons");
        assertThat(lines.get(1)).startsWith("h,absolute,hard-core,1.0,6,");
        assertThat(lines.get(2)).startsWith("s,strong,split,0.5,6,");
        assertThat(lines.get(3)).startsWith("f,medium,shifting,0.5,6,");
        assertThat(lines.get(4)).startsWith("w,none,switcher,");
    }
}
