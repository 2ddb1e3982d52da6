package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crmkit.core.csv.CsvField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conventions every {@code crm} command keeps (issue 9, points 1, 7, 8, 9 and 17): atomic
 * outputs, {@code --out} never an input, {@code -} for standard streams, status lines on stderr,
 * {@code --version}, spreadsheet-safe CSV, {@code --horizon 0}, one line for unexpected failures,
 * and BG/BB's published P(alive in period n + 1).
 */
class CliConventionsTest {
    private static final String BG = "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.243,\"alpha\":4.414,\"a\":0.793,"
            + "\"b\":2.426}}";
    private static final String GG = "{\"model\":\"gamma-gamma\",\"parameters\":{\"p\":6.25,\"q\":3.74,\"v\":15.44}}";
    private static final String SUMMARY = "customer_id,frequency,recency,T,monetary_value\n"
            + "c1,2,30.43,38.86,22.35\nc2,0,0,38.86,0\nc3,6,37,38.86,11.2\n";

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int crm(String... args) {
        return crmWithInput("", args);
    }

    private int crmWithInput(String stdin, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code = Crm.run(in, new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void version_printsTheProjectVersion() {
        assertThat(crm("--version")).isZero();
        assertThat(out.lines().findFirst()).get().asString().matches("crm \\(crmkit\\) \\d+\\.\\d+\\.\\d+.*");
        assertThat(crm("fit", "--version")).isZero();
        assertThat(out).startsWith("crm (crmkit) ");
    }

    @Test
    void failedCommand_keepsThePreviousResultAndLeavesNoTemporaryFile() throws IOException {
        Path summary = write("s.csv", SUMMARY);
        Path rfm = dir.resolve("rfm.csv");
        assertThat(crm("rfm", "--summary", summary.toString(), "--out", rfm.toString())).as(err).isZero();
        String previous = Files.readString(rfm);
        // the last row is bad: the command has scored nothing when it fails, and must not touch rfm.csv
        Path bad = write("bad.csv", SUMMARY + "c4,1,40,38.86,3\n");
        assertThat(crm("rfm", "--summary", bad.toString(), "--out", rfm.toString())).isEqualTo(2);
        assertThat(Files.readString(rfm)).isEqualTo(previous);
        assertThat(leftovers()).isEmpty();

        // segment fails on line 3 after writing line 2 to its output: no --out appears
        Path rules = write("rules.json", SegmentCommandTest.RULES);
        Path customers = write("c.csv", "customer_id,abc_class,shop.points\nC-1,A,10\nC-2,B,lots\n");
        Path segments = dir.resolve("segments.csv");
        assertThat(crm("segment", "--rules", rules.toString(), "--customers", customers.toString(), "--out",
                segments.toString())).isEqualTo(2);
        assertThat(segments).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void outEqualToAnInput_isRefusedBeforeAnythingIsOpened() throws IOException {
        Path summary = write("s.csv", SUMMARY);
        Path sameByAnotherName = dir.resolve(".").resolve("sub").resolve("..").resolve("s.csv");
        Files.createDirectory(dir.resolve("sub"));
        assertThat(crm("rfm", "--summary", summary.toString(), "--out", sameByAnotherName.toString())).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString().contains("--out names an input file");
        assertThat(Files.readString(summary)).isEqualTo(SUMMARY);

        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, summary);
        Path model = write("bg.json", BG);
        assertThat(crm("predict", "--model", model.toString(), "--summary", link.toString(), "--horizon", "5",
                "--out", summary.toString())).isEqualTo(2);
        assertThat(Files.readString(summary)).isEqualTo(SUMMARY);
        assertThat(crm("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--out", link.toString()))
                .isEqualTo(2);
        assertThat(err).contains("--out names an input file");
        assertThat(Files.readString(summary)).isEqualTo(SUMMARY);
    }

    @Test
    void dash_readsStandardInputAndWritesStandardOutput_statusOnStderr() throws IOException {
        String tx = "customer,date,amount\nc1,2024-01-02,10\nc1,2024-02-03,20\nc2,2024-01-05,5\n";
        assertThat(crmWithInput(tx, "summarize", "--transactions", "-", "--customer-col", "customer",
                "--date-col", "date", "--amount-col", "amount", "--observation-end", "2024-03-01", "--out", "-"))
                .as(err).isZero();
        assertThat(out).isEqualTo("# time_unit=days\ncustomer_id,frequency,recency,T,monetary_value\n"
                + "c1,1,32.0,59.0,20.0\nc2,0,0.0,56.0,0.0\n");
        assertThat(err).contains("wrote 2 customer summaries").contains("standard output");

        String summary = out;
        Path model = write("bg.json", BG);
        assertThat(crmWithInput(summary, "predict", "--model", model.toString(), "--summary", "-", "--horizon", "5",
                "--out", "-")).as(err).isZero();
        assertThat(out.lines().toList()).hasSize(3).first().isEqualTo("customer_id,expected_purchases,p_alive");
        assertThat(err).startsWith("wrote predictions for 2 customers");

        assertThat(crmWithInput(summary, "rfm", "--summary", "-", "--bins", "2", "--out", "-")).as(err).isZero();
        assertThat(out).startsWith("customer_id,recency_score").doesNotContain("wrote");
        assertThat(crmWithInput(BG, "evaluate", "--model", "-", "--summary", "-")).isEqualTo(2);
        assertThat(err).contains("only one input can be read from standard input");
    }

    @Test
    void horizonZero_givesZerosAsTheApiDoes() throws IOException {
        Path summary = write("s.csv", SUMMARY);
        Path model = write("bg.json", BG);
        Path spend = write("gg.json", GG);
        Path predictions = dir.resolve("p.csv");
        assertThat(crm("predict", "--model", model.toString(), "--spend-model", spend.toString(), "--summary",
                summary.toString(), "--horizon", "0", "--out", predictions.toString())).as(err).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(4);
        for (String line : lines.subList(1, 4)) {
            String[] f = line.split(",");
            assertThat(Double.parseDouble(f[1])).isZero();   // expected purchases in no time
            assertThat(Double.parseDouble(f[4])).isZero();   // value of no time
        }
    }

    @Test
    void spreadsheetSafe_neutralisesFormulasReversibly() throws IOException {
        String tx = "customer,date\n=HYPERLINK(\"http://x\"),2024-01-02\n+1,2024-01-02\n-2,2024-01-03\n"
                + "@SUM(A1),2024-01-04\n'=quoted,2024-01-05\nplain,2024-01-06\n";
        Path transactions = write("tx.csv", tx);
        Path summary = dir.resolve("s.csv");
        assertThat(crm("summarize", "--transactions", transactions.toString(), "--customer-col", "customer",
                "--date-col", "date", "--observation-end", "2024-02-01", "--out", summary.toString())).as(err).isZero();
        // skip the "# time_unit=" line and the header
        List<String> ids = Files.readAllLines(summary).stream().skip(2).map(l -> l.substring(0, l.lastIndexOf(',',
                l.lastIndexOf(',', l.lastIndexOf(',', l.lastIndexOf(',') - 1) - 1) - 1))).toList();
        assertThat(ids).containsExactly("\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "'-2", "'@SUM(A1)", "''=quoted",
                "plain");
        // every crm reader restores the ids, so a second command writes them neutralised once, not twice
        Path rfm = dir.resolve("rfm.csv");
        assertThat(crm("rfm", "--summary", summary.toString(), "--bins", "2", "--out", rfm.toString())).isZero();
        assertThat(Files.readAllLines(rfm).stream().skip(1).map(l -> l.split(",")[0]))
                .contains("'+1", "'-2", "'@SUM(A1)", "''=quoted", "plain");
        assertThat(crm("rfm", "--summary", summary.toString(), "--bins", "2", "--no-spreadsheet-safe", "--out",
                rfm.toString())).isZero();
        assertThat(Files.readAllLines(rfm).stream().skip(1).map(l -> l.split(",")[0]))
                .contains("+1", "-2", "@SUM(A1)", "'=quoted", "plain");
        assertThat(CsvField.restore("'+1")).isEqualTo("+1");
    }

    @Test
    void bgbbPredict_givesThePublishedPAliveInPeriodNPlusOne() throws IOException {
        // Fader, Hardie & Shang (2010) donations estimates
        double gamma = 0.657;
        double delta = 2.783;
        Path model = write("bb.json", "{\"model\":\"bg-bb\",\"parameters\":{\"alpha\":1.204,\"beta\":0.750,"
                + "\"gamma\":" + gamma + ",\"delta\":" + delta + "}}");
        Path summary = write("d.csv", "frequency,recency,periods,weights\n6,6,6,1203\n0,0,6,3464\n");
        Path predictions = dir.resolve("p.csv");
        assertThat(crm("predict", "--model", model.toString(), "--summary", summary.toString(), "--horizon", "5",
                "--out", predictions.toString())).as(err).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("customer_id,expected_purchases,p_alive,p_alive_next_period");
        String[] everyYear = lines.get(1).split(",");
        // bought at every one of the n = 6 opportunities: alive at n for sure, and theta | history ~
        // Beta(gamma, delta + n), so P(alive in period n + 1) = (delta + n) / (gamma + delta + n) by hand
        assertThat(Double.parseDouble(everyYear[2])).isEqualTo(1.0);
        assertThat(Double.parseDouble(everyYear[3])).isCloseTo((delta + 6) / (gamma + delta + 6), within(1e-12));
        String[] never = lines.get(2).split(",");
        assertThat(Double.parseDouble(never[3])).isLessThan(Double.parseDouble(never[2]));
    }

    @Test
    void unexpectedFailure_oneLineSayingWhatToDo() {
        StringWriter e = new StringWriter();
        int code = ErrorReporter.unexpected(new PrintWriter(e, true),
                new NullPointerException("ann.lee@example.com was null"), false);
        assertThat(code).isEqualTo(1);
        assertThat(e.toString().lines()).singleElement().asString()
                .startsWith("crm: internal error (NullPointerException: ")
                .contains("--debug").doesNotContain("ann.lee").doesNotContain("\tat ");
    }

    @Test
    void outOfMemory_exitsOneWithTheHeapToGive() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx24m", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                Crm.class.getName(), "demo", "--customers", "1000000")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        p.getOutputStream().close();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(stdout).isNotNull();
        assertThat(p.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr.lines()).singleElement().asString().startsWith("crm: out of memory")
                .contains("needs more heap").contains("-Xmx");
    }

    @Test
    void dash_npsAndCampaignReadTheCommandsStandardInput() {
        assertThat(crmWithInput("s\n10\n9\n3\n", "nps", "--surveys", "-", "--score-col", "s")).as(err).isZero();
        assertThat(out).contains("\"promoters\":2").contains("\"detractors\":1");
        assertThat(crmWithInput("arm,r\nA,1\nctl,0\n", "campaign", "--customers", "-", "--arm-col", "arm",
                "--control", "ctl", "--outcome-col", "r")).as(err).isZero();
        assertThat(out).contains("\"rate_lift\":1.0");
        assertThat(crmWithInput("s\n11\n", "nps", "--surveys", "-", "--score-col", "s")).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("crm: <stdin>: line 2, field 's': an NPS answer must be a whole number 0..10");
    }
}
