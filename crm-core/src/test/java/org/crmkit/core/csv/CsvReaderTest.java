package org.crmkit.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReaderTest {
    private static CsvReader reader(String text, CsvReader.Options options) {
        return CsvReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "in.csv", options);
    }

    private static CsvReader reader(byte[] bytes) {
        return CsvReader.of(new ByteArrayInputStream(bytes), "in.csv", CsvReader.Options.comma());
    }

    private static List<List<String>> rows(CsvReader r) {
        List<List<String>> out = new ArrayList<>();
        for (CsvRecord rec : r) {
            out.add(rec.values());
        }
        return out;
    }

    @Test
    void next_quotedFieldsWithDelimitersQuotesAndLineBreaks() {
        CsvReader r = reader("id,text\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,\"bare\rcr\"\n",
                CsvReader.Options.comma());
        assertThat(r.header()).containsExactly("id", "text");
        List<CsvRecord> recs = new ArrayList<>();
        r.forEach(recs::add);
        assertThat(recs).extracting(x -> x.get(1))
                .containsExactly("a,b", "say \"hi\"", "two\r\nlines", "bare\rcr");
        assertThat(recs).extracting(CsvRecord::line).containsExactly(2L, 3L, 4L, 6L);
    }

    @Test
    void nextFields_rowsOfAnyWidth_withTheirLines() {
        CsvReader r = reader("a,b\n\nc\n\"d,e\",f,\"g\nh\"\n", CsvReader.Options.comma().withoutHeader());
        assertThat(r.line()).isZero();
        assertThat(r.nextFields()).containsExactly("a", "b");
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.nextFields()).containsExactly("c");
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.nextFields()).containsExactly("d,e", "f", "g\nh");
        assertThat(r.line()).isEqualTo(4);
        assertThat(r.nextFields()).isNull();
    }

    @Test
    void ofReader_sameRulesAsBytes() {
        CsvReader r = CsvReader.of(new StringReader("\uFEFFid,text\n1,\"x,\"\"y\"\"\"\n\n2,z\n"), "r.csv",
                CsvReader.Options.comma());
        assertThat(r.header()).containsExactly("id", "text");
        assertThat(rows(r)).containsExactly(List.of("1", "x,\"y\""), List.of("2", "z"));
        assertThatThrownBy(() -> rows(CsvReader.of(new StringReader("a,b\n1\n"), "r.csv", CsvReader.Options.comma())))
                .isInstanceOf(CsvFormatException.class).hasMessage("r.csv:2: has 1 fields, the header has 2");
    }

    @Test
    void ofReader_strictDecoderError_isNotValidUtf8() {
        byte[] bad = {'a', ',', 'b', '\n', 'c', ',', (byte) 0xFF, '\n'};
        Reader in = new InputStreamReader(new ByteArrayInputStream(bad), StandardCharsets.UTF_8.newDecoder());
        assertThatThrownBy(() -> rows(CsvReader.of(in, "r.csv", CsvReader.Options.comma())))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("r.csv:").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void next_crlfLoneCrBlankLinesAndBom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "a,b\r\n1,2\r\n\r\n   \r3,4\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        CsvReader r = reader(all);
        assertThat(r.header()).containsExactly("a", "b");
        assertThat(rows(r)).containsExactly(List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void next_invalidUtf8NamesTheLine() {
        byte[] text = "id\nok\nab\u00e9\n".getBytes(StandardCharsets.ISO_8859_1); // Latin-1 e-acute: not UTF-8
        CsvReader r = reader(text);
        assertThat(r.next().get(0)).isEqualTo("ok");
        assertThatThrownBy(r::next).isInstanceOf(CsvFormatException.class)
                .hasMessage("in.csv:3: bytes that are not valid UTF-8")
                .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void next_invalidUtf8FarIntoALargeFile() {
        StringBuilder sb = new StringBuilder("id\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("customer-").append(i).append('\n');
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + 3];
        System.arraycopy(good, 0, all, 0, good.length);
        all[good.length] = 'x';
        all[good.length + 1] = (byte) 0xC3; // truncated two-byte sequence at the end
        all[good.length + 2] = '\n';
        CsvReader r = reader(all);
        assertThatThrownBy(() -> rows(r)).isInstanceOf(CsvFormatException.class)
                .hasMessage("in.csv:50002: bytes that are not valid UTF-8");
    }

    @Test
    void next_truncatedSequenceAtEndOfInput() {
        byte[] all = {'i', 'd', '\n', 'a', (byte) 0xE2, (byte) 0x82};
        CsvReader r = reader(all);
        assertThatThrownBy(r::next).isInstanceOf(CsvFormatException.class).hasMessageContaining(":2:");
    }

    @Test
    void next_multiByteCharactersAcrossBufferBoundaries() {
        StringBuilder sb = new StringBuilder("name\n");
        for (int i = 0; i < 30_000; i++) {
            sb.append("M\u00fcller-\u5f20\u4f1f-").append(i).append('\n');
        }
        CsvReader r = reader(sb.toString(), CsvReader.Options.comma());
        List<List<String>> rows = rows(r);
        assertThat(rows).hasSize(30_000);
        assertThat(rows.get(29_999)).containsExactly("M\u00fcller-\u5f20\u4f1f-29999");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a,b\n1,2,3\n", "in.csv:2: has 3 fields, the header has 2"),
                Arguments.of("a,b\n1\n", "in.csv:2: has 1 fields, the header has 2"),
                Arguments.of("a,b\n1,\"open\n", "in.csv:2: field 'b': a quoted field is not closed"),
                Arguments.of("a,b\n1,\"x\"y\n", "in.csv:2: field 'b': text after the closing quote of a quoted field"),
                Arguments.of("a,b\n1,x\"y\n", "in.csv:2: field 'b': a quote inside an unquoted field (quote the whole field and double the quote)"),
                Arguments.of("a,a\n1,2\n", "in.csv:1: field 'a': column named twice in the header"),
                Arguments.of("a,,b\n", "in.csv:1: field '2': empty column name in the header"),
                Arguments.of("", "in.csv: is empty: no header line"),
                Arguments.of("\n\n  \n", "in.csv: is empty: no header line"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void next_malformedInput(String text, String message) {
        assertThatThrownBy(() -> rows(reader(text, CsvReader.Options.comma())))
                .isInstanceOf(CsvFormatException.class).hasMessage(message);
    }

    @Test
    void next_fieldLongerThanTheLimitIsCutShort() {
        String big = "x".repeat(2_000);
        CsvReader r = reader("id,note\n1," + big + "\n", CsvReader.Options.comma().withMaxFieldLength(1_000));
        assertThatThrownBy(r::next).isInstanceOf(CsvFormatException.class)
                .hasMessage("in.csv:2: field 'note': longer than 1000 characters");
    }

    @Test
    void next_whitespaceDelimitedIgnoresRunsAndQuotes() {
        CsvReader r = reader("id  date\tcds\n 00001 19970101   1\n\n00002\t19970112 \"5\"\n",
                CsvReader.Options.whitespaceDelimited());
        assertThat(r.header()).containsExactly("id", "date", "cds");
        assertThat(rows(r)).containsExactly(List.of("00001", "19970101", "1"),
                List.of("00002", "19970112", "\"5\""));
    }

    @Test
    void next_withoutHeaderFirstRowSetsWidthAndSelectByPosition() {
        CsvReader r = reader("1;2\n3;4\n5\n", CsvReader.Options.of(';').withoutHeader());
        assertThat(r.header()).isEmpty();
        assertThat(r.select("2")).isEqualTo(1);
        assertThat(r.next().values()).containsExactly("1", "2");
        assertThat(r.next().values()).containsExactly("3", "4");
        assertThatThrownBy(r::next).hasMessage("in.csv:3: has 1 fields, the first row has 2");
        assertThatThrownBy(() -> r.select("id")).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("field 'id'");
    }

    @Test
    void column_missingColumnNamesIt() {
        CsvReader r = reader("a,b\n", CsvReader.Options.comma());
        assertThat(r.column("b")).isEqualTo(1);
        assertThat(r.findColumn("c")).isEmpty();
        assertThatThrownBy(() -> r.column("c")).isInstanceOf(CsvFormatException.class)
                .hasMessage("in.csv:1: field 'c': no such column in the header");
    }

    @Test
    void typedGetters_parseStrictlyAndNeverEchoTheValue() {
        CsvReader r = reader("n,x,b\n 42 ,1.5e2,YES\nann@example.com,NaN,maybe\n,Infinity,\n9999999999,1e999,0\n",
                CsvReader.Options.comma());
        CsvRecord ok = r.next();
        assertThat(ok.getInt(0)).isEqualTo(42);
        assertThat(ok.getDouble(1)).isEqualTo(150.0);
        assertThat(ok.getBoolean(2)).isTrue();
        CsvRecord bad = r.next();
        assertThatThrownBy(() -> bad.getInt(0)).hasMessage("in.csv:3: field 'n': not a whole number (15 characters)")
                .hasMessageNotContaining("ann");
        assertThatThrownBy(() -> bad.getDouble(1)).hasMessage("in.csv:3: field 'x': not a number (3 characters)");
        assertThatThrownBy(() -> bad.getBoolean(2))
                .hasMessage("in.csv:3: field 'b': not a binary value (expected 1/0, true/false or yes/no)");
        CsvRecord blank = r.next();
        assertThat(blank.getOptionalDouble(0)).isEmpty();
        assertThat(blank.getOptional(2)).isEmpty();
        assertThatThrownBy(() -> blank.getDouble(0)).hasMessage("in.csv:4: field 'n': is empty, expected a number");
        assertThatThrownBy(() -> blank.getDouble(1)).hasMessage("in.csv:4: field 'x': not a number (8 characters)");
        CsvRecord range = r.next();
        assertThatThrownBy(() -> range.getInt(0)).hasMessage("in.csv:5: field 'n': whole number out of range");
        assertThatThrownBy(() -> range.getDouble(1)).hasMessage("in.csv:5: field 'x': number out of range");
        assertThat(range.getBoolean(2)).isFalse();
        assertThat(range.toString()).isEqualTo("CsvRecord[line 5, 3 fields]");
    }

    @Test
    void open_readsFileAndNamesIt(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "a\n1\n");
        try (CsvReader r = CsvReader.open(f, CsvReader.Options.comma())) {
            assertThat(r.source()).isEqualTo(f.toString());
            assertThat(r.next().get("a")).isEqualTo("1");
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void iterator_onlyOnce() {
        CsvReader r = reader("a\n1\n", CsvReader.Options.comma());
        r.iterator();
        assertThatThrownBy(r::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void options_parseAndValidate() {
        assertThat(CsvReader.Options.parse(",").delimiter()).isEqualTo(',');
        assertThat(CsvReader.Options.parse("tab").delimiter()).isEqualTo('\t');
        assertThat(CsvReader.Options.parse("whitespace").whitespace()).isTrue();
        assertThatThrownBy(() -> CsvReader.Options.parse("ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvReader.Options.of('"')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvReader.Options.comma().withMaxFieldLength(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvReader.open(null, CsvReader.Options.comma()))
                .isInstanceOf(NullPointerException.class).hasMessage("file");
    }

    /** Round trip: any value written with RFC 4180 quoting reads back equal (seeded fuzz). */
    @Test
    void next_roundTripsRandomValues() {
        Random rnd = new Random(11);
        String alphabet = "ab,\"\r\n \t=+-@\u00e9\u5f20";
        List<List<String>> expected = new ArrayList<>();
        StringBuilder sb = new StringBuilder("c1,c2,c3\n");
        for (int row = 0; row < 2_000; row++) {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                StringBuilder v = new StringBuilder();
                int len = 1 + rnd.nextInt(8);
                for (int k = 0; k < len; k++) {
                    v.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                values.add(v.toString());
                if (c > 0) {
                    sb.append(',');
                }
                sb.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
            }
            sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
            expected.add(values);
        }
        assertThat(rows(reader(sb.toString(), CsvReader.Options.comma()))).isEqualTo(expected);
    }
}
