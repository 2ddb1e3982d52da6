package org.crmkit.scoring.btyd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the CDNOW sample summaries from {@code crm.data.dir}; skips tests when absent. */
final class Cdnow {

    /** Columns ID, x, t_x, T, zbar of cdnow_customers_summary_with_transactions.csv. */
    final double[] x;
    final double[] tx;
    final double[] age;
    final double[] zbar;

    private Cdnow(double[] x, double[] tx, double[] age, double[] zbar) {
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.zbar = zbar;
    }

    static Path dataDir() {
        String dir = System.getProperty("crm.data.dir", "../../shared/data");
        return Path.of(dir);
    }

    static Cdnow load() {
        Path file = dataDir().resolve("cdnow_customers_summary_with_transactions.csv");
        assumeTrue(Files.isRegularFile(file),
                "reference data absent (" + file + "); set -Dcrm.data.dir to run this test");
        try {
            List<String> lines = Files.readAllLines(file);
            int n = lines.size() - 1;
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                x[i] = Double.parseDouble(f[1]);
                tx[i] = Double.parseDouble(f[2]);
                t[i] = Double.parseDouble(f[3]);
                z[i] = Double.parseDouble(f[4]);
            }
            return new Cdnow(x, tx, t, z);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BtydData data() {
        return BtydData.of(x, tx, age);
    }
}
