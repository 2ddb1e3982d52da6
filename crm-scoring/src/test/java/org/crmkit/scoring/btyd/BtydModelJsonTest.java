package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BtydModelJsonTest {

    private static FitResult<BgNbd> smallFit() {
        double[] ages = new double[2000];
        java.util.Arrays.fill(ages, 39);
        SimulatedCohort cohort = BgNbd.of(0.4, 5, 0.8, 2.5).simulate(ages, 0, 1);
        return BtydFitter.standard().fit(BgNbd.model(), cohort.calibration());
    }

    @Test
    void write_fit_hasContractFieldsAndDiagnostics() throws Exception {
        FitResult<BgNbd> fit = smallFit();
        JsonNode json = new ObjectMapper().readTree(BtydModelJson.write(fit, "weeks"));
        assertThat(json.get("model").asText()).isEqualTo("bg-nbd");
        assertThat(json.get("parameters").fieldNames()).toIterable().containsExactly("r", "alpha", "a", "b");
        assertThat(json.get("logLikelihood").asDouble()).isEqualTo(fit.logLikelihood());
        assertThat(json.get("converged").asBoolean()).isEqualTo(fit.converged());
        assertThat(json.get("iterations").asInt()).isEqualTo(fit.iterations());
        assertThat(json.get("customers").asDouble()).isEqualTo(2000);
        assertThat(json.get("covariance")).hasSize(4);
        assertThat(json.get("standardErrors").size()).isEqualTo(4);
        assertThat(json.get("timeUnit").asText()).isEqualTo("weeks");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("library").asText()).startsWith("crmkit");
        assertThat(json.get("attempts").size()).isEqualTo(fit.attempts().size());
    }

    @Test
    void read_writtenFit_givesIdenticalPredictions() {
        FitResult<BgNbd> fit = smallFit();
        BgNbd loaded = BtydModelJson.read(BtydModelJson.write(fit, "weeks")).as(BgNbd.model());
        BgNbd original = fit.model();
        assertThat(loaded).isEqualTo(original);
        assertThat(loaded.conditionalExpectedPurchases(39, 3, 20.5, 38)).isEqualTo(original.conditionalExpectedPurchases(39, 3, 20.5, 38));
        assertThat(loaded.probabilityAlive(3, 20.5, 38)).isEqualTo(original.probabilityAlive(3, 20.5, 38));
    }

    @Test
    void read_onlyModelAndParameters_isAccepted() {
        StoredModel stored = BtydModelJson.read(
                "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.243,\"alpha\":4.414,\"a\":0.793,\"b\":2.426}}");
        assertThat(stored.as(BgNbd.model())).isEqualTo(BgNbd.of(0.243, 4.414, 0.793, 2.426));
        assertThat(stored.timeUnit()).isEmpty();
        assertThat(stored.logLikelihood()).isEmpty();
    }

    @Test
    void read_otherModel_isRejectedClearly() {
        String json = BtydModelJson.write(GammaGamma.of(6.25, 3.74, 15.44), "weeks");
        assertThatThrownBy(() -> BtydModelJson.read(json).as(BgNbd.model()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the file holds model 'gamma-gamma', not 'bg-nbd'");
    }

    @Test
    void read_newerSchema_isRejectedClearly() {
        assertThatThrownBy(() -> BtydModelJson.read("{\"schemaVersion\":2,\"model\":\"bg-nbd\",\"parameters\":{}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported schemaVersion 2")
                .hasMessageContaining("upgrade crmkit");
    }

    @Test
    void read_malformed_isRejected() {
        assertThatThrownBy(() -> BtydModelJson.read("{nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON (line 1, column 2)");
        assertThatThrownBy(() -> BtydModelJson.read("{\"parameters\":{}}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'model'");
        assertThatThrownBy(() -> BtydModelJson.read("{\"model\":\"bg-nbd\",\"parameters\":{\"r\":\"x\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'r' is not a number");
        assertThatThrownBy(() -> BtydModelJson.read("{\"model\":\"what\",\"parameters\":{}}").toModel())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown model 'what'");
        assertThatThrownBy(() -> BtydModelJson.read(
                "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":-1,\"alpha\":1,\"a\":1,\"b\":1}}").as(BgNbd.model()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("r = -1.0");
    }
}
