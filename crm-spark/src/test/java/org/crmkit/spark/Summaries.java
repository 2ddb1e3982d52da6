package org.crmkit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.SimulatedCohort;

/** Per-customer summary columns held as arrays, as a {@link BtydData} and as a Spark dataset. */
final class Summaries {
    static final StructType SCHEMA = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("recency", DataTypes.DoubleType, false)
            .add("T", DataTypes.DoubleType, false)
            .add("monetary_value", DataTypes.DoubleType, false)
            .add("weight", DataTypes.DoubleType, false);

    final double[] x;
    final double[] tx;
    final double[] t;
    final double[] m;
    final double[] w;

    Summaries(double[] x, double[] tx, double[] t, double[] m, double[] w) {
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.m = m;
        this.w = w;
    }

    BtydData data() {
        return BtydData.of(x, tx, t, w);
    }

    Dataset<Row> dataset(SparkSession spark, int partitions) {
        List<Row> rows = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create("c" + i, (int) x[i], tx[i], t[i], m[i], w[i]));
        }
        return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
    }

    /** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (weeks, 2,357 customers). */
    static Summaries cdnow(Path dir) {
        List<double[]> rows = csv(dir.resolve("cdnow_customers_summary_with_transactions.csv"));
        int n = rows.size();
        double[][] c = new double[5][n];
        for (int i = 0; i < n; i++) {
            c[0][i] = rows.get(i)[1];
            c[1][i] = rows.get(i)[2];
            c[2][i] = rows.get(i)[3];
            c[3][i] = rows.get(i)[4];
            c[4][i] = 1;
        }
        return new Summaries(c[0], c[1], c[2], c[3], c[4]);
    }

    /** donations.csv: frequency, recency, periods, weights (BG/BB, 11,104 donors in 22 rows). */
    static Summaries donations(Path dir) {
        List<double[]> rows = csv(dir.resolve("donations.csv"));
        int n = rows.size();
        double[][] c = new double[5][n];
        for (int i = 0; i < n; i++) {
            c[0][i] = rows.get(i)[0];
            c[1][i] = rows.get(i)[1];
            c[2][i] = rows.get(i)[2];
            c[4][i] = rows.get(i)[3];
        }
        return new Summaries(c[0], c[1], c[2], c[3], c[4]);
    }

    /** A BG/NBD cohort of known parameters (continuous recencies: about one pattern per customer). */
    static Summaries simulated(int n, long seed) {
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 10 + (i % 30);
        }
        SimulatedCohort cohort = org.crmkit.scoring.btyd.BgNbd.of(0.25, 4.0, 0.8, 2.4).simulate(ages, 0, seed);
        double[] x = cohort.frequency();
        double[] m = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            // a Gamma-Gamma-like spend: mean of x draws of an exponential with a customer's mean
            double mean = 20 + 30 * r.nextDouble();
            double s = 0;
            for (int k = 0; k < x[i]; k++) {
                s += -mean * Math.log(1 - r.nextDouble());
            }
            m[i] = x[i] == 0 ? 0 : s / x[i];
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return new Summaries(x, cohort.recency(), cohort.age(), m, w);
    }

    private static List<double[]> csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] v = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    v[i] = Double.parseDouble(f[i].trim());
                }
                rows.add(v);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
