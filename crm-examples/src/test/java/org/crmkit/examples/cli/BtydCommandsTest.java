package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BtydCommandsTest {
    private static final BgNbd TRUTH = BgNbd.of(0.4, 5, 0.8, 2.5);
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** A model file with only the model and the published CDNOW BG/NBD parameters. */
    private static Path cdnowBgNbdModel(Path dir) throws IOException {
        Path model = dir.resolve("typed.json");
        Files.writeString(model, "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.243,\"alpha\":4.414,\"a\":0.793,\"b\":2.426}}");
        return model;
    }

    /** A simulated summary with monetary value and holdout columns. */
    private static Path summary(Path dir, int n) throws IOException {
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 26 + i % 14;
        }
        SimulatedCohort c = TRUTH.simulate(ages, 39, 21);
        double[] m = GammaGamma.of(6, 4, 15).simulateMeanSpend(c.frequency(), 22);
        StringBuilder sb = new StringBuilder(
                "customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout\n");
        double[] x = c.frequency();
        double[] tx = c.recency();
        double[] h = c.holdoutFrequency();
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "c%d,%s,%s,%s,%s,%s,0,39%n", i, x[i], tx[i], ages[i], m[i], h[i]));
        }
        Path file = dir.resolve("summary.csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void fit_cdnowSummary_printsPublishedEstimates(@TempDir Path dir) throws IOException {
        Path cdnow = Path.of(System.getProperty("crm.data.dir", "../../shared/data"), "cdnow_customers_summary.csv");
        assumeTrue(Files.isRegularFile(cdnow), "reference data absent: " + cdnow);
        Path model = dir.resolve("bg.json");
        int code = run("fit", "--model", "bg-nbd", "--summary", cdnow.toString(), "--out", model.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("model").asText()).isEqualTo("bg-nbd");
        assertThat(json.get("parameters").get("r").asDouble()).isCloseTo(0.243, within(0.0005));
        assertThat(json.get("parameters").get("alpha").asDouble()).isCloseTo(4.414, within(0.005));
        assertThat(json.get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.05));
        assertThat(json.get("converged").asBoolean()).isTrue();
        assertThat(json.get("customers").asDouble()).isEqualTo(2357);
        assertThat(json.get("iterations").asInt()).isPositive();
        assertThat(new ObjectMapper().readTree(Files.readString(model))).isEqualTo(json);
    }

    @Test
    void fitPredictEvaluate_simulatedSummary_workEndToEnd(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 3000);
        Path bg = dir.resolve("bg.json");
        Path gg = dir.resolve("gg.json");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--out", bg.toString()))
                .as(err.toString()).isZero();
        assertThat(run("fit", "--model", "gamma-gamma", "--summary", summary.toString(), "--out", gg.toString()))
                .as(err.toString()).isZero();
        Path predictions = dir.resolve("p.csv");
        assertThat(run("predict", "--model", bg.toString(), "--spend-model", gg.toString(), "--summary",
                summary.toString(), "--horizon", "52", "--discount-rate", "0.01", "--out", predictions.toString()))
                .as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("customer_id,expected_purchases,p_alive,expected_spend,clv");
        assertThat(lines).hasSize(3001);
        String[] first = lines.get(1).split(",");
        assertThat(first[0]).isEqualTo("c0");
        for (int i = 1; i < 5; i++) {
            assertThat(Double.parseDouble(first[i])).isFinite().isGreaterThanOrEqualTo(0);
        }
        assertThat(run("evaluate", "--model", bg.toString(), "--summary", summary.toString()))
                .as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("customers").asInt()).isEqualTo(3000);
        assertThat(json.get("predictedPurchases").asDouble())
                .isCloseTo(json.get("actualPurchases").asDouble(), within(0.1 * json.get("actualPurchases").asDouble()));
        assertThat(json.get("holdoutTable")).hasSize(8);
        assertThat(json.get("holdoutTable").get(7).get("purchases").asText()).isEqualTo("7+");
    }

    @Test
    void predict_modelFileWithOnlyModelAndParameters_matchesApi(@TempDir Path dir) throws IOException {
        Path model = cdnowBgNbdModel(dir);
        Path summary = dir.resolve("s.csv");
        Files.writeString(summary, "customer_id,frequency,recency,T\n1,2,30.43,38.86\n2,0,0,38.86\n");
        Path predictions = dir.resolve("p.csv");
        assertThat(run("predict", "--model", model.toString(), "--summary", summary.toString(), "--horizon", "39",
                "--out", predictions.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        BgNbd api = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        assertThat(lines.get(1)).isEqualTo("1," + api.conditionalExpectedPurchases(39, 2, 30.43, 38.86) + ","
                + api.probabilityAlive(2, 30.43, 38.86));
        assertThat(lines.get(2)).endsWith(",1.0");
    }

    @Test
    void badInput_exitsTwoWithOneLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "customer_id,frequency,recency,T\n1,2,30,38\n2,1,40,39\n");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", bad.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("crm: " + bad
                + ": line 3, field 'T': customer '2': T must be finite and >= recency 40.0: 39.0");

        Path zeroRecency = dir.resolve("zero.csv");
        Files.writeString(zeroRecency, "customer_id,frequency,recency,T\n1,2,0,38\n");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", zeroRecency.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(": line 2, field 'frequency': customer '1': frequency 2.0 > 0 with recency 0").doesNotContain("\tat ");

        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "customer_id,frequency,recency,T\n1,2,abc,38\n");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", nan.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(": line 2, field 'recency': cannot parse 'xxx' as a number");

        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "customer_id,frequency,recency,T\n");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no customer rows (header only)");

        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "customer_id,frequency,recency,T\n1,2,30,38\n");
        assertThat(run("fit", "--model", "no-such-model", "--summary", ok.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown model \"no-such-model\"").contains("bg-nbd");
        assertThat(run("fit", "--model", "gamma-gamma", "--summary", ok.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("monetary_value");

        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"schemaVersion\":9,\"model\":\"bg-nbd\",\"parameters\":{}}");
        assertThat(run("predict", "--model", newer.toString(), "--summary", ok.toString(), "--horizon", "5",
                "--out", dir.resolve("p.csv").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("crm: " + newer + ": line 1, field 'schemaVersion': ")
                .contains("unsupported schemaVersion 9");

        Path spend = dir.resolve("gg.json");
        Files.writeString(spend, "{\"model\":\"gamma-gamma\",\"parameters\":{\"p\":6,\"q\":4,\"v\":15}}");
        assertThat(run("evaluate", "--model", spend.toString(), "--summary", ok.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not predict purchases");
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);

        Path typed = dir.resolve("bg.json");
        Files.writeString(typed, "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.243,\"alpha\":4.414,\"a\":0.793,\"b\":2.426}}");
        assertThat(run("evaluate", "--model", typed.toString(), "--summary", ok.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("frequency_holdout");
    }

    @Test
    void modelRowErrors_nameTheLineAfterCommentAndBlankLines(@TempDir Path dir) throws IOException {
        Path summary = dir.resolve("s.csv");
        // the row the model rejects (x > 0 with recency 0) is on line 6 of the file
        Files.writeString(summary, "# time_unit=weeks\ncustomer_id,frequency,recency,T\nA,1,2,3\n\nC,0,0,5\nB,2,0,4\n");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--out",
                dir.resolve("m.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("s.csv: line 6, field 'frequency'");
        Path model = cdnowBgNbdModel(dir);
        assertThat(run("predict", "--model", model.toString(), "--summary", summary.toString(), "--horizon", "39",
                "--out", dir.resolve("p.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("s.csv: line 6, field 'frequency'");
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    @Test
    void predict_manyRows_writtenBlockByBlockInInputOrder(@TempDir Path dir) throws IOException {
        int n = PredictCommand.BLOCK * 2 + 123;
        StringBuilder csv = new StringBuilder("customer_id,frequency,recency,T\n");
        for (int i = 0; i < n; i++) {
            int x = i % 7;
            csv.append('c').append(i).append(',').append(x).append(',').append(x == 0 ? 0 : 1 + i % 30).append(',')
                    .append(31 + i % 9).append('\n');
        }
        Path summary = dir.resolve("s.csv");
        Files.writeString(summary, csv);
        Path model = cdnowBgNbdModel(dir);
        Path predictions = dir.resolve("p.csv");
        assertThat(run("predict", "--model", model.toString(), "--summary", summary.toString(), "--horizon", "39",
                "--out", predictions.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(n + 1);
        BgNbd api = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        for (int i : new int[] {0, PredictCommand.BLOCK - 1, PredictCommand.BLOCK, n - 1}) {
            int x = i % 7;
            double tx = x == 0 ? 0 : 1 + i % 30;
            double t = 31 + i % 9;
            assertThat(lines.get(i + 1)).isEqualTo("c" + i + "," + api.conditionalExpectedPurchases(39, x, tx, t) + ","
                    + api.probabilityAlive(x, tx, t));
        }
    }

    @Test
    void fitGammaGamma_zeroRepeatSpend_namesThatCustomerNotTheFirstOneTimeBuyer(@TempDir Path dir)
            throws IOException {
        Path summary = dir.resolve("s.csv");
        // as in the full CDNOW data: one-time buyers first, and one repeat customer (line 5)
        // whose repeat purchases net to 0
        StringBuilder rows = new StringBuilder("# time_unit=weeks\ncustomer_id,frequency,recency,T,monetary_value\n"
                + "1,0,0,38,0\n2,2,20,38,25.5\n10244,1,4,33.6,0\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            // customers' mean spends vary around their own level, as Gamma-Gamma assumes
            rows.append(100 + i).append(',').append(1 + i % 5).append(",10,38,")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 5 + 40 * random.nextDouble())).append('\n');
        }
        Files.writeString(summary, rows);
        assertThat(run("fit", "--model", "gamma-gamma", "--summary", summary.toString(), "--out",
                dir.resolve("gg.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("s.csv: line 5").contains("'10244'").contains("mean repeat spend");
        assertThat(dir.resolve("gg.json")).doesNotExist();
        assertThat(run("fit", "--model", "gamma-gamma", "--summary", summary.toString(), "--non-positive-spend",
                "exclude", "--out", dir.resolve("gg.json").toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("left out 1 repeat customer(s)");
    }
}
