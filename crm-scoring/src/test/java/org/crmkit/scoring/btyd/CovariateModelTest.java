package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.crmkit.core.json.CrmJsonException;
import org.junit.jupiter.api.Test;

/**
 * {@link CovariateDesign}, {@link CovariateData}, the predictions of {@link CovariateModel}
 * (individual parameters and the new-customer expectation checked against hand-written
 * formulas) and {@link CovariateModelJson}.
 */
class CovariateModelTest {

    private static final CovariateDesign DESIGN = CovariateDesign.builder()
            .categorical("channel", List.of("web", "shop", "phone"))
            .numeric("age")
            .build();

    @Test
    void design_oneHotAgainstFirstSortedLevel() {
        assertThat(DESIGN.coefficientNames()).containsExactly("channel=shop", "channel=web", "age");
        assertThat(DESIGN.covariates().get(0).reference()).isEqualTo("phone");
        assertThat(DESIGN.encode(new String[] {"phone", "30"})).containsExactly(0, 0, 30);
        assertThat(DESIGN.encode(new String[] {"web", "-1.5"})).containsExactly(0, 1, -1.5);
        assertThat(DESIGN.encode(new String[] {" shop ", "1e1"})).containsExactly(1, 0, 10);
        assertThat(DESIGN.toString()).isEqualTo("CovariateDesign[channel (phone | shop web), age]");
    }

    @Test
    void design_namedReferenceAndDetection() {
        CovariateDesign d = CovariateDesign.detect(List.of("gender", "score", "tier"),
                List.of(new String[] {"m", "1.5", "2"}, new String[] {"f", "-2", "1"}, new String[] {"m", "0", "3"}),
                Map.of("gender", "m", "tier", "1"));
        assertThat(d.covariates().get(0).kind()).isEqualTo(CovariateDesign.Kind.CATEGORICAL);
        assertThat(d.covariates().get(0).reference()).isEqualTo("m");
        assertThat(d.covariates().get(1).kind()).isEqualTo(CovariateDesign.Kind.NUMERIC);
        // a numeric-looking column with a named reference is categorical
        assertThat(d.covariates().get(2).kind()).isEqualTo(CovariateDesign.Kind.CATEGORICAL);
        assertThat(d.coefficientNames()).containsExactly("gender=f", "score", "tier=2", "tier=3");
    }

    @Test
    void design_rejectsBadInput() {
        assertThatThrownBy(() -> DESIGN.encode(new String[] {"mail", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'channel'").hasMessageContaining("mail");
        assertThatThrownBy(() -> DESIGN.encode(new String[] {"web", "old"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'age'");
        assertThatThrownBy(() -> DESIGN.encode(new String[] {"web", "NaN"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> DESIGN.encode(new String[] {"web"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CovariateDesign.builder().categorical("g", List.of("only")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> CovariateDesign.builder().categorical("g", List.of("a", "b"), "c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'");
        assertThatThrownBy(() -> CovariateDesign.builder().numeric("a").numeric("a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> CovariateDesign.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CovariateDesign.detect(List.of("g"), List.<String[]>of(new String[] {" "}), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CovariateDesign.detect(List.of("g"), List.<String[]>of(new String[] {"1"}), Map.of("h", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'h'");
    }

    @Test
    void data_mergesIdenticalHistoryAndProfileOnly() {
        double[][] z = {{0, 1, 30}, {0, 1, 30}, {0, 1, 31}, {0, 0, 30}};
        CovariateData data = CovariateData.of(DESIGN, new double[] {2, 2, 2, 2}, new double[] {5, 5, 5, 5},
                new double[] {10, 10, 10, 10}, z);
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.inputRows()).isEqualTo(4);
        assertThat(data.customers()).isEqualTo(4);
        assertThat(data.weight(0)).isEqualTo(2);
        assertThat(data.covariate(1, 2)).isEqualTo(31);
        assertThatThrownBy(() -> CovariateData.of(DESIGN, new double[] {1}, new double[] {2}, new double[] {1},
                new double[][] {{0, 0, 1}})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recency");
        assertThatThrownBy(() -> CovariateData.of(DESIGN, new double[] {1}, new double[] {1}, new double[] {2},
                new double[][] {{0, 0}})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
        assertThatThrownBy(() -> CovariateData.of(DESIGN, new double[] {1}, new double[] {1}, new double[] {2},
                new double[][] {{0, Double.NaN, 1}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel=web");
    }

    private static final CovariateModel PARETO = CovariateModel.of(CovariateModel.Family.PARETO_NBD,
            new double[] {0.55, 10.5, 0.6, 11.5}, DESIGN, new double[] {0.5, -0.2, 0.01}, new double[] {-0.4, 0.3, 0.02});

    @Test
    void individualParameters_byHand() {
        double[] z = {1, 0, 40};
        double[] q = PARETO.individualParameters(z);
        assertThat(q[0]).isEqualTo(0.55);
        assertThat(q[1]).isCloseTo(10.5 * Math.exp(-(0.5 + 0.4)), within(1e-12));
        assertThat(q[2]).isEqualTo(0.6);
        assertThat(q[3]).isCloseTo(11.5 * Math.exp(-(-0.4 + 0.8)), within(1e-12));
        CovariateModel bg = CovariateModel.of(CovariateModel.Family.BG_NBD, new double[] {0.25, 4.4, 1.5, 2.4}, DESIGN,
                new double[] {0.5, -0.2, 0.01}, new double[] {-0.4, 0.3, 0.02});
        double[] b = bg.individualParameters(z);
        assertThat(b[1]).isCloseTo(4.4 * Math.exp(-0.9), within(1e-12));
        assertThat(b[2]).isCloseTo(1.5 * Math.exp(0.4), within(1e-12));
        assertThat(b[3]).isCloseTo(2.4 * Math.exp(0.4), within(1e-12));
        assertThat(PARETO.individualParameters(new double[3])).containsExactly(0.55, 10.5, 0.6, 11.5);
    }

    @Test
    void forCustomer_predictsWithIndividualParameters() {
        double[] z = {0, 1, 25};
        double[] q = PARETO.individualParameters(z);
        PurchaseModel customer = PARETO.forCustomer(z);
        ParetoNbd plain = ParetoNbd.of(q[0], q[1], q[2], q[3]);
        assertThat(customer).isEqualTo(plain);
        assertThat(customer.probabilityAlive(3, 20, 40)).isEqualTo(plain.probabilityAlive(3, 20, 40));
        // a different profile predicts differently
        assertThat(PARETO.forCustomer(new double[] {1, 0, 25}).probabilityAlive(3, 20, 40))
                .isNotEqualTo(customer.probabilityAlive(3, 20, 40));
    }

    @Test
    void expectedPurchasesOfNewCustomer_paretoNbd_closedForm() {
        double[] z = {1, 0, 30};
        double[] q = PARETO.individualParameters(z);
        double r = q[0];
        double alpha = q[1];
        double s = q[2];
        double beta = q[3];
        double t = 52;
        // Schmittlein, Morrison and Colombo (1987); Fader and Hardie 2005 note 009, eq. 27
        double expected = r * beta / (alpha * (s - 1)) * (1 - Math.pow(beta / (beta + t), s - 1));
        assertThat(PARETO.expectedPurchasesOfNewCustomer(t, z)).isCloseTo(expected, within(1e-10 * expected));
    }

    @Test
    void expectedPurchasesOfNewCustomer_bgNbd_closedForm() {
        CovariateModel bg = CovariateModel.of(CovariateModel.Family.BG_NBD, new double[] {0.25, 4.4, 1.5, 2.4}, DESIGN,
                new double[] {0.3, -0.2, 0.0}, new double[] {-0.4, 0.3, 0.01});
        double[] z = {0, 1, 10};
        double[] q = bg.individualParameters(z);
        double r = q[0];
        double alpha = q[1];
        double a = q[2];
        double b = q[3];
        double t = 10;
        // Fader, Hardie and Lee (2005), eq. 9, with the 2F1 by its series (t / (alpha + t) < 0.9)
        double expected = (a + b - 1) / (a - 1)
                * (1 - Math.pow(alpha / (alpha + t), r) * Numeric.hyp2f1(r, b, a + b - 1, t / (alpha + t)));
        assertThat(bg.expectedPurchasesOfNewCustomer(t, z)).isCloseTo(expected, within(1e-8 * expected));
    }

    @Test
    void of_rejectsBadValues() {
        assertThatThrownBy(() -> CovariateModel.of(CovariateModel.Family.PARETO_NBD, new double[] {0, 1, 1, 1}, DESIGN,
                new double[3], new double[3])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("r");
        assertThatThrownBy(() -> CovariateModel.of(CovariateModel.Family.PARETO_NBD, new double[] {1, 1, 1, 1}, DESIGN,
                new double[2], new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transaction");
        assertThatThrownBy(() -> CovariateModel.of(CovariateModel.Family.PARETO_NBD, new double[] {1, 1, 1, 1}, DESIGN,
                new double[3], new double[] {0, Double.NaN, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CovariateModel.of(CovariateModel.Family.PARETO_NBD, new double[] {1, 1, 1, 1}, DESIGN,
                new double[3], new double[3], Map.of("trans.nope", 1.0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trans.nope");
        CovariateModel huge = CovariateModel.of(CovariateModel.Family.PARETO_NBD, new double[] {1, 1, 1, 1}, DESIGN,
                new double[] {0, 0, 800}, new double[3]);
        assertThatThrownBy(() -> huge.forCustomer(new double[] {0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> CovariateModel.Family.of("gamma-gamma"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pareto-nbd");
    }

    @Test
    void json_roundTripsFitAndModel() {
        CovariateData data = CovariateCohorts.draw(CovariateFitterTest.PARETO_TRUTH, 3_000, 17);
        CovariateFit fit = CovariateFitter.standard().withRegularization(0.001, 0.002)
                .fit(CovariateModel.Family.PARETO_NBD, data);
        String json = CovariateModelJson.write(fit, "weeks");
        assertThat(CovariateModelJson.isCovariateModel(json)).isTrue();
        CovariateModelJson.Stored stored = CovariateModelJson.read(json);
        assertThat(stored.model()).isEqualTo(fit.model());
        assertThat(stored.model().standardErrors()).hasSize(8).isEqualTo(fit.standardErrors());
        assertThat(stored.timeUnit()).contains("weeks");
        assertThat(stored.logLikelihood().getAsDouble()).isEqualTo(fit.logLikelihood());
        assertThat(json).contains("\"reference\" : \"f\"").contains("\"gender=m\"").contains("\"lifetime\" : 0.002");
        CovariateModelJson.Stored again = CovariateModelJson.read(CovariateModelJson.write(PARETO, "days"));
        assertThat(again.model()).isEqualTo(PARETO);
        assertThat(CovariateModelJson.isCovariateModel(BtydModelJson.write(ParetoNbd.of(1, 2, 3, 4), "weeks")))
                .isFalse();
    }

    @Test
    void json_rejectsInvalidDocumentsNamingThePath() {
        String good = CovariateModelJson.write(PARETO, "weeks");
        assertPath(good.replace("\"channel=web\"", "\"channel=mail\""), "$.coefficients.transaction.channel=");
        assertPath(good.replace("\"type\" : \"numeric\"", "\"type\" : \"date\""), "$.covariates[1].type");
        assertPath(good.replace("\"reference\" : \"phone\"", "\"reference\" : \"fax\""), "$.covariates[0]");
        assertPath(good.replace("\"alpha\"", "\"alfa\""), "$.parameters.");
        assertPath(good.replace("\"timeUnit\"", "\"unit\""), "$.unit");
        assertPath(good.replace("\"model\" : \"pareto-nbd\"", "\"model\" : \"bg-bb\""), "$.model");
        // the general reader reads covariate documents as strictly, with the same paths
        assertThatThrownBy(() -> BtydModelJson.read(good.replace("\"channel=web\"", "\"channel=mail\"")))
                .isInstanceOf(CrmJsonException.class)
                .satisfies(e -> assertThat(((CrmJsonException) e).path()).startsWith("$.coefficients.transaction."));
    }

    @Test
    void btydModelJsonRead_ofACovariateFile_returnsTheCovariateModel() {
        StoredModel stored = BtydModelJson.read(CovariateModelJson.write(PARETO, "weeks"));
        assertThat(stored.hasCovariates()).isTrue();
        assertThat(stored.covariateModel()).contains(PARETO);
        assertThat(stored.model()).isEqualTo("pareto-nbd");
        assertThat(stored.parameters()).isEqualTo(PARETO.parameters());
        assertThat(stored.timeUnit()).contains("weeks");
        // a customer's model from the stored file predicts as the original's
        double[] z = {1, 0, 40};
        assertThat(stored.covariateModel().get().forCustomer(z).probabilityAlive(2, 10, 30))
                .isEqualTo(PARETO.forCustomer(z).probabilityAlive(2, 10, 30));
        // no single model for all customers: refused, not silently the reference customer's
        assertThatThrownBy(stored::toModel).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with covariates").hasMessageContaining("forCustomer");
        assertThatThrownBy(() -> stored.as(ParetoNbd.model())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with covariates");
        // a plain file has none
        StoredModel plain = BtydModelJson.read(BtydModelJson.write(ParetoNbd.of(1, 2, 3, 4), "weeks"));
        assertThat(plain.hasCovariates()).isFalse();
        assertThat(plain.covariateModel()).isEmpty();
        assertThat(plain.toModel()).isEqualTo(ParetoNbd.of(1, 2, 3, 4));
    }

    private static void assertPath(String json, String path) {
        assertThatThrownBy(() -> CovariateModelJson.read(json)).isInstanceOf(CrmJsonException.class)
                .satisfies(e -> assertThat(((CrmJsonException) e).path()).startsWith(path));
    }
}
