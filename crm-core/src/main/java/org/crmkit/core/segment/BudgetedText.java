package org.crmkit.core.segment;

/**
 * The text a regular expression runs against, counting the characters the engine reads:
 * {@link java.util.regex} reads its input only through {@link CharSequence#charAt}, and every
 * backtracking step reads again, so the count is a deterministic measure of the work done. When
 * it exceeds the budget the match is abandoned by {@link BudgetExceeded}; the caller turns that
 * into {@link Truth#UNKNOWN}. Mutable and reused by one thread (one per matcher).
 */
final class BudgetedText implements CharSequence {
    /** Thrown to abandon a match; preallocated, without a stack trace, since it is a value. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super("regular expression work budget exceeded", null, false, false);
        }
    }

    private String text = "";
    private long remaining;

    /** Starts a match on a text with a budget of character reads. */
    BudgetedText reset(String text, long budget) {
        this.text = text;
        this.remaining = budget;
        return this;
    }

    /** The characters the engine may still read in this match (negative once exceeded). */
    long remaining() {
        return remaining;
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw BudgetExceeded.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
