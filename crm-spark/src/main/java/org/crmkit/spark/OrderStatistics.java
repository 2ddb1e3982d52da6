package org.crmkit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Exact order statistics of a distributed column of doubles without sorting it: the
 * algorithm of crm-scoring's {@code QuantileScores} spread over partitions. One job finds
 * the range of the values' order-preserving bit patterns, one counts (and sums) the values
 * in at most 65,536 buckets of that range, and one counts the distinct values of only the
 * few buckets that hold a threshold; the thresholds then follow exactly on the driver.
 * Driver memory: the bucket arrays (1 MB) and the distinct values of the threshold buckets.
 */
final class OrderStatistics {
    private static final int BUCKET_BITS = 16;

    private final long min;
    private final int shift;
    private final long n;
    private final long[] counts;
    private final double[] sums;
    private final JavaRDD<Double> values;
    private final boolean negate;

    private OrderStatistics(JavaRDD<Double> values, boolean negate, long min, int shift, long n, long[] counts,
            double[] sums) {
        this.values = values;
        this.negate = negate;
        this.min = min;
        this.shift = shift;
        this.n = n;
        this.counts = counts;
        this.sums = sums;
    }

    /** Order-preserving signed-long image of a finite double, negated first if asked; -0.0 equals 0.0. */
    static long key(double v, boolean negate) {
        double w = (negate ? -v : v) + 0.0;
        long bits = Double.doubleToRawLongBits(w);
        return bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
    }

    /** The double of a key: {@link #key} is its own inverse on the bits. */
    double value(long key) {
        double w = Double.longBitsToDouble(key ^ ((key >> 63) & 0x7fffffffffffffffL));
        return negate ? -w : w;
    }

    /** The histogram of the values; "worse" (lower key) first, so {@code negate} puts large values first. */
    static OrderStatistics of(JavaRDD<Double> values, boolean negate, String what) {
        long[] range = SparkFailures.unwrap(() -> values.mapPartitions(it -> {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            long count = 0;
            long bad = 0;
            while (it.hasNext()) {
                Double v = it.next();
                if (v == null || !Double.isFinite(v)) {
                    bad++;
                    continue;
                }
                long k = key(v, negate);
                lo = Math.min(lo, k);
                hi = Math.max(hi, k);
                count++;
            }
            return List.of(new long[] {lo, hi, count, bad}).iterator();
        }).reduce((a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2], a[3] + b[3]}));
        if (range[3] > 0) {
            throw new IllegalArgumentException(what + ": " + range[3] + " value(s) null or not finite");
        }
        long n = range[2];
        if (n == 0) {
            return new OrderStatistics(values, negate, 0, 0, 0, new long[1], new double[1]);
        }
        long lo = range[0];
        long width = range[1] - lo; // unsigned
        int bits = 64 - Long.numberOfLeadingZeros(width);
        int shift = Math.max(0, bits - BUCKET_BITS);
        int buckets = (int) (width >>> shift) + 1;
        Object[] hist = SparkFailures.unwrap(() -> values.treeAggregate(new Object[] {new long[buckets], new double[buckets]},
                (acc, v) -> {
                    int b = (int) ((key(v, negate) - lo) >>> shift);
                    ((long[]) acc[0])[b]++;
                    ((double[]) acc[1])[b] += v;
                    return acc;
                }, (a, b) -> {
                    long[] ca = (long[]) a[0];
                    long[] cb = (long[]) b[0];
                    double[] sa = (double[]) a[1];
                    double[] sb = (double[]) b[1];
                    for (int i = 0; i < ca.length; i++) {
                        ca[i] += cb[i];
                        sa[i] += sb[i];
                    }
                    return a;
                }, 2));
        return new OrderStatistics(values, negate, lo, shift, n, (long[]) hist[0], (double[]) hist[1]);
    }

    long size() {
        return n;
    }

    double total() {
        double s = 0;
        for (double v : sums) {
            s += v;
        }
        return s;
    }

    int bucketOf(long key) {
        return (int) ((key - min) >>> shift);
    }

    /** The distinct values of the marked buckets with their counts and sums, by key ascending per bucket. */
    private Map<Integer, long[][]> distinct(boolean[] marked) {
        long lo = min;
        int sh = shift;
        boolean neg = negate;
        List<Tuple2<Long, Tuple2<Long, Double>>> rows = SparkFailures.unwrap(() -> values
                .filter(v -> marked[(int) ((key(v, neg) - lo) >>> sh)])
                .mapToPair(v -> new Tuple2<>(key(v, neg), new Tuple2<>(1L, v)))
                .reduceByKey((a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2())).collect());
        Map<Integer, List<Tuple2<Long, Tuple2<Long, Double>>>> byBucket = new HashMap<>();
        for (Tuple2<Long, Tuple2<Long, Double>> r : rows) {
            byBucket.computeIfAbsent(bucketOf(r._1()), b -> new ArrayList<>()).add(r);
        }
        Map<Integer, long[][]> out = new HashMap<>();
        byBucket.forEach((b, list) -> {
            list.sort((x, y) -> Long.compare(x._1(), y._1()));
            long[][] t = new long[3][list.size()];
            for (int i = 0; i < list.size(); i++) {
                t[0][i] = list.get(i)._1();
                t[1][i] = list.get(i)._2()._1();
                t[2][i] = Double.doubleToRawLongBits(list.get(i)._2()._2());
            }
            out.put(b, t);
        });
        return out;
    }

    /**
     * The keys from which on a value scores at least 2, 3, .. k under the rule
     * {@code score = 1 + floor(k * below / n)} (below: the number of values with a lower
     * key); unreachable scores are left out, so a value's score is 1 plus the number of
     * thresholds not above its key.
     */
    long[] scoreThresholds(int bins) {
        if (n == 0) {
            return new long[0];
        }
        int buckets = counts.length;
        long[] upto = new long[buckets];
        long cum = 0;
        for (int b = 0; b < buckets; b++) {
            cum += counts[b];
            upto[b] = cum;
        }
        int[] candidate = new int[bins + 1];
        boolean[] marked = new boolean[buckets];
        int b = 0;
        for (int s = 2; s <= bins; s++) {
            long target = n * (s - 1);
            while (b < buckets && (counts[b] == 0 || bins * upto[b] < target)) {
                b++;
            }
            candidate[s] = b;
            if (b < buckets) {
                marked[b] = true;
            }
        }
        Map<Integer, long[][]> distinct = distinct(marked);
        List<Long> thresholds = new ArrayList<>();
        for (int s = 2; s <= bins; s++) {
            int k = candidate[s];
            if (k >= buckets) {
                continue;
            }
            long target = n * (s - 1);
            long below = k == 0 ? 0 : upto[k - 1];
            long[][] d = distinct.get(k);
            Long threshold = null;
            for (int i = 0; i < d[0].length; i++) {
                if (bins * below >= target) {
                    threshold = d[0][i];
                    break;
                }
                below += d[1][i];
            }
            if (threshold == null) {
                int next = k + 1;
                while (next < buckets && counts[next] == 0) {
                    next++;
                }
                if (next < buckets) {
                    threshold = min + ((long) next << shift);
                }
            }
            if (threshold != null) {
                thresholds.add(threshold);
            }
        }
        return thresholds.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * With values sorted from the largest (this histogram built with {@code negate}), the
     * smallest value whose larger values sum to less than {@code share} of the total: the
     * ABC cut of {@code RevenueConcentration}.
     */
    double shareCut(double share, double total) {
        int buckets = counts.length;
        // keys are negated values: bucket 0 holds the largest values
        double before = 0;
        int b = 0;
        int chosen = -1;
        double beforeChosen = 0;
        for (; b < buckets; b++) {
            if (counts[b] == 0) {
                continue;
            }
            if (before < share * total) {
                chosen = b;
                beforeChosen = before;
            } else {
                break;
            }
            before += sums[b];
        }
        boolean[] marked = new boolean[buckets];
        marked[chosen] = true;
        long[][] d = distinct(marked).get(chosen);
        double cut = Double.POSITIVE_INFINITY;
        double acc = beforeChosen;
        for (int i = 0; i < d[0].length; i++) {
            if (acc < share * total) {
                cut = value(d[0][i]);
            } else {
                break;
            }
            acc += Double.longBitsToDouble(d[2][i]);
        }
        return cut;
    }

    static int score(long key, long[] thresholds) {
        int s = 1;
        while (s - 1 < thresholds.length && key >= thresholds[s - 1]) {
            s++;
        }
        return s;
    }

    @Override
    public String toString() {
        return "OrderStatistics[n=" + n + ", buckets=" + counts.length + ", shift=" + shift + ", counts="
                + Arrays.hashCode(counts) + "]";
    }
}
