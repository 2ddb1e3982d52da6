package org.crmkit.examples.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGraphics2D;
import org.crmkit.scoring.diagnostics.PlotTable;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.Document;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Draws the charts of {@code crm plot} and {@code crm demo --plots}, and writes them.
 *
 * <p>Charts are drawn with JFreeChart (LGPL-2.1; maintained, pure Java2D, works headless),
 * chosen over XChart because it has every chart type needed here (category bars and lines,
 * XY lines with markers, heat maps with a colour-scale legend, scatter plots coloured by a
 * third value) and draws onto any {@link java.awt.Graphics2D}. PNG files come from
 * JFreeChart's own encoder; SVG files from drawing the same chart onto Apache Batik's
 * {@link SVGGraphics2D} (Apache-2.0), which keeps text as SVG text. JFreeChart's sister
 * project JFreeSVG is not used because it is GPL-3.0, which crmkit (Apache-2.0) cannot ship.
 *
 * <p>The JVM runs headless ({@code java.awt.headless=true} is set before any chart is made),
 * so no display is needed. Every file is written through {@link AtomicOutput}.
 */
final class Charts {
    /** Default size of a chart, in pixels. */
    static final int WIDTH = 800;
    /** Default height of a chart, in pixels. */
    static final int HEIGHT = 500;

    private static final Color[] SERIES = {
        new Color(0x1f, 0x4e, 0x9c), new Color(0xd6, 0x5f, 0x00), new Color(0x2c, 0x8c, 0x3c),
        new Color(0x88, 0x88, 0x88),
    };

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** The image format of an output, by its file name extension. */
    enum Format {
        PNG, SVG;

        static Format of(Path out) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".svg")) {
                return SVG;
            }
            throw new BadInputException(out, 0, null, "--out must name a .png or .svg file");
        }
    }

    /**
     * A line chart of a table: x the table's x, one line per series; series named in
     * {@code dashed} are drawn dashed without markers (reference lines).
     */
    static JFreeChart lines(String title, String subtitle, String xLabel, String yLabel, PlotTable table,
            boolean markers, List<String> dashed) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < table.seriesNames().size(); s++) {
            XYSeries series = new XYSeries(table.seriesNames().get(s), false, true);
            for (int row = 0; row < table.rows(); row++) {
                OptionalDouble v = table.value(row, s);
                if (v.isPresent()) {
                    series.add(table.x(row), v.getAsDouble());
                }
            }
            data.addSeries(series);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis(yLabel);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        for (int s = 0; s < table.seriesNames().size(); s++) {
            renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
            boolean reference = dashed.contains(table.seriesNames().get(s));
            renderer.setSeriesStroke(s, reference ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
            renderer.setSeriesShapesVisible(s, markers && !reference);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), subtitle, plot);
    }

    /** Marks an x value of an XY chart with a labelled vertical line. */
    static void markX(JFreeChart chart, double x, String label) {
        ValueMarker marker = new ValueMarker(x, Color.DARK_GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        chart.getXYPlot().addDomainMarker(marker, Layer.FOREGROUND);
    }

    /** Bars (or lines with markers) over labelled categories, one group per row of the table. */
    static JFreeChart categories(String title, String subtitle, String xLabel, String yLabel, List<String> labels,
            PlotTable table, boolean bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < table.seriesNames().size(); s++) {
            for (int row = 0; row < table.rows(); row++) {
                OptionalDouble v = table.value(row, s);
                data.addValue(v.isPresent() ? (Number) v.getAsDouble() : null, table.seriesNames().get(s),
                        labels.get(row));
            }
        }
        CategoryPlot plot;
        if (bars) {
            BarRenderer renderer = new BarRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setItemMargin(0.05);
            for (int s = 0; s < table.seriesNames().size(); s++) {
                renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
            }
            plot = new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis(xLabel), new NumberAxis(yLabel),
                    renderer);
        } else {
            LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
            for (int s = 0; s < table.seriesNames().size(); s++) {
                renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
                renderer.setSeriesStroke(s, new BasicStroke(2f));
            }
            plot = new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis(xLabel), new NumberAxis(yLabel),
                    renderer);
        }
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        addSubtitle(chart, subtitle);
        return chart;
    }

    /**
     * A heat map: a block of width {@code blockWidth} and height {@code blockHeight} centred
     * on each (x, y) with a value; NaN cells are left blank; the colour scale runs from
     * {@code lower} to {@code upper}.
     */
    static JFreeChart heatmap(String title, String subtitle, String xLabel, String yLabel, String zLabel, double[] xs,
            double[] ys, double[][] z, double blockWidth, double blockHeight, boolean integerX) {
        int cells = 0;
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    cells++;
                    lower = Math.min(lower, v);
                    upper = Math.max(upper, v);
                }
            }
        }
        double[][] series = new double[3][cells];
        int c = 0;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isNaN(z[j][i])) {
                    series[0][c] = xs[i];
                    series[1][c] = ys[j];
                    series[2][c++] = z[j][i];
                }
            }
        }
        if (!(upper > lower)) {
            upper = lower + 1; // one value (or none): any scale shows it
        }
        if (cells == 0) {
            lower = 0;
            upper = 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(zLabel, series);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(blockWidth);
        renderer.setBlockHeight(blockHeight);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        Scale scale = new Scale(lower, upper);
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (integerX) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        double minX = xs.length == 0 ? 0 : xs[0];
        double maxX = xs.length == 0 ? 1 : xs[xs.length - 1];
        x.setRange(minX - blockWidth / 2, maxX + blockWidth / 2);
        y.setRange(ys[0] - blockHeight / 2, ys[ys.length - 1] + blockHeight / 2);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        addSubtitle(chart, subtitle);
        chart.addSubtitle(legend(scale, zLabel));
        return chart;
    }

    /** Points (x, y) coloured by z, with the colour scale as legend. */
    static JFreeChart scatter(String title, String subtitle, String xLabel, String yLabel, String zLabel, double[] x,
            double[] y, double[] z) {
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            lower = Math.min(lower, v);
            upper = Math.max(upper, v);
        }
        if (!(upper > lower)) {
            upper = lower + 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(zLabel, new double[][] {x.clone(), y.clone(), z.clone()});
        XYShapeRenderer renderer = new XYShapeRenderer();
        Scale scale = new Scale(lower, upper);
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, new NumberAxis(xLabel), new NumberAxis(yLabel), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        addSubtitle(chart, subtitle);
        chart.addSubtitle(legend(scale, zLabel));
        return chart;
    }

    private static PaintScaleLegend legend(Scale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(16);
        legend.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        return legend;
    }

    private static JFreeChart finish(JFreeChart chart, String subtitle, XYPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        addSubtitle(chart, subtitle);
        return chart;
    }

    private static void addSubtitle(JFreeChart chart, String subtitle) {
        if (subtitle != null && !subtitle.isEmpty()) {
            chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
    }

    /** Sets whole-number ticks on the x axis of an XY chart. */
    static void integerX(JFreeChart chart) {
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    /** Sets fixed tick spacing on the x axis of an XY chart. */
    static void tickX(JFreeChart chart, double unit) {
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setTickUnit(new NumberTickUnit(unit));
    }

    /** Blue (low) through green to yellow (high), a perceptually ordered ramp in the manner of viridis. */
    static final class Scale implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private static final int[][] STOPS = {
            {0x44, 0x01, 0x54}, {0x3b, 0x52, 0x8b}, {0x21, 0x91, 0x8c}, {0x5e, 0xc9, 0x62}, {0xfd, 0xe7, 0x25},
        };
        private final double lower;
        private final double upper;

        Scale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double f = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
            double pos = f * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) pos);
            double t = pos - i;
            int[] a = STOPS[i];
            int[] b = STOPS[i + 1];
            return new Color((int) Math.round(a[0] + t * (b[0] - a[0])), (int) Math.round(a[1] + t * (b[1] - a[1])),
                    (int) Math.round(a[2] + t * (b[2] - a[2])));
        }
    }

    /**
     * Writes a chart as PNG or SVG, by the extension of {@code out}, atomically.
     *
     * @throws BadInputException if the extension is neither .png nor .svg, or out is standard output
     */
    static void write(CommandSpec spec, Path out, JFreeChart chart, int width, int height) throws IOException {
        if (InputFiles.isStandardStream(out)) {
            throw new BadInputException(out, 0, null, "a chart is written to a .png or .svg file, not standard output");
        }
        Format format = Format.of(out);
        try (AtomicOutput o = AtomicOutput.open(spec, out)) {
            if (format == Format.PNG) {
                OutputStream s = new BufferedOutputStream(o.stream(), 1 << 16);
                ChartUtils.writeChartAsPNG(s, chart, width, height);
                s.flush();
            } else {
                writeSvg(o.writer(), chart, width, height);
            }
            o.commit();
        }
    }

    private static void writeSvg(Writer out, JFreeChart chart, int width, int height) throws IOException {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
        }
        SVGGraphics2D g = new SVGGraphics2D(document);
        g.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.stream(out, true);
        g.dispose();
    }

    /**
     * Writes the plotted numbers as CSV: the x column, then one column per series named as
     * in the legend; an empty cell where the chart has no value.
     */
    static void writeData(CommandSpec spec, Path out, PlotTable table) throws IOException {
        AtomicOutput.write(spec, out, w -> {
            StringBuilder line = new StringBuilder();
            field(line, table.xName());
            for (String name : table.seriesNames()) {
                line.append(',');
                field(line, name);
            }
            w.write(line.append('\n').toString());
            for (int row = 0; row < table.rows(); row++) {
                line.setLength(0);
                line.append(number(table.x(row)));
                for (int s = 0; s < table.seriesNames().size(); s++) {
                    line.append(',');
                    OptionalDouble v = table.value(row, s);
                    if (v.isPresent()) {
                        line.append(number(v.getAsDouble()));
                    }
                }
                w.write(line.append('\n').toString());
            }
        });
    }

    private static void field(StringBuilder b, String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            b.append(text);
        } else {
            b.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
    }

    /** Whole numbers without a decimal point; others as the shortest decimal that reads back the same. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
