package org.crmkit.spark;

import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;

/** Checks of column options and of a dataset's columns, shared by the builders. */
final class SparkColumns {
    private SparkColumns() {
    }

    static String once(String current, String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " name is blank");
        }
        requireUnset(current, what);
        return name;
    }

    static void requireUnset(Object current, String what) {
        if (current != null) {
            throw new IllegalStateException(what + " was already set to " + current);
        }
    }

    static void require(Dataset<Row> data, String column, String role) {
        if (!Arrays.asList(data.columns()).contains(column)) {
            throw new IllegalArgumentException("no " + role + " column '" + column + "' among "
                    + Arrays.toString(data.columns()));
        }
    }

    static void requireNumeric(Dataset<Row> data, String column, String role) {
        require(data, column, role);
        if (!(data.schema().apply(column).dataType() instanceof NumericType)) {
            throw new IllegalArgumentException(role + " column '" + column + "' must be numeric, not "
                    + data.schema().apply(column).dataType().simpleString());
        }
    }
}
