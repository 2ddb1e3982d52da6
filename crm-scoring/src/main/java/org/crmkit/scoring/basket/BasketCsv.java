package org.crmkit.scoring.basket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;

/**
 * Reads baskets from a transactions CSV, one item per line: a basket is an order id
 * ({@link Builder#basketColumn}), or, without one, a customer and a day
 * ({@link Builder#customerColumn} and {@link Builder#dateColumn}). The item is the
 * {@link Builder#itemColumn} value; with {@link Builder#categoryColumn} the items are rolled up
 * to their category (the category column's value replaces the item).
 *
 * <p>The file is read by {@link CsvReader} with its rules (UTF-8, RFC 4180 quotes, every row
 * as wide as the header, blank lines skipped); columns are header names, or 1-based
 * positions without a header ({@link CsvReader#select}). The day is the date column's text up
 * to a {@code T} or a space (so ISO date-times fall on their day), or, with
 * {@link Builder#dateFormat}, the date parsed strictly by that pattern. An empty basket,
 * customer, date or item field, or a date that does not parse, stops the reading with a
 * {@link CsvFormatException} naming file, line and column (never the value). Baskets come in
 * the order of their first line.
 *
 * <pre>{@code
 * Baskets baskets = BasketCsv.builder()
 *         .customerColumn("customer_id")
 *         .dateColumn("date")
 *         .itemColumn("product")
 *         .build()
 *         .read(Path.of("transactions.csv"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BasketCsv {
    private final CsvReader.Options options;
    private final String basketColumn;
    private final String customerColumn;
    private final String dateColumn;
    private final String itemColumn;
    private final String categoryColumn;
    private final DateTimeFormatter dateFormat;

    private BasketCsv(Builder b) {
        this.options = b.options == null ? CsvReader.Options.comma() : b.options;
        this.basketColumn = b.basketColumn;
        this.customerColumn = b.customerColumn;
        this.dateColumn = b.dateColumn;
        this.itemColumn = b.itemColumn;
        this.categoryColumn = b.categoryColumn;
        this.dateFormat = b.dateFormat;
    }

    /**
     * Returns a new builder.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the baskets of a file.
     *
     * @param file the file, not null
     * @return the baskets, never null
     * @throws IOException if the file cannot be read
     * @throws CsvFormatException if the content is invalid
     * @throws IllegalStateException if neither a basket column nor a customer and a date
     *     column are set
     */
    public Baskets read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads the baskets of a stream; the stream is not closed.
     *
     * @param in the input, not null
     * @param source the name used in error messages, not null
     * @return the baskets, never null
     * @throws CsvFormatException if the content is invalid
     * @throws IllegalStateException if neither a basket column nor a customer and a date
     *     column are set
     */
    public Baskets read(InputStream in, String source) {
        if (basketColumn == null && (customerColumn == null || dateColumn == null)) {
            throw new IllegalStateException("baskets need a basket column, or a customer and a date column");
        }
        Map<List<String>, List<String>> grouped = new LinkedHashMap<>();
        scan(in, source, true, (key, item) -> grouped.computeIfAbsent(key, k -> new ArrayList<>(4)).add(item));
        Baskets.Builder b = Baskets.builder();
        grouped.values().forEach(b::add);
        return b.build();
    }

    /**
     * Reads the items each customer bought (for next-best-product offers); needs the customer
     * column, not the date column.
     *
     * @param file the file, not null
     * @return the distinct items by customer id, in the order of first appearance, never null
     * @throws IOException if the file cannot be read
     * @throws CsvFormatException if the content is invalid
     * @throws IllegalStateException if no customer column is set
     */
    public Map<String, Set<String>> readItemsByCustomer(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (customerColumn == null) {
            throw new IllegalStateException("the customer column is required");
        }
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            scan(in, file.toString(), false, (key, item) ->
                    owned.computeIfAbsent(key.get(0), k -> new LinkedHashSet<>()).add(item));
        }
        return owned;
    }

    private interface LineSink {
        void accept(List<String> key, String item);
    }

    private void scan(InputStream stream, String source, boolean baskets, LineSink sink) {
        Objects.requireNonNull(stream, "in");
        Objects.requireNonNull(source, "source");
        CsvReader in = CsvReader.of(stream, source, options);
        int ci = -1;
        int bi = -1;
        int di = -1;
        if (baskets && basketColumn != null) {
            bi = in.select(basketColumn);
        } else {
            ci = in.select(customerColumn);
            if (baskets) {
                di = in.select(dateColumn);
            }
        }
        int ii = in.select(itemColumn);
        int gi = categoryColumn == null ? -1 : in.select(categoryColumn);
        int value = gi >= 0 ? gi : ii;
        CsvRecord r;
        while ((r = in.next()) != null) {
            List<String> key;
            if (bi >= 0) {
                key = List.of(r.getRequired(bi));
            } else if (di >= 0) {
                key = List.of(r.getRequired(ci), day(r, di));
            } else {
                key = List.of(r.getRequired(ci));
            }
            sink.accept(key, r.getRequired(value));
        }
    }

    private String day(CsvRecord r, int index) {
        String text = r.getRequired(index);
        if (dateFormat == null) {
            int cut = text.length();
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == 'T' || text.charAt(i) == ' ') {
                    cut = i;
                    break;
                }
            }
            return text.substring(0, cut);
        }
        try {
            return LocalDate.parse(text, dateFormat).toString();
        } catch (DateTimeParseException e) {
            throw r.error(index, "is not a date in the given format");
        }
    }

    /**
     * Configures a {@link BasketCsv}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private CsvReader.Options options;
        private String basketColumn;
        private String customerColumn;
        private String dateColumn;
        private String itemColumn;
        private String categoryColumn;
        private DateTimeFormatter dateFormat;

        private Builder() {
        }

        private static String column(Object current, String selector, String what) {
            Objects.requireNonNull(selector, "selector");
            if (current != null) {
                throw new IllegalStateException(what + " is already set");
            }
            if (selector.isBlank()) {
                throw new IllegalArgumentException(what + " is blank");
            }
            return selector;
        }

        /**
         * Sets the delimiter and header options (default {@link CsvReader.Options#comma()}).
         *
         * @param options the options, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder options(CsvReader.Options options) {
            Objects.requireNonNull(options, "options");
            if (this.options != null) {
                throw new IllegalStateException("options are already set");
            }
            this.options = options;
            return this;
        }

        /**
         * Sets the basket (order id) column: a header name, or a 1-based position without a
         * header.
         *
         * @param selector the column, not null, not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         * @throws IllegalStateException if already set
         */
        public Builder basketColumn(String selector) {
            basketColumn = column(basketColumn, selector, "basket column");
            return this;
        }

        /**
         * Sets the customer id column.
         *
         * @param selector the column, not null, not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         * @throws IllegalStateException if already set
         */
        public Builder customerColumn(String selector) {
            customerColumn = column(customerColumn, selector, "customer column");
            return this;
        }

        /**
         * Sets the date column.
         *
         * @param selector the column, not null, not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         * @throws IllegalStateException if already set
         */
        public Builder dateColumn(String selector) {
            dateColumn = column(dateColumn, selector, "date column");
            return this;
        }

        /**
         * Sets the item (product) column (required).
         *
         * @param selector the column, not null, not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         * @throws IllegalStateException if already set
         */
        public Builder itemColumn(String selector) {
            itemColumn = column(itemColumn, selector, "item column");
            return this;
        }

        /**
         * Rolls items up to this category column: its value is the item.
         *
         * @param selector the column, not null, not blank
         * @return this builder
         * @throws IllegalArgumentException if blank
         * @throws IllegalStateException if already set
         */
        public Builder categoryColumn(String selector) {
            categoryColumn = column(categoryColumn, selector, "category column");
            return this;
        }

        /**
         * Parses the date column strictly with a {@link DateTimeFormatter} pattern such as
         * {@code yyyyMMdd} (default: the text up to a {@code T} or space is the day).
         *
         * @param pattern the pattern, not null
         * @return this builder
         * @throws IllegalArgumentException if the pattern is invalid
         * @throws IllegalStateException if already set
         */
        public Builder dateFormat(String pattern) {
            Objects.requireNonNull(pattern, "pattern");
            if (dateFormat != null) {
                throw new IllegalStateException("date format is already set");
            }
            dateFormat = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader, never null
         * @throws IllegalStateException if the item column is missing, or both a basket column
         *     and a date column are set
         */
        public BasketCsv build() {
            if (itemColumn == null) {
                throw new IllegalStateException("the item column is required");
            }
            if (basketColumn != null && dateColumn != null) {
                throw new IllegalStateException("give a basket column or a date column, not both");
            }
            return new BasketCsv(this);
        }
    }
}
