package org.crmkit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.scoring.summary.TransactionLog;

/** The same transactions as a crm-scoring {@link TransactionLog} and as a Spark dataset. */
final class Transactions {
    static final StructType SCHEMA = new StructType()
            .add("customer", DataTypes.StringType, false)
            .add("date", DataTypes.DateType, false)
            .add("amount", DataTypes.DoubleType, false);

    final List<String> customers = new ArrayList<>();
    final List<LocalDate> dates = new ArrayList<>();
    final List<Double> amounts = new ArrayList<>();

    void add(String customer, LocalDate date, double amount) {
        customers.add(customer);
        dates.add(date);
        amounts.add(amount);
    }

    TransactionLog log() {
        TransactionLog.Builder b = TransactionLog.builder();
        for (int i = 0; i < customers.size(); i++) {
            b.add(customers.get(i), dates.get(i), amounts.get(i));
        }
        return b.build();
    }

    Dataset<Row> dataset(SparkSession spark) {
        List<Row> rows = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            rows.add(RowFactory.create(customers.get(i), java.sql.Date.valueOf(dates.get(i)), amounts.get(i)));
        }
        return spark.createDataFrame(rows, SCHEMA).repartition(3);
    }

    /** CDNOW_master.txt: customer id, yyyyMMdd, number of CDs, dollar value. */
    static Transactions cdnow(Path dir) {
        Transactions t = new Transactions();
        try {
            for (String line : Files.readAllLines(dir.resolve("CDNOW_master.txt"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !Character.isDigit(f[1].charAt(0))) {
                    continue;
                }
                String d = f[1];
                t.add(f[0], LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                        Integer.parseInt(d.substring(6, 8))), Double.parseDouble(f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }

    /**
     * Random transactions of {@code n} customers over two years, in shuffled order, with
     * several purchases on one day, returns (negative amounts) and days of net value zero.
     */
    static Transactions simulated(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Transactions t = new Transactions();
        LocalDate start = LocalDate.of(2020, 1, 1);
        List<Integer> order = new ArrayList<>();
        List<String> c = new ArrayList<>();
        List<LocalDate> d = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int first = random.nextInt(500);
            int purchases = 1 + (random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(4));
            for (int k = 0; k < purchases; k++) {
                int day = k == 0 ? first : first + random.nextInt(730 - first);
                // multiples of 0.25 add up exactly in any order, so a day's net sign does not depend
                // on the order of addition (which differs between the two implementations)
                double amount = random.nextInt(10) == 0 ? -5.0 : random.nextInt(400) * 0.25;
                c.add("c" + i);
                d.add(start.plusDays(day));
                a.add(amount);
                if (random.nextInt(8) == 0) {
                    // a second line on the same day, sometimes cancelling the first
                    c.add("c" + i);
                    d.add(start.plusDays(day));
                    a.add(random.nextBoolean() ? -amount : 3.25);
                }
            }
        }
        for (int i = 0; i < c.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        for (int i : order) {
            t.add(c.get(i), d.get(i), a.get(i));
        }
        return t;
    }
}
