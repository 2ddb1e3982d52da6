package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line's bad-input contract over more than 300 malformed inputs (issue 9,
 * acceptance): every case exits with code 2 and prints exactly one stderr line that starts with
 * {@code crm: FILE}, names the line and the field where the problem has one, shows no stack
 * trace, repeats none of the personal data the inputs hold, is at most a few hundred characters,
 * and leaves no {@code --out} (nor a temporary file) behind.
 *
 * <p>The inputs: empty files, header only, missing and extra columns and fields, non-numbers,
 * NaN and Infinity strings, negative and fractional values, recency > T, duplicate ids, a BOM,
 * CRLF line ends, quoted newlines, a 10 MB line, invalid UTF-8, dates out of range, missing and
 * unwritable files, a directory as a file, model files of the wrong model or truncated, for
 * {@code summarize}, {@code rfm}, {@code fit}, {@code predict}, {@code evaluate} and
 * {@code segment}.
 */
class MalformedInputTableTest {
    /** Personal data planted in the inputs; none of it may reach stderr. */
    static final List<String> PERSONAL = List.of("ann.lee@example.com", "+49 30 1234567", "Ann Lee",
            "123-45-6789", "Yusuf Becker", "DE89370400440532013000");

    private static final String CORE = "customer_id,frequency,recency,T,monetary_value";
    private static final String HOLDOUT = ",frequency_holdout,monetary_value_holdout,duration_holdout";
    private static final String GOOD = "c1,2,30,38,10";
    private static final String GOOD_HOLDOUT = ",1,5,20";
    private static final String BG = "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.243,\"alpha\":4.414,"
            + "\"a\":0.793,\"b\":2.426}}";
    private static final String GG = "{\"model\":\"gamma-gamma\",\"parameters\":{\"p\":6.25,\"q\":3.74,\"v\":15.44}}";
    private static final String TEN_MB = "x".repeat(10 << 20);

    /**
     * Cases that only the strict readers of issue 9 point 3 (helper "readers": field counts,
     * duplicate ids, strict UTF-8 and dates in crm-scoring's summary and transaction readers)
     * turn into errors; skipped until they land, then this set is emptied.
     */
    private static final Set<String> AWAITING_STRICT_READERS = Set.of();

    static Path dir;
    private static int counter;

    /**
     * One malformed run.
     *
     * @param name what is malformed, for the test name
     * @param args the command line
     * @param file the file the error line must name
     * @param line the line it must name: positive that line, -1 some line, 0 no line expected
     * @param field the field it must name: a name, "" any field, null none expected
     * @param out the output that must not exist afterwards, or null
     */
    record Case(String name, List<String> args, String file, long line, String field, Path out) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("crm-malformed");
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Path file(String suffix, byte[] content) {
        try {
            Path p = dir.resolve("in" + (++counter) + suffix);
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String suffix, String content) {
        return file(suffix, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Path out(String suffix) {
        return dir.resolve("out" + (++counter) + suffix);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(middle);
        b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

    /** A malformed summary: its content with and without the holdout columns, and where the error is. */
    private record Summary(String name, String plain, String withHoldout, byte[] raw, long line, String field) {
        static Summary row(String name, String badRow, String field) {
            return new Summary(name, CORE + "\n" + GOOD + "\n" + badRow + "\n",
                    CORE + HOLDOUT + "\n" + GOOD + GOOD_HOLDOUT + "\n" + badRow + GOOD_HOLDOUT + "\n", null, 3, field);
        }

        static Summary header(String name, String header, long line, String field) {
            return new Summary(name, header + "\n" + GOOD + "\n", header + HOLDOUT + "\n" + GOOD + GOOD_HOLDOUT + "\n",
                    null, line, field);
        }

        static Summary whole(String name, String plain, String withHoldout, long line, String field) {
            return new Summary(name, plain, withHoldout, null, line, field);
        }

        static Summary bytes(String name, byte[] raw, long line, String field) {
            return new Summary(name, null, null, raw, line, field);
        }
    }

    private static List<Summary> summaries() {
        List<Summary> s = new ArrayList<>();
        s.add(Summary.whole("empty file", "", "", 0, null));
        s.add(Summary.whole("header only", CORE + "\n", CORE + HOLDOUT + "\n", 0, null));
        s.add(Summary.whole("blank lines only", "\n\n  \n", "\n\n  \n", 0, null));
        s.add(Summary.header("missing column recency", "customer_id,frequency,T,monetary_value", 1, "recency"));
        s.add(Summary.header("missing column frequency", "customer_id,recency,T,monetary_value", 1, "frequency"));
        s.add(Summary.header("missing column T", "customer_id,frequency,recency,monetary_value", 1, "T"));
        s.add(Summary.header("missing id column", "frequency,recency,T,monetary_value", 1, "customer_id"));
        s.add(Summary.header("column named twice", "customer_id,frequency,recency,T,T", 1, "T"));
        s.add(Summary.row("missing field", "c2,1,20", ""));
        s.add(Summary.row("extra field", "c2,1,20,38,10,99", ""));
        s.add(Summary.row("empty id", ",1,20,38,10", "customer_id"));
        s.add(Summary.row("duplicate id", "c1,1,20,38,10", "customer_id"));
        String[] columns = {"frequency", "recency", "T", "monetary_value"};
        String[] bad = {"abc", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e400", "0x10", "1,5", "--1"};
        for (int c = 0; c < columns.length; c++) {
            for (String v : bad) {
                String[] f = {"c2", "1", "20", "38", "10"};
                f[c + 1] = v.contains(",") ? "\"" + v + "\"" : v;
                s.add(Summary.row(columns[c] + " is " + v, String.join(",", f), columns[c]));
            }
        }
        s.add(Summary.row("negative frequency", "c2,-1,20,38,10", "frequency"));
        s.add(Summary.row("fractional frequency", "c2,1.5,20,38,10", "frequency"));
        s.add(Summary.row("negative recency", "c2,1,-2,38,10", "recency"));
        s.add(Summary.row("negative T", "c2,1,20,-38,10", "T"));
        s.add(Summary.row("negative monetary value", "c2,1,20,38,-10", "monetary_value"));
        s.add(Summary.row("recency > T", "c2,1,40,38,10", ""));
        s.add(Summary.row("repeat buyer with recency 0", "c2,3,0,38,10", "frequency"));
        s.add(Summary.row("no repeat purchase but recency", "c2,0,5,38,0", ""));
        s.add(Summary.row("unterminated quote", "\"c2,1,20,38,10", ""));
        s.add(Summary.row("text after closing quote", "\"c2\"x,1,20,38,10", ""));
        s.add(Summary.row("quoted newline in a number", "c2,\"1\n2\",20,38,10", ""));
        s.add(Summary.row("10 MB number", "c2,1" + TEN_MB + ",20,38,10", "frequency"));
        s.add(Summary.row("10 MB id and a bad value", "c" + TEN_MB + ",1,40,38,10", ""));
        s.add(Summary.row("e-mail in frequency", "c2,ann.lee@example.com,20,38,10", "frequency"));
        s.add(Summary.row("phone in recency", "c2,1,+49 30 1234567,38,10", "recency"));
        s.add(Summary.row("name in T", "c2,1,20,Ann Lee,10", "T"));
        s.add(Summary.row("national id in monetary value", "c2,1,20,38,123-45-6789", "monetary_value"));
        s.add(Summary.row("e-mail as id of a bad row", "ann.lee@example.com,1,40,38,10", ""));
        s.add(Summary.row("name as id of a bad row", "Yusuf Becker,3,0,38,10", "frequency"));
        s.add(Summary.row("iban as id with a bad value", "DE89370400440532013000,x,1,2,3", "frequency"));
        s.add(Summary.whole("BOM and a bad value", "\uFEFF" + CORE + "\n" + GOOD + "\nc2,abc,20,38,10\n",
                "\uFEFF" + CORE + HOLDOUT + "\n" + GOOD + GOOD_HOLDOUT + "\nc2,abc,20,38,10" + GOOD_HOLDOUT + "\n", 3,
                "frequency"));
        s.add(Summary.whole("CRLF and a bad value", CORE + "\r\n" + GOOD + "\r\nc2,abc,20,38,10\r\n",
                CORE + HOLDOUT + "\r\n" + GOOD + GOOD_HOLDOUT + "\r\nc2,abc,20,38,10" + GOOD_HOLDOUT + "\r\n", 3,
                "frequency"));
        s.add(Summary.bytes("invalid UTF-8 in an id", bytes(CORE + "\n" + GOOD + "\nc", INVALID_UTF8, ",1,20,38,10\n"),
                3, null));
        s.add(Summary.bytes("invalid UTF-8 in a number", bytes(CORE + "\n" + GOOD + "\nc2,1", INVALID_UTF8,
                ",20,38,10\n"), 3, null));
        return s;
    }

    /** Cases over the summary readers of rfm, fit, predict and evaluate. */
    private static void summaryCases(List<Case> cases) {
        Path model = file(".json", BG);
        for (Summary s : summaries()) {
            Path plain = s.raw() != null ? file(".csv", s.raw()) : file(".csv", s.plain());
            Path holdout = s.raw() != null ? plain : file(".csv", s.withHoldout());
            Path o1 = out(".csv");
            cases.add(new Case("rfm: " + s.name(), List.of("rfm", "--summary", plain.toString(), "--out",
                    o1.toString()), plain.toString(), s.line(), s.field(), o1));
            Path o2 = out(".json");
            cases.add(new Case("fit: " + s.name(), List.of("fit", "--model", "bg-nbd", "--summary", plain.toString(),
                    "--out", o2.toString()), plain.toString(), s.line(), s.field(), o2));
            Path o3 = out(".csv");
            cases.add(new Case("predict: " + s.name(), List.of("predict", "--model", model.toString(), "--summary",
                    plain.toString(), "--horizon", "10", "--out", o3.toString()), plain.toString(), s.line(), s.field(),
                    o3));
            if (s.raw() == null) {
                cases.add(new Case("evaluate: " + s.name(), List.of("evaluate", "--model", model.toString(),
                        "--summary", holdout.toString()), holdout.toString(), s.line(), s.field(), null));
            }
        }
        // evaluate's own columns
        String head = CORE + HOLDOUT + "\n" + GOOD + GOOD_HOLDOUT + "\n";
        String[][] holdoutRows = {
            {"holdout duration 0", "c2,1,20,38,10,1,5,0", "duration_holdout"},
            {"negative holdout duration", "c2,1,20,38,10,1,5,-3", "duration_holdout"},
            {"holdout purchases not a number", "c2,1,20,38,10,x,5,20", "frequency_holdout"},
            {"negative holdout purchases", "c2,1,20,38,10,-1,5,20", "frequency_holdout"},
            {"holdout duration NaN", "c2,1,20,38,10,1,5,NaN", "duration_holdout"},
        };
        for (String[] r : holdoutRows) {
            Path f = file(".csv", head + r[1] + "\n");
            cases.add(new Case("evaluate: " + r[0], List.of("evaluate", "--model", model.toString(), "--summary",
                    f.toString()), f.toString(), 3, r[2], null));
        }
        Path noHoldout = file(".csv", CORE + "\n" + GOOD + "\n");
        cases.add(new Case("evaluate: no holdout columns", List.of("evaluate", "--model", model.toString(),
                "--summary", noHoldout.toString()), noHoldout.toString(), 1, "frequency_holdout", null));
        Path partial = file(".csv", CORE + ",frequency_holdout\n" + GOOD + ",1\n");
        cases.add(new Case("evaluate: one holdout column", List.of("evaluate", "--model", model.toString(),
                "--summary", partial.toString()), partial.toString(), 1, "", null));
        // BG/BB's discrete-time rules, with and without weights
        String[][] bgbb = {
            {"bg-bb frequency > recency", "frequency,recency,periods,weights\n3,4,6,10\n5,4,6,2\n", "frequency"},
            {"bg-bb fractional periods", "frequency,recency,periods,weights\n3,4,6,10\n1,2,6.5,2\n", "recency"},
            {"bg-bb fractional recency", "frequency,recency,periods,weights\n3,4,6,10\n1,2.5,6,2\n", "recency"},
            {"bg-bb weight 0", "frequency,recency,periods,weights\n3,4,6,10\n1,2,6,0\n", "weights"},
            {"bg-bb negative weight", "frequency,recency,periods,weights\n3,4,6,10\n1,2,6,-1\n", "weights"},
            {"bg-bb weight not a number", "frequency,recency,periods,weights\n3,4,6,10\n1,2,6,many\n", "weights"},
        };
        for (String[] r : bgbb) {
            Path f = file(".csv", r[1]);
            Path o = out(".json");
            cases.add(new Case("fit: " + r[0], List.of("fit", "--model", "bg-bb", "--summary", f.toString(), "--out",
                    o.toString()), f.toString(), 3, r[2], o));
        }
        Path noSpend = file(".csv", "customer_id,frequency,recency,T\nc1,2,30,38\n");
        Path o = out(".json");
        cases.add(new Case("fit: gamma-gamma without monetary_value", List.of("fit", "--model", "gamma-gamma",
                "--summary", noSpend.toString(), "--out", o.toString()), noSpend.toString(), 1, "monetary_value", o));
    }

    private static final String TX = "customer,date,amount\n";

    private static void transactionCases(List<Case> cases) {
        String[][] rows = {
            {"bad month", "c2,2024-13-01,5", "date"},
            {"bad day", "c2,2024-02-30,5", "date"},
            {"date with garbage", "c2,2020-02-01Tgarbage,5", "date"},
            {"date 9999-12-31", "c2,9999-12-31,5", "date"},
            {"date 0001-01-01", "c2,0001-01-01,5", "date"},
            {"date not a date", "c2,yesterday,5", "date"},
            {"empty date", "c2,,5", "date"},
            {"amount not a number", "c2,2024-01-05,abc", "amount"},
            {"amount NaN", "c2,2024-01-05,NaN", "amount"},
            {"amount Infinity", "c2,2024-01-05,Infinity", "amount"},
            {"amount 1e400", "c2,2024-01-05,1e400", "amount"},
            {"missing field", "c2,2024-01-05", ""},
            {"extra field", "c2,2024-01-05,5,7", ""},
            {"empty customer", ",2024-01-05,5", "customer"},
            {"unterminated quote", "\"c2,2024-01-05,5", ""},
            {"quoted newline in the date", "c2,\"2024-01-05\n\",5", ""},
            {"10 MB amount", "c2,2024-01-05,1" + TEN_MB, "amount"},
            {"e-mail as date", "c2,ann.lee@example.com,5", "date"},
            {"phone as amount", "c2,2024-01-05,+49 30 1234567", "amount"},
            {"name as amount", "c2,2024-01-05,Ann Lee", "amount"},
            {"national id as date", "c2,123-45-6789,5", "date"},
            {"after the observation end", "c2,2025-01-05,5", "date"},
        };
        for (String[] r : rows) {
            Path f = file(".csv", TX + "c1,2024-01-02,3\n" + r[1] + "\n");
            cases.add(summarize(r[0], f, 3, r[2]));
        }
        cases.add(summarize("empty file", file(".csv", ""), 0, null));
        cases.add(summarize("missing date column", file(".csv", "customer,amount\nc1,3\n"), 1, "date"));
        cases.add(summarize("missing customer column", file(".csv", "client,date,amount\nc1,2024-01-02,3\n"), 1,
                "customer"));
        cases.add(summarize("BOM and a bad date", file(".csv", "\uFEFF" + TX + "c1,2024-01-02,3\nc2,2024-13-01,5\n"),
                3, "date"));
        cases.add(summarize("CRLF and a bad date", file(".csv", "customer,date,amount\r\nc1,2024-01-02,3\r\n"
                + "c2,2024-13-01,5\r\n"), 3, "date"));
        cases.add(summarize("invalid UTF-8 in a customer", file(".csv", bytes(TX + "c1,2024-01-02,3\nc",
                INVALID_UTF8, ",2024-01-05,5\n")), 3, null));
    }

    private static Case summarize(String name, Path f, long line, String field) {
        Path o = out(".csv");
        return new Case("summarize: " + name, List.of("summarize", "--transactions", f.toString(), "--customer-col",
                "customer", "--date-col", "date", "--amount-col", "amount", "--observation-end", "2024-12-31",
                "--out", o.toString()), f.toString(), line, field, o);
    }

    private static final String SEG_HEADER = "customer_id,abc_class,shop.points,tags,first_purchase_date\n";
    private static final String SEG_GOOD = "C-1,A,10,vip,2024-01-02\n";

    private static void segmentCases(List<Case> cases) {
        Path rules = file(".json", SegmentCommandTest.RULES);
        String[][] rows = {
            {"points not a number", "C-2,B,lots,,", "shop.points"},
            {"points NaN", "C-2,B,NaN,,", "shop.points"},
            {"points Infinity", "C-2,B,Infinity,,", "shop.points"},
            {"points 1e400", "C-2,B,1e400,,", "shop.points"},
            {"undeclared enum value", "C-2,D,1,,", "abc_class"},
            {"bad date", "C-2,B,1,,2024-13-01", "first_purchase_date"},
            {"date out of range", "C-2,B,1,,9999-12-31", "first_purchase_date"},
            {"missing field", "C-2,B,1", null},
            {"extra field", "C-2,B,1,,,x", null},
            {"duplicate id", "C-1,B,1,,", "customer_id"},
            {"empty id", ",B,1,,", "customer_id"},
            {"unterminated quote", "\"C-2,B,1,,", ""},
            {"10 MB field", "C-2,B,1,x" + TEN_MB + ",", ""},
            {"e-mail as points", "C-2,B,ann.lee@example.com,,", "shop.points"},
            {"phone as date", "C-2,B,1,,+49 30 1234567", "first_purchase_date"},
            {"name as enum", "C-2,Ann Lee,1,,", "abc_class"},
            {"national id as points", "C-2,B,123-45-6789,,", "shop.points"},
        };
        for (String[] r : rows) {
            Path f = file(".csv", SEG_HEADER + SEG_GOOD + r[1] + "\n");
            cases.add(segment(r[0], rules, f, 3, r[2]));
        }
        cases.add(segment("csv empty file", rules, file(".csv", ""), 0, null));
        cases.add(segment("unknown column", rules, file(".csv", "customer_id,colour\nC-1,red\n"), 1, "colour"));
        cases.add(segment("no id column", rules, file(".csv", "abc_class\nA\n"), 1, "customer_id"));
        cases.add(segment("column named twice", rules, file(".csv", "customer_id,abc_class,abc_class\nC-1,A,A\n"), 1,
                "abc_class"));
        cases.add(segment("BOM and a bad value", rules, file(".csv", "\uFEFF" + SEG_HEADER + SEG_GOOD
                + "C-2,B,lots,,\n"), 3, "shop.points"));
        cases.add(segment("CRLF and a bad value", rules, file(".csv", SEG_HEADER.replace("\n", "\r\n")
                + SEG_GOOD.replace("\n", "\r\n") + "C-2,B,lots,,\r\n"), 3, "shop.points"));
        cases.add(segment("quoted newline and a bad value", rules, file(".csv", SEG_HEADER + SEG_GOOD
                + "\"C\n2\",B,lots,,\n"), 3, "shop.points"));
        cases.add(segment("invalid UTF-8", rules, file(".csv", bytes(SEG_HEADER + SEG_GOOD + "C-", INVALID_UTF8,
                ",B,1,,\n")), 3, null));
        cases.add(segment("not .csv or .json", rules, file(".txt", SEG_HEADER + SEG_GOOD), 0, null));

        String[][] json = {
            {"json points not a number", "{\"customer_id\":\"C-2\",\"shop.points\":\"lots\"}", "shop.points"},
            {"json e-mail as points", "{\"customer_id\":\"C-2\",\"shop.points\":\"ann.lee@example.com\"}",
                "shop.points"},
            {"json unknown attribute", "{\"customer_id\":\"C-2\",\"colour\":\"red\"}", "colour"},
            {"json undeclared enum", "{\"customer_id\":\"C-2\",\"abc_class\":\"Ann Lee\"}", "abc_class"},
            {"json missing id", "{\"shop.points\":1}", "customer_id"},
            {"json id not text", "{\"customer_id\":7}", "customer_id"},
            {"json tags not an array", "{\"customer_id\":\"C-2\",\"tags\":\"vip\"}", "tags"},
            {"json duplicate key", "{\"customer_id\":\"C-2\",\"shop.points\":1,\"shop.points\":2}", null},
            {"json date out of range", "{\"customer_id\":\"C-2\",\"first_purchase_date\":\"9999-12-31\"}",
                "first_purchase_date"},
        };
        for (String[] j : json) {
            Path f = file(".json", "[\n{\"customer_id\":\"C-1\",\"shop.points\":5},\n" + j[1] + "\n]\n");
            cases.add(segment(j[0], rules, f, 3, j[2]));
        }
        cases.add(segment("json not an array", rules, file(".json", "{\"customer_id\":\"C-1\"}"), 1, null));
        cases.add(segment("json truncated", rules, file(".json", "[\n{\"customer_id\":\"C-1\",\n\"shop.points\":"),
                -1, null));
        cases.add(segment("json trailing content", rules, file(".json", "[\n{\"customer_id\":\"C-1\"}\n]\n[]\n"), -1,
                null));
        cases.add(segment("json invalid UTF-8", rules, file(".json", bytes("[\n{\"customer_id\":\"C-", INVALID_UTF8,
                "\"}\n]")), -1, null));
        cases.add(segment("json empty file", rules, file(".json", ""), 0, null));
        // the rules document
        Path customers = file(".csv", SEG_HEADER + SEG_GOOD);
        cases.add(segment("rules truncated", file(".json", "{\"segmentation\":\"x\",\n\"segments\":["), customers,
                -1, null, true));
        cases.add(segment("rules unknown attribute", file(".json", SegmentCommandTest.RULES.replace("\"abc_class\"",
                "\"abc_klass\"")), customers, -1, "", true));
        cases.add(segment("rules empty", file(".json", ""), customers, -1, null, true));
    }

    private static Case segment(String name, Path rules, Path customers, long line, String field) {
        return segment(name, rules, customers, line, field, false);
    }

    private static Case segment(String name, Path rules, Path customers, long line, String field, boolean rulesAtFault) {
        Path o = out(".csv");
        return new Case("segment: " + name, List.of("segment", "--rules", rules.toString(), "--customers",
                customers.toString(), "--as-of", "2026-06-30", "--out", o.toString()),
                (rulesAtFault ? rules : customers).toString(), line, field, o);
    }

    private static void modelCases(List<Case> cases) {
        Path summary = file(".csv", CORE + HOLDOUT + "\n" + GOOD + GOOD_HOLDOUT + "\n");
        Object[][] models = {
            {"empty model file", "".getBytes(StandardCharsets.UTF_8), 1L, null},
            {"truncated model file", BG.substring(0, 40).getBytes(StandardCharsets.UTF_8), 1L, ""},
            {"not JSON", "hello".getBytes(StandardCharsets.UTF_8), 1L, null},
            {"a JSON array", "[1,2]".getBytes(StandardCharsets.UTF_8), 1L, null},
            {"no model field", "{\"parameters\":{\"r\":1}}".getBytes(StandardCharsets.UTF_8), 1L, "model"},
            {"model not text", "{\"model\":3,\"parameters\":{}}".getBytes(StandardCharsets.UTF_8), 1L, "model"},
            {"unknown model", "{\"model\":\"bg-nbx\",\"parameters\":{}}".getBytes(StandardCharsets.UTF_8), 1L,
                "model"},
            {"no parameters", "{\"model\":\"bg-nbd\"}".getBytes(StandardCharsets.UTF_8), 1L, "parameters"},
            {"parameter not a number", BG.replace("0.243", "\"x\"").getBytes(StandardCharsets.UTF_8), 1L, ""},
            {"negative parameter", BG.replace("0.243", "-1").getBytes(StandardCharsets.UTF_8), 1L, ""},
            {"missing parameter", BG.replace(",\"b\":2.426", "").getBytes(StandardCharsets.UTF_8), 1L, ""},
            {"newer schema", ("{\"schemaVersion\":99," + BG.substring(1)).getBytes(StandardCharsets.UTF_8), 1L,
                "schemaVersion"},
            {"spend model as transaction model", GG.getBytes(StandardCharsets.UTF_8), 1L, "model"},
            {"invalid UTF-8", bytes("{\"model\":\"bg-nbd", INVALID_UTF8, "\"}"), 1L, null},
            {"pretty and truncated", "{\n  \"model\": \"bg-nbd\",\n  \"parameters\": {\n    \"r\": 0.2"
                .getBytes(StandardCharsets.UTF_8), 4L, ""},
        };
        for (Object[] m : models) {
            Path model = file(".json", (byte[]) m[1]);
            Path o = out(".csv");
            cases.add(new Case("predict: " + m[0], List.of("predict", "--model", model.toString(), "--summary",
                    summary.toString(), "--horizon", "5", "--out", o.toString()), model.toString(), (Long) m[2],
                    (String) m[3], o));
            cases.add(new Case("evaluate: " + m[0], List.of("evaluate", "--model", model.toString(), "--summary",
                    summary.toString()), model.toString(), (Long) m[2], (String) m[3], null));
        }
        Path bg = file(".json", BG);
        Path o = out(".csv");
        cases.add(new Case("predict: transaction model as spend model", List.of("predict", "--model", bg.toString(),
                "--spend-model", bg.toString(), "--summary", summary.toString(), "--horizon", "5", "--out",
                o.toString()), bg.toString(), 1, "model", o));
        Path truncated = file(".json", GG.substring(0, 30));
        Path o2 = out(".csv");
        cases.add(new Case("predict: truncated spend model", List.of("predict", "--model", bg.toString(),
                "--spend-model", truncated.toString(), "--summary", summary.toString(), "--horizon", "5", "--out",
                o2.toString()), truncated.toString(), 1, "", o2));
    }

    private static void fileCases(List<Case> cases) throws IOException {
        Path missing = dir.resolve("no-such-file.csv");
        Path folder = Files.createDirectories(dir.resolve("a-directory.csv"));
        Path summary = file(".csv", CORE + "\n" + GOOD + "\n");
        Path model = file(".json", BG);
        Path rules = file(".json", SegmentCommandTest.RULES);
        Path customers = file(".csv", SEG_HEADER + SEG_GOOD);
        Path tx = file(".csv", TX + "c1,2024-01-02,3\n");
        Path regular = file(".txt", "not a directory");
        for (Path bad : List.of(missing, folder)) {
            String what = bad == missing ? "missing" : "directory";
            Path o = out(".csv");
            cases.add(new Case("rfm: " + what + " summary", List.of("rfm", "--summary", bad.toString(), "--out",
                    o.toString()), bad.toString(), 0, null, o));
            cases.add(new Case("fit: " + what + " summary", List.of("fit", "--model", "bg-nbd", "--summary",
                    bad.toString()), bad.toString(), 0, null, null));
            cases.add(new Case("predict: " + what + " model", List.of("predict", "--model", bad.toString(),
                    "--summary", summary.toString(), "--horizon", "5", "--out", o.toString()), bad.toString(), 0, null,
                    o));
            cases.add(new Case("predict: " + what + " summary", List.of("predict", "--model", model.toString(),
                    "--summary", bad.toString(), "--horizon", "5", "--out", o.toString()), bad.toString(), 0, null, o));
            cases.add(new Case("evaluate: " + what + " model", List.of("evaluate", "--model", bad.toString(),
                    "--summary", summary.toString()), bad.toString(), 0, null, null));
            cases.add(new Case("summarize: " + what + " transactions", List.of("summarize", "--transactions",
                    bad.toString(), "--customer-col", "customer", "--date-col", "date", "--out", o.toString()),
                    bad.toString(), 0, null, o));
            cases.add(new Case("segment: " + what + " rules", List.of("segment", "--rules", bad.toString(),
                    "--customers", customers.toString(), "--out", o.toString()), bad.toString(), 0, null, o));
            cases.add(new Case("segment: " + what + " customers", List.of("segment", "--rules", rules.toString(),
                    "--customers", bad.toString(), "--out", o.toString()), bad.toString(), 0, null, o));
            cases.add(new Case("rfm: " + what + " segment rules", List.of("rfm", "--summary", summary.toString(),
                    "--segments", bad.toString(), "--out", o.toString()), bad.toString(), 0, null, o));
        }
        Path inMissingDir = dir.resolve("no-such-dir").resolve("out.csv");
        Path underAFile = regular.resolve("out.csv");
        for (Path o : List.of(inMissingDir, underAFile, folder)) {
            String what = o == folder ? "a directory" : o == underAFile ? "under a regular file"
                    : "in a missing directory";
            cases.add(new Case("rfm: --out " + what, List.of("rfm", "--summary", summary.toString(), "--out",
                    o.toString()), o.toString(), 0, null, o == inMissingDir ? o : null));
            cases.add(new Case("summarize: --out " + what, List.of("summarize", "--transactions", tx.toString(),
                    "--customer-col", "customer", "--date-col", "date", "--out", o.toString()), o.toString(), 0, null,
                    o == inMissingDir ? o : null));
            cases.add(new Case("predict: --out " + what, List.of("predict", "--model", model.toString(), "--summary",
                    summary.toString(), "--horizon", "5", "--out", o.toString()), o.toString(), 0, null,
                    o == inMissingDir ? o : null));
            cases.add(new Case("fit: --out " + what, List.of("fit", "--model", "bg-nbd", "--summary",
                    summary.toString(), "--out", o.toString()), o.toString(), 0, null, o == inMissingDir ? o : null));
            cases.add(new Case("segment: --out " + what, List.of("segment", "--rules", rules.toString(), "--customers",
                    customers.toString(), "--out", o.toString()), o.toString(), 0, null, o == inMissingDir ? o : null));
        }
        cases.add(new Case("rfm: --out is the summary", List.of("rfm", "--summary", summary.toString(), "--out",
                summary.toString()), summary.toString(), 0, null, null));
        cases.add(new Case("segment: --out is the customers", List.of("segment", "--rules", rules.toString(),
                "--customers", customers.toString(), "--out", customers.toString()), customers.toString(), 0, null,
                null));
        cases.add(new Case("summarize: --out is the transactions", List.of("summarize", "--transactions",
                tx.toString(), "--customer-col", "customer", "--date-col", "date", "--out", tx.toString()),
                tx.toString(), 0, null, null));
        cases.add(new Case("predict: --out is the model", List.of("predict", "--model", model.toString(), "--summary",
                summary.toString(), "--horizon", "5", "--out", model.toString()), model.toString(), 0, null, null));
    }

    static List<Case> cases() throws IOException {
        if (dir == null) {
            createDirectory();
        }
        List<Case> cases = new ArrayList<>();
        summaryCases(cases);
        transactionCases(cases);
        segmentCases(cases);
        modelCases(cases);
        fileCases(cases);
        return cases;
    }

    @Test
    void table_hasAtLeast300Cases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInput_exitsTwoWithOneLineNamingFileLineAndField(Case c) throws IOException {
        Assumptions.assumeFalse(AWAITING_STRICT_READERS.contains(c.name()), "awaits the strict readers");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), c.args().toArray(String[]::new));
        String e = err.toString();
        assertThat(code).as(c.name() + ": " + e).isEqualTo(2);
        assertThat(e.lines()).as(c.name() + ": " + e).hasSize(1);
        String line = e.lines().findFirst().orElseThrow();
        assertThat(line).startsWith("crm: " + c.file() + ":").hasSizeLessThanOrEqualTo(ErrorReporter.MAX_LINE);
        String rest = line.substring(("crm: " + c.file()).length());
        if (c.line() > 0) {
            assertThat(rest).as(c.name() + ": " + line).matches(": line " + c.line() + "[:,].*");
        } else if (c.line() < 0) {
            assertThat(rest).as(c.name() + ": " + line).matches(": line \\d+[:,].*");
        }
        if (c.field() != null && !c.field().isEmpty()) {
            assertThat(rest).as(c.name() + ": " + line).contains(", field '" + c.field());
        } else if (c.field() != null) {
            assertThat(rest).as(c.name() + ": " + line).contains(", field '");
        }
        assertThat(e).doesNotContain("\tat ").doesNotContain("Exception");
        for (String personal : PERSONAL) {
            assertThat(e).doesNotContain(personal);
        }
        assertThat(e).doesNotContain("ann.lee").doesNotContain("1234567").doesNotContain("Becker");
        if (c.out() != null) {
            assertThat(c.out()).doesNotExist();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
