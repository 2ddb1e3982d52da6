package org.crmkit.scoring.btyd;

/** The CDNOW sample summaries from {@code crm.data.dir}; tests skip when they are absent. */
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

    static Cdnow load() {
        double[][] rows = BtydTestData.csv("cdnow_customers_summary_with_transactions.csv");
        int n = rows.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rows[i][1];
            tx[i] = rows[i][2];
            t[i] = rows[i][3];
            z[i] = rows[i][4];
        }
        return new Cdnow(x, tx, t, z);
    }

    BtydData data() {
        return BtydData.of(x, tx, age);
    }
}
