package org.crmkit.scoring.basket;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;

/**
 * Reads a basket file: one basket per line, its items separated by a delimiter (R arules'
 * {@code read.transactions(format = "basket")}).
 *
 * <p>UTF-8 (malformed bytes are an error, as in {@link CsvReader}); no header (the options'
 * header flag is ignored); lines may have any number of items; blank lines are not baskets and are skipped (note: they would count
 * as empty transactions in some tools); a UTF-8 byte order mark and CR-LF line ends are
 * accepted; with a one-character delimiter a field may be quoted as in RFC 4180; spaces
 * around items are trimmed; an item repeated on one line counts once. An empty item (two
 * delimiters in a row, or a trailing delimiter) stops the reading with a
 * {@link CsvFormatException} naming file, line and field position.
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
     * @throws CsvFormatException if a line holds an empty item
     */
    public static Baskets read(Path file, CsvReader.Options options) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder())) {
            return read(in, file.toString(), options);
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
     * @throws CsvFormatException if a line holds an empty item
     */
    public static Baskets read(Reader in, String source, CsvReader.Options options) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        DelimitedLines lines = new DelimitedLines(in, source, options);
        Baskets.Builder b = Baskets.builder();
        List<String> fields;
        while ((fields = lines.next()) != null) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).isEmpty()) {
                    throw new CsvFormatException(source, lines.line(), Integer.toString(i + 1), "empty item");
                }
            }
            b.add(fields);
        }
        return b.build();
    }
}
