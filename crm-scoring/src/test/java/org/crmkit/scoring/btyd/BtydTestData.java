package org.crmkit.scoring.btyd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the shared reference data sets; tests skip when the folder is absent. */
public final class BtydTestData {

    private BtydTestData() {
    }

    public static Path dataDirectory() {
        Path dir = Path.of(System.getProperty("crm.data.dir", "../../shared/data"));
        assumeTrue(Files.isDirectory(dir), "reference data folder " + dir.toAbsolutePath()
                + " is absent; set -Dcrm.data.dir to run this test");
        return dir;
    }

    /** Rows of a CSV file after its header, split on commas, as numbers. */
    public static double[][] csv(String name) {
        Path file = dataDirectory().resolve(name);
        assumeTrue(Files.isRegularFile(file), "reference file " + file + " is absent");
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
