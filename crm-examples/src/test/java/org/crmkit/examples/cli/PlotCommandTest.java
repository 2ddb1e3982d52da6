package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.crmkit.scoring.basket.AssociationRule;
import org.crmkit.scoring.basket.RuleCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * Every {@code crm plot} kind writes a PNG that decodes to the asked size and an SVG that
 * parses as XML and carries the title and the series names, and {@code --data-out} writes
 * the plotted numbers under the legend's names.
 */
class PlotCommandTest {
    @TempDir
    static Path dir;

    private static Path transactions;
    private static Path summary;
    private static Path model;
    private static Path rules;

    private StringWriter err = new StringWriter();

    private int run(String... args) {
        err = new StringWriter();
        return Crm.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    /** 400 customers who first buy in the first quarter of 2024 and then buy every one to six weeks until they drop out. */
    @BeforeAll
    static void data() throws IOException {
        Random random = new Random(15);
        StringBuilder csv = new StringBuilder("customer,date,amount\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int c = 0; c < 400; c++) {
            LocalDate day = start.plusDays(random.nextInt(90));
            double rate = 1.0 / (7 + random.nextInt(40));
            double dropout = Math.pow(random.nextDouble(), 3); // customers differ in loyalty
            while (!day.isAfter(LocalDate.of(2024, 12, 31))) {
                csv.append("c").append(c).append(',').append(day).append(',').append(5 + random.nextInt(50)).append('\n');
                if (random.nextDouble() < dropout) {
                    break;
                }
                day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) / rate));
            }
        }
        transactions = dir.resolve("transactions.csv");
        Files.writeString(transactions, csv);
        summary = dir.resolve("summary.csv");
        setUp("summarize", "--transactions", transactions.toString(), "--customer-col", "customer", "--date-col",
                "date", "--amount-col", "amount", "--time-unit", "weeks", "--calibration-end", "2024-08-31",
                "--observation-end", "2024-12-31", "--out", summary.toString());
        model = dir.resolve("bgnbd.json");
        setUp("fit", "--model", "bg-nbd", "--summary", summary.toString(), "--out", model.toString());
        rules = dir.resolve("rules.csv");
        try (Writer w = Files.newBufferedWriter(rules)) {
            RuleCsv.writeHeader(w);
            RuleCsv.writeRule(w, new AssociationRule(List.of("a"), List.of("b"), 0.2, 0.5, 1.25, 0.04,
                    OptionalDouble.of(1.6), 10));
            RuleCsv.writeRule(w, new AssociationRule(List.of("b"), List.of("c"), 0.1, 0.8, 2.0, 0.05,
                    OptionalDouble.of(3.0), 5));
        }
    }

    private static void setUp(String... args) {
        StringWriter e = new StringWriter();
        assertThat(Crm.run(new PrintWriter(new StringWriter()), new PrintWriter(e, true), args)).as(e.toString()).isZero();
    }

    /** Kind, its input options, the title's start, the CSV header. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("tracking", List.of("--model", "M", "--transactions", "T", "--customer-col", "customer",
                        "--date-col", "date", "--calibration-end", "2024-08-31", "--observation-end", "2024-12-31"),
                        "Repeat transactions per week: actual vs bg-nbd", "weeks,actual,expected"),
                Arguments.of("tracking", List.of("--model", "M", "--transactions", "T", "--customer-col", "customer",
                        "--date-col", "date", "--calibration-end", "2024-08-31", "--observation-end", "2024-12-31",
                        "--cumulative"), "Cumulative repeat transactions: actual vs bg-nbd", "weeks,actual,expected"),
                Arguments.of("period-transactions", List.of("--model", "M", "--summary", "S"),
                        "Customers by repeat transactions: actual vs bg-nbd", "repeat_purchases,actual,expected,simulated"),
                Arguments.of("calibration-holdout", List.of("--model", "M", "--summary", "S"),
                        "Holdout vs calibration purchases: actual vs bg-nbd", "calibration_purchases,actual,predicted"),
                Arguments.of("frequency-recency", List.of("--model", "M", "--summary", "S", "--horizon", "52"),
                        "Expected purchases in the next 52 weeks (bg-nbd)", "frequency,recency=0.00,"),
                Arguments.of("p-alive-matrix", List.of("--model", "M", "--summary", "S"),
                        "Probability alive (bg-nbd)", "frequency,recency=0.00,"),
                Arguments.of("lorenz", List.of("--summary", "S"),
                        "Concentration of repeat-purchase revenue (Lorenz curve)", "customer_share,Lorenz curve,equality"),
                Arguments.of("rfm-heatmap", List.of("--summary", "S"),
                        "Mean monetary value by recency and frequency score", "recency_score,F=1,F=2,F=3,F=4,F=5"),
                Arguments.of("churn-gain", List.of("--model", "M", "--summary", "S"),
                        "Cumulative gain of the churn risk (bg-nbd)", "targeted_share,model,random"),
                Arguments.of("churn-lift", List.of("--model", "M", "--summary", "S"),
                        "Cumulative lift of the churn risk (bg-nbd)", "targeted_share,model,random"),
                Arguments.of("rule-scatter", List.of("--rules", "R"),
                        "Association rules: support vs confidence", "support,confidence,lift"));
    }

    private static List<String> line(String kind, List<String> inputs, Path out, Path data) {
        List<String> args = new ArrayList<>(List.of("plot", kind));
        for (String a : inputs) {
            args.add(switch (a) {
                case "M" -> model.toString();
                case "T" -> transactions.toString();
                case "S" -> summary.toString();
                case "R" -> rules.toString();
                default -> a;
            });
        }
        args.addAll(List.of("--out", out.toString(), "--data-out", data.toString()));
        return args;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void plot_writesPngOfTheAskedSize_andDataUnderTheLegendNames(String kind, List<String> inputs, String title,
            String header) throws IOException {
        Path png = dir.resolve(kind + inputs.size() + ".png");
        Path csv = dir.resolve(kind + inputs.size() + ".csv");
        List<String> args = line(kind, inputs, png, csv);
        args.addAll(List.of("--width", "640", "--height", "400"));
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith(header);
        assertThat(lines).hasSizeGreaterThan(1);
        int columns = lines.get(0).split(",", -1).length;
        for (String row : lines.subList(1, lines.size())) {
            assertThat(row.split(",", -1)).as(row).hasSize(columns);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void plot_writesSvgWithTitleAndSeriesNames(String kind, List<String> inputs, String title, String header)
            throws Exception {
        Path svg = dir.resolve(kind + inputs.size() + ".svg");
        Path csv = dir.resolve(kind + inputs.size() + "-svg.csv");
        assertThat(run(line(kind, inputs, svg, csv).toArray(String[]::new))).as(err.toString()).isZero();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains(title);
        if (!kind.endsWith("matrix") && !kind.endsWith("recency") && !kind.startsWith("rfm") && !kind.startsWith("rule")) {
            // charts with a legend name each series as the CSV does
            String[] names = header.split(",");
            for (int i = 1; i < names.length; i++) {
                assertThat(text).as("legend entry " + names[i]).contains(names[i]);
            }
        }
    }

    @Test
    void demo_plots_writesEachChartAsPng() throws IOException {
        Path charts = dir.resolve("demo-charts");
        assertThat(run("demo", "--customers", "1000", "--seed", "7", "--plots", charts.toString())).as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("wrote 7 charts to " + charts);
        for (String kind : List.of("tracking", "period-transactions", "calibration-holdout", "frequency-recency",
                "p-alive-matrix", "lorenz", "rfm-heatmap")) {
            BufferedImage image = ImageIO.read(charts.resolve(kind + ".png").toFile());
            assertThat(image).as(kind).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(500);
        }
    }

    @Test
    void plot_badInput_exitsWith2AndOneLine() throws IOException {
        Path out = dir.resolve("bad.gif");
        assertThat(run("plot", "lorenz", "--summary", summary.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out must name a .png or .svg file").hasLineCount(1);
        assertThat(out).doesNotExist();

        Path png = dir.resolve("bad.png");
        assertThat(run("plot", "calibration-holdout", "--model", model.toString(), "--summary", transactions.toString(),
                "--out", png.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(transactions.toString()).hasLineCount(1);
        assertThat(png).doesNotExist();

        Path noUnit = dir.resolve("nounit.json");
        Files.writeString(noUnit, "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":0.243,\"alpha\":4.414,\"a\":0.793,\"b\":2.426}}");
        assertThat(run("plot", "tracking", "--model", noUnit.toString(), "--transactions", transactions.toString(),
                "--customer-col", "customer", "--date-col", "date", "--calibration-end", "2024-08-31",
                "--observation-end", "2024-10-31", "--out", png.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give --time-unit").hasLineCount(1);

        assertThat(run("plot", "tracking", "--model", model.toString(), "--transactions", transactions.toString(),
                "--customer-col", "customer", "--date-col", "date", "--calibration-end", "2024-08-31",
                "--observation-end", "2024-10-31", "--out", png.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("transactions.csv").contains("after the observation end").hasLineCount(1);
        assertThat(png).doesNotExist();
    }
}
