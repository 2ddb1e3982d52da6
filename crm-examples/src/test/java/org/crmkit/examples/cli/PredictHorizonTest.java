package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 point 10: any horizon answers in time independent of its size; horizon 0 gives zeros. */
class PredictHorizonTest {

    private StringWriter err = new StringWriter();

    private int run(String... args) {
        err = new StringWriter();
        return Crm.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    private static Path[] files(Path dir) throws IOException {
        BgNbd truth = BgNbd.of(0.4, 5, 0.8, 2.5);
        int n = 500;
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 26 + i % 14;
        }
        SimulatedCohort c = truth.simulate(ages, 0, 21);
        double[] m = GammaGamma.of(6, 4, 15).simulateMeanSpend(c.frequency(), 22);
        StringBuilder sb = new StringBuilder("customer_id,frequency,recency,T,monetary_value\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "c%d,%s,%s,%s,%s%n", i, c.frequency()[i], c.recency()[i], ages[i],
                    m[i]));
        }
        Path summary = dir.resolve("summary.csv");
        Files.writeString(summary, sb.toString());
        Path bg = dir.resolve("bg.json");
        Files.writeString(bg, BtydModelJson.write(truth, "weeks"));
        Path gg = dir.resolve("gg.json");
        Files.writeString(gg, BtydModelJson.write(GammaGamma.of(6, 4, 15), "weeks"));
        return new Path[] {summary, bg, gg};
    }

    @Test
    void predict_hugeHorizonWithSpendModel_answersQuickly(@TempDir Path dir) throws IOException {
        Path[] f = files(dir);
        Path out = dir.resolve("p.csv");
        assertThat(run("predict", "--model", f[1].toString(), "--spend-model", f[2].toString(), "--summary",
                f[0].toString(), "--horizon", "1e12", "--discount-rate", "0.01", "--out", out.toString()))
                .as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(501);
        for (String line : lines.subList(1, lines.size())) {
            double clv = Double.parseDouble(line.split(",")[4]);
            assertThat(clv).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void predict_zeroHorizon_givesZeros(@TempDir Path dir) throws IOException {
        Path[] f = files(dir);
        Path out = dir.resolve("p.csv");
        assertThat(run("predict", "--model", f[1].toString(), "--spend-model", f[2].toString(), "--summary",
                f[0].toString(), "--horizon", "0", "--discount-rate", "0.01", "--out", out.toString()))
                .as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            assertThat(Double.parseDouble(v[1])).isZero();
            assertThat(Double.parseDouble(v[4])).isZero();
        }
    }
}
