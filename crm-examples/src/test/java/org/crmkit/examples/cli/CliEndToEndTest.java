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
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code crm} pipeline as a user runs it: summarize, fit, predict, evaluate, rfm.
 * One test runs on a seeded simulated transaction file and always runs; the other runs on
 * the CDNOW sample and the donations data (skipped where {@code crm.data.dir} is absent) and
 * compares the fitted parameters with the published estimates.
 */
class CliEndToEndTest {
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

    private JsonNode fit(String model, Path summary) throws IOException {
        Path file = dir.resolve(model + ".json");
        assertThat(crm("fit", "--model", model, "--summary", summary.toString(), "--out", file.toString()))
                .as(err).isZero();
        JsonNode json = JSON.readTree(out);
        assertThat(json.get("model").asText()).isEqualTo(model);
        assertThat(json.get("converged").asBoolean()).isTrue();
        return json;
    }

    private void fitPossiblyAtBoundary(String model, Path summary) throws IOException {
        int code = crm("fit", "--model", model, "--summary", summary.toString(), "--out",
                dir.resolve(model + ".json").toString());
        JsonNode json = JSON.readTree(out);
        assertThat(json.get("model").asText()).isEqualTo(model);
        if (json.get("converged").asBoolean()) {
            assertThat(code).as(err).isZero();
        } else {
            assertThat(code).as(err).isEqualTo(1);
            assertThat(err).contains("did not converge: at boundary: ");
        }
    }

    private static void assertParameters(JsonNode fit, double logLikelihood, Object... nameValue) {
        for (int i = 0; i < nameValue.length; i += 2) {
            double published = (Double) nameValue[i + 1];
            // published to 3 significant digits: half a unit in the last published digit
            double tolerance = 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(published))) - 2);
            assertThat(fit.get("parameters").get((String) nameValue[i]).asDouble()).as((String) nameValue[i])
                    .isCloseTo(published, within(tolerance));
        }
        assertThat(fit.get("logLikelihood").asDouble()).isCloseTo(logLikelihood, within(0.1));
    }

    @Test
    void simulatedTransactions_wholePipeline() throws IOException {
        // 600 customers; each buys at a personal weekly rate until a personal drop-out week
        Random random = new Random(20261123L);
        StringBuilder tx = new StringBuilder("customer,day,amount\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int c = 0; c < 600; c++) {
            double rate = 0.05 + random.nextDouble() * 0.5;
            int dropOut = random.nextInt(800);
            int day = random.nextInt(180);
            tx.append("c").append(c).append(',').append(start.plusDays(day)).append(",12.5\n");
            while (true) {
                day += 1 + (int) (-Math.log(1 - random.nextDouble()) * 7 / rate);
                if (day > dropOut || day >= 546) {
                    break;
                }
                tx.append("c").append(c).append(',').append(start.plusDays(day)).append(',')
                        .append(5 + random.nextInt(40)).append('\n');
            }
        }
        Path transactions = dir.resolve("tx.csv");
        Files.writeString(transactions, tx);
        Path summary = dir.resolve("summary.csv");
        assertThat(crm("summarize", "--transactions", transactions.toString(), "--customer-col", "customer",
                "--date-col", "day", "--amount-col", "amount", "--time-unit", "weeks",
                "--calibration-end", "2024-09-30", "--observation-end", "2025-06-29", "--out", summary.toString()))
                .as(err).isZero();
        assertThat(Files.readAllLines(summary).get(0)).isEqualTo("# time_unit=weeks");
        assertThat(Files.readAllLines(summary).get(1)).isEqualTo("customer_id,frequency,recency,T,monetary_value,"
                + "frequency_holdout,monetary_value_holdout,duration_holdout");

        // drop-out here is at a uniform day and spend uniform for everyone, not the BG/NBD and
        // Gamma-Gamma processes: the likelihood may be highest at the boundary (a, b -> inf: one
        // drop-out probability for all; q, v -> inf: one spend rate for all), which the fit must
        // report rather than hide
        fitPossiblyAtBoundary("bg-nbd", summary);
        fitPossiblyAtBoundary("gamma-gamma", summary);
        Path predictions = dir.resolve("p.csv");
        assertThat(crm("predict", "--model", dir.resolve("bg-nbd.json").toString(), "--spend-model",
                dir.resolve("gamma-gamma.json").toString(), "--summary", summary.toString(), "--horizon", "26",
                "--discount-rate", "0.001", "--out", predictions.toString())).as(err).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("customer_id,expected_purchases,p_alive,expected_spend,clv");
        assertThat(lines).hasSize(601);

        assertThat(crm("evaluate", "--model", dir.resolve("bg-nbd.json").toString(), "--summary",
                summary.toString())).as(err).isZero();
        JsonNode evaluation = JSON.readTree(out);
        assertThat(evaluation.get("customers").asInt()).isEqualTo(600);
        assertThat(evaluation.get("meanAbsoluteError").asDouble()).isPositive();
        assertThat(evaluation.get("holdoutTable")).hasSize(8);
        assertThat(evaluation.get("holdoutTable").get(7).get("purchases").asText()).isEqualTo("7+");
        double actual = 0;
        for (JsonNode row : evaluation.get("holdoutTable")) {
            actual += row.get("actual").asDouble();
        }
        assertThat(actual).isEqualTo(600);

        Path rfm = dir.resolve("rfm.csv");
        assertThat(crm("rfm", "--summary", summary.toString(), "--out", rfm.toString())).as(err).isZero();
        assertThat(Files.readAllLines(rfm)).hasSize(601).first().asString()
                .startsWith("customer_id,recency_score,frequency_score,monetary_score");
    }

    @Test
    void cdnowAndDonations_matchThePublishedEstimates() throws IOException {
        Path cdnow = DATA.resolve("CDNOW_sample.txt");
        Path donations = DATA.resolve("donations.csv");
        assumeTrue(Files.isRegularFile(cdnow) && Files.isRegularFile(donations),
                "reference data absent (set crm.data.dir): " + DATA.toAbsolutePath());
        Path summary = dir.resolve("cdnow.csv");
        assertThat(crm("summarize", "--transactions", cdnow.toString(), "--delimiter", "whitespace", "--no-header",
                "--customer-col", "2", "--date-col", "3", "--date-format", "yyyyMMdd", "--amount-col", "5",
                "--time-unit", "weeks", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30",
                "--out", summary.toString())).as(err).isZero();

        // Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), p. 279
        assertParameters(fit("bg-nbd", summary), -9582.4, "r", 0.243, "alpha", 4.414, "a", 0.793, "b", 2.426);
        // Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions", p. 4
        assertParameters(fit("pareto-nbd", summary), -9595.0, "r", 0.553, "alpha", 10.578, "s", 0.606,
                "beta", 11.669);
        // Fader, Hardie & Lee (2005), "RFM and CLV", J. Marketing Research 42(4), p. 421 (946 repeat buyers)
        assertParameters(fit("gamma-gamma", summary), -4055.9, "p", 6.25, "q", 3.74, "v", 15.44);
        JsonNode mbg = fit("mbg-nbd", summary);
        assertThat(mbg.get("logLikelihood").asDouble()).isGreaterThan(-9582.4);

        assertThat(crm("evaluate", "--model", dir.resolve("bg-nbd.json").toString(), "--summary",
                summary.toString())).as(err).isZero();
        JsonNode evaluation = JSON.readTree(out);
        assertThat(evaluation.get("customers").asInt()).isEqualTo(2357);
        assertThat(evaluation.get("predictedPurchases").asDouble()).isBetween(1500.0, 1800.0);

        // Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual
        // setting", Marketing Science 29(6), p. 1090
        assertParameters(fit("bg-bb", donations), -33225.6, "alpha", 1.204, "beta", 0.750, "gamma", 0.657,
                "delta", 2.783);
    }
}
