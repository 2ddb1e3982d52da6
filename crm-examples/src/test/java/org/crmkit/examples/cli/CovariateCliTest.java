package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.crmkit.scoring.btyd.CovariateDesign;
import org.crmkit.scoring.btyd.CovariateModel;
import org.crmkit.scoring.btyd.CovariateModelJson;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm fit --covariates}, and {@code crm predict|evaluate} with a covariate model. */
class CovariateCliTest {
    private static final CovariateDesign DESIGN = CovariateDesign.builder()
            .categorical("gender", List.of("f", "m"))
            .categorical("channel", List.of("phone", "shop", "web"))
            .build();
    /** Columns gender=m, channel=shop, channel=web. */
    private static final CovariateModel TRUTH = CovariateModel.of(CovariateModel.Family.PARETO_NBD,
            new double[] {0.6, 10, 0.7, 12}, DESIGN, new double[] {0.5, 0.2, -0.4}, new double[] {-0.3, 0.0, 0.4});
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Six groups of {@code perGroup} customers drawn from the truth's per-group Pareto/NBD. */
    private static Path summary(Path dir, int perGroup) throws IOException {
        StringBuilder sb = new StringBuilder("# time_unit=weeks\n"
                + "customer_id,frequency,recency,T,frequency_holdout,monetary_value_holdout,duration_holdout,gender,channel\n");
        String[] genders = {"f", "m"};
        String[] channels = {"phone", "shop", "web"};
        int id = 0;
        long seed = 5;
        for (String g : genders) {
            for (String c : channels) {
                double[] ages = new double[perGroup];
                for (int i = 0; i < perGroup; i++) {
                    ages[i] = 26 + i % 27;
                }
                SimulatedCohort cohort = TRUTH.forCustomer(DESIGN.encode(new String[] {g, c})).simulate(ages, 26, seed++);
                for (int i = 0; i < perGroup; i++) {
                    sb.append(String.format(Locale.ROOT, "c%d,%s,%s,%s,%s,0,26,%s,%s%n", id++, cohort.frequency()[i],
                            cohort.recency()[i], ages[i], cohort.holdoutFrequency()[i], g, c));
                }
            }
        }
        Path file = dir.resolve("summary.csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void fitPredictEvaluate_withCovariates_workEndToEnd(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 1000);
        Path model = dir.resolve("cov.json");
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--covariates", "gender,channel",
                "--out", model.toString())).as(err.toString()).isZero();
        JsonNode fit = new ObjectMapper().readTree(out.toString());
        assertThat(fit.get("model").asText()).isEqualTo("pareto-nbd");
        assertThat(fit.get("timeUnit").asText()).isEqualTo("weeks");
        assertThat(fit.get("covariates").get(1).get("reference").asText()).isEqualTo("phone");
        assertThat(fit.get("coefficients").get("transaction").fieldNames()).toIterable()
                .containsExactly("gender=m", "channel=shop", "channel=web");
        CovariateModel fitted = CovariateModelJson.read(model).model();
        double se = fitted.standardErrors().get("trans.gender=m");
        assertThat(fitted.transactionCoefficients().get("gender=m")).isCloseTo(0.5, within(4 * se));
        assertThat(fitted.lifetimeCoefficients().get("channel=web")).isCloseTo(0.4,
                within(4 * fitted.standardErrors().get("life.channel=web")));

        Path predictions = dir.resolve("p.csv");
        assertThat(run("predict", "--model", model.toString(), "--summary", summary.toString(), "--horizon", "26",
                "--out", predictions.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(6001);
        assertThat(lines.get(0)).isEqualTo("customer_id,expected_purchases,p_alive");
        List<String> rows = Files.readAllLines(summary);
        for (int k : new int[] {1, 3500}) {
            String[] s = rows.get(k + 1).split(",");
            String[] p = lines.get(k).split(",");
            double expected = fitted.forCustomer(fitted.design().encode(new String[] {s[7], s[8]}))
                    .conditionalExpectedPurchases(26, Double.parseDouble(s[1]), Double.parseDouble(s[2]),
                            Double.parseDouble(s[3]));
            assertThat(p[0]).isEqualTo(s[0]);
            assertThat(Double.parseDouble(p[1])).isCloseTo(expected, within(1e-12));
        }

        assertThat(run("evaluate", "--model", model.toString(), "--summary", summary.toString()))
                .as(err.toString()).isZero();
        JsonNode eval = new ObjectMapper().readTree(out.toString());
        assertThat(eval.get("customers").asInt()).isEqualTo(6000);
        double actual = eval.get("actualPurchases").asDouble();
        assertThat(eval.get("predictedPurchases").asDouble()).isCloseTo(actual, within(0.1 * actual));
    }

    @Test
    void predict_withSpendModel_givesClvFromTheCustomersOwnModel(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m.json");
        Files.writeString(model, CovariateModelJson.write(TRUTH, "weeks"));
        Path spend = dir.resolve("gg.json");
        org.crmkit.scoring.btyd.GammaGamma gg = org.crmkit.scoring.btyd.GammaGamma.of(6.25, 3.74, 15.44);
        Files.writeString(spend, org.crmkit.scoring.btyd.BtydModelJson.write(gg, "weeks"));
        Path summary = dir.resolve("s.csv");
        Files.writeString(summary, "customer_id,frequency,recency,T,monetary_value,gender,channel\n"
                + "a,3,20,30,25.5,m,web\nb,0,0,30,0,f,phone\n");
        Path p = dir.resolve("p.csv");
        assertThat(run("predict", "--model", model.toString(), "--spend-model", spend.toString(), "--summary",
                summary.toString(), "--horizon", "52", "--discount-rate", "0.01", "--out", p.toString()))
                .as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(p);
        assertThat(lines.get(0)).isEqualTo("customer_id,expected_purchases,p_alive,expected_spend,clv");
        String[] a = lines.get(1).split(",");
        org.crmkit.scoring.btyd.PurchaseModel customer = TRUTH.forCustomer(new double[] {1, 0, 1});
        double perPurchase = gg.conditionalExpectedSpend(3, 25.5);
        assertThat(Double.parseDouble(a[2])).isCloseTo(customer.probabilityAlive(3, 20, 30), within(1e-12));
        assertThat(Double.parseDouble(a[3])).isCloseTo(perPurchase, within(1e-9));
        assertThat(Double.parseDouble(a[4])).isCloseTo(
                customer.discountedExpectedPurchases(52, 0.01, 3, 20, 30) * perPurchase, within(1e-9));
    }

    @Test
    void fit_crlfLoneCrAndMixedLineEnds_readTheSameColumns(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 200);
        String text = Files.readString(summary);
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--covariates", "channel"))
                .as(err.toString()).isZero();
        String lf = out.toString();
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString())).as(err.toString()).isZero();
        String plainLf = out.toString();
        String[] lines = text.split("\n");
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            mixed.append(lines[i]).append(new String[] {"\r", "\n", "\r\n"}[i % 3]);
        }
        String[] variants = {text.replace("\n", "\r\n"), text.replace("\n", "\r"), mixed.toString()};
        for (int v = 0; v < variants.length; v++) {
            Path other = dir.resolve("eol" + v + ".csv");
            Files.writeString(other, variants[v]);
            assertThat(run("fit", "--model", "pareto-nbd", "--summary", other.toString(), "--covariates", "channel"))
                    .as(err.toString()).isZero();
            assertThat(out.toString()).as("covariate fit, line ends %d", v).isEqualTo(lf);
            assertThat(run("fit", "--model", "pareto-nbd", "--summary", other.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).as("plain fit, line ends %d", v).isEqualTo(plainLf);
        }
    }

    @Test
    void fit_atBoundary_writesTheLimitingEstimateAndExitsOne_asThePlainFit(@TempDir Path dir) throws IOException {
        // the men never repurchase: their purchase rate runs to 0 (or their dropout to instant)
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(summary(dir, 150)));
        for (int i = 2; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            if (f[7].equals("m")) {
                f[1] = "0";
                f[2] = "0";
                rows.set(i, String.join(",", f));
            }
        }
        Path summary = dir.resolve("boundary.csv");
        Files.write(summary, rows);
        Path model = dir.resolve("m.json");
        Files.writeString(model, "previous");
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--covariates", "gender",
                "--out", model.toString())).as(err.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("converged").asBoolean()).isFalse();
        assertThat(json.get("convergence").asText()).startsWith("at boundary: ");
        assertThat(err.toString()).startsWith("crm fit: warning: the fit did not converge: at boundary: ")
                .contains("; the limiting estimate was written to " + model).doesNotContain("Exception");
        assertThat(new ObjectMapper().readTree(Files.readString(model))).isEqualTo(json);
        // the written estimate reads back and scores
        assertThat(run("predict", "--model", model.toString(), "--summary", summary.toString(), "--horizon", "10",
                "--out", dir.resolve("p.csv").toString())).as(err.toString()).isZero();
    }

    @Test
    void fit_timeLimitAndMaxIterations_stopTheFitAsThePlainFit(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 200);
        Path model = dir.resolve("m.json");
        Files.writeString(model, "previous");
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--covariates", "gender,channel",
                "--time-limit", "1ms", "--quiet", "--out", model.toString())).as(err.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("converged").asBoolean()).isFalse();
        assertThat(json.get("limitReached").asText()).isEqualTo("time");
        assertThat(err.toString()).startsWith("crm fit: stopped by the time limit (1ms) after ")
                .contains("crm fit: warning: the fit did not converge: ").contains(model + " was left unchanged");
        assertThat(Files.readString(model)).isEqualTo("previous");
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--covariates", "gender",
                "--max-iterations", "2", "--quiet")).as(err.toString()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out.toString()).get("limitReached").asText()).isEqualTo("iterations");
        assertThat(err.toString()).startsWith("crm fit: stopped by the iteration limit (2 per search) after ");
        // a generous limit changes nothing
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--covariates", "gender"))
                .as(err.toString()).isZero();
        String free = out.toString();
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--covariates", "gender",
                "--time-limit", "1h")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo(free);
    }

    @Test
    void covariateFile_whereOneModelForAllCustomersIsNeeded_exitsTwoSayingSo(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 100);
        Path cov = dir.resolve("cov.json");
        Path plain = dir.resolve("plain.json");
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--covariates", "gender",
                "--out", cov.toString())).as(err.toString()).isZero();
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--out", plain.toString()))
                .as(err.toString()).isZero();
        assertThat(run("predict", "--model", plain.toString(), "--spend-model", cov.toString(), "--summary",
                summary.toString(), "--horizon", "10", "--out", dir.resolve("p.csv").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).contains(cov.toString()).contains("covariates")
                .contains("crm predict and crm evaluate take it").doesNotContain("Exception").doesNotContain("\n");
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    @Test
    void fit_withConstraintAndRegularization_recordsThem(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 300);
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--covariates", "gender,channel",
                "--constrain", "gender", "--regularization", "0.01", "--reference", "channel=web"))
                .as(err.toString()).isZero();
        JsonNode fit = new ObjectMapper().readTree(out.toString());
        JsonNode c = fit.get("coefficients");
        assertThat(c.get("lifetime").get("gender=m").asDouble()).isEqualTo(c.get("transaction").get("gender=m").asDouble());
        assertThat(c.get("transaction").fieldNames()).toIterable().containsExactly("gender=m", "channel=phone",
                "channel=shop");
        assertThat(fit.get("regularization").get("transaction").asDouble()).isEqualTo(0.01);
    }

    @Test
    void badCovariateValues_exitTwoNamingFileLineAndField(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 20);
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(summary));
        rows.set(5, rows.get(5).replaceAll(",[^,]*$", ","));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, rows);
        assertThat(run("fit", "--model", "pareto-nbd", "--summary", bad.toString(), "--covariates", "gender,channel"))
                .isEqualTo(2);
        assertOneLine("bad.csv", "6", "channel");

        assertThat(run("fit", "--model", "pareto-nbd", "--summary", summary.toString(), "--covariates", "gender,age"))
                .isEqualTo(2);
        assertOneLine("summary.csv", "2", "age");

        assertThat(run("fit", "--model", "gamma-gamma", "--summary", summary.toString(), "--covariates", "gender"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("takes no covariates");

        Path model = dir.resolve("m.json");
        Files.writeString(model, CovariateModelJson.write(TRUTH, "weeks"));
        rows = new java.util.ArrayList<>(Files.readAllLines(summary));
        rows.set(7, rows.get(7).replaceAll(",[^,]*$", ",mail"));
        Path unknown = dir.resolve("unknown.csv");
        Files.write(unknown, rows);
        assertThat(run("predict", "--model", model.toString(), "--summary", unknown.toString(), "--horizon", "10",
                "--out", dir.resolve("p.csv").toString())).isEqualTo(2);
        assertOneLine("unknown.csv", "8", "channel");
        assertThat(err.toString()).contains("is not one of"); // the value itself is masked (personal data)
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    private void assertOneLine(String file, String line, String field) {
        String e = err.toString().strip();
        assertThat(e).doesNotContain("\n").contains(file).contains(line).contains(field).doesNotContain("Exception");
    }
}
