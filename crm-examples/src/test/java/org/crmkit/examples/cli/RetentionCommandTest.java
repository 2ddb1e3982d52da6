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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code crm retention fit|project} as a user runs them. */
class RetentionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fader and Hardie (2007), Table 1, regular segment, years 0..7 (the paper's calibration data). */
    private static final String REGULAR = "period,active\n0,1000\n1,631\n2,468\n3,382\n4,326\n5,289\n6,262\n7,241\n";

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

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void fitAndProject_reproduceThePublishedSbgFit() throws IOException {
        Path survival = file("regular.csv", REGULAR);
        Path model = dir.resolve("sbg.json");
        assertThat(crm("retention", "fit", "--survival", survival.toString(), "--out", model.toString()))
                .as(err).isZero();
        assertThat(err).contains("sbg on 1000 customers, 1 cohort, 7 periods: alpha 0.7041").contains("wrote");
        JsonNode m = JSON.readTree(Files.readString(model));
        assertThat(m.get("model").asText()).isEqualTo("sbg");
        assertThat(m.get("parameters").get("alpha").asDouble()).isCloseTo(0.704, within(0.0006));
        assertThat(m.get("parameters").get("beta").asDouble()).isCloseTo(1.182, within(0.0006));
        assertThat(m.get("standardErrors").has("alpha")).isTrue();

        Path projection = dir.resolve("p.csv");
        assertThat(crm("retention", "project", "--model", model.toString(), "--periods", "12", "--discount-rate",
                "0.1", "--margin", "100", "--out", projection.toString())).as(err).isZero();
        List<String> lines = Files.readAllLines(projection);
        assertThat(lines.get(0)).isEqualTo("period,survival,retention,expected_renewals,derl,residual_value");
        assertThat(lines).hasSize(13);
        String[] row1 = lines.get(1).split(",");
        double alpha = m.get("parameters").get("alpha").asDouble();
        double beta = m.get("parameters").get("beta").asDouble();
        assertThat(Double.parseDouble(row1[1])).isCloseTo(beta / (alpha + beta), within(1e-12));
        // year 12 survival of Table 1 is 0.173; the projection from years 0..7 is within 0.5 points
        assertThat(Double.parseDouble(lines.get(12).split(",")[1])).isCloseTo(0.173, within(0.005));
        // row t's DERL is r(t) (1 + DERL(t+1) / 1.1); the last row's expected renewals is its retention
        String[] row12 = lines.get(12).split(",");
        assertThat(Double.parseDouble(row12[3])).isEqualTo(Double.parseDouble(row12[2]));
        assertThat(Double.parseDouble(row1[5])).isCloseTo(100 * Double.parseDouble(row1[4]), within(1e-9));
        assertThat(err).contains("mean residual lifetime infinite (alpha <= 1)");
    }

    @Test
    void fit_bdwFromCohorts() throws IOException {
        Path survival = file("cohorts.csv", "cohort,period,active\n2021,0,1000\n2022,0,800\n2021,1,870\n2022,1,690\n"
                + "2021,2,750\n2022,2,600\n2021,3,660\n2021,4,600\n2021,5,555\n");
        Path model = dir.resolve("bdw.json");
        assertThat(crm("retention", "fit", "--survival", survival.toString(), "--model", "bdw", "--out",
                model.toString())).as(err).isZero();
        JsonNode m = JSON.readTree(Files.readString(model));
        assertThat(m.get("model").asText()).isEqualTo("bdw");
        assertThat(m.get("cohorts").asInt()).isEqualTo(2);
        assertThat(m.get("customers").asInt()).isEqualTo(1800);
        assertThat(crm("retention", "project", "--model", model.toString(), "--periods", "3", "--out", "-"))
                .as(err).isZero();
        assertThat(out.lines().findFirst()).contains("period,survival,retention,expected_renewals");
        assertThat(out.lines().count()).isEqualTo(4);
    }

    @Test
    void project_typedInPublishedEstimates() throws IOException {
        Path model = file("m.json", "{\"model\":\"sbg\",\"parameters\":{\"alpha\":0.668,\"beta\":3.806}}");
        assertThat(crm("retention", "project", "--model", model.toString(), "--periods", "1", "--out", "-"))
                .as(err).isZero();
        String[] row = out.lines().skip(1).findFirst().orElseThrow().split(",");
        assertThat(row[0]).isEqualTo("1");
        assertThat(Double.parseDouble(row[1])).isCloseTo(3.806 / (0.668 + 3.806), within(1e-15));
    }

    static Stream<Arguments> badSurvival() {
        return Stream.of(
                Arguments.of("period,customers\n0,10\n", "line 1, field 'active'"),
                Arguments.of("period,active\n0,10\n1,x\n", "line 3, field 'active'"),
                Arguments.of("period,active\n0,10\n1,12\n", "line 3, field 'active'"),
                Arguments.of("period,active\n0,10\n2,8\n", "line 3, field 'period'"),
                Arguments.of("period,active\n0,10\n1,-1\n", "line 3, field 'active'"),
                Arguments.of("period,active\n1,10\n", "line 2, field 'period'"),
                Arguments.of("period,active\n0,10\n", "field 'period'"),
                Arguments.of("period,active\n", "no data rows"),
                Arguments.of("period,active\n0,10\n1,10\n2,10\n", "no customer churned"),
                Arguments.of("cohort,period,active\na,0,10\nb,0,5\na,1,9\nb,1,6\n", "line 5, field 'active'"));
    }

    @ParameterizedTest
    @MethodSource("badSurvival")
    void fit_badInput_exitsTwoWithOneLine(String csv, String where) throws IOException {
        Path survival = file("s.csv", csv);
        Path model = dir.resolve("m.json");
        assertThat(crm("retention", "fit", "--survival", survival.toString(), "--out", model.toString())).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString().contains(survival.toString()).contains(where)
                .doesNotContain("Exception");
        assertThat(model).doesNotExist();
    }

    @Test
    void badOptionsAndModels_exitTwo() throws IOException {
        Path survival = file("s.csv", REGULAR);
        assertThat(crm("retention", "fit", "--survival", survival.toString(), "--model", "weibull", "--out", "-"))
                .isEqualTo(2);
        assertThat(err).contains("--model");
        Path model = file("m.json", "{\"model\":\"sbg\",\n \"parameters\":{\"alpha\":-1,\"beta\":1}}");
        assertThat(crm("retention", "project", "--model", model.toString(), "--periods", "3", "--out", "-"))
                .isEqualTo(2);
        assertThat(err.lines()).singleElement().asString().contains("m.json: line 2, field '$.parameters.alpha'");
        Path good = file("g.json", "{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1}}");
        assertThat(crm("retention", "project", "--model", good.toString(), "--periods", "0", "--out", "-"))
                .isEqualTo(2);
        assertThat(crm("retention", "project", "--model", good.toString(), "--periods", "3", "--discount-rate", "0",
                "--out", "-")).isEqualTo(2);
        assertThat(crm("retention", "project", "--model", good.toString(), "--periods", "3", "--margin", "5",
                "--out", "-")).isEqualTo(2);
        assertThat(err).contains("--margin needs --discount-rate");
    }
}
