package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: {@code --intervals} of predict and evaluate, progress on stderr, --quiet, fit limits. */
class IntervalsAndProgressCommandsTest {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @AfterEach
    void resetProgressHooks() {
        ProgressOptions.thresholdNanos = Duration.ofSeconds(ProgressOptions.THRESHOLD_SECONDS).toNanos();
        ProgressOptions.terminal = null;
    }

    /** A summary with holdout columns simulated from a known BG/NBD, and its fitted model file. */
    private Path[] files(Path dir) throws IOException {
        BgNbd truth = BgNbd.of(0.4, 5, 0.8, 2.5);
        int n = 600;
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 26 + i % 14;
        }
        SimulatedCohort c = truth.simulate(ages, 20, 21);
        StringBuilder sb = new StringBuilder("customer_id,frequency,recency,T,frequency_holdout,monetary_value_holdout,duration_holdout\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "c%d,%s,%s,%s,%s,0,20%n", i, c.frequency()[i], c.recency()[i], ages[i],
                    c.holdoutFrequency()[i]));
        }
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, sb.toString());
        Path model = dir.resolve("bg.json");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--out", model.toString()))
                .as(err.toString()).isZero();
        return new Path[] {summary, model};
    }

    @Test
    void predict_intervals_addsLowAndHighAfterEachColumn(@TempDir Path dir) throws IOException {
        Path[] f = files(dir);
        Path p = dir.resolve("p.csv");
        assertThat(run("predict", "--model", f[1].toString(), "--summary", f[0].toString(), "--horizon", "20",
                "--intervals", "0.9", "--draws", "100", "--seed", "3", "--out", p.toString())).as(err.toString())
                .isZero();
        List<String> lines = Files.readAllLines(p);
        assertThat(lines.get(0)).isEqualTo("customer_id,expected_purchases,expected_purchases_low,"
                + "expected_purchases_high,p_alive,p_alive_low,p_alive_high");
        assertThat(lines).hasSize(601);
        int inside = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            double e = Double.parseDouble(v[1]);
            double lo = Double.parseDouble(v[2]);
            double hi = Double.parseDouble(v[3]);
            assertThat(lo).isLessThanOrEqualTo(hi).isGreaterThanOrEqualTo(0);
            assertThat(Double.parseDouble(v[5])).isBetween(0.0, Double.parseDouble(v[6]));
            inside += e >= lo && e <= hi ? 1 : 0;
        }
        // the estimate lies inside its parameter interval for (almost) every customer
        assertThat(inside).isGreaterThan(590);
        // the same seed gives the same file
        Path again = dir.resolve("again.csv");
        run("predict", "--model", f[1].toString(), "--summary", f[0].toString(), "--horizon", "20",
                "--intervals", "0.9", "--draws", "100", "--seed", "3", "--out", again.toString());
        assertThat(Files.readAllLines(again)).isEqualTo(lines);
    }

    @Test
    void predict_intervalsWithSpendModel_addsSpendAndClvEnds(@TempDir Path dir) throws IOException {
        BgNbd truth = BgNbd.of(0.4, 5, 0.8, 2.5);
        int n = 500;
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 26 + i % 14;
        }
        SimulatedCohort c = truth.simulate(ages, 0, 23);
        double[] m = org.crmkit.scoring.btyd.GammaGamma.of(6, 4, 15).simulateMeanSpend(c.frequency(), 24);
        StringBuilder sb = new StringBuilder("customer_id,frequency,recency,T,monetary_value\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "c%d,%s,%s,%s,%s%n", i, c.frequency()[i], c.recency()[i], ages[i],
                    m[i]));
        }
        Path summary = dir.resolve("s.csv");
        Files.writeString(summary, sb.toString());
        Path bg = dir.resolve("bg.json");
        Path gg = dir.resolve("gg.json");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--out", bg.toString())).isZero();
        assertThat(run("fit", "--model", "gamma-gamma", "--summary", summary.toString(), "--out", gg.toString()))
                .as(err.toString()).isZero();
        Path p = dir.resolve("p.csv");
        assertThat(run("predict", "--model", bg.toString(), "--spend-model", gg.toString(), "--summary",
                summary.toString(), "--horizon", "52", "--discount-rate", "0.002", "--intervals", "0.8", "--draws",
                "50", "--interval-method", "bootstrap", "--out", p.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(p);
        assertThat(lines.get(0)).endsWith(",expected_spend,expected_spend_low,expected_spend_high,clv,clv_low,clv_high");
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            assertThat(v).hasSize(13);
            assertThat(Double.parseDouble(v[8])).isLessThanOrEqualTo(Double.parseDouble(v[9]));
            assertThat(Double.parseDouble(v[11])).isLessThanOrEqualTo(Double.parseDouble(v[12]))
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void evaluate_intervals_reportsTheIntervalOfTheHoldoutTotal(@TempDir Path dir) throws IOException {
        Path[] f = files(dir);
        for (String method : List.of("covariance", "bootstrap")) {
            assertThat(run("evaluate", "--model", f[1].toString(), "--summary", f[0].toString(), "--intervals", "0.9",
                    "--draws", "40", "--interval-method", method)).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            JsonNode i = json.get("predictedPurchasesInterval");
            assertThat(i.get("level").asDouble()).isEqualTo(0.9);
            assertThat(i.get("low").asDouble()).isLessThan(json.get("predictedPurchases").asDouble());
            assertThat(i.get("high").asDouble()).isGreaterThan(json.get("predictedPurchases").asDouble());
            assertThat(i.get("includes").toString()).isEqualTo("[\"parameters\",\"purchase_process\"]");
            assertThat(i.get("method").asText()).contains(method.equals("bootstrap") ? "bootstrap" : "covariance");
            assertThat(i.get("actualInside").asBoolean()).isEqualTo(
                    json.get("actualPurchases").asDouble() >= i.get("low").asDouble()
                            && json.get("actualPurchases").asDouble() <= i.get("high").asDouble());
        }
    }

    @Test
    void intervals_modelFileWithoutCovariance_exit2NamingTheFile(@TempDir Path dir) throws IOException {
        Path[] f = files(dir);
        Path bare = dir.resolve("bare.json");
        Files.writeString(bare, BtydModelJson.write(BgNbd.of(0.4, 5, 0.8, 2.5), "weeks"));
        assertThat(run("predict", "--model", bare.toString(), "--summary", f[0].toString(), "--horizon", "20",
                "--intervals", "0.9", "--out", dir.resolve("p.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("crm: " + bare + ": line 1, field 'covariance': --intervals needs")
                .doesNotContain("Exception").hasLineCount(1);
        assertThat(run("predict", "--model", f[1].toString(), "--summary", f[0].toString(), "--horizon", "20",
                "--intervals", "1.5", "--out", dir.resolve("p.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--intervals: the level must be in (0, 1)");
        assertThat(Files.exists(dir.resolve("p.csv"))).isFalse();
    }

    @Test
    void fit_maxIterations2_reportsNotConvergedAndTheLimit(@TempDir Path dir) throws IOException {
        Path[] f = files(dir);
        assertThat(run("fit", "--model", "bg-nbd", "--summary", f[0].toString(), "--max-iterations", "2"))
                .isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("converged").asBoolean()).isFalse();
        assertThat(json.get("limitReached").asText()).isEqualTo("iterations");
        assertThat(err.toString()).contains("crm fit: stopped by the iteration limit (2 per search) after 2 iterations");
        // the model file with limitReached reads back
        assertThat(BtydModelJson.read(out.toString()).converged()).contains(false);
    }

    @Test
    void fit_badLimits_exit2() throws IOException {
        assertThat(run("fit", "--model", "bg-nbd", "--summary", "no-such.csv", "--time-limit", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--time-limit: not a positive duration").hasLineCount(1);
        assertThat(run("fit", "--model", "bg-nbd", "--summary", "no-such.csv", "--max-iterations", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--max-iterations: must be positive");
        assertThat(ProgressOptions.parseDuration("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ProgressOptions.parseDuration("x", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ProgressOptions.parseDuration("x", "PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void progress_showsForLongWork_linesOffATerminal_barOnOne_andQuietSilencesIt(@TempDir Path dir)
            throws IOException {
        Path[] f = files(dir);
        ProgressOptions.thresholdNanos = 0; // every job counts as long
        ProgressOptions.terminal = false;
        assertThat(run("fit", "--model", "bg-nbd", "--summary", f[0].toString())).isZero();
        assertThat(err.toString()).containsPattern("(?m)^crm fit: fit bg-nbd: likelihood evaluations 1 \\(\\d+\\.\\d s\\)$")
                .doesNotContain("\r");
        ProgressOptions.terminal = true;
        assertThat(run("evaluate", "--model", f[1].toString(), "--summary", f[0].toString(), "--intervals", "0.9",
                "--draws", "20", "--interval-method", "bootstrap")).isZero();
        assertThat(err.toString()).contains("\rcrm evaluate: bootstrap bg-nbd: refits [").contains("20/20")
                .endsWith(System.lineSeparator());
        assertThat(run("fit", "--model", "bg-nbd", "--summary", f[0].toString(), "--quiet")).isZero();
        assertThat(err.toString()).doesNotContain("likelihood evaluations");
        assertThat(run("evaluate", "--model", f[1].toString(), "--summary", f[0].toString(), "--intervals", "0.9",
                "--draws", "20", "--interval-method", "bootstrap", "-q")).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void progress_quickWork_showsNothing(@TempDir Path dir) throws IOException {
        Path[] f = files(dir);
        assertThat(run("fit", "--model", "bg-nbd", "--summary", f[0].toString())).isZero();
        assertThat(err.toString()).doesNotContain("likelihood evaluations");
    }
}
