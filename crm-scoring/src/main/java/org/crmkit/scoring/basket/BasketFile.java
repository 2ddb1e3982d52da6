package org.crmkit.scoring.basket;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;

/**
 * Reads a basket file: one basket per line, its items separated by a delimiter (R arules'
 * {@code read.transactions(format = "basket")}).
 *
 * <p>The file is read by the project's one strict reader, {@link CsvReader}, with its rules
 * (UTF-8, malformed bytes an error; a byte order mark and CR-LF line ends accepted; with a
 * one-character delimiter a field may be quoted as in RFC 4180; blank lines skipped) except
 * that lines may have any number of items ({@link CsvReader#nextFields()}) and there is no
 * header (the options' header flag is ignored). Blank lines are not baskets (note: they would
 * count as empty transactions in some tools); spaces around items are trimmed; an item
 * repeated on one line counts once. An empty item (two delimiters in a row, or a trailing
 * delimiter) stops the reading with a {@link CsvFormatException} naming file, line and field
 * position.
 *
 * <pre>{@code
 * Baskets baskets = BasketFile.read(Path.of("groceries.csv"), CsvReader.Options.comma());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class BasketFile {
    private BasketFile() {
    }

    /**
     * Reads a basket file.
     *
     * @param file the file, not null
     * @param options the item separator (comma, another character, or whitespace), not null
     * @return the baskets, never null
     * @throws IOException if the file cannot be read
     * @throws CsvFormatException if a line breaks the reader's rules or holds an empty item
     */
    public static Baskets read(Path file, CsvReader.Options options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        try (CsvReader in = CsvReader.open(file, options.withoutHeader())) {
            return read(in);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads baskets from a reader; the reader is not closed.
     *
     * @param in the input, not null
     * @param source the name used in error messages, not null
     * @param options the item separator (comma, another character, or whitespace), not null
     * @return the baskets, never null
     * @throws IOException if the input cannot be read
     * @throws CsvFormatException if a line breaks the reader's rules or holds an empty item
     */
    public static Baskets read(Reader in, String source, CsvReader.Options options) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        try {
            return read(CsvReader.of(in, source, options.withoutHeader()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Baskets read(CsvReader in) {
        Baskets.Builder b = Baskets.builder();
        List<String> fields;
        while ((fields = in.nextFields()) != null) {
            List<String> items = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                String item = fields.get(i).strip();
                if (item.isEmpty()) {
                    throw new CsvFormatException(in.source(), in.line(), Integer.toString(i + 1), "empty item");
                }
                items.add(item);
            }
            b.add(items);
        }
        return b.build();
    }
}
