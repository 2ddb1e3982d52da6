package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crmkit.core.json.CrmJsonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 9 point 6: the model-file reader is as strict as CrmJson: duplicate keys, trailing
 * content, unknown fields and unsupported schema versions are errors naming file and JSON
 * path; a byte order mark is accepted.
 */
class StrictModelJsonTest {
    private static final String OK = "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.243,\"alpha\":4.414,"
            + "\"a\":0.793,\"b\":2.426}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // document | JSON path | message part
        "{\"model\":\"bg-nbd\",\"model\":\"pareto-nbd\",\"parameters\":{}} | $ | Duplicate field 'model'",
        "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":1,\"r\":2}} | $ | Duplicate field 'r'",
        OK + "} {} | $ | Trailing token",
        OK + "}] | $ | malformed JSON",
        OK + ",\"colour\":\"red\"} | $.colour | unknown field 'colour'",
        OK + ",\"attempts\":[{\"optimizer\":\"bfgs\",\"seed\":3}]} | $.attempts[0].seed | unknown field 'seed'",
        OK + ",\"schemaVersion\":2} | $.schemaVersion | unsupported schemaVersion 2",
        OK + ",\"schemaVersion\":0} | $.schemaVersion | unsupported schemaVersion 0",
        OK + ",\"schemaVersion\":1.5} | $.schemaVersion | unsupported schemaVersion 1.5",
        OK + ",\"schemaVersion\":\"1\"} | $.schemaVersion | expected a number",
        OK + ",\"timeUnit\":7} | $.timeUnit | expected a string",
        OK + ",\"converged\":\"yes\"} | $.converged | expected a boolean",
        "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":\"0.2\"}} | $.parameters.r | not a number",
        OK + ",\"covariance\":[[1,\"x\"]]} | $.covariance[0][1] | not a number",
        "{\"parameters\":{}} | $.model | missing",
        "[] | $ | must be an object",
    })
    void read_invalidDocument_namesThePath(String json, String path, String message) {
        assertThatThrownBy(() -> BtydModelJson.read(json))
                .isInstanceOfSatisfying(CrmJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.getMessage()).startsWith(path + ": ").contains(message);
                });
    }

    @Test
    void read_writtenDocumentAndMinimalOne_areAccepted() {
        String written = BtydModelJson.write(BgNbd.of(0.243, 4.414, 0.793, 2.426), "weeks");
        assertThat(BtydModelJson.read(written).timeUnit()).contains("weeks");
        assertThat(BtydModelJson.read(OK + "}").parameters()).containsEntry("alpha", 4.414);
        assertThat(BtydModelJson.read(OK + ",\"schemaVersion\":1}").model()).isEqualTo("bg-nbd");
    }

    @Test
    void read_file_namesFileAndPath_andAcceptsAByteOrderMark(@TempDir Path dir) throws IOException {
        Path bom = dir.resolve("bom.json");
        Files.writeString(bom, "\uFEFF" + OK + "}", StandardCharsets.UTF_8);
        assertThat(BtydModelJson.read(bom).model()).isEqualTo("bg-nbd");
        assertThat(BtydModelJson.read("\uFEFF" + OK + "}").model()).isEqualTo("bg-nbd");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, OK + ",\"extra\":1}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BtydModelJson.read(bad))
                .isInstanceOfSatisfying(ModelFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(bad.toString());
                    assertThat(e.path()).isEqualTo("$.extra");
                    assertThat(e.getMessage()).startsWith(bad + ": $.extra: unknown field 'extra'");
                });

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, (OK + ",\"timeUnit\":\"w\u00f6chentlich\"}").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> BtydModelJson.read(latin1))
                .isInstanceOfSatisfying(ModelFileException.class, e -> assertThat(e.problem()).contains("UTF-8"));
    }
}
