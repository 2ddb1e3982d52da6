package org.crmkit.scoring.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.crmkit.core.json.CrmJsonException;
import org.crmkit.scoring.btyd.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON round trip of fitted retention models and the strict reader's refusals. */
class RetentionModelJsonTest {
    @TempDir
    Path dir;

    @Test
    void fit_roundTripsExactly() {
        for (RetentionModelKind kind : RetentionModelKind.values()) {
            RetentionFit fit = RetentionFitter.fit(kind, SurvivalData.ofCurve(PublishedFitsTest.REGULAR));
            RetentionModelFile back = RetentionModelJson.read(RetentionModelJson.write(fit));
            assertThat(back.model()).isEqualTo(fit.model());
            assertThat(back.logLikelihood().getAsDouble()).isEqualTo(fit.logLikelihood());
            assertThat(back.converged()).contains(fit.converged());
            assertThat(back.standardErrors()).isEqualTo(fit.standardErrors());
            assertThat(back.customers().getAsLong()).isEqualTo(1000);
            assertThat(back.model().derl(0.1, 2)).isEqualTo(fit.model().derl(0.1, 2));
        }
    }

    @Test
    void typedInEstimates_areEnough() {
        RetentionModelFile f = RetentionModelJson.read("{\"model\":\"bdw\",\"parameters\":{\"gamma\":0.5,\"delta\":0.9,\"c\":1.2}}");
        assertThat(f.model()).isEqualTo(BetaDiscreteWeibull.of(0.5, 0.9, 1.2));
        assertThat(f.logLikelihood()).isEmpty();
        assertThat(RetentionModelJson.read(RetentionModelJson.write(f.model())).model()).isEqualTo(f.model());
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("[]", "$", "must be an object"),
                Arguments.of("{\"parameters\":{\"alpha\":1,\"beta\":1}}", "$.model", "missing"),
                Arguments.of("{\"model\":\"bg-nbd\",\"parameters\":{}}", "$.model", "expected sbg or bdw"),
                Arguments.of("{\"model\":\"sbg\"}", "$.parameters", "missing"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1}}", "$.parameters.beta", "missing"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1,\"c\":1}}", "$.parameters.c",
                        "unknown parameter"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":\"1\",\"beta\":1}}", "$.parameters.alpha",
                        "not a number"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":0,\"beta\":1}}", "$.parameters.alpha",
                        "must be positive"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1e999,\"beta\":1}}", "$.parameters.alpha",
                        "not a finite"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1},\"colour\":1}", "$.colour",
                        "unknown field"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1},\"converged\":\"yes\"}",
                        "$.converged", "expected a boolean"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1},\"customers\":-3}",
                        "$.customers", "whole number"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1},\"standardErrors\":{\"r\":1}}",
                        "$.standardErrors.r", "unknown parameter"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1},\"standardErrors\":{\"alpha\":-1}}",
                        "$.standardErrors.alpha", "negative"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1},\"covariance\":[[1]]}",
                        "$.covariance", "expected 2 rows"),
                Arguments.of("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1},\"schemaVersion\":2}",
                        "$.schemaVersion", "unsupported"));
    }

    @ParameterizedTest
    @MethodSource("badDocuments")
    void read_refusesWithThePath(String json, String path, String problem) {
        assertThatThrownBy(() -> RetentionModelJson.read(json)).isInstanceOfSatisfying(CrmJsonException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.getMessage()).contains(problem);
        });
    }

    @Test
    void read_refusesDuplicateKeysAndTrailingContent() {
        assertThatThrownBy(() -> RetentionModelJson.read(
                "{\"model\":\"sbg\",\"model\":\"bdw\",\"parameters\":{\"alpha\":1,\"beta\":1}}"))
                .isInstanceOf(CrmJsonException.class);
        assertThatThrownBy(() -> RetentionModelJson.read("{\"model\":\"sbg\",\"parameters\":{\"alpha\":1,\"beta\":1}} x"))
                .isInstanceOf(CrmJsonException.class);
    }

    @Test
    void readFile_namesTheFile() throws IOException {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "{\"model\":\"sbg\",\"parameters\":{\"alpha\":1}}");
        assertThatThrownBy(() -> RetentionModelJson.read(f)).isInstanceOfSatisfying(ModelFileException.class, e -> {
            assertThat(e.file()).isEqualTo(f.toString());
            assertThat(e.path()).isEqualTo("$.parameters.beta");
        });
        Files.write(f, new byte[] {(byte) 0xff, '{'});
        assertThatThrownBy(() -> RetentionModelJson.read(f)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("UTF-8");
    }
}
