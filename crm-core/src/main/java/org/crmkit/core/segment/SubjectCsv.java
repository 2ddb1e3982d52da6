package org.crmkit.core.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.csv.CsvField;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;

/**
 * Reads customers for segment rules from CSV, on crmkit's one CSV reader ({@link CsvReader}:
 * strict UTF-8, RFC 4180 quoting, equal field counts): a header row of {@code customer_id} and
 * attribute names, then one row per customer, each value read by its attribute's type as
 * {@link SubjectRecord#parse(int, String)} reads text (number {@code 12.5}, date
 * {@code yyyy-MM-dd}, {@code true}/{@code false}, a declared enum value, text, or a string set
 * with elements separated by {@code |}). An empty cell is an absent value.
 *
 * <p>Every column other than {@code customer_id} must be an attribute of the registry (the
 * standard ones, or ones a rules document declares); ids are non-empty and unique. Ids written
 * spreadsheet-safe by crmkit are restored ({@link CsvField#restore}).
 *
 * <pre>{@code
 * SubjectCsv csv = SubjectCsv.of(compiled.registry());
 * try (InputStream in = Files.newInputStream(Path.of("customers.csv"))) {
 *     csv.read(in, "customers.csv", LocalDate.of(2026, 6, 30),
 *             (id, subject) -> System.out.println(id + " " + compiled.assignName(subject)));
 * }
 * }</pre>
 *
 * <p>Errors are {@link CsvFormatException}s naming source, line and column; they never repeat
 * input values (they may be personal data). The reader streams: one row is in memory at a time
 * (and the set of ids seen). Immutable and thread-safe; each call of {@link #read} uses its own
 * record.
 */
public final class SubjectCsv {
    /** The name of the id column. */
    public static final String ID_COLUMN = "customer_id";

    private final AttributeRegistry registry;

    private SubjectCsv(AttributeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Creates a reader for the attributes of a registry.
     *
     * @param registry the attributes the columns may name, not null
     * @return the reader, never null
     */
    public static SubjectCsv of(AttributeRegistry registry) {
        return new SubjectCsv(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Reads a file (see {@link #read(InputStream, String, LocalDate, SubjectSink)}).
     *
     * @param file the file, not null
     * @param asOf the as-of date of every subject, not null
     * @param sink receives each customer, not null
     * @return the number of customers read
     * @throws CsvFormatException if the content is invalid
     * @throws IOException if the file cannot be read or the sink fails
     */
    public long read(Path file, LocalDate asOf, SubjectSink sink) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), asOf, sink);
        }
    }

    /**
     * Reads every customer row and passes each to the sink, in input order.
     *
     * @param in the input, not null; not closed
     * @param source how the input is named in error messages, not null
     * @param asOf the as-of date of every subject, not null
     * @param sink receives each customer, not null
     * @return the number of customers read
     * @throws CsvFormatException if the content is invalid, naming line and column
     * @throws IOException if reading or the sink fails
     */
    public long read(InputStream in, String source, LocalDate asOf, SubjectSink sink) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(sink, "sink");
        InputStream kept = new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
        try (CsvReader csv = CsvReader.of(kept, source, CsvReader.Options.comma())) {
            List<String> names = csv.header();
            int columns = names.size();
            int[] slots = new int[columns];
            int id = -1;
            for (int i = 0; i < columns; i++) {
                String h = names.get(i);
                if (h.equals(ID_COLUMN)) {
                    id = i;
                    slots[i] = -1;
                } else if (registry.find(h).isEmpty()) {
                    throw new CsvFormatException(source, 1, h, "unknown attribute; declare it in the rules "
                            + "document's \"attributes\" or use a standard attribute");
                } else {
                    slots[i] = registry.slot(h);
                }
            }
            if (id < 0) {
                throw new CsvFormatException(source, 1, ID_COLUMN, "missing column (the header has "
                        + columns + " columns)");
            }
            SubjectRecord record = new SubjectRecord(registry).asOf(asOf);
            Set<String> ids = new HashSet<>();
            long count = 0;
            for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                String customer = CsvField.restore(row.get(id));
                if (customer.isBlank()) {
                    throw row.error(id, "empty customer id");
                }
                if (!ids.add(customer)) {
                    throw row.error(id, "duplicate customer id (an earlier row has it)");
                }
                record.clear();
                for (int i = 0; i < columns; i++) {
                    if (slots[i] < 0 || row.isBlank(i)) {
                        continue;
                    }
                    try {
                        record.parse(slots[i], row.get(i));
                    } catch (IllegalArgumentException e) {
                        throw row.error(i, e.getMessage());
                    }
                }
                count++;
                sink.accept(customer, record);
            }
            return count;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
