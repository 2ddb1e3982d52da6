package org.crmkit.scoring.inference;

/**
 * Quantiles by selection instead of sorting: for each probability the order statistics
 * {@code x[floor h]} and {@code x[floor h + 1]} of Hyndman and Fan's definition 7 are found
 * with quickselect (Hoare's FIND, expected linear time), working left to right so each
 * search only scans the part not yet partitioned. Pivots come from a fixed-seed generator,
 * so the work does not depend on the order of the input and an adversarial order cannot
 * make it quadratic in expectation; every loop shrinks its range, so it ends.
 */
final class Selection {
    private Selection() {
    }

    /** Fills out[j] with the type-7 quantile of probs[j] (ascending) over a (reordered in place). */
    static void quantiles(double[] a, double[] probs, double[] out) {
        int n = a.length;
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5e1ec7L);
        int from = 0;
        for (int j = 0; j < probs.length; j++) {
            double h = (n - 1) * probs[j];
            int lo = (int) Math.floor(h);
            if (lo >= from) {
                select(a, from, n - 1, lo, random);
                from = lo;
            }
            double x0 = a[lo];
            double x1 = x0;
            if (lo + 1 < n) {
                x1 = a[lo + 1];
                for (int i = lo + 2; i < n; i++) {
                    if (a[i] < x1) {
                        x1 = a[i];
                    }
                }
            }
            double v = x0 + (h - lo) * (x1 - x0);
            out[j] = Math.min(Math.max(v, x0), x1);
        }
    }

    /** Places the k-th smallest of a[left..right] at k, smaller ones before it, larger after. */
    private static void select(double[] a, int left, int right, int k, java.util.SplittableRandom random) {
        while (right > left) {
            double pivot = a[left + random.nextInt(right - left + 1)];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return; // j < k < i: a[k] equals the pivot
            }
        }
    }
}
