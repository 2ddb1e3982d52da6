package org.crmkit.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.scoring.Parallelism;
import org.junit.jupiter.api.Test;

class LogisticChurnModelTest {

    private static ChurnTable csv(String text, String label) {
        return ChurnTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "customers.csv",
                "id", label, Set.of());
    }

    @Test
    void fitRaw_binaryFeatureWithoutPenalty_matchesTheHandSolution() {
        // x = 0: 1 churner of 4 (p = 1/4), x = 1: 3 of 4 (p = 3/4); the MLE reproduces both rates:
        // b0 = logit(1/4) = -ln 3, b1 = logit(3/4) - logit(1/4) = 2 ln 3
        double[] x = {0, 0, 0, 0, 1, 1, 1, 1};
        boolean[] y = {true, false, false, false, true, true, true, false};
        double[] b = LogisticChurnModel.builder().lambda(0).build().fitRaw(x, 1, y);
        assertThat(b[0]).isCloseTo(-Math.log(3), within(1e-9));
        assertThat(b[1]).isCloseTo(2 * Math.log(3), within(1e-9));
    }

    @Test
    void fit_categoricalColumn_oddsRatioIsTheRatioOfOdds() {
        ChurnTable t = csv("id,plan,churned\n1,a,1\n2,a,0\n3,a,0\n4,a,0\n5,b,yes\n6,b,YES\n7,b,True\n8,b,no\n",
                "churned");
        LogisticChurnModel m = LogisticChurnModel.builder().lambda(0).build().fit(t);
        // odds 3 (plan b) over odds 1/3 (plan a, the reference by name on a tie) = 9
        assertThat(m.coefficients()).hasSize(1);
        assertThat(m.coefficients().get(0).feature()).isEqualTo("plan=b");
        assertThat(m.coefficients().get(0).oddsRatio()).isCloseTo(9, within(1e-7));
        assertThat(m.score(t)[0]).isCloseTo(0.25, within(1e-9));
        assertThat(m.score(t)[7]).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void fit_withPenalty_satisfiesTheStationaryCondition() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 500;
        int p = 3;
        double[] x = new double[n * p];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = r.nextGaussian();
            }
            y[i] = r.nextDouble() < LogisticRegression.sigmoid(0.3 + x[i * p] - x[i * p + 1]);
        }
        double lambda = 7.5;
        double[] b = LogisticChurnModel.builder().lambda(lambda).build().fitRaw(x, p, y);
        // gradient of the penalised log-likelihood: sum (y - p) = 0, sum (y - p) x_j = lambda b_j
        double[] g = new double[p + 1];
        for (int i = 0; i < n; i++) {
            double eta = b[0];
            for (int j = 0; j < p; j++) {
                eta += b[j + 1] * x[i * p + j];
            }
            double res = (y[i] ? 1 : 0) - 1 / (1 + Math.exp(-eta));
            g[0] += res;
            for (int j = 0; j < p; j++) {
                g[j + 1] += res * x[i * p + j];
            }
        }
        assertThat(g[0]).isCloseTo(0, within(1e-8));
        for (int j = 1; j <= p; j++) {
            assertThat(g[j]).isCloseTo(lambda * b[j], within(1e-8));
        }
    }

    @Test
    void fit_simulatedData_recoversKnownCoefficientsAndIsParallelismIndependent() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 40_000;
        String[] ids = new String[n];
        String[] tenure = new String[n];
        String[] spend = new String[n];
        String[] plan = new String[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "C" + i;
            double t = 12 + 4 * r.nextGaussian();
            double s = 50 + 10 * r.nextGaussian();
            String pl = r.nextDouble() < 0.3 ? "premium" : "basic";
            // true model per unit: -0.5 + 0.1 (t - 12) - 0.05 (s - 50) + 0.8 [premium]
            double eta = -0.5 + 0.1 * (t - 12) - 0.05 * (s - 50) + (pl.equals("premium") ? 0.8 : 0);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta));
            tenure[i] = Double.toString(t);
            spend[i] = Double.toString(s);
            plan[i] = pl;
        }
        Map<String, String[]> cols = new LinkedHashMap<>();
        cols.put("tenure", tenure);
        cols.put("spend", spend);
        cols.put("plan", plan);
        ChurnTable table = ChurnTable.of(ids, cols, y);
        LogisticChurnModel m = LogisticChurnModel.builder().lambda(0.01).build().fit(table);
        List<LogisticChurnModel.Coefficient> c = m.coefficients();
        assertThat(c.get(0).perUnit()).isCloseTo(0.1, within(0.01));
        assertThat(c.get(1).perUnit()).isCloseTo(-0.05, within(0.005));
        assertThat(c.get(2).feature()).isEqualTo("plan=premium");
        assertThat(c.get(2).perUnit()).isCloseTo(0.8, within(0.06));
        assertThat(m.training().converged()).isTrue();
        LogisticChurnModel sequential = LogisticChurnModel.builder().lambda(0.01).parallelism(Parallelism.sequential())
                .fit(table);
        assertThat(sequential.coefficients()).isEqualTo(m.coefficients());

        LogisticChurnModel.CrossValidation cv = LogisticChurnModel.builder().build().crossValidate(table, 5, 42);
        assertThat(cv.foldAuc()).hasSize(5);
        assertThat(cv.meanAuc()).isCloseTo(m.evaluate(table).model().auc(), within(0.01));
        ChurnReport report = m.evaluate(table);
        assertThat(report.baselines()).containsKeys("prior", "best_single_column");
        assertThat(report.model().auc()).isGreaterThan(report.baselines().get("best_single_column").auc());
    }

    @Test
    void fit_messyExport_blanksIdentifiersAndConstantsAreHandledAsDocumented() {
        ChurnTable t = csv("id,age,email,region,const,churned\n"
                + "1,30,a@x.org,north,7,1\n"
                + "2,,b@x.org,south,7,0\n"
                + "3,45,c@x.org,,7,0\n"
                + "4,52,d@x.org,north,7,1\n"
                + "5,28,e@x.org,south,7,0\n"
                + "6,,f@x.org,north,7,1\n", "churned");
        LogisticChurnModel m = LogisticChurnModel.builder().build().fit(t);
        assertThat(m.ignoredColumns()).containsOnlyKeys("email", "const");
        assertThat(m.coefficients()).extracting(LogisticChurnModel.Coefficient::feature)
                .containsExactly("age", "age=(blank)", "region=south", "region=(blank)");
        LogisticChurnModel back = LogisticChurnModel.fromJson(m.toJson());
        assertThat(back.score(t)).containsExactly(m.score(t));
        assertThat(m.toJson()).contains("\"odds_ratio\"").contains("\"ignored_columns\"");
        // a new level counts as the reference; a blank age takes the mean
        ChurnTable fresh = csv("id,age,email,region,const\n9,,z@x.org,west,7\n", null);
        assertThat(m.score(fresh)[0]).isBetween(0.0, 1.0);
    }

    @Test
    void read_badRows_nameLineAndField() {
        assertThatThrownBy(() -> csv("id,x,churned\n1,2,1\n2,3,maybe\n", "churned"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("customers.csv:3").hasMessageContaining("field 'churned'")
                .hasMessageNotContaining("maybe");
        assertThatThrownBy(() -> csv("id,x,churned\n1,2,1\n1,3,0\n", "churned"))
                .hasMessageContaining(":3").hasMessageContaining("repeats that of line 2");
        assertThatThrownBy(() -> csv("id,x,churned\n1,2,\n", "churned")).hasMessageContaining("not binary");
        assertThatThrownBy(() -> csv("id,x\n1,2\n", "churned")).hasMessageContaining("field 'churned'");
        LogisticChurnModel m = LogisticChurnModel.builder().build()
                .fit(csv("id,x,churned\n1,2,1\n2,3,0\n3,1,1\n4,5,0\n", "churned"));
        assertThatThrownBy(() -> m.score(csv("id,x\n1,2\n2,lots\n", null)))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("customers.csv:3")
                .hasMessageContaining("field 'x'").hasMessageContaining("not a number");
        assertThatThrownBy(() -> m.score(csv("id,y\n1,2\n", null))).hasMessageContaining("field 'x'")
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> LogisticChurnModel.builder().build()
                .fit(csv("id,x,churned\n1,2,1\n2,3,1\n", "churned"))).hasMessageContaining("labels are equal");
        assertThatThrownBy(() -> LogisticChurnModel.fromJson("{\"model\":\"logistic-churn\"}"))
                .hasMessageContaining("$.lambda");
        assertThatThrownBy(() -> LogisticChurnModel.builder().lambda(-1)).hasMessageContaining("lambda -1.0");
    }

    @Test
    void isNumber_acceptsPlainDecimalsOnly() {
        assertThat(LogisticChurnModel.isNumber("-12")).isTrue();
        assertThat(LogisticChurnModel.isNumber("3.5")).isTrue();
        assertThat(LogisticChurnModel.isNumber(".5e-3")).isTrue();
        assertThat(LogisticChurnModel.isNumber("NaN")).isFalse();
        assertThat(LogisticChurnModel.isNumber("1,5")).isFalse();
        assertThat(LogisticChurnModel.isNumber("0x10")).isFalse();
        assertThat(LogisticChurnModel.isNumber("1e")).isFalse();
        assertThat(LogisticChurnModel.isNumber("1e999")).isFalse();
        assertThat(LogisticChurnModel.isNumber("٣")).isFalse();
    }
}
