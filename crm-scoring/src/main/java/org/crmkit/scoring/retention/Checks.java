package org.crmkit.scoring.retention;

/** Argument checks shared by the models; messages name the argument and show the value. */
final class Checks {
    private Checks() {
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
        return value;
    }

    static void renewals(int renewals) {
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals must be >= 0: " + renewals);
        }
    }

    static void period(int t, int min) {
        if (t < min) {
            throw new IllegalArgumentException("period t must be >= " + min + ": " + t);
        }
    }

    static void horizon(String name, int horizon) {
        if (horizon < 0 || horizon > RetentionModel.MAX_HORIZON) {
            throw new IllegalArgumentException(name + " must be 0.." + RetentionModel.MAX_HORIZON + ": " + horizon);
        }
    }

    static double discountRate(double d) {
        if (!(d >= RetentionModel.MIN_DISCOUNT_RATE) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("discount rate per period must be finite and at least "
                    + RetentionModel.MIN_DISCOUNT_RATE + ": " + d);
        }
        return d;
    }
}
