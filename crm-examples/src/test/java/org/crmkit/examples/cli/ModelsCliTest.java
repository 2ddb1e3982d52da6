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
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.GGompertzNbd;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm fit|predict|evaluate} with GGompertz/NBD and with {@code --regularization}. */
class ModelsCliTest {
    private static final GGompertzNbd TRUTH = GGompertzNbd.of(0.7, 6, 0.08, 0.9, 2.5);
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static Path summary(Path dir, int n) throws IOException {
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 26 + i % 14;
        }
        SimulatedCohort c = TRUTH.simulate(ages, 39, 21);
        StringBuilder sb = new StringBuilder("customer_id,frequency,recency,T,frequency_holdout,monetary_value_holdout,duration_holdout\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "c%d,%s,%s,%s,%s,0,39%n", i, c.frequency()[i], c.recency()[i], ages[i],
                    c.holdoutFrequency()[i]));
        }
        Path file = dir.resolve("summary.csv");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void ggompertzNbd_fitPredictEvaluate_workEndToEnd(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 1500);
        Path model = dir.resolve("gg.json");
        // 1,500 customers may not pin the lifetime heterogeneity (s, beta -> inf): then the fit
        // exits 1 and writes the limiting estimate, which predicts like any other
        int code = run("fit", "--model", "ggompertz-nbd", "--summary", summary.toString(), "--out", model.toString());
        assertThat(code).as(err.toString()).isIn(0, 1);
        assertThat(model).exists();
        JsonNode fit = new ObjectMapper().readTree(out.toString());
        assertThat(fit.get("model").asText()).isEqualTo("ggompertz-nbd");
        assertThat(fit.get("parameters").fieldNames()).toIterable().containsExactly("r", "alpha", "b", "s", "beta");
        GGompertzNbd fitted = BtydModelJson.read(model).as(GGompertzNbd.model());
        Path predictions = dir.resolve("p.csv");
        assertThat(run("predict", "--model", model.toString(), "--summary", summary.toString(), "--horizon", "39",
                "--out", predictions.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(1501);
        String[] first = lines.get(1).split(",");
        assertThat(Double.parseDouble(first[1])).isCloseTo(fitted.conditionalExpectedPurchases(39,
                Double.parseDouble(Files.readAllLines(summary).get(1).split(",")[1]),
                Double.parseDouble(Files.readAllLines(summary).get(1).split(",")[2]), 26), within(1e-9));
        assertThat(run("evaluate", "--model", model.toString(), "--summary", summary.toString()))
                .as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        // the comparison is the fitted model's own prediction (a boundary fit may be off the truth)
        List<String> rows = Files.readAllLines(summary);
        double expected = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            expected += fitted.conditionalExpectedPurchases(39, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]));
        }
        assertThat(json.get("predictedPurchases").asDouble()).isCloseTo(expected, within(1e-6 * expected));
        assertThat(json.get("holdoutTable")).hasSize(8);
    }

    @Test
    void fit_regularization_isRecordedAndBadValuesExitTwo(@TempDir Path dir) throws IOException {
        Path summary = summary(dir, 1500);
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--regularization", "0.01"))
                .as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("regularization").asDouble()).isEqualTo(0.01);
        assertThat(json.get("penalty").asDouble()).isPositive();
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString())).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).has("regularization")).isFalse();
        assertThat(run("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--regularization", "-1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--regularization").doesNotContain("\tat ");
    }
}
