package org.crmkit.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads delimited text strictly, one {@link CsvRecord} at a time, so that a file of any
 * size is read in constant memory.
 *
 * <p>The rules, each enforced with a {@link CsvFormatException} naming source, line and
 * field:
 * <ul>
 *   <li>the bytes are UTF-8; a malformed or truncated sequence is an error on the line
 *       where it stands (never a silent replacement character, which would make two
 *       different ids equal); a leading byte-order mark is skipped;</li>
 *   <li>fields follow RFC 4180: a field in double quotes may hold the delimiter, line
 *       breaks (CR, LF or CRLF, kept as they are) and doubled quotes; anything but a
 *       delimiter or a line end after a closing quote, or a quote left open at the end of
 *       the input, is an error. With {@link Options#whitespaceDelimited()} fields are separated by
 *       runs of blanks and tabs and quotes have no meaning;</li>
 *   <li>lines end with LF, CRLF or a lone CR; empty lines and lines of blanks only are
 *       skipped;</li>
 *   <li>with a header (the default) the first line names the columns: names are trimmed,
 *       must not be empty and must be distinct; every later row has exactly as many
 *       fields as the header. Without a header every row has as many fields as the
 *       first;</li>
 *   <li>a field longer than {@link Options#maxFieldLength()} characters (default
 *       1,000,000) or a row of more than 10,000 fields is an error, so a corrupt file
 *       cannot exhaust the heap.</li>
 * </ul>
 *
 * <pre>{@code
 * try (CsvReader in = CsvReader.open(Path.of("surveys.csv"), CsvReader.Options.comma())) {
 *     int score = in.column("score");
 *     for (CsvRecord row : in) {
 *         int answer = row.getInt(score);          // error names file, line and 'score'
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader serves one thread. Closing it closes the stream.
 */
public final class CsvReader implements Closeable, Iterable<CsvRecord> {
    /** The most fields a row may have. */
    public static final int MAX_FIELDS = 10_000;

    private final InputStream in;
    private final Reader reader;
    private final String source;
    private final Options options;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private boolean bytesDone;
    private boolean decodeError;
    private boolean charsDone;
    private boolean started;
    private long line = 1;
    private long recordLine;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private int width = -1;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean iterated;

    private CsvReader(InputStream in, Reader reader, String source, Options options) {
        this.in = in;
        this.reader = reader;
        this.source = source;
        this.options = options;
        if (options.header()) {
            List<String> names = readRecord();
            if (names == null) {
                throw new CsvFormatException(source, 0, null, "is empty: no header line");
            }
            long at = recordLine;
            Map<String, Integer> index = new HashMap<>();
            List<String> trimmed = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip();
                if (name.isEmpty()) {
                    throw new CsvFormatException(source, at, String.valueOf(i + 1),
                            "empty column name in the header");
                }
                if (index.putIfAbsent(name, i) != null) {
                    throw new CsvFormatException(source, at, name, "column named twice in the header");
                }
                trimmed.add(name);
            }
            this.header = Collections.unmodifiableList(trimmed);
            this.columns = Collections.unmodifiableMap(index);
            this.width = trimmed.size();
        } else {
            this.header = List.of();
            this.columns = Map.of();
        }
    }

    /**
     * Opens a file; the source name in messages is the file's name as given.
     *
     * @param file the file, not null
     * @param options how to read it, not null
     * @return the reader, positioned after the header, never null
     * @throws IOException if the file cannot be opened or read
     * @throws CsvFormatException if the header breaks the rules
     * @throws NullPointerException if an argument is null
     */
    public static CsvReader open(Path file, Options options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        InputStream stream = Files.newInputStream(file);
        try {
            return new CsvReader(stream, null, file.toString(), options);
        } catch (RuntimeException e) {
            stream.close();
            if (e instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
    }

    /**
     * Reads a stream (for example standard input).
     *
     * @param in the stream, not null; closed with the reader
     * @param source the name used in messages, for example {@code "<stdin>"}, not null
     * @param options how to read it, not null
     * @return the reader, positioned after the header, never null
     * @throws UncheckedIOException if the stream cannot be read
     * @throws CsvFormatException if the header breaks the rules
     * @throws NullPointerException if an argument is null
     */
    public static CsvReader of(InputStream in, String source, Options options) {
        return new CsvReader(Objects.requireNonNull(in, "in"), null, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(options, "options"));
    }

    /**
     * Reads characters that are already decoded, with the same rules; a
     * {@link java.nio.charset.CharacterCodingException} of the reader (one made with a strict
     * decoder, as {@link java.nio.file.Files#newBufferedReader(Path)} makes) is reported as
     * bytes that are not valid UTF-8 on the line where it stands.
     *
     * @param in the characters, not null; closed with the reader
     * @param source the name used in messages, not null
     * @param options how to read it, not null
     * @return the reader, positioned after the header, never null
     * @throws UncheckedIOException if the characters cannot be read
     * @throws CsvFormatException if the header breaks the rules
     * @throws NullPointerException if an argument is null
     */
    public static CsvReader of(Reader in, String source, Options options) {
        return new CsvReader(null, Objects.requireNonNull(in, "in"), Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(options, "options"));
    }

    /**
     * Returns the name used in messages.
     *
     * @return the source, never null
     */
    public String source() {
        return source;
    }

    /**
     * Returns the column names of the header.
     *
     * @return the names in file order, empty without a header, never null
     */
    public List<String> header() {
        return header;
    }

    /**
     * Returns the 0-based index of a column named in the header.
     *
     * @param name the column name, not null
     * @return the index
     * @throws CsvFormatException naming line 1 if there is no such column (or no header)
     */
    public int column(String name) {
        return findColumn(name).orElseThrow(() -> new CsvFormatException(source, 1, name,
                header.isEmpty() ? "no header to find the column in" : "no such column in the header"));
    }

    /**
     * Returns the 0-based index of a column named in the header, if it is there.
     *
     * @param name the column name, not null
     * @return the index, empty if the header does not name it
     */
    public Optional<Integer> findColumn(String name) {
        return Optional.ofNullable(columns.get(Objects.requireNonNull(name, "name")));
    }

    /**
     * Resolves a column given by header name or, in a file without header, by 1-based
     * position (as the {@code crm} options do).
     *
     * @param selector a header name, or a 1-based position, not null
     * @return the 0-based index
     * @throws CsvFormatException if the column does not exist
     */
    public int select(String selector) {
        Objects.requireNonNull(selector, "selector");
        if (options.header()) {
            return column(selector);
        }
        try {
            int position = Integer.parseInt(selector.strip());
            if (position >= 1 && position <= MAX_FIELDS) {
                return position - 1;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new CsvFormatException(source, 0, selector,
                "without a header a column is chosen by its 1-based position");
    }

    /**
     * Returns the next record.
     *
     * @return the record, or null at the end of the input
     * @throws CsvFormatException if the row breaks the rules
     * @throws UncheckedIOException if the input cannot be read
     */
    public CsvRecord next() {
        List<String> values = readRecord();
        if (values == null) {
            return null;
        }
        long at = recordLine;
        if (width < 0) {
            width = values.size();
        } else if (values.size() != width) {
            throw new CsvFormatException(source, at, null, "has " + values.size() + " fields, "
                    + (options.header() ? "the header has " : "the first row has ") + width);
        }
        return new CsvRecord(this, at, values.toArray(new String[0]));
    }

    /**
     * Returns the next row's fields whatever their number, for formats whose rows differ in
     * width by design (a basket file: one basket of any size per line). Every other rule
     * applies as in {@link #next()}; {@link #line()} tells the line the row started on.
     *
     * <pre>{@code
     * CsvReader in = CsvReader.of(reader, "baskets.csv", CsvReader.Options.comma().withoutHeader());
     * for (List<String> basket; (basket = in.nextFields()) != null; ) { ... }
     * }</pre>
     *
     * @return the fields, unmodifiable, or null at the end of the input
     * @throws CsvFormatException if the row breaks the rules
     * @throws UncheckedIOException if the input cannot be read
     */
    public List<String> nextFields() {
        List<String> values = readRecord();
        return values == null ? null : Collections.unmodifiableList(values);
    }

    /**
     * Returns the 1-based line on which the row last returned started (0 before the first).
     *
     * @return the line
     */
    public long line() {
        return recordLine;
    }

    /**
     * Iterates over the remaining records; may be called once.
     *
     * @return the iterator, never null
     * @throws IllegalStateException if called twice
     */
    @Override
    public Iterator<CsvRecord> iterator() {
        if (iterated) {
            throw new IllegalStateException("a CsvReader can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private CsvRecord next = CsvReader.this.next();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public CsvRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                CsvRecord r = next;
                next = CsvReader.this.next();
                return r;
            }
        };
    }

    /**
     * Streams the remaining records (sequential); may be called once.
     *
     * @return the stream, never null
     */
    public Stream<CsvRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Closes the underlying stream.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        } else {
            reader.close();
        }
    }

    String columnName(int index) {
        return index < header.size() ? header.get(index) : String.valueOf(index + 1);
    }

    Map<String, Integer> columns() {
        return columns;
    }

    // --- character supply -------------------------------------------------------------

    private int peek() {
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        return chars.get(chars.position());
    }

    private int read() {
        int c = peek();
        if (c >= 0) {
            chars.position(chars.position() + 1);
        }
        return c;
    }

    private boolean fill() {
        if (charsDone) {
            return false;
        }
        if (decodeError) {
            throw new CsvFormatException(source, line, null, "bytes that are not valid UTF-8");
        }
        if (reader != null) {
            return fillFromReader();
        }
        chars.clear();
        try {
            while (true) {
                CoderResult r = decoder.decode(bytes, chars, bytesDone);
                if (r.isError()) {
                    decodeError = true;
                    break;
                }
                if (r.isOverflow()) {
                    break;
                }
                if (bytesDone) {
                    decoder.flush(chars);
                    charsDone = true;
                    break;
                }
                if (chars.position() > 0) {
                    break;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    bytesDone = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        } finally {
            chars.flip();
        }
        return filled();
    }

    /** {@link #fill()} for decoded input: one read into the buffer. */
    private boolean fillFromReader() {
        chars.clear();
        try {
            int n;
            do {
                n = reader.read(chars.array(), 0, chars.capacity());
            } while (n == 0);
            if (n < 0) {
                charsDone = true;
                chars.limit(0);
            } else {
                chars.limit(n);
            }
        } catch (CharacterCodingException e) {
            chars.limit(0);
            decodeError = true;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
        return filled();
    }

    /** After a fill: skips a leading byte-order mark; true if characters are there. */
    private boolean filled() {
        if (!started && chars.hasRemaining()) {
            started = true;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.position(chars.position() + 1);
            }
        }
        if (chars.hasRemaining()) {
            return true;
        }
        if (decodeError) {
            throw new CsvFormatException(source, line, null, "bytes that are not valid UTF-8");
        }
        return !charsDone && fill();
    }

    // --- records ----------------------------------------------------------------------

    private void endLine(int c) {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    /** Reads the next record that is not an empty or blank line; null at the end. */
    private List<String> readRecord() {
        while (true) {
            if (peek() < 0) {
                return null;
            }
            fields.clear();
            recordLine = line;
            if (options.whitespace()) {
                readWhitespaceRecord(recordLine);
            } else if (readDelimitedRecord(recordLine)) {
                return new ArrayList<>(fields);
            }
            boolean blank = fields.isEmpty() || (fields.size() == 1 && fields.get(0).isBlank());
            if (!blank) {
                return new ArrayList<>(fields);
            }
        }
    }

    private void readWhitespaceRecord(long start) {
        while (true) {
            int c = peek();
            if (c < 0 || c == '\n' || c == '\r') {
                if (field.length() > 0) {
                    addField(start);
                }
                if (c >= 0) {
                    endLine(read());
                }
                return;
            }
            read();
            if (c == ' ' || c == '\t') {
                if (field.length() > 0) {
                    addField(start);
                }
            } else {
                append((char) c, start);
            }
        }
    }

    /** Reads one delimited row into fields; true if it used quotes (so it is never blank). */
    private boolean readDelimitedRecord(long start) {
        char delimiter = options.delimiter();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStart = true;
        boolean anyQuote = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c < 0) {
                    throw new CsvFormatException(source, start, fieldName(), "a quoted field is not closed");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        append('"', start);
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        line++;
                    }
                    append((char) c, start);
                }
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                addField(start);
                if (c >= 0) {
                    endLine(c);
                }
                return anyQuote;
            }
            if (c == delimiter) {
                addField(start);
                afterQuote = false;
                fieldStart = true;
                continue;
            }
            if (afterQuote) {
                throw new CsvFormatException(source, start, fieldName(),
                        "text after the closing quote of a quoted field");
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                anyQuote = true;
                fieldStart = false;
                continue;
            }
            if (c == '"') {
                throw new CsvFormatException(source, start, fieldName(),
                        "a quote inside an unquoted field (quote the whole field and double the quote)");
            }
            fieldStart = false;
            append((char) c, start);
        }
    }

    private String fieldName() {
        return columnName(fields.size());
    }

    private void append(char c, long start) {
        if (field.length() >= options.maxFieldLength()) {
            throw new CsvFormatException(source, start, fieldName(),
                    "longer than " + options.maxFieldLength() + " characters");
        }
        field.append(c);
    }

    private void addField(long start) {
        if (fields.size() >= MAX_FIELDS) {
            throw new CsvFormatException(source, start, null, "more than " + MAX_FIELDS + " fields");
        }
        fields.add(field.toString());
        field.setLength(0);
    }

    /**
     * How to read a file: delimiter, header, field length limit.
     *
     * <pre>{@code
     * CsvReader.Options.comma();                        // ',' with a header
     * CsvReader.Options.of(';').withoutHeader();
     * CsvReader.Options.whitespaceDelimited();          // runs of blanks and tabs
     * }</pre>
     *
     * <p>Immutable and thread-safe.
     *
     * @param delimiter the field delimiter (ignored when whitespace is true); not a quote,
     *     CR or LF
     * @param whitespace whether fields are separated by runs of blanks and tabs
     * @param header whether the first line names the columns
     * @param maxFieldLength the longest field accepted, in characters, at least 1
     */
    public record Options(char delimiter, boolean whitespace, boolean header, int maxFieldLength) {
        /** The default limit of a field's length in characters. */
        public static final int DEFAULT_MAX_FIELD_LENGTH = 1_000_000;

        /**
         * Validates the options.
         *
         * @param delimiter see the record component
         * @param whitespace see the record component
         * @param header see the record component
         * @param maxFieldLength see the record component
         * @throws IllegalArgumentException if the delimiter is a quote or line break, or
         *     the limit is below 1
         */
        public Options {
            if (!whitespace && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
                throw new IllegalArgumentException("delimiter must not be a quote or a line break: "
                        + (int) delimiter);
            }
            if (maxFieldLength < 1) {
                throw new IllegalArgumentException("maxFieldLength must be at least 1: " + maxFieldLength);
            }
        }

        /**
         * Comma-separated with a header.
         *
         * @return the options, never null
         */
        public static Options comma() {
            return of(',');
        }

        /**
         * Separated by the given character, with a header.
         *
         * @param delimiter the delimiter, not a quote or line break
         * @return the options, never null
         * @throws IllegalArgumentException if the delimiter is a quote or line break
         */
        public static Options of(char delimiter) {
            return new Options(delimiter, false, true, DEFAULT_MAX_FIELD_LENGTH);
        }

        /**
         * Separated by runs of blanks and tabs, with a header; quotes have no meaning.
         *
         * @return the options, never null
         */
        public static Options whitespaceDelimited() {
            return new Options(' ', true, true, DEFAULT_MAX_FIELD_LENGTH);
        }

        /**
         * Parses a delimiter as the {@code crm} command line spells it: a single
         * character, {@code tab} or {@code \t}, or {@code whitespace}; with a header.
         *
         * @param text the spelling, not null
         * @return the options, never null
         * @throws IllegalArgumentException if the spelling is not one of these
         */
        public static Options parse(String text) {
            Objects.requireNonNull(text, "text");
            if (text.equals("whitespace")) {
                return whitespaceDelimited();
            }
            if (text.equals("tab") || text.equals("\\t")) {
                return of('\t');
            }
            if (text.length() == 1) {
                return of(text.charAt(0));
            }
            throw new IllegalArgumentException("delimiter must be one character, 'tab' or 'whitespace': '"
                    + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
        }

        /**
         * The same options with no header line: columns are chosen by position.
         *
         * @return the options, never null
         */
        public Options withoutHeader() {
            return new Options(delimiter, whitespace, false, maxFieldLength);
        }

        /**
         * The same options with another field length limit.
         *
         * @param limit the longest field accepted, at least 1
         * @return the options, never null
         * @throws IllegalArgumentException if the limit is below 1
         */
        public Options withMaxFieldLength(int limit) {
            return new Options(delimiter, whitespace, header, limit);
        }
    }
}
