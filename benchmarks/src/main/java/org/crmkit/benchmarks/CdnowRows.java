package org.crmkit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.SimulatedCohort;

/**
 * Inputs of the issue-18 benchmarks: CDNOW summary rows resampled with replacement to the
 * wanted size, read from {@code cdnow_customers_summary.csv} in {@code crm.data.dir}
 * (default {@code ../shared/data}, the folder beside the repository), or, where that file
 * is absent, a cohort simulated from the published BG/NBD estimates on the same shape (2,357
 * customers, first purchases over 12 weeks, times on a daily grid) and resampled the same way.
 * Seeded: the same size gives the same rows.
 */
final class CdnowRows {

    final double[] x;
    final double[] tx;
    final double[] age;
    final double[] monetary;
    final String source;

    private CdnowRows(double[] x, double[] tx, double[] age, double[] monetary, String source) {
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.monetary = monetary;
        this.source = source;
    }

    /** The 2,357 rows themselves (or the simulated stand-in). */
    static CdnowRows sample() {
        Path file = Path.of(System.getProperty("crm.data.dir", "../shared/data"), "cdnow_customers_summary.csv");
        if (Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file);
                int n = lines.size() - 1;
                double[] x = new double[n];
                double[] tx = new double[n];
                double[] t = new double[n];
                double[] m = new double[n];
                for (int i = 0; i < n; i++) {
                    String[] f = lines.get(i + 1).split(",");
                    x[i] = Double.parseDouble(f[1]);
                    tx[i] = Double.parseDouble(f[2]);
                    t[i] = Double.parseDouble(f[3]);
                    m[i] = f.length > 4 ? Double.parseDouble(f[4]) : 0;
                }
                return new CdnowRows(x, tx, t, m, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        SplittableRandom random = new SplittableRandom(2357);
        double[] ages = new double[2357];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 39 - random.nextInt(84) / 7.0;
        }
        SimulatedCohort c = BgNbd.of(0.243, 4.414, 0.793, 2.426).simulate(ages, 0, 1997);
        double[] x = c.frequency();
        double[] tx = c.recency();
        double[] m = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            tx[i] = x[i] == 0 ? 0 : Math.min(ages[i], Math.max(1, Math.round(tx[i] * 7)) / 7.0);
            m[i] = x[i] == 0 ? 0 : Math.exp(3 + random.nextGaussian() * 0.7);
        }
        return new CdnowRows(x, tx, ages, m, "simulated (no " + file + ")");
    }

    /** {@code n} rows drawn with replacement from {@link #sample()}. */
    static CdnowRows resampled(int n) {
        CdnowRows s = sample();
        SplittableRandom random = new SplittableRandom(n);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(s.x.length);
            x[i] = s.x[k];
            tx[i] = s.tx[k];
            t[i] = s.age[k];
            m[i] = s.monetary[k];
        }
        return new CdnowRows(x, tx, t, m, s.source + " resampled to " + n);
    }
}
