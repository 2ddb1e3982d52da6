package org.crmkit.scoring.summary;

/**
 * A row check's failure that knows which canonical column it is about ({@code frequency},
 * {@code recency}, {@code T}, {@code monetary_value}, a holdout column, {@code weights}
 * or {@code customer_id}), so that a reader can name the column as its file spells it.
 */
final class RowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The canonical column name. */
    final String column;

    RowException(String column, String message) {
        super(message);
        this.column = column;
    }
}
